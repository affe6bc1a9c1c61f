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
 * documented, macos-reference §9; the MDM payload's names are used).
 * Other keys are kept but not interpreted.
 */
final class DeferralInfoParser {

  /** The deferral as configured; lists and values as printed, quotes removed. */
  record DeferralInfo(String outputPath, List<String> usernames, Integer forceAtLogin, Boolean askAtLogout) {

    /** The user it waits for: the only name in {@code usernames}, else null. */
    String user() {
      return usernames.size() == 1 ? usernames.get(0) : null;
    }
  }

  static final int EXIT_NOT_FOUND = 20;

  private static final Pattern SCALAR = Pattern.compile("^(\"?[A-Za-z0-9_]+\"?) = (.*);$");
  private static final Pattern ARRAY_OPEN = Pattern.compile("^(\"?[A-Za-z0-9_]+\"?) = +\\($");
  private static final Pattern ARRAY_INLINE = Pattern.compile("^(\"?[A-Za-z0-9_]+\"?) = +\\((.*)\\);$");
  private static final Pattern DICT_OPEN = Pattern.compile("^(\"?[A-Za-z0-9_]+\"?) = +\\{$");

  private DeferralInfoParser() {}

  static Optional<DeferralInfo> parse(ToolOutput out) throws FactParseException {
    List<String> lines = out.stdoutLines().stream().map(String::strip).toList();
    if (out.exit() == EXIT_NOT_FOUND && lines.equals(List.of("Not found."))) {
      return Optional.empty();
    }
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    if (lines.size() < 2 || !lines.get(0).equals("{") || !lines.get(lines.size() - 1).equals("}")) {
      throw out.fail("a { … } dictionary or 'Not found.' was expected");
    }
    Map<String, Object> dict = new LinkedHashMap<>();
    for (int i = 1; i < lines.size() - 1; i++) {
      String line = lines.get(i);
      Matcher open = ARRAY_OPEN.matcher(line);
      Matcher inline = ARRAY_INLINE.matcher(line);
      Matcher nested = DICT_OPEN.matcher(line);
      Matcher scalar = SCALAR.matcher(line);
      if (open.matches()) {
        List<String> items = new ArrayList<>();
        for (i++; i < lines.size() - 1 && !lines.get(i).equals(");"); i++) {
          items.add(unquote(lines.get(i).replaceAll(",$", "").strip()));
        }
        if (i >= lines.size() - 1) {
          throw out.fail("the array " + open.group(1) + " is not closed");
        }
        dict.put(unquote(open.group(1)), List.copyOf(items));
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
        for (i++; i < lines.size() - 1 && depth > 0; i++) {
          depth += lines.get(i).endsWith("{") ? 1 : lines.get(i).startsWith("}") ? -1 : 0;
        }
        i--;
        if (depth != 0) {
          throw out.fail("the dictionary " + nested.group(1) + " is not closed");
        }
      } else if (scalar.matches()) {
        dict.put(unquote(scalar.group(1)), unquote(scalar.group(2).strip()));
      } else {
        throw out.fail("unrecognised line '" + line + "'");
      }
    }
    return Optional.of(new DeferralInfo(string(dict, "OutputPath"), users(dict), forceAtLogin(dict, out),
        askAtLogout(dict)));
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

  private static Integer forceAtLogin(Map<String, Object> dict, ToolOutput out) throws FactParseException {
    for (String key : List.of("DeferForceAtUserLoginMaxBypassAttempts", "ForceAtLogin")) {
      if (dict.get(key) instanceof String s) {
        try {
          return Integer.valueOf(s);
        } catch (NumberFormatException e) {
          throw out.fail(key + " is not a number: '" + s + "'");
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
