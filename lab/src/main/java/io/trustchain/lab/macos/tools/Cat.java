package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code cat [FILE…]} over the simulated file system (honouring modes); no files: copies stdin. */
final class Cat implements Program {

  private final MacState state;

  Cat(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) throws IOException {
    if (args.isEmpty() || args.equals(List.of("-"))) {
      ctx.stdin().transferTo(ctx.stdout());
      return 0;
    }
    int status = 0;
    for (String arg : args) {
      String path = FilePermissions.absolute(state, ctx.user(), arg);
      Optional<String> content = state.files().read(path);
      if (content.isPresent() && !state.files().readableBy(ctx.user(), path)) {
        ctx.stderr().print("cat: " + arg + ": Permission denied\n");
        status = 1;
      } else if (content.isPresent()) {
        ctx.stdout().print(content.get());
      } else if (state.files().isDirectory(path)) {
        ctx.stderr().print("cat: " + arg + ": Is a directory\n");
        status = 1;
      } else {
        ctx.stderr().print("cat: " + arg + ": No such file or directory\n");
        status = 1;
      }
    }
    return status;
  }
}
