package io.trustchain.lab.cli;

import io.trustchain.diag.DiagnosticPrinter;
import io.trustchain.diag.DidYouMean;
import io.trustchain.diag.InvalidDocumentsException;
import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every {@code lab} subcommand shares: the fleet options, the output writers and error reporting. */
@Command(exitCodeOnInvalidInput = LabCommand.USAGE)
abstract class LabSubcommand implements Callable<Integer> {

  @ParentCommand
  LabCommand lab;

  @Spec
  CommandSpec spec;

  @Mixin
  FleetOptions fleet;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } catch (InvalidDocumentsException e) {
      new DiagnosticPrinter().print(e.diagnostics(), err);
      return LabCommand.INVALID;
    } catch (LabCliException e) {
      err.println("error: " + e.getMessage());
      if (e.hint() != null) {
        err.println("  hint: " + e.hint());
      }
      return e.exitCode();
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return LabCommand.FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }

  abstract int run(PrintWriter out, PrintWriter err)
      throws LabCliException, InvalidDocumentsException, IOException;

  List<LabHost> hosts() throws LabCliException, InvalidDocumentsException, IOException {
    return fleet.hosts(lab.fleetSource());
  }

  /** The host named {@code name}, or a usage error naming the known ones. */
  LabHost host(String name) throws LabCliException, InvalidDocumentsException, IOException {
    List<LabHost> hosts = hosts();
    for (LabHost h : hosts) {
      if (h.name().equals(name)) {
        return h;
      }
    }
    List<String> names = hosts.stream().map(LabHost::name).toList();
    String hint = DidYouMean.hint(name, names);
    throw LabCliException.usage("no lab host named \"" + name + "\" in " + fleet.origin(),
        (hint == null ? "" : hint + " ") + "known lab hosts: " + String.join(", ", names));
  }
}
