package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.SecureTokens;
import io.trustchain.lab.macos.rules.Users;
import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.GroupRecord;
import io.trustchain.lab.macos.state.MacState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dscl's writes: {@code -create}, {@code -append}, {@code -merge}, {@code -delete} of records and
 * attributes, and {@code -passwd}. Writes need root (else eDSPermissionError, exit 40); success is silent.
 * Setting a first password on macOS 11+ can grant the volume's first Secure Token (rules 1 and 7); a root
 * reset of a token holder's password leaves the token wrapped with the old one (rule 4).
 */
final class DsclWrite {

  private final MacState state;

  DsclWrite(MacState state) {
    this.state = state;
  }

  int run(ProgramContext ctx, String verb, DsclPath path, List<String> args) {
    if (verb.equals("passwd")) {
      return passwd(ctx, path, args);
    }
    if (!ctx.isRoot()) {
      return DsError.PERMISSION.report(ctx.stderr());
    }
    if (!path.users()) {
      return group(ctx, verb, path, args);
    }
    Optional<Account> found = state.user(path.name());
    if (verb.equals("create") && found.isEmpty()) {
      Account created = Users.create(state, path.name(), null, null, null, null, null);
      created.authenticationAuthority().clear();
      found = Optional.of(created);
      if (args.isEmpty()) {
        return 0;
      }
    }
    if (found.isEmpty()) {
      return DsError.RECORD_NOT_FOUND.report(ctx.stderr());
    }
    Account u = found.get();
    if (args.isEmpty()) {
      if (!verb.equals("delete")) {
        return 0;
      }
      if (state.faults().noFullDiskAccess() && state.version().atLeast(15, 0)) {
        ctx.stderr().print("<main> delete status: eDSPermissionError\n"); // S77
        return DsError.PERMISSION.report(ctx.stderr());
      }
      state.removeUser(u);
      return 0;
    }
    String attribute = DsclRecords.canonical(args.get(0));
    List<String> values = args.subList(1, args.size());
    return UserAttributes.write(state, u, verb, attribute, values) ? 0 : DsError.ATTRIBUTE_NOT_FOUND.report(ctx.stderr());
  }

  private int group(ProgramContext ctx, String verb, DsclPath path, List<String> args) {
    Optional<GroupRecord> g = state.group(path.name());
    if (g.isEmpty()) {
      return DsError.RECORD_NOT_FOUND.report(ctx.stderr());
    }
    if (args.isEmpty() || !DsclRecords.canonical(args.get(0)).equals("GroupMembership")) {
      ctx.stderr().print("lab: dscl -" + verb + " " + path + " is simulated for GroupMembership only\n");
      return 70;
    }
    List<String> members = args.subList(1, args.size());
    switch (verb) {
      case "create" -> {
        g.get().membership().clear();
        members.forEach(g.get()::add);
      }
      case "append", "merge" -> members.forEach(g.get()::add);
      default -> {
        if (members.isEmpty()) {
          g.get().membership().clear();
        } else {
          members.forEach(g.get()::remove);
        }
      }
    }
    return 0;
  }

  /** {@code -passwd /Users/X [OLD] NEW}. */
  private int passwd(ProgramContext ctx, DsclPath path, List<String> args) {
    if (!path.users() || path.name() == null || args.isEmpty() || args.size() > 2) {
      ctx.stderr().print("lab: dscl -passwd needs /Users/NAME and [OLD] NEW (a prompt is not simulated)\n");
      return 70;
    }
    Optional<Account> found = state.user(path.name());
    if (found.isEmpty()) {
      return DsError.RECORD_NOT_FOUND.report(ctx.stderr());
    }
    Account u = found.get();
    long now = state.clock().nowMillis();
    if (args.size() == 2) {
      if (!u.passwordMatches(args.get(0))) {
        return DsError.AUTH_FAILED.report(ctx.stderr());
      }
      u.setPassword(args.get(1), u.tokenPasswordMatches(args.get(0)), now);
      return 0;
    }
    if (!ctx.isRoot()) {
      return DsError.PERMISSION.report(ctx.stderr());
    }
    boolean firstPassword = !u.hasPassword();
    boolean grants = firstPassword && SecureTokens.firstPasswordGrants(state, u);
    u.setPassword(args.get(0), false, now);
    if (grants) {
      SecureTokens.grant(state, u, SecureTokens.Placement.AFTER_SHADOW_HASH);
    }
    return 0;
  }

  /** Values of a multi-valued attribute after {@code verb}. */
  static List<String> apply(String verb, List<String> current, List<String> values) {
    List<String> out = new ArrayList<>(current);
    switch (verb) {
      case "create" -> {
        out.clear();
        out.addAll(values);
      }
      case "append" -> out.addAll(values);
      case "merge" -> values.stream().filter(v -> !out.contains(v)).forEach(out::add);
      default -> {
        if (values.isEmpty()) {
          out.clear();
        } else {
          out.removeAll(values);
        }
      }
    }
    return out;
  }
}
