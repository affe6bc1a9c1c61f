package io.trustchain.lab.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs scripts through the {@link Interpreter} and captures what they did. */
public record ShellRun(int status, String out, String err) {

  public static ShellRun run(FakeMachine machine, String user, String script, String stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      int status = Interpreter.forUser(machine, user)
          .run(script, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err);
      return new ShellRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ShellRun run(FakeMachine machine, String script) {
    return run(machine, "admin", script, "");
  }

  @Override
  public String toString() {
    return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
