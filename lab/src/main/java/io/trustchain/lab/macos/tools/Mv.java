package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.FileTree;
import io.trustchain.lab.macos.state.MacState;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mv [-f] SOURCE TARGET}: BSD rename semantics. A TARGET that is an existing directory
 * receives SOURCE inside it ({@code TARGET/basename}); a missing SOURCE prints {@code mv: rename
 * SOURCE to TARGET: No such file or directory} and exits 1. One source only (the engine's lock
 * protocol renames one directory); more is not simulated.
 */
final class Mv implements Program {

  private final MacState state;

  Mv(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    List<String> operands = new ArrayList<>();
    for (String a : args) {
      if (a.equals("-f") && operands.isEmpty()) {
        continue;
      }
      if (a.startsWith("-") && a.length() > 1 && operands.isEmpty()) {
        ctx.stderr().print("lab: mv " + a + " is not simulated\n");
        return 70;
      }
      operands.add(a);
    }
    if (operands.size() < 2) {
      ctx.stderr().print("usage: mv [-f | -i | -n] [-hv] source target\n"
          + "       mv [-f | -i | -n] [-v] source ... directory\n");
      return 64;
    }
    if (operands.size() > 2) {
      ctx.stderr().print("lab: mv with more than one source is not simulated\n");
      return 70;
    }
    String source = operands.get(0);
    String target = operands.get(1);
    String from = FileTree.normalize(FilePermissions.absolute(state, ctx.user(), source));
    String to = FileTree.normalize(FilePermissions.absolute(state, ctx.user(), target));
    if (!state.files().exists(from)) {
      ctx.stderr().print("mv: rename " + source + " to " + target + ": No such file or directory\n");
      return 1;
    }
    if (state.files().isDirectory(to)) {
      to = to.equals("/") ? "/" + name(from) : to + "/" + name(from);
    }
    if (!FilePermissions.writable(state, ctx.user(), from) || !FilePermissions.writable(state, ctx.user(), to)) {
      ctx.stderr().print("mv: rename " + source + " to " + target + ": Permission denied\n");
      return 1;
    }
    if (to.equals(from) || to.startsWith(from + "/")) {
      ctx.stderr().print("mv: rename " + source + " to " + target + ": Invalid argument\n");
      return 1;
    }
    if (state.files().exists(to)) {
      boolean dirFrom = state.files().isDirectory(from);
      boolean dirTo = state.files().isDirectory(to);
      String refusal = dirFrom && !dirTo ? "Not a directory" : !dirFrom && dirTo ? "Is a directory"
          : dirTo && state.files().hasChildren(to) ? "Directory not empty" : null;
      if (refusal != null) {
        ctx.stderr().print("mv: rename " + source + " to " + target + ": " + refusal + "\n");
        return 1;
      }
      state.files().delete(to);
    }
    state.files().move(from, to);
    return 0;
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
