package io.trustchain.lab.exec;

import java.util.List;
import java.util.Optional;

/**
 * One simulated Mac, its state loaded for the duration of a transaction (see {@link SimulatedHost}).
 * The shell resolves commands, files and sudo through it.
 */
public interface Machine {

  String hostName();

  /** The program by bare name ({@code sysadminctl}) or absolute path ({@code /usr/sbin/sysadminctl}). */
  Optional<Program> program(String name);

  boolean userExists(String user);

  /** Whether {@code password} is {@code user}'s password (sudo, SSH password auth). */
  boolean authenticate(String user, char[] password);

  /** Whether {@code user} may sudo (is in the admin group). */
  boolean isAdmin(String user);

  /** The simulated file system (deferral plists, home folders); paths are absolute. */
  Optional<String> readFile(String path);

  void writeFile(String path, String content);

  /**
   * Writes {@code path}; a file that does not exist yet is created with {@code modeIfNew} (e.g.
   * {@code 0600} under {@code umask 077}), an existing one keeps its mode. Machines that do not
   * model modes ignore it.
   */
  default void writeFile(String path, String content, int modeIfNew) {
    writeFile(path, content);
  }

  boolean deleteFile(String path);

  boolean isDirectory(String path);

  /** A new process id (the watchdog's process group, a hung program). */
  default int newPid() {
    return 4242;
  }

  /** Network-level faults not yet used up, in scenario order. */
  List<NetworkFault> activeFaults();

  /** Records that {@code fault} fired once (persisted with the state). */
  void fired(NetworkFault fault);
}
