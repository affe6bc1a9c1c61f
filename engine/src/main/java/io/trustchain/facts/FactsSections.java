package io.trustchain.facts;

import io.trustchain.transport.ExecResult;
import io.trustchain.transport.SectionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The framed sections of one facts exec, handed to the parsers: collects what they did not
 * understand ({@link NotUnderstood}, per section) and the listing rows that name no local account.
 * A section the script never reached (it stopped before) is noted as not understood; the first such
 * section quotes the exec's own last words.
 */
final class FactsSections {

  private static final int LAST_WORDS = 5;

  private final FactsScript script;
  private final Map<String, SectionResult> sections;
  private final ExecResult exec;
  private final List<NotUnderstood> notes = new ArrayList<>();
  private final List<Unmatched> unmatched = new ArrayList<>();
  private boolean firstMissing = true;

  FactsSections(FactsScript script, Map<String, SectionResult> sections, ExecResult exec) {
    this.script = script;
    this.sections = sections;
    this.exec = exec;
  }

  /** Section {@code key} as it came back, or null when it did not run (nothing noted). */
  SectionResult section(String key) {
    return sections.get(key);
  }

  /** The reading of section {@code key}; null, and noted with {@code facts}, when it did not run. */
  Reading reading(String key, String section, List<String> facts) {
    SectionResult s = sections.get(key);
    if (s == null) {
      List<String> words = firstMissing ? lastWords() : List.of();
      firstMissing = false;
      notes.add(new NotUnderstood(section, facts, script.display(key), exec.exitStatus(),
          words.isEmpty() ? null : "stderr", words,
          "no result: the facts script (exit " + exec.exitStatus() + ") ended before this command ran"));
      return null;
    }
    return new Reading(new ToolOutput(() -> script.display(key), s.exitCode(), s.stdout(), s.stderr()));
  }

  /** What the exec printed on stderr after its last complete section (the first missing one quotes it). */
  private List<String> lastWords() {
    List<String> lines = ToolOutput.lines(exec.stderr());
    int after = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("@@tc:")) {
        after = i + 1;
      }
    }
    List<String> tail = lines.subList(Math.max(after, lines.size() - LAST_WORDS), lines.size());
    return tail.stream().map(Redact::text).toList();
  }

  /**
   * Section {@code key} read by {@code parser}, its notes kept in {@code section} with the parser's
   * fields mapped by {@code paths}; {@code absent} when the section did not run.
   */
  <T> T parse(String key, String section, Function<String, List<String>> paths, Function<Reading, T> parser,
      T absent) {
    Reading r = reading(key, section, paths.apply(Reading.ALL));
    if (r == null) {
      return absent;
    }
    T value = parser.apply(r);
    keep(r, section, paths);
    return value;
  }

  /** Keeps {@code r}'s notes as entries of {@code section}. */
  void keep(Reading r, String section, Function<String, List<String>> paths) {
    notes.addAll(r.notUnderstood(section, paths));
  }

  /** Notes a problem found across sections (e.g. two tools that disagree), in the words of {@code r}. */
  void conflict(Reading r, String section, String problem, String... facts) {
    Reading c = new Reading(r.out());
    c.output(problem, facts);
    keep(c, section, List::of);
  }

  void unmatched(String section, String key, String entry, String reason) {
    unmatched.add(new Unmatched(section, script.display(key), Redact.text(entry), reason));
  }

  /** Whether no entry so far leaves {@code path} unknown. */
  boolean known(String path) {
    return notes.stream().noneMatch(n -> n.touches(path));
  }

  List<NotUnderstood> notes() {
    return List.copyOf(notes);
  }

  List<Unmatched> unmatched() {
    return List.copyOf(unmatched);
  }

  /** Whether the script produced any section at all (else it did not run). */
  boolean ran() {
    return !sections.isEmpty();
  }

  ExecResult exec() {
    return exec;
  }
}
