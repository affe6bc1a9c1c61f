package io.trustchain.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML document written line by line, remembering where each value of interest sits (its slot),
 * so a fault can be planted in exactly one place and that place named.
 */
final class Doc {

  /** What kind of value a slot holds, which decides the faults that apply to it. */
  enum Kind { PLAY_NAME, HOSTS, USER_NAME, FULL_NAME, SHELL, BOOL, INT, ENUM, NAME_LIST, SECRET, VAR, PATH, MAPPING }

  /** A {@code key: value} line (0-based index) at {@code indent} spaces. */
  record Slot(int line, int indent, String key, String value, Kind kind) {
    String render(String newValue) {
      return " ".repeat(indent) + key + ": " + newValue;
    }
  }

  final List<String> lines = new ArrayList<>();
  final List<Slot> slots = new ArrayList<>();

  Doc line(String text) {
    lines.add(text);
    return this;
  }

  /** A {@code key: value} line whose value a fault may replace. */
  Doc slot(int indent, String key, String value, Kind kind) {
    slots.add(new Slot(lines.size(), indent, key, value, kind));
    lines.add(" ".repeat(indent) + key + ": " + value);
    return this;
  }

  List<Slot> slots(Kind... kinds) {
    List<Kind> wanted = List.of(kinds);
    return slots.stream().filter(s -> wanted.contains(s.kind())).toList();
  }

  String text() {
    return String.join("\n", lines) + "\n";
  }

  /** A copy with line {@code index} replaced by {@code replacement} (which may hold several lines). */
  String replaced(int index, String replacement) {
    List<String> copy = new ArrayList<>(lines);
    copy.set(index, replacement);
    return String.join("\n", copy) + "\n";
  }

  /** A copy with {@code extra} inserted after line {@code index}. */
  String inserted(int index, String extra) {
    List<String> copy = new ArrayList<>(lines);
    copy.add(index + 1, extra);
    return String.join("\n", copy) + "\n";
  }
}
