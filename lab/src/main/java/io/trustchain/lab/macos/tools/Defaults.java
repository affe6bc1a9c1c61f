package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.Preferences;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code defaults read|read-type|write|delete DOMAIN [KEY] [VALUE]}. A missing key reads as
 * {@code The domain/default pair of (DOMAIN, KEY) does not exist} on stderr, exit 1 — before macOS 11 after an
 * NSLog prefix on a line of its own (field reports 2016–2019), from 11 on alone (2021 reports).
 * Domains outside a user's home ({@code /Library/…}) need root to write.
 */
final class Defaults implements Program {

  private final MacState state;

  Defaults(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    if (args.size() < 2) {
      ctx.stderr().print("lab: defaults " + String.join(" ", args) + " is not simulated\n");
      return 70;
    }
    String verb = args.get(0);
    String domain = domain(ctx, args.get(1));
    String shown = args.get(1);
    return switch (verb) {
      case "read" -> args.size() == 2 ? readDomain(ctx, domain, shown) : read(ctx, domain, shown, args.get(2), false);
      case "read-type" -> args.size() == 3 ? read(ctx, domain, shown, args.get(2), true) : notSimulated(ctx, args);
      case "write" -> args.size() >= 4 ? write(ctx, domain, shown, args.subList(2, args.size())) : notSimulated(ctx, args);
      case "delete" -> delete(ctx, domain, shown, args.size() > 2 ? args.get(2) : null);
      default -> notSimulated(ctx, args);
    };
  }

  /** A path domain as given; a bundle id is the caller's own (user-scoped). */
  private static String domain(ProgramContext ctx, String name) {
    return name.startsWith("/") ? Preferences.domain(name) : "~" + ctx.user() + "/" + name;
  }

  private int read(ProgramContext ctx, String domain, String shown, String key, boolean type) {
    Optional<Object> value = state.preferences().read(domain, key);
    if (value.isEmpty()) {
      return error(ctx, "The domain/default pair of (" + shown + ", " + key + ") does not exist");
    }
    ctx.stdout().print((type ? "Type is " + typeName(value.get()) : format(value.get())) + "\n");
    return 0;
  }

  private int readDomain(ProgramContext ctx, String domain, String shown) {
    Optional<Map<String, Object>> values = state.preferences().read(domain);
    if (values.isEmpty()) {
      return error(ctx, "Domain " + shown + " does not exist");
    }
    StringBuilder out = new StringBuilder("{\n");
    values.get().forEach((k, v) -> out.append("    ").append(quote(k)).append(" = ").append(quote(format(v)))
        .append(";\n"));
    ctx.stdout().print(out.append("}\n"));
    return 0;
  }

  private int write(ProgramContext ctx, String domain, String shown, List<String> rest) {
    if (domain.startsWith("/") && !FilePermissions.writable(state, ctx.user(), domain)) {
      return error(ctx, "Could not write domain " + shown + "; exiting");
    }
    String key = rest.get(0);
    Object value;
    if (rest.size() == 2) {
      value = rest.get(1);
    } else {
      String raw = rest.get(2);
      try {
        value = switch (rest.get(1)) {
          case "-bool", "-boolean" -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException();
          };
          case "-int", "-integer" -> Long.parseLong(raw);
          case "-float" -> Double.parseDouble(raw);
          case "-string" -> raw;
          default -> throw new IllegalArgumentException();
        };
      } catch (IllegalArgumentException e) {
        ctx.stderr().print("lab: defaults write " + String.join(" ", rest) + " is not simulated\n");
        return 70;
      }
    }
    state.preferences().write(domain, key, value);
    return 0;
  }

  private int delete(ProgramContext ctx, String domain, String shown, String key) {
    if (domain.startsWith("/") && !FilePermissions.writable(state, ctx.user(), domain)) {
      return error(ctx, "Could not write domain " + shown + "; exiting");
    }
    boolean removed = key == null ? state.preferences().deleteDomain(domain) : state.preferences().delete(domain, key);
    if (!removed) {
      return error(ctx, "Domain (" + shown + ") not found.\nDefaults have not been changed.");
    }
    return 0;
  }

  private int error(ProgramContext ctx, String message) {
    if (!state.version().atLeast(11, 0)) {
      NsLog log = NsLog.open(state, ctx.stderr(), "defaults");
      log.line("");
    }
    ctx.stderr().print(message + "\n");
    return 1;
  }

  private static String format(Object value) {
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    return String.valueOf(value);
  }

  private static String typeName(Object value) {
    return switch (value) {
      case Boolean b -> "boolean";
      case Long l -> "integer";
      case Integer i -> "integer";
      case Double d -> "float";
      default -> "string";
    };
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_]+") ? s : "\"" + s.replace("\"", "\\\"") + "\"";
  }

  private int notSimulated(ProgramContext ctx, List<String> args) {
    ctx.stderr().print("lab: defaults " + String.join(" ", args) + " is not simulated\n");
    return 70;
  }
}
