package io.trustchain.facts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One tool's output being read by its parser. A parser reads {@link #out()}, returns what it is sure
 * of, and notes here every part it did not understand, with the fields that part leaves unknown or
 * ambiguous ({@code "*"} for all the fields the tool gives; none for a line that changes nothing the
 * parser read). The notes become {@link NotUnderstood} entries in the device's own words (redacted),
 * with the parser's field names turned into fact paths by the section's mapping.
 */
final class Reading {

  /** Every field the tool gives. */
  static final String ALL = "*";

  /** A note: the parser's field names, the stream, the lines (redacted) and the problem. */
  private record Note(List<String> fields, String stream, List<String> lines, String problem) {}

  private final ToolOutput out;
  private final List<Note> notes = new ArrayList<>();
  private final Set<String> unsure = new LinkedHashSet<>();

  Reading(ToolOutput out) {
    this.out = out;
  }

  ToolOutput out() {
    return out;
  }

  /** One line on {@code stream} that the parser did not understand. */
  void line(String stream, String line, String problem, String... fields) {
    lines(stream, List.of(line), problem, fields);
  }

  /** Lines on {@code stream} that the parser did not understand. */
  void lines(String stream, List<String> lines, String problem, String... fields) {
    List<String> redacted = lines.stream().map(Redact::text).toList();
    unsure.addAll(List.of(fields));
    notes.add(new Note(List.of(fields), stream, redacted, Redact.text(problem)));
  }

  /**
   * The output as a whole was not understood (an unexpected exit status, a missing line): one entry
   * per stream that printed something, or one saying it printed nothing.
   */
  void output(String problem, String... fields) {
    List<String> stdout = out.stdoutLines();
    List<String> stderr = out.stderrLines();
    if (stdout.isEmpty() && stderr.isEmpty()) {
      lines(null, List.of(), problem, fields);
      return;
    }
    if (!stdout.isEmpty()) {
      lines("stdout", stdout, problem, fields);
    }
    if (!stderr.isEmpty()) {
      lines("stderr", stderr, problem, fields);
    }
  }

  /** The exit status is not one the tool gives with this meaning. */
  void unexpectedExit(String... fields) {
    output("unexpected exit status " + out.exit(), fields);
  }

  /** Every stderr line, noted as not understood without touching any field (noise such as objc warnings). */
  void stderrNoise() {
    List<String> stderr = out.stderrLines();
    if (!stderr.isEmpty()) {
      lines("stderr", stderr, "unknown line", new String[0]);
    }
  }

  /** Whether nothing noted so far leaves {@code field} unknown. */
  boolean sure(String field) {
    return !unsure.contains(field) && !unsure.contains(ALL);
  }

  /** Whether anything was noted. */
  boolean clean() {
    return notes.isEmpty();
  }

  /**
   * The notes as entries of {@code section}, each parser field name turned into the fact paths it
   * stands for by {@code paths} ({@code *} included).
   */
  List<NotUnderstood> notUnderstood(String section, Function<String, List<String>> paths) {
    List<NotUnderstood> entries = new ArrayList<>();
    for (Note n : notes) {
      List<String> facts = new ArrayList<>();
      for (String f : n.fields()) {
        for (String p : paths.apply(f)) {
          if (!facts.contains(p)) {
            facts.add(p);
          }
        }
      }
      entries.add(new NotUnderstood(section, facts, out.command(), out.exit(), n.stream(), n.lines(), n.problem()));
    }
    return entries;
  }
}
