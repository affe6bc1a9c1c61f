package io.trustchain.lab.macos.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The faults a scenario injects: network-level ones (played by the SSH side) and tool-level ones. */
public final class Faults {

  private List<NetFault> network = new ArrayList<>();
  private List<ToolFault> refuseSilently = new ArrayList<>();
  private List<VarianceFault> variance = new ArrayList<>();
  private boolean noFullDiskAccess;

  public Faults() {}

  public List<NetFault> network() {
    return network;
  }

  public List<ToolFault> refuseSilently() {
    return refuseSilently;
  }

  /** The first live {@code refuse_silently} fault matching {@code commandLine}. */
  public Optional<ToolFault> refusal(String commandLine) {
    return refuseSilently.stream().filter(f -> f.matches(commandLine)).findFirst();
  }

  public List<VarianceFault> variance() {
    return variance;
  }

  /** The first live {@code variance} fault matching {@code commandLine}. */
  public Optional<VarianceFault> variance(String commandLine) {
    return variance.stream().filter(f -> f.matches(commandLine)).findFirst();
  }

  /**
   * The calling process lacks Full Disk Access (macOS 15+): {@code sysadminctl -deleteUser} removes the
   * home but not the record (S18), {@code dscl . -delete} fails with eDSPermissionError (S77).
   */
  public boolean noFullDiskAccess() {
    return noFullDiskAccess;
  }

  public void noFullDiskAccess(boolean value) {
    this.noFullDiskAccess = value;
  }
}
