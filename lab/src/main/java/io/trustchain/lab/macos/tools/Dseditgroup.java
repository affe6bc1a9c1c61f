package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.GroupRecord;
import io.trustchain.lab.macos.state.MacState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code dseditgroup}: {@code -o checkmember -m USER GROUP} (S78: 0 / 67) and {@code -o edit -a|-d USER -t user
 * GROUP}. Other options ({@code -n}, {@code -u}, {@code -P}) are accepted and ignored.
 */
final class Dseditgroup implements Program {

  private final MacState state;

  Dseditgroup(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    Map<String, String> options = new HashMap<>();
    String group = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-") && a.length() == 2 && i + 1 < args.size()) {
        options.put(a.substring(1), args.get(++i));
      } else if (a.startsWith("-")) {
        options.put(a.substring(1), "");
      } else {
        group = a;
      }
    }
    String op = options.getOrDefault("o", "");
    if (group == null || op.isEmpty()) {
      ctx.stderr().print("lab: dseditgroup needs -o OPERATION and a group name\n");
      return 70;
    }
    Optional<GroupRecord> g = state.group(group);
    if (g.isEmpty()) {
      ctx.stderr().print("Group not found.\n"); // wording not captured (I)
      return 64;
    }
    return switch (op) {
      case "checkmember" -> checkmember(ctx, g.get(), options.getOrDefault("m", ctx.user()));
      case "edit" -> edit(ctx, g.get(), options);
      default -> {
        ctx.stderr().print("lab: dseditgroup -o " + op + " is not simulated\n");
        yield 70;
      }
    };
  }

  private int checkmember(ProgramContext ctx, GroupRecord g, String user) {
    if (state.user(user).isEmpty()) {
      ctx.stdout().print("Unable to find the user record\n"); // S78 gap: not captured (I)
      return 64;
    }
    boolean member = g.has(user) || state.user(user).get().gid() == g.gid();
    ctx.stdout().print(member ? "yes " + user + " is a member of " + g.name() + "\n"
        : "no " + user + " is NOT a member of " + g.name() + "\n");
    return member ? 0 : 67;
  }

  private int edit(ProgramContext ctx, GroupRecord g, Map<String, String> options) {
    if (!ctx.isRoot()) {
      ctx.stderr().print("Operation not authorized.\n"); // not captured (I)
      return 64;
    }
    String add = options.get("a");
    String delete = options.get("d");
    String user = add != null ? add : delete;
    if (user == null || user.isEmpty()) {
      ctx.stderr().print("lab: dseditgroup -o edit needs -a USER or -d USER\n");
      return 70;
    }
    if (state.user(user).isEmpty()) {
      ctx.stderr().print("Unable to find the user record\n"); // not captured (I)
      return 64;
    }
    if (add != null) {
      g.add(state.user(user).get().name());
    } else {
      g.remove(user);
    }
    return 0;
  }
}
