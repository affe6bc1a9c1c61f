package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import java.util.ArrayList;
import java.util.List;

/** {@code rm [-f] [-r|-R] PATH…}. */
final class Rm implements Program {

  private final MacState state;

  Rm(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    boolean force = false;
    boolean recursive = false;
    List<String> paths = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("-") && a.length() > 1 && paths.isEmpty()) {
        for (char c : a.substring(1).toCharArray()) {
          switch (c) {
            case 'f' -> force = true;
            case 'r', 'R' -> recursive = true;
            default -> {
              ctx.stderr().print("rm: illegal option -- " + c + "\nusage: rm [-f | -i] [-dIPRrvWx] file ...\n");
              return 64;
            }
          }
        }
      } else {
        paths.add(a);
      }
    }
    int status = 0;
    for (String arg : paths) {
      String path = FilePermissions.absolute(state, ctx.user(), arg);
      if (!state.files().exists(path)) {
        if (!force) {
          ctx.stderr().print("rm: " + arg + ": No such file or directory\n");
          status = 1;
        }
      } else if (state.files().isDirectory(path) && !recursive) {
        ctx.stderr().print("rm: " + arg + ": is a directory\n");
        status = 1;
      } else if (!FilePermissions.writable(state, ctx.user(), path)) {
        ctx.stderr().print("rm: " + arg + ": Permission denied\n");
        status = 1;
      } else {
        state.files().delete(path);
      }
    }
    return status;
  }
}
