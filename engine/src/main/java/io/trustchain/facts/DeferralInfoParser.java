package io.trustchain.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code fdesetup showdeferralinfo} (S40, S41): the active deferral as an old-style NSDictionary
 * description ({@code Key = value;}, arrays as {@code Key =     (} … {@code );}, 4-space indent),
 * or {@code Not found.} with exit 20 when none is configured. Keys read: {@code OutputPath},
 * {@code Usernames} (array) or {@code Username}/{@code UserName}, and the remaining forced attempts
 * from {@code DeferForceAtUserLoginMaxBypassAttempts} or {@code ForceAtLogin}, and whether it asks at
 * logout from {@code DeferDontAskAtUserLogout} (the keys of a command-line deferral are not
 * documented, macos-reference §9; the MDM payload's names are used). The documented keys
 * {@code Defer}, {@code ProfileUUID} and {@code ShowRecoveryKey} are not used; other keys are kept
 * ({@code otherKeys}) and noted.
 */
final class DeferralInfoParser {

  /** The deferral as configured; lists and values as printed, quotes removed. */
  record DeferralInfo(String outputPath, List<String> usernames, Integer forceAtLogin, Boolean askAtLogout,
      Map<String, String> otherKeys) {

    /** The user it waits for: the only name in {@code usernames}, else null. */
    String user() {
      return usernames.size() == 1 ? usernames.get(0) : null;
    }
  }

  static final int EXIT_NOT_FOUND = 20;

  /** The keys read (the rest are kept as {@code otherKeys}). */
  private static final java.util.Set<String> KNOWN = java.util.Set.of("OutputPath", "Usernames", "Username",
      "UserName", "User", "DeferForceAtUserLoginMaxBypassAttempts", "ForceAtLogin", "Defer", "DeferDontAskAtUserLogout", "ProfileUUID",
      "ShowRecoveryKey");

  private static final Pattern SCALAR = Pattern.compile("^(\"?[A-Za-z0-9_]+\"?)[ \\t]*=[ \\t]*(.*);$");
  private static final Pattern ARRAY_OPEN = Pattern.compile("^(\"?[A-Za-z0-9_]+\"?)[ \\t]*=[ \\t]*\\($");
  private static final Pattern ARRAY_INLINE = Pattern.compile("^(\"?[A-Za-z0-9_]+\"?)[ \\t]*=[ \\t]*\\((.*)\\);$");
  /** An array item: a short name, quoted when it holds a dot or other punctuation. */
  private static final Pattern ITEM = Pattern.compile("^(?:[A-Za-z0-9_]+|\"[^\"]*\")$");
  private static final Pattern DICT_OPEN = Pattern.compile("^(\"?[A-Za-z0-9_]+\"?)[ \\t]*=[ \\t]*\\{$");

  private DeferralInfoParser() {}

  /**
   * The deferral, empty when none is configured, or a deferral with nothing known when the output
   * says one exists but not what it is. Keys it does not know are kept (noted, touching nothing);
   * lines of another shape leave the deferral ambiguous. Field: {@code deferral}.
   */
  static Optional<DeferralInfo> parse(Reading r) {
    ToolOutput out = r.out();
    List<String> lines = out.stdoutLines().stream().map(String::strip).toList();
    if (out.exit() == EXIT_NOT_FOUND && lines.equals(List.of("Not found."))) {
      r.stderrNoise();
      return Optional.empty();
    }
    if (out.exit() != 0) {
      r.unexpectedExit("deferral");
      return Optional.empty();
    }
    r.stderrNoise();
    int open = lines.indexOf("{");
    int close = lines.lastIndexOf("}");
    if (open < 0 || close < open) {
      r.output("a { … } dictionary or 'Not found.' (exit 20) was expected", "deferral");
      return Optional.empty();
    }
    if (open > 0) {
      r.lines("stdout", out.stdoutLines().subList(0, open), "unknown line before the dictionary");
    }
    if (close < lines.size() - 1) {
      r.lines("stdout", out.stdoutLines().subList(close + 1, lines.size()), "unknown line after the dictionary");
    }
    Map<String, Object> dict = new LinkedHashMap<>();
    for (int i = open + 1; i < close; i++) {
      String line = lines.get(i);
      Matcher arrayOpen = ARRAY_OPEN.matcher(line);
      Matcher inline = ARRAY_INLINE.matcher(line);
      Matcher nested = DICT_OPEN.matcher(line);
      Matcher scalar = SCALAR.matcher(line);
      if (arrayOpen.matches()) {
        List<String> items = new ArrayList<>();
        for (i++; i < close && !lines.get(i).equals(");"); i++) {
          String item = lines.get(i).replaceAll(",$", "").strip();
          if (ITEM.matcher(item).matches()) {
            items.add(unquote(item));
          } else {
            r.line("stdout", out.stdoutLines().get(i), "not an item of the array " + arrayOpen.group(1), "deferral");
          }
        }
        if (i >= close) {
          r.output("the array " + arrayOpen.group(1) + " is not closed", "deferral");
        }
        dict.put(unquote(arrayOpen.group(1)), List.copyOf(items));
      } else if (inline.matches()) {
        List<String> items = new ArrayList<>();
        for (String item : inline.group(2).split(",")) {
          if (!item.isBlank()) {
            items.add(unquote(item.strip()));
          }
        }
        dict.put(unquote(inline.group(1)), List.copyOf(items));
      } else if (nested.matches()) {
        int depth = 1;
        for (i++; i < close && depth > 0; i++) {
          depth += lines.get(i).endsWith("{") ? 1 : lines.get(i).startsWith("}") ? -1 : 0;
        }
        i--;
        if (depth != 0) {
          r.output("the dictionary " + nested.group(1) + " is not closed", "deferral");
        }
        dict.put(unquote(nested.group(1)), Map.of());
      } else if (scalar.matches()) {
        dict.put(unquote(scalar.group(1)), unquote(scalar.group(2).strip()));
      } else {
        r.line("stdout", out.stdoutLines().get(i), "unknown line", "deferral");
      }
    }
    Map<String, String> other = new LinkedHashMap<>();
    dict.forEach((k, v) -> {
      if (!KNOWN.contains(k)) {
        other.put(k, String.valueOf(v));
        r.line("stdout", k + " = " + v, "unknown key " + k + " (kept)");
      }
    });
    return Optional.of(new DeferralInfo(string(dict, "OutputPath"), users(dict), forceAtLogin(dict, r),
        askAtLogout(dict), other));
  }

  private static List<String> users(Map<String, Object> dict) {
    if (dict.get("Usernames") instanceof List<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    for (String key : List.of("Username", "UserName", "User")) {
      if (dict.get(key) instanceof String s && !s.isEmpty()) {
        return List.of(s);
      }
    }
    return List.of();
  }

  private static Integer forceAtLogin(Map<String, Object> dict, Reading r) {
    for (String key : List.of("DeferForceAtUserLoginMaxBypassAttempts", "ForceAtLogin")) {
      if (dict.get(key) instanceof String s) {
        try {
          return Integer.valueOf(s);
        } catch (NumberFormatException e) {
          r.line("stdout", key + " = " + s + ";", key + " is not a number", "deferral");
          return null;
        }
      }
    }
    return null;
  }

  /** {@code DeferDontAskAtUserLogout = 1;} (the MDM payload's name): false; 0: true; absent: null (unknown). */
  private static Boolean askAtLogout(Map<String, Object> dict) {
    return dict.get("DeferDontAskAtUserLogout") instanceof String s ? !(s.equals("1") || s.equalsIgnoreCase("true"))
        : null;
  }

  private static String string(Map<String, Object> dict, String key) {
    return dict.get(key) instanceof String s ? s : null;
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return s;
  }
}
