package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.Mdm;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code profiles}: {@code status -type bootstraptoken} (S48–S50), {@code status -type enrollment}
 * (S53–S55), and the Bootstrap Token verbs {@code install|validate|remove -type bootstraptoken}
 * ({@link BootstrapTokenVerbs}). Everything on stdout.
 */
final class Profiles implements Program {

  private static final Set<String> VALUED = Set.of("type", "user", "password", "pass", "path", "output",
      "identifier");

  private final MacState state;

  Profiles(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) throws IOException {
    if (args.isEmpty()) {
      ctx.stderr().print("lab: profiles without a verb is not simulated\n");
      return 70;
    }
    String verb = args.get(0);
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      String name = a.replaceFirst("^--?", "");
      if (a.startsWith("-") && VALUED.contains(name) && i + 1 < args.size()) {
        options.put(name, args.get(++i));
      } else if (a.startsWith("-")) {
        options.put(name, "");
      }
    }
    String type = options.getOrDefault("type", "");
    if (type.equals("bootstraptoken") && !state.version().atLeast(10, 15)) {
      ctx.stderr().print("profiles: the type 'bootstraptoken' is not supported before macOS 10.15\n"); // I
      return 1;
    }
    return switch (verb + " " + type) {
      case "status bootstraptoken" -> bootstrapStatus(ctx);
      case "status enrollment" -> enrollmentStatus(ctx);
      case "install bootstraptoken", "validate bootstraptoken", "remove bootstraptoken" ->
          new BootstrapTokenVerbs(state).run(ctx, verb, options);
      default -> {
        ctx.stderr().print("lab: profiles " + String.join(" ", args) + " is not simulated\n");
        yield 70;
      }
    };
  }

  /** S50: one line when the server lacks support; else the escrow line too (S48, S49). */
  private int bootstrapStatus(ProgramContext ctx) {
    Mdm mdm = state.mdm();
    if (!mdm.bootstrapAvailable()) {
      ctx.stdout().print("profiles: Bootstrap Token supported on server: NO\n");
      return 0;
    }
    ctx.stdout().print("profiles: Bootstrap Token supported on server: YES\n"
        + "profiles: Bootstrap Token escrowed to server: " + (state.bootstrapToken().escrowed() ? "YES" : "NO") + "\n");
    return 0;
  }

  /** S53–S55: the server line only when enrolled. */
  private int enrollmentStatus(ProgramContext ctx) {
    Mdm mdm = state.mdm();
    StringBuilder out = new StringBuilder()
        .append("Enrolled via DEP: ").append(mdm.dep() ? "Yes" : "No").append('\n')
        .append("MDM enrollment: ")
        .append(!mdm.enrolled() ? "No" : mdm.userApproved() ? "Yes (User Approved)" : "Yes").append('\n');
    if (mdm.enrolled()) {
      out.append("MDM server: ").append(mdm.serverUrl()).append('\n');
    }
    ctx.stdout().print(out);
    return 0;
  }
}
