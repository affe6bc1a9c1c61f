package io.trustchain.inventory;

import java.util.Objects;

/**
 * Pull mode ({@code ansible_connection: local}): the scripts run on the machine trustchain runs on (the Mac
 * itself), with its {@code /bin/sh}, as the user trustchain runs as (root under a LaunchDaemon), or through
 * {@code sudo} with become.
 *
 * @param path the {@code PATH} the scripts run with ({@code trustchain_local_path}; default
 *     {@link #MACOS_PATH}, where macOS keeps the tools: a LaunchDaemon's environment has no login PATH)
 * @param shell the POSIX shell that runs them ({@code ansible_shell_executable}, as in Ansible; default
 *     {@code /bin/sh})
 */
public record LocalConnection(String path, String shell) {

  /** {@code /usr/bin:/bin:/usr/sbin:/sbin}: sysadminctl, fdesetup, diskutil and dscl live in the last two. */
  public static final String MACOS_PATH = "/usr/bin:/bin:/usr/sbin:/sbin";

  public LocalConnection {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(shell, "shell == null");
  }

  /** With {@code /bin/sh}. */
  public LocalConnection(String path) {
    this(path, "/bin/sh");
  }
}
