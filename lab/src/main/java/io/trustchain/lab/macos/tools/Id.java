package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.GroupRecord;
import io.trustchain.lab.macos.state.MacState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code id [-u|-g|-G] [-n] [USER]} and plain {@code id}. Groups: the primary group, then those listing the user. */
final class Id implements Program {

  private final MacState state;

  Id(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    String mode = "";
    boolean names = false;
    String who = ctx.user();
    for (String a : args) {
      if (a.startsWith("-") && a.length() > 1) {
        for (char c : a.substring(1).toCharArray()) {
          switch (c) {
            case 'u', 'g', 'G' -> mode = String.valueOf(c);
            case 'n' -> names = true;
            default -> {
              ctx.stderr().print("id: illegal option -- " + c + "\nusage: id [-Gnu] [user]\n");
              return 1;
            }
          }
        }
      } else {
        who = a;
      }
    }
    Optional<Account> found = state.user(who);
    if (found.isEmpty()) {
      ctx.stderr().print("id: " + who + ": no such user\n");
      return 1;
    }
    Account u = found.get();
    List<GroupRecord> groups = groups(u);
    GroupRecord primary = groups.get(0);
    boolean n = names;
    String out = switch (mode) {
      case "u" -> n ? u.name() : String.valueOf(u.uid());
      case "g" -> n ? primary.name() : String.valueOf(primary.gid());
      case "G" -> groups.stream().map(g -> n ? g.name() : String.valueOf(g.gid())).collect(Collectors.joining(" "));
      default -> "uid=" + u.uid() + "(" + u.name() + ") gid=" + primary.gid() + "(" + primary.name() + ") groups="
          + groups.stream().map(g -> g.gid() + "(" + g.name() + ")").collect(Collectors.joining(","));
    };
    ctx.stdout().print(out + "\n");
    return 0;
  }

  private List<GroupRecord> groups(Account u) {
    List<GroupRecord> out = new ArrayList<>();
    GroupRecord primary = state.groups().stream().filter(g -> g.gid() == u.gid()).findFirst()
        .orElse(new GroupRecord(String.valueOf(u.gid()), u.gid(), "", List.of()));
    out.add(primary);
    for (GroupRecord g : state.groups()) {
      boolean implicit = !u.system() && (g.name().equals("everyone") || g.name().equals("localaccounts"));
      if (g != primary && (g.has(u.name()) || implicit)) {
        out.add(g);
      }
    }
    return out;
  }
}
