package io.trustchain.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trustchain man}: the man page (roff), generated from picocli's command model. */
@Command(name = "man", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
    description = {"Print the man page trustchain(1) in roff.",
        "  trustchain man > trustchain.1 && man ./trustchain.1"})
final class ManCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().getOut().print(ManPage.render(spec.root(), Version.engine()));
    spec.commandLine().getOut().flush();
  }
}
