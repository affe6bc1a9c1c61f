package io.trustchain.e2e;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.exec.SimulatedHost;
import io.trustchain.lab.macos.MacHostFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A workspace's simulated Mac, reached directly (no SSH): what a person at the Mac does, and what it accepts. */
final class LabMacs {

  private LabMacs() {}

  static SimulatedHost open(LabWorkspace ws, String host, String scenario) throws IOException {
    return new MacHostFactory().open(host, LabWorkspace.REPO.resolve("lab/scenarios").resolve(scenario), ws.state);
  }

  /** Whether the Mac accepts {@code password} for {@code user}. */
  static boolean accepts(LabWorkspace ws, String host, String scenario, String user, String password)
      throws IOException {
    return open(ws, host, scenario).transact(m -> m.authenticate(user, password.toCharArray()));
  }

  /** Runs {@code program args} as root on the Mac; its exit status. */
  static int asRoot(LabWorkspace ws, String host, String scenario, String program, String... args) throws IOException {
    return open(ws, host, scenario).transact(m -> {
      Program p = m.program(program).orElseThrow(() -> new AssertionError("no program " + program));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      return p.run(new ProgramContext(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
          StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8), "root", Map.of()), List.of(args));
    });
  }
}
