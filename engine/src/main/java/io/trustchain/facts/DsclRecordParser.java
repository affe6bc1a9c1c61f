package io.trustchain.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dscl . -read /Users/NAME [ATTR…]} and {@code /Groups/NAME} (S64–S72, S74, S75). Attributes
 * come sorted (native {@code dsAttrTypeNative:} ones first); short single values follow
 * {@code Key: } on the same line, several values are space-separated there; values with spaces
 * (and multi-line plists) start on the next line with one leading space, one value per line;
 * {@code No such key: ATTR} marks a requested attribute the record lacks (S71). A missing record is
 * {@code <dscl_cmd> DS Error: -14136 (eDSRecordNotFound)} on stderr with exit 56 (S72): empty.
 *
 * <p>Attributes it does not know are kept like the others. A line before the first attribute is
 * noted without touching any; an unindented line after an attribute (outside a plist) leaves that
 * attribute ambiguous (the field names are the attribute names); another exit status leaves the
 * whole record unknown ({@code *}), with an empty record returned.
 */
final class DsclRecordParser {

  /** An Open Directory record: attribute name (without {@code dsAttrTypeNative:}) → values. */
  record DsclRecord(Map<String, List<String>> attributes, Set<String> missing) {

    List<String> values(String name) {
      return attributes.getOrDefault(name, List.of());
    }

    /** The first value, or null. */
    String first(String name) {
      List<String> v = values(name);
      return v.isEmpty() ? null : v.get(0);
    }
  }

  static final int EXIT_RECORD_NOT_FOUND = 56;

  /** An attribute line: {@code [dsAttrTypeNative:|dsAttrTypeStandard:]NAME:[ VALUES]}, NAME {@code [A-Za-z_][A-Za-z0-9_.-]*}. */
  private record Attribute(String name, String inline) {}

  private static final String[] PREFIXES = {"dsAttrTypeNative:", "dsAttrTypeStandard:"};

  /**
   * The same grammar as a pattern, for the rare line that holds a character Java's {@code .} and {@code $}
   * treat as a line terminator (U+0085, U+2028, U+2029): the hand-written reader above is exact for the rest.
   */
  private static final Pattern ATTRIBUTE =
      Pattern.compile("^(?:dsAttrType(?:Native|Standard):)?([A-Za-z_][A-Za-z0-9_.\\-]*):(?:[ \\t](.*))?$");
  private static final String NO_SUCH_KEY = "No such key: ";

  private DsclRecordParser() {}

  static Optional<DsclRecord> parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() == EXIT_RECORD_NOT_FOUND && out.stderr().contains("eDSRecordNotFound")) {
      return Optional.empty();
    }
    if (out.exit() != 0) {
      r.unexpectedExit(Reading.ALL);
      return Optional.of(new DsclRecord(Map.of(), Set.of()));
    }
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    Set<String> missing = new LinkedHashSet<>();
    List<String> current = null;
    String currentName = null;
    List<String> stray = new ArrayList<>();
    boolean currentInline = false;
    String lastOwnLine = null;
    String text = out.stdout();
    for (int start = 0, end; start < text.length(); start = ToolOutput.next(text, end)) {
      end = ToolOutput.lineEnd(text, start);
      String raw = text.substring(start, end);
      String line = raw.stripTrailing();
      if (line.startsWith(NO_SUCH_KEY)) {
        missing.add(line.substring(NO_SUCH_KEY.length()).strip());
        current = null;
        continue;
      }
      boolean indented = line.startsWith(" ") || line.startsWith("\t");
      boolean inPlist = current != null && !current.isEmpty() && current.get(current.size() - 1).startsWith("<?xml")
          && !current.get(current.size() - 1).contains("</plist>");
      Attribute a = indented || inPlist ? null : attribute(line);
      if (a != null) {
        currentName = a.name();
        current = new ArrayList<>();
        attributes.put(currentName, current);
        String inline = a.inline().strip();
        currentInline = !inline.isEmpty();
        lastOwnLine = currentInline ? lastOwnLine : currentName;
        splitValues(inline, current);
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      if (current == null) {
        stray.add(raw);
      } else if (inPlist) {
        current.set(current.size() - 1, current.get(current.size() - 1) + "\n" + line);
      } else if (indented && !currentInline) {
        current.add(line.substring(1).strip().replace('\t', ' '));
      } else if (indented) {
        // it belongs to no attribute: maybe to the last one whose values are on their own lines
        r.line("stdout", raw, "an indented line after " + currentName + "'s values on its own line (dscl puts"
            + " values on their own lines only when the attribute line has none)",
            lastOwnLine == null ? new String[] {currentName} : new String[] {currentName, lastOwnLine});
      } else {
        r.line("stdout", line, "unknown line after " + currentName + " (a value on its own line is indented)",
            currentName);
      }
    }
    if (attributes.isEmpty() && missing.isEmpty()) {
      r.output("no attributes", Reading.ALL);
      return Optional.of(new DsclRecord(Map.of(), Set.of()));
    }
    if (!stray.isEmpty()) {
      r.lines("stdout", stray, "unknown line (an attribute was expected)");
    }
    r.stderrNoise();
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    attributes.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return Optional.of(new DsclRecord(frozen, missing));
  }

  /** The attribute {@code line} names, or null when it names none. */
  private static Attribute attribute(String line) {
    if (line.indexOf('\u0085') >= 0 || line.indexOf('\u2028') >= 0 || line.indexOf('\u2029') >= 0) {
      Matcher m = ATTRIBUTE.matcher(line);
      return m.matches() ? new Attribute(m.group(1), m.group(2) == null ? "" : m.group(2)) : null;
    }
    for (String prefix : PREFIXES) {
      if (line.startsWith(prefix)) {
        Attribute a = attributeAt(line, prefix.length());
        if (a != null) {
          return a;
        }
      }
    }
    return attributeAt(line, 0);
  }

  private static Attribute attributeAt(String line, int from) {
    int i = from;
    if (i >= line.length() || !nameChar(line.charAt(i), true)) {
      return null;
    }
    while (i < line.length() && nameChar(line.charAt(i), false)) {
      i++;
    }
    if (i >= line.length() || line.charAt(i) != ':') {
      return null;
    }
    String name = line.substring(from, i);
    if (i + 1 == line.length()) {
      return new Attribute(name, "");
    }
    char after = line.charAt(i + 1);
    return after == ' ' || after == '\t' ? new Attribute(name, line.substring(i + 2)) : null;
  }

  private static boolean nameChar(char c, boolean first) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'
        || (!first && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
  }

  /** The values of an attribute line, separated by runs of spaces and tabs. */
  private static void splitValues(String inline, List<String> into) {
    int i = 0;
    while (i < inline.length()) {
      while (i < inline.length() && (inline.charAt(i) == ' ' || inline.charAt(i) == '\t')) {
        i++;
      }
      int start = i;
      while (i < inline.length() && inline.charAt(i) != ' ' && inline.charAt(i) != '\t') {
        i++;
      }
      if (i > start) {
        into.add(inline.substring(start, i));
      }
    }
  }
}
