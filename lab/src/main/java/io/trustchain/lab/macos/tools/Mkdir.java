package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.FileTree;
import io.trustchain.lab.macos.state.MacState;
import java.util.ArrayList;
import java.util.List;

/** {@code mkdir [-p] DIR…}. */
final class Mkdir implements Program {

  private final MacState state;

  Mkdir(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    boolean parents = false;
    List<String> dirs = new ArrayList<>();
    for (String a : args) {
      if (a.equals("-p")) {
        parents = true;
      } else if (a.startsWith("-") && a.length() > 1) {
        ctx.stderr().print("lab: mkdir " + a + " is not simulated\n");
        return 70;
      } else {
        dirs.add(a);
      }
    }
    int status = 0;
    for (String arg : dirs) {
      String path = FilePermissions.absolute(state, ctx.user(), arg);
      String parent = path.lastIndexOf('/') <= 0 ? "/" : path.substring(0, path.lastIndexOf('/'));
      if (state.files().exists(path)) {
        if (!parents) {
          ctx.stderr().print("mkdir: " + arg + ": File exists\n");
          status = 1;
        }
      } else if (!parents && !state.files().isDirectory(parent)) {
        ctx.stderr().print("mkdir: " + arg + ": No such file or directory\n");
        status = 1;
      } else if (!FilePermissions.writable(state, ctx.user(), path)) {
        ctx.stderr().print("mkdir: " + arg + ": Permission denied\n");
        status = 1;
      } else {
        state.files().mkdirs(FileTree.normalize(path));
      }
    }
    return status;
  }
}
