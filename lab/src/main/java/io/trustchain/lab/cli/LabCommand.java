package io.trustchain.lab.cli;

import io.trustchain.lab.exec.SimulatedHostFactory;
import io.trustchain.lab.macos.MacHostFactory;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trustchain lab}: the simulated Macs. Serves them over SSH ({@code serve}), plays the
 * events of a Mac's login window ({@code login}, {@code logout}, {@code reboot}), forgets their
 * state ({@code reset}) and shows them ({@code status}).
 */
@Command(name = "lab",
    description = "The simulated Macs: serve them over SSH and play their login-window events.",
    exitCodeOnInvalidInput = LabCommand.USAGE,
    subcommands = {ServeCommand.class, LoginCommand.class, LoginDeclineCommand.class, LogoutCommand.class,
        LogoutDeclineCommand.class, RebootCommand.class,
        ResetCommand.class, StatusCommand.class, AdvanceDaysCommand.class})
public final class LabCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 64;
  static final int INVALID = 65;

  private final SimulatedHostFactory factory;
  private final LabFleetSource fleetSource;

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  /** The simulated macOS, and the inventory loader registered with {@link ServiceLoader}, if any. */
  public LabCommand() {
    this(new MacHostFactory(), ServiceLoader.load(LabFleetSource.class, LabCommand.class.getClassLoader()).findFirst().orElse(null));
  }

  /**
   * @param fleetSource reads lab hosts from inventories; null when only {@code --fleet} is supported
   */
  public LabCommand(SimulatedHostFactory factory, LabFleetSource fleetSource) {
    this.factory = Objects.requireNonNull(factory, "factory == null");
    this.fleetSource = fleetSource;
  }

  SimulatedHostFactory factory() {
    return factory;
  }

  LabFleetSource fleetSource() {
    return fleetSource;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }
}
