package io.trustchain.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trustchain}: the root command; every verb is a subcommand ({@link Verbs}). */
@Command(
    name = "trustchain",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeOnExecutionException = ExitCodes.SOFTWARE,
    description = {
      "Keeps a Mac fleet's Secure Token, FileVault and Bootstrap Token state in git and converges it safely.",
      "",
      "Exit codes: 0 success / no changes, 2 changes present (plan --detailed-exitcode),",
      "1 a host or the run failed, 64 usage error, 65 invalid documents."
    })
public final class RootCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
