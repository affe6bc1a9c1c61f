package io.trustchain.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The one {@code true} or {@code false} line of fdesetup's yes/no verbs, among whatever else they
 * print: other lines are noted without touching the answer; no answer, or both, leave it unknown.
 */
final class FdeAnswer {

  private FdeAnswer() {}

  /** true, false, or null when not exactly one of them is printed; {@code field} is what null leaves unknown. */
  static Boolean read(Reading r, String field) {
    ToolOutput out = r.out();
    Boolean answer = null;
    boolean both = false;
    List<String> other = new ArrayList<>();
    for (String line : out.stdoutLines()) {
      String word = line.strip();
      if (word.equals("true") || word.equals("false")) {
        boolean value = word.equals("true");
        both |= answer != null && answer != value;
        answer = value;
      } else {
        other.add(line);
      }
    }
    if (answer == null || both) {
      r.output("one 'true' or 'false' line expected", field);
      return null;
    }
    if (!other.isEmpty()) {
      r.lines("stdout", other, "unknown line");
    }
    r.stderrNoise();
    return answer;
  }
}
