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
    for (String raw : out.stdout().lines().toList()) {
      String line = raw.stripTrailing();
      if (line.startsWith(NO_SUCH_KEY)) {
        missing.add(line.substring(NO_SUCH_KEY.length()).strip());
        current = null;
        continue;
      }
      boolean indented = line.startsWith(" ") || line.startsWith("\t");
      boolean inPlist = current != null && !current.isEmpty() && current.get(current.size() - 1).startsWith("<?xml")
          && !current.get(current.size() - 1).contains("</plist>");
      Matcher m = indented || inPlist ? null : ATTRIBUTE.matcher(line);
      if (m != null && m.matches()) {
        currentName = m.group(1);
        current = new ArrayList<>();
        attributes.put(currentName, current);
        String inline = m.group(2) == null ? "" : m.group(2).strip();
        currentInline = !inline.isEmpty();
        lastOwnLine = currentInline ? lastOwnLine : currentName;
        if (!inline.isEmpty()) {
          for (String v : inline.split("[ \t]+")) {
            current.add(v);
          }
        }
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
}
