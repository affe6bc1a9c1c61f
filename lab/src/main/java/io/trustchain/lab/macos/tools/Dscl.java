package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.GroupRecord;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code dscl} on the local node: reads on stdout, errors as {@code <dscl_cmd> DS Error: …} on stderr with
 * exit = low byte of the negated DS error (rule 10). Writes are in {@link DsclWrite}.
 */
final class Dscl implements Program {

  private final MacState state;

  Dscl(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) throws IOException {
    List<String> rest = new ArrayList<>(args);
    if (!rest.isEmpty() && (rest.get(0).equals("-plist") || rest.get(0).equals("-q"))) {
      ctx.stderr().print("lab: dscl " + rest.get(0) + " is not simulated\n");
      return 70;
    }
    if (rest.size() < 2) {
      ctx.stderr().print("lab: dscl without a data source and a command (interactive mode) is not simulated\n");
      return 70;
    }
    String node = rest.remove(0);
    String command = rest.remove(0);
    String verb = command.startsWith("-") ? command.substring(1) : command;
    if (!DsclPath.localNode(node)) {
      return DsError.INVALID_PATH.report(ctx.stderr());
    }
    if (verb.equals("authonly")) {
      return authonly(ctx, rest);
    }
    if (rest.isEmpty()) {
      ctx.stderr().print("lab: dscl " + command + " needs a record path\n");
      return 70;
    }
    Optional<DsclPath> path = DsclPath.parse(node, rest.remove(0));
    if (path.isEmpty()) {
      return DsError.INVALID_PATH.report(ctx.stderr());
    }
    return switch (verb) {
      case "read" -> read(ctx, path.get(), rest);
      case "list" -> list(ctx, path.get(), rest);
      case "create", "append", "merge", "delete", "passwd" -> new DsclWrite(state).run(ctx, verb, path.get(), rest);
      default -> {
        ctx.stderr().print("lab: dscl " + command + " is not simulated\n");
        yield 70;
      }
    };
  }

  private Optional<Map<String, List<String>>> record(DsclPath path) {
    if (path.users()) {
      return state.user(path.name()).map(u -> DsclRecords.user(state, u));
    }
    return state.group(path.name()).map(g -> DsclRecords.group(state, g));
  }

  /** S64, S70–S72, S74, S75. */
  private int read(ProgramContext ctx, DsclPath path, List<String> attributes) {
    if (path.name() == null) {
      ctx.stderr().print("lab: dscl -read of a whole directory is not simulated\n");
      return 70;
    }
    Optional<Map<String, List<String>>> record = record(path);
    if (record.isEmpty()) {
      return DsError.RECORD_NOT_FOUND.report(ctx.stderr());
    }
    if (attributes.isEmpty()) {
      DsclRecords.print(ctx.stdout(), record.get());
      return 0;
    }
    Map<String, List<String>> selected = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String wanted : attributes) {
      DsclRecords.find(record.get(), wanted).ifPresentOrElse(e -> selected.put(e.getKey(), e.getValue()),
          () -> missing.add(wanted));
    }
    DsclRecords.print(ctx.stdout(), selected);
    missing.forEach(m -> ctx.stdout().print("No such key: " + m + "\n"));
    return 0;
  }

  /** S73: names sorted, the first column 25 wide. */
  private int list(ProgramContext ctx, DsclPath path, List<String> attributes) {
    List<String> names = path.users()
        ? state.users().stream().map(Account::name).toList()
        : state.groups().stream().map(GroupRecord::name).toList();
    String wanted = attributes.isEmpty() ? null : DsclRecords.canonical(attributes.get(0));
    for (String name : names.stream().sorted(Comparator.naturalOrder()).toList()) {
      if (attributes.isEmpty()) {
        ctx.stdout().print(name + "\n");
        continue;
      }
      Map<String, List<String>> record = record(new DsclPath(path.kind(), name)).orElseThrow();
      Optional<List<String>> values = DsclRecords.findCanonical(record, wanted).map(Map.Entry::getValue);
      ctx.stdout().print(values.map(v -> padded(name) + " " + String.join(" ", v)).orElse(name) + "\n");
    }
    return 0;
  }

  /** {@code name} left-aligned in 24 columns, as {@code %-24s}. */
  private static String padded(String name) {
    return name.length() >= 24 ? name : name + " ".repeat(24 - name.length());
  }

  /** S76a–d: silence on success; the failure line on stdout, the DS error on stderr. */
  private int authonly(ProgramContext ctx, List<String> args) {
    if (args.size() < 2) {
      ctx.stderr().print("lab: dscl -authonly without a password (a prompt) is not simulated\n");
      return 70;
    }
    Optional<Account> user = state.user(args.get(0));
    DsError error;
    if (user.isEmpty()) {
      error = DsError.AUTH_FAILED;
    } else if (user.get().disabled()) {
      error = DsError.AUTH_ACCOUNT_DISABLED;
    } else if (!user.get().hasPassword()) {
      error = DsError.AUTH_METHOD_NOT_SUPPORTED;
    } else if (user.get().passwordMatches(args.get(1))) {
      return 0;
    } else {
      error = DsError.AUTH_FAILED;
    }
    ctx.stdout().print("Authentication for node /Local/Default failed. (" + error.code() + ", " + error.label() + ")\n");
    ctx.stdout().flush();
    return error.report(ctx.stderr());
  }
}
