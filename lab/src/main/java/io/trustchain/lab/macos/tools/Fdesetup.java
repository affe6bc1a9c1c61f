package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.CryptoUsers;
import io.trustchain.lab.macos.rules.FileVaults;
import io.trustchain.lab.macos.state.Deferral;
import io.trustchain.lab.macos.state.FileVaultState;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * {@code fdesetup}: reports on stdout, {@code Error: …} lines on stderr, exit codes of the man page's table
 * (S24, rule 10). Reporting verbs here; {@link FdesetupEnable}, {@link FdesetupUsers} and
 * {@link FdesetupRecovery} change things.
 */
final class Fdesetup implements Program {

  /** Verbs that need root (all but the read-only status queries). */
  private static final Set<String> ROOT = Set.of("list", "enable", "disable", "add", "remove", "changerecovery",
      "removerecovery", "validaterecovery", "showdeferralinfo", "haspersonalrecoverykey",
      "hasinstitutionalrecoverykey");

  private final MacState state;

  Fdesetup(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) throws IOException {
    FdesetupArgs.Result parsed = FdesetupArgs.parse(args);
    if (parsed.args() == null) {
      ctx.stderr().print(parsed.offending().isEmpty() ? "Usage: fdesetup <verb> <options>\n"
          : "Error: Unknown or incomplete option \"" + parsed.offending() + "\".\n"); // I
      return 12;
    }
    FdesetupArgs a = parsed.args();
    if (ROOT.contains(a.verb()) && !ctx.isRoot()) {
      ctx.stderr().print("Error: This command requires root access.\n"); // I
      return 11;
    }
    FileVaultState fv = state.fileVault();
    return switch (a.verb()) {
      case "status" -> status(ctx);
      case "isactive" -> bool(ctx, fv.status().active(), true);
      case "haspersonalrecoverykey" -> bool(ctx, fv.status().active() && fv.personalRecoveryKey() != null, false);
      case "hasinstitutionalrecoverykey" -> bool(ctx, fv.status().active() && fv.institutionalRecoveryKey(), false);
      case "usingrecoverykey" -> bool(ctx, false, false);
      case "supportsauthrestart" -> bool(ctx, true, false);
      case "list" -> list(ctx, a.flag("extended"));
      case "showdeferralinfo" -> showDeferral(ctx);
      case "enable" -> new FdesetupEnable(state).run(ctx, a);
      case "add", "remove" -> new FdesetupUsers(state).run(ctx, a);
      case "changerecovery", "validaterecovery", "disable" -> new FdesetupRecovery(state).run(ctx, a);
      default -> {
        ctx.stderr().print("Error: Unknown command \"" + a.verb() + "\".\n"); // I
        yield 13;
      }
    };
  }

  /** S25–S30: exit 0 on, 1 off, 2 while busy. */
  private int status(ProgramContext ctx) {
    FileVaultState fv = state.fileVault();
    StringBuilder out = new StringBuilder();
    int exit = switch (fv.status()) {
      case ON -> {
        out.append("FileVault is On.\n");
        yield 0;
      }
      case OFF -> {
        out.append("FileVault is Off.\n");
        Deferral d = fv.deferral();
        if (d != null) {
          out.append("Deferred enablement appears to be active for user '").append(d.user()).append("'.\n"); // S27
        }
        yield 1;
      }
      case ENCRYPTING -> {
        out.append("FileVault is On.\nEncryption in progress: Percent completed = ")
            .append(FileVaults.format(fv.percent())).append('\n');
        yield 2;
      }
      case DECRYPTING -> {
        out.append("FileVault is ").append(fv.decryptingFirstLine()).append(".\n")
            .append("Decryption in progress: Percent completed = ").append(FileVaults.format(fv.percent())).append('\n');
        yield 2;
      }
    };
    ctx.stdout().print(out);
    return exit;
  }

  /** S46, S47: {@code true}/{@code false}; isactive also exits 1 when false. */
  private static int bool(ProgramContext ctx, boolean value, boolean exitOne) {
    ctx.stdout().print(value + "\n");
    return value || !exitOne ? 0 : 1;
  }

  /** S32 (short name,UUID per token holder) and S33 (-extended). Nothing while FileVault is off (I). */
  private int list(ProgramContext ctx, boolean extended) {
    if (!state.fileVault().status().active()) {
      return 0;
    }
    List<CryptoUsers.Entry> entries = CryptoUsers.list(state);
    StringBuilder out = new StringBuilder();
    if (extended) {
      out.append(String.format("%-8s%-36s%41s %s", "ESCROW", "UUID", "TYPE", "USER")).append('\n');
      for (CryptoUsers.Entry e : entries) {
        if (!e.fdesetupType().isEmpty()) {
          String line = String.format("%-8s%-36s%41s", "", e.uuid(), e.fdesetupType());
          out.append(e.user().isEmpty() ? line : line + " " + e.user()).append('\n');
        }
      }
    } else {
      entries.stream().filter(e -> !e.user().isEmpty())
          .forEach(e -> out.append(e.user()).append(',').append(e.uuid()).append('\n'));
    }
    ctx.stdout().print(out);
    return 0;
  }

  /**
   * S40 layout (old-style NSDictionary description). No deferral: {@code Not found.}, exit 20 (S41). The keys
   * for a command-line deferral are not captured: the lab uses the MDM payload names
   * (DeferForceAtUserLoginMaxBypassAttempts, DeferDontAskAtUserLogout) (I). Like macOS, it does not say when
   * the deferral was set up (S40 has no date; macos-reference §9).
   */
  private int showDeferral(ProgramContext ctx) {
    Deferral d = state.fileVault().deferral();
    if (d == null) {
      ctx.stdout().print("Not found.\n");
      return 20;
    }
    StringBuilder out = new StringBuilder("{\n    Defer = 1;\n");
    if (d.dontAskAtLogout()) {
      out.append("    DeferDontAskAtUserLogout = 1;\n");
    }
    out.append("    DeferForceAtUserLoginMaxBypassAttempts = ").append(d.forceAtLogin()).append(";\n")
        .append("    OutputPath = \"").append(d.outputPath()).append("\";\n")
        .append("    ShowRecoveryKey = ").append(d.showRecoveryKey() ? 1 : 0).append(";\n")
        .append("    Usernames =     (\n");
    if (!d.user().isEmpty()) {
      out.append("        ").append(d.user()).append('\n');
    }
    ctx.stdout().print(out.append("    );\n}\n"));
    return 0;
  }
}
