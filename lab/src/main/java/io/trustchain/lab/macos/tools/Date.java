package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * {@code date [-u] [+FORMAT]}: the Mac's simulated clock (the scenario's start plus the time that
 * passed in the lab). FORMAT takes the strftime conversions {@code %s %Y %y %m %d %e %H %M %S %j %a
 * %A %b %B %T %F %Z %z %n %t %%}; without one, {@code %a %b %e %H:%M:%S %Z %Y} as BSD date prints.
 * The lab's clock has an offset, not a zone: {@code %Z} prints {@code UTC} at offset zero and the
 * offset ({@code +0200}) otherwise (<i>I</i>). Setting the clock is not simulated.
 */
final class Date implements Program {

  private static final String DEFAULT_FORMAT = "%a %b %e %H:%M:%S %Z %Y";

  private final MacState state;

  Date(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    boolean utc = false;
    String format = DEFAULT_FORMAT;
    boolean formatSeen = false;
    for (String a : args) {
      if (a.equals("-u") && !formatSeen) {
        utc = true;
      } else if (a.startsWith("+") && !formatSeen) {
        format = a.substring(1);
        formatSeen = true;
      } else {
        ctx.stderr().print("lab: date " + a + " is not simulated (only date [-u] [+format])\n");
        return 70;
      }
    }
    OffsetDateTime now = state.clock().now();
    if (utc) {
      now = now.withOffsetSameInstant(ZoneOffset.UTC);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        out.append(c);
        continue;
      }
      char k = format.charAt(++i);
      String part = conversion(now, k);
      if (part == null) {
        ctx.stderr().print("lab: date conversion %" + k + " is not simulated\n");
        return 70;
      }
      out.append(part);
    }
    ctx.stdout().print(out.append('\n'));
    return 0;
  }

  private static String conversion(OffsetDateTime t, char k) {
    return switch (k) {
      case 's' -> Long.toString(t.toEpochSecond());
      case 'Y' -> Integer.toString(t.getYear());
      case 'y' -> two(t.getYear() % 100);
      case 'm' -> two(t.getMonthValue());
      case 'd' -> two(t.getDayOfMonth());
      case 'e' -> String.format(Locale.ROOT, "%2d", t.getDayOfMonth());
      case 'H' -> two(t.getHour());
      case 'M' -> two(t.getMinute());
      case 'S' -> two(t.getSecond());
      case 'j' -> String.format(Locale.ROOT, "%03d", t.getDayOfYear());
      case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
      case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
      case 'b' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
      case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
      case 'T' -> t.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT));
      case 'F' -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT));
      case 'z' -> t.format(DateTimeFormatter.ofPattern("xx", Locale.ROOT));
      case 'Z' -> t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : t.format(DateTimeFormatter.ofPattern("xx", Locale.ROOT));
      case 'n' -> "\n";
      case 't' -> "\t";
      case '%' -> "%";
      default -> null;
    };
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
