package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.OsInfo;
import java.util.List;
import java.util.Locale;

/**
 * {@code sw_vers}: one TAB after each key up to macOS 12 (S79, S80, S83), two TABs from 13 on (observed on 15,
 * S81; the lab places the switch at 13, where sw_vers was rewritten to add ProductVersionExtra — I).
 * {@code ProductVersionExtra} (a Rapid Security Response) is followed by one TAB (S82). Single-value options
 * take one or two dashes, any case.
 */
final class SwVers implements Program {

  private final MacState state;

  SwVers(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    OsInfo os = state.os();
    if (args.isEmpty()) {
      String tabs = os.version().atLeast(13, 0) ? "\t\t" : "\t";
      StringBuilder out = new StringBuilder()
          .append("ProductName:").append(tabs).append(os.productName()).append('\n')
          .append("ProductVersion:").append(tabs).append(os.versionString()).append('\n');
      if (os.versionExtra() != null && os.version().atLeast(13, 0)) {
        out.append("ProductVersionExtra:\t").append(os.versionExtra()).append('\n');
      }
      out.append("BuildVersion:").append(tabs).append(os.build()).append('\n');
      ctx.stdout().print(out);
      return 0;
    }
    String option = args.get(0).replaceFirst("^--?", "").toLowerCase(Locale.ROOT);
    String value = switch (option) {
      case "productname" -> os.productName();
      case "productversion" -> os.versionString();
      case "buildversion" -> os.build();
      case "productversionextra" -> os.version().atLeast(13, 0) ? (os.versionExtra() == null ? "" : os.versionExtra())
          : null;
      default -> null;
    };
    if (value == null || args.size() > 1) {
      ctx.stderr().print("Usage: sw_vers [-productName|-productVersion|-productVersionExtra|-buildVersion]\n");
      return 1;
    }
    ctx.stdout().print(value + "\n");
    return 0;
  }
}
