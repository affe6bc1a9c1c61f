package io.trustchain.lab.cli;

import io.trustchain.lab.server.FakeHostFactory;
import picocli.CommandLine;

/** {@code lab …} with fake Macs, as a process of its own (for the SIGTERM test). */
public final class LabMain {

  private LabMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new LabCommand(new FakeHostFactory(), null)).execute(args));
  }
}
