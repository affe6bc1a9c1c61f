package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.rules.CryptoUsers;
import io.trustchain.lab.macos.state.MacState;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code diskutil apfs listCryptoUsers} and its aliases (any case): the report of S57–S60, on stdout.
 * {@code Volume Owner} lines only where the volume has owners (Apple silicon, 11+; rule 8).
 */
final class Diskutil implements Program {

  private static final Set<String> LIST = Set.of("listcryptousers", "listusers", "listcryptokeys", "listkeys");

  private final MacState state;

  Diskutil(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    if (args.size() != 3 || !args.get(0).equalsIgnoreCase("apfs")
        || !LIST.contains(args.get(1).toLowerCase(Locale.ROOT))) {
      ctx.stderr().print("lab: diskutil " + String.join(" ", args) + " is not simulated"
          + " (only diskutil apfs listCryptoUsers / and its aliases)\n");
      return 70;
    }
    String target = args.get(2);
    String device = state.volume().device();
    if (!target.equals("/") && !target.equals(device) && !target.equals("/dev/" + device)) {
      ctx.stderr().print("Could not find disk: " + target + "\n"); // I
      return 1;
    }
    List<CryptoUsers.Entry> entries = CryptoUsers.list(state);
    if (entries.isEmpty()) {
      ctx.stdout().print("No cryptographic users for " + device + "\n"); // I: no capture of an empty volume
      return 0;
    }
    boolean owners = state.os().volumeOwnership();
    StringBuilder out = new StringBuilder("Cryptographic user" + (entries.size() == 1 ? "" : "s") + " for " + device
        + " (" + entries.size() + " found)\n|\n");
    for (int i = 0; i < entries.size(); i++) {
      CryptoUsers.Entry e = entries.get(i);
      boolean last = i == entries.size() - 1;
      String indent = last ? "    " : "|   ";
      out.append("+-- ").append(e.uuid()).append('\n');
      out.append(indent).append("Type: ").append(e.diskutilType()).append('\n');
      if (owners) {
        out.append(indent).append("Volume Owner: ").append(e.volumeOwner() ? "Yes" : "No").append('\n');
      }
      if (!last) {
        out.append("|\n");
      }
    }
    ctx.stdout().print(out);
    return 0;
  }
}
