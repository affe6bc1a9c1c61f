package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code date [-u] [+FORMAT]} on the Mac's simulated clock (scenario {@code clock.start} plus the time
 * spent in the lab, {@code advance-days} included). Formats: {@code %Y %m %d %H %M %S %s %z %Z %%};
 * without one, BSD's {@code Mon Nov  3 07:00:00 UTC 2025}. Anything else is not simulated.
 */
final class DateTool implements Program {

  private static final DateTimeFormatter DEFAULT = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss", Locale.ROOT);

  private final MacState state;

  DateTool(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    boolean utc = false;
    String format = null;
    for (String a : args) {
      if (a.equals("-u")) {
        utc = true;
      } else if (a.startsWith("+") && format == null) {
        format = a.substring(1);
      } else {
        ctx.stderr().print("lab: date " + String.join(" ", args) + " is not simulated\n");
        return 70;
      }
    }
    OffsetDateTime now = state.clock().now();
    if (utc) {
      now = now.withOffsetSameInstant(ZoneOffset.UTC);
    }
    String zone = utc || now.getOffset().equals(ZoneOffset.UTC) ? "UTC" : now.getOffset().getId().replace(":", "");
    if (format == null) {
      ctx.stdout().print(now.format(DEFAULT) + " " + zone + " " + now.getYear() + "\n");
      return 0;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        out.append(c);
        continue;
      }
      char f = format.charAt(++i);
      switch (f) {
        case 'Y' -> out.append(String.format("%04d", now.getYear()));
        case 'm' -> out.append(String.format("%02d", now.getMonthValue()));
        case 'd' -> out.append(String.format("%02d", now.getDayOfMonth()));
        case 'H' -> out.append(String.format("%02d", now.getHour()));
        case 'M' -> out.append(String.format("%02d", now.getMinute()));
        case 'S' -> out.append(String.format("%02d", now.getSecond()));
        case 's' -> out.append(now.toEpochSecond());
        case 'z' -> out.append(now.getOffset().equals(ZoneOffset.UTC) ? "+0000" : now.getOffset().getId().replace(":", ""));
        case 'Z' -> out.append(zone);
        case '%' -> out.append('%');
        default -> {
          ctx.stderr().print("lab: date format %" + f + " is not simulated\n");
          return 70;
        }
      }
    }
    ctx.stdout().print(out.append('\n'));
    return 0;
  }
}
