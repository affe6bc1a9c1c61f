package io.trustchain.lab.shell;

import io.trustchain.lab.exec.Program;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Small programs for tests. Each records its run (command line, user, stdin it read, env).
 *
 * <ul>
 *   <li>{@code args}: prints each argument on its own line as {@code <arg>}
 *   <li>{@code cat}: copies stdin (or the named machine files) to stdout
 *   <li>{@code whoami}: prints the effective user
 *   <li>{@code fail N}: prints {@code failing} on stderr and exits N
 *   <li>{@code users}: prints {@code dscl . -list /Users UniqueID}-style lines
 *   <li>{@code env}: prints the environment as NAME=value lines
 *   <li>{@code swallow}: reads all stdin and prints how many bytes it got
 * </ul>
 */
public final class FakePrograms {

  private FakePrograms() {}

  public static void install(FakeMachine m) {
    m.program("args", recording(m, "args", (ctx, args, stdin) -> {
      args.forEach(a -> ctx.stdout().println("<" + a + ">"));
      return 0;
    }, false));
    m.program("cat", recording(m, "cat", (ctx, args, stdin) -> {
      if (args.isEmpty()) {
        ctx.stdout().print(stdin);
        return 0;
      }
      int rc = 0;
      for (String a : args) {
        var content = m.readFile(a);
        if (content.isPresent()) {
          ctx.stdout().print(content.get());
        } else {
          ctx.stderr().println("cat: " + a + ": No such file or directory");
          rc = 1;
        }
      }
      return rc;
    }, true));
    m.program("whoami", recording(m, "whoami", (ctx, args, stdin) -> {
      ctx.stdout().println(ctx.user());
      return 0;
    }, false));
    m.program("fail", recording(m, "fail", (ctx, args, stdin) -> {
      ctx.stderr().println("failing");
      return args.isEmpty() ? 1 : Integer.parseInt(args.get(0));
    }, false));
    m.program("users", recording(m, "users", (ctx, args, stdin) -> {
      ctx.stdout().print("_amavisd                 83\nadmin                    501\nbob                      502\n"
          + "nobody                   -2\nroot                     0\n");
      return 0;
    }, false));
    m.program("env", recording(m, "env", (ctx, args, stdin) -> {
      ctx.env().forEach((k, v) -> ctx.stdout().println(k + "=" + v));
      return 0;
    }, false));
    m.program("swallow", recording(m, "swallow", (ctx, args, stdin) -> {
      ctx.stdout().println(stdin.length());
      return 0;
    }, true));
  }

  /** The body of a fake program. */
  @FunctionalInterface
  public interface Body {
    int run(io.trustchain.lab.exec.ProgramContext ctx, List<String> args, String stdin) throws java.io.IOException;
  }

  /** A program that records its runs; reads all of stdin first when {@code readsStdin}. */
  public static Program recording(FakeMachine m, String name, Body body, boolean readsStdin) {
    return (ctx, args) -> {
      String stdin = readsStdin ? new String(ctx.stdin().readAllBytes(), StandardCharsets.UTF_8) : "";
      List<String> line = new java.util.ArrayList<>();
      line.add(name);
      line.addAll(args);
      m.record(new FakeMachine.Run(List.copyOf(line), ctx.user(), stdin, ctx.env()));
      return body.run(ctx, args, stdin);
    };
  }
}
