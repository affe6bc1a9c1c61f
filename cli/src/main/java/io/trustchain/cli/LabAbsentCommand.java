package io.trustchain.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * Stands for {@code trustchain lab} while the lab is not loaded: it keeps {@code lab} in the root
 * command's help at no start-up cost, and explains when the lab is not installed. When the command
 * line names {@code lab} and the lab is installed, the real command replaces it (see {@link Cli}).
 */
@Command(name = "lab", description = "The simulated Macs: serve them over SSH and play their login-window events.")
final class LabAbsentCommand implements Callable<Integer> {

  @Parameters(arity = "0..*", hidden = true)
  List<String> args;

  @Unmatched
  List<String> unmatched;

  @Override
  public Integer call() {
    throw UserException.usage("the lab (simulated Macs) is not installed with this trustchain: the release archive "
        + "has it in its lab/ folder beside lib/; the runtime image and the OCI image leave it out");
  }
}
