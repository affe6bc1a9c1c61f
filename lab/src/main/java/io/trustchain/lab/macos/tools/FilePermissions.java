package io.trustchain.lab.macos.tools;

import io.trustchain.lab.macos.state.FileTree;
import io.trustchain.lab.macos.state.MacState;

/** Who may write where, coarsely: root anywhere; others in /tmp and their own home. */
final class FilePermissions {

  private FilePermissions() {}

  static boolean writable(MacState state, String user, String path) {
    if ("root".equals(user)) {
      return true;
    }
    String p = FileTree.normalize(path);
    if (p.equals("/tmp") || p.startsWith("/tmp/") || p.startsWith("/private/tmp/") || p.startsWith("/var/tmp/")) {
      return true;
    }
    return state.user(user).map(u -> u.home() != null && (p.equals(u.home()) || p.startsWith(u.home() + "/")))
        .orElse(false);
  }

  /** {@code path} made absolute against the home of {@code user} (the shell's working directory). */
  static String absolute(MacState state, String user, String path) {
    if (path.startsWith("/")) {
      return path;
    }
    String home = state.user(user).map(u -> u.home()).orElse("/");
    return home + "/" + path;
  }
}
