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
      Pattern.compile("^(?:dsAttrType(?:Native|Standard):)?([A-Za-z_][A-Za-z0-9_.\\-]*):(?: (.*))?$");
  private static final String NO_SUCH_KEY = "No such key: ";

  private DsclRecordParser() {}

  static Optional<DsclRecord> parse(ToolOutput out) throws FactParseException {
    if (out.exit() == EXIT_RECORD_NOT_FOUND && out.stderr().contains("eDSRecordNotFound")) {
      return Optional.empty();
    }
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    Set<String> missing = new LinkedHashSet<>();
    List<String> current = null;
    for (String raw : out.stdout().lines().toList()) {
      String line = raw.stripTrailing();
      if (line.startsWith(NO_SUCH_KEY)) {
        missing.add(line.substring(NO_SUCH_KEY.length()).strip());
        current = null;
        continue;
      }
      Matcher m = line.startsWith(" ") ? null : ATTRIBUTE.matcher(line);
      if (m != null && m.matches()) {
        current = new ArrayList<>();
        attributes.put(m.group(1), current);
        String inline = m.group(2) == null ? "" : m.group(2).strip();
        if (!inline.isEmpty()) {
          for (String v : inline.split(" +")) {
            current.add(v);
          }
        }
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      if (current == null) {
        throw out.fail("unrecognised line '" + line + "' (an attribute was expected)");
      }
      if (line.startsWith(" ")) {
        current.add(line.substring(1));
      } else if (!current.isEmpty()) {
        current.set(current.size() - 1, current.get(current.size() - 1) + "\n" + line);
      } else {
        throw out.fail("unrecognised line '" + line + "' (a value on its own line starts with a space)");
      }
    }
    if (attributes.isEmpty() && missing.isEmpty()) {
      throw out.fail("no attributes");
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    attributes.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return Optional.of(new DsclRecord(frozen, missing));
  }
}
