package io.trustchain.lab.cli;

import io.trustchain.lab.exec.SimulatedHostFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code lab …} with picocli as the trustchain root would, capturing both writers. */
final class Cli {

  record Result(int exitCode, String out, String err) {}

  private final SimulatedHostFactory factory;
  private final LabFleetSource source;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  Cli(SimulatedHostFactory factory, LabFleetSource source) {
    this.factory = factory;
    this.source = source;
  }

  Result run(String... args) {
    CommandLine cmd = new CommandLine(new LabCommand(factory, source));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
