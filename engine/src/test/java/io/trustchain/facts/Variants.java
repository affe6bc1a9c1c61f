package io.trustchain.facts;

import io.trustchain.facts.FakeMacTransport.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The ways a real Mac's output differs from a documented sample (issue 7): a line nobody documented
 * before or after, trailing spaces, tabs for spaces, stderr noise (macOS prints objc duplicate-class
 * warnings), no output at all, the tool missing (exit 127), the answer on the other stream, and
 * Windows line ends. {@link #random} strings several together with lines drawn from a pool, for a
 * seeded property run.
 */
final class Variants {

  /** One variant: a name for the report and what it does to an answer. */
  record Variant(String name, UnaryOperator<Answer> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Lines a new macOS could print: undocumented keys, informational remarks, noise. */
  static final List<String> UNKNOWN_LINES = List.of(
      "Undocumented: a line nobody has seen before",
      "This information may be cached; run again with -verbose for details.",
      "ProductVersionNext:\t27.0",
      "Note: the volume was last verified 3 days ago",
      "WARNING: this command is deprecated and will be removed in a future release",
      "    (additional details are available in the system log)",
      "|   Unknown Attribute: something");

  /** The objc runtime's duplicate-class warning, printed on stderr by many macOS tools (a real shape). */
  static final String OBJC_NOISE = "objc[1234]: Class AMSupportURLConnectionDelegate is implemented in both"
      + " /usr/lib/libauthinstall.dylib (0x1f1b0c8) and /System/Library/PrivateFrameworks/MobileDevice.framework"
      + "/Versions/A/MobileDevice (0x10a9f42c8). One of the two will be used. Which one is undefined.";

  static List<Variant> all(String command) {
    String tool = command.split(" ")[0];
    return List.of(
        new Variant("unknown line before", a -> new Answer(a.exit(), prepend(UNKNOWN_LINES.get(0), a.stdout()),
            a.stderr())),
        new Variant("unknown line after", a -> new Answer(a.exit(), append(a.stdout(), UNKNOWN_LINES.get(1)),
            a.stderr())),
        new Variant("trailing spaces", a -> new Answer(a.exit(), eachLine(a.stdout(), l -> l + "   "),
            eachLine(a.stderr(), l -> l + "  "))),
        new Variant("tabs for spaces", a -> new Answer(a.exit(), a.stdout().replace(' ', '\t'),
            a.stderr().replace(' ', '\t'))),
        new Variant("stderr noise", a -> new Answer(a.exit(), a.stdout(), append(a.stderr(), OBJC_NOISE))),
        new Variant("empty output", a -> new Answer(a.exit(), "", "")),
        new Variant("exit 127", a -> new Answer(127, "", "sh: " + tool + ": command not found\n")),
        new Variant("answer on the other stream", a -> new Answer(a.exit(), a.stderr(), a.stdout())),
        new Variant("CRLF line ends", a -> new Answer(a.exit(), a.stdout().replace("\n", "\r\n"),
            a.stderr().replace("\n", "\r\n"))));
  }

  /** Two to four variants and pool lines at random places, from {@code random}. */
  static Variant random(Random random, String command) {
    List<Variant> pool = all(command);
    List<UnaryOperator<Answer>> steps = new ArrayList<>();
    StringBuilder name = new StringBuilder("random");
    int n = 2 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      if (random.nextBoolean()) {
        Variant v = pool.get(random.nextInt(pool.size()));
        steps.add(v.apply());
        name.append(" + ").append(v.name());
      } else {
        String line = UNKNOWN_LINES.get(random.nextInt(UNKNOWN_LINES.size()));
        boolean err = random.nextInt(4) == 0;
        int at = random.nextInt(1000);
        steps.add(a -> err ? new Answer(a.exit(), a.stdout(), insert(a.stderr(), line, at))
            : new Answer(a.exit(), insert(a.stdout(), line, at), a.stderr()));
        name.append(" + line '").append(line).append("' on ").append(err ? "stderr" : "stdout");
      }
    }
    return new Variant(name.toString(), a -> {
      Answer out = a;
      for (UnaryOperator<Answer> s : steps) {
        out = s.apply(out);
      }
      return out;
    });
  }

  private static String prepend(String line, String text) {
    return line + "\n" + text;
  }

  private static String append(String text, String line) {
    return text.isEmpty() || text.endsWith("\n") ? text + line + "\n" : text + "\n" + line + "\n";
  }

  /** {@code line} inserted before line {@code at % (lines + 1)} of {@code text}. */
  private static String insert(String text, String line, int at) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    lines.add(at % (lines.size() + 1), line);
    return String.join("\n", lines) + "\n";
  }

  private static String eachLine(String text, UnaryOperator<String> f) {
    if (text.isEmpty()) {
      return text;
    }
    StringBuilder b = new StringBuilder();
    for (String l : text.split("\n", -1)) {
      b.append(l.isEmpty() ? l : f.apply(l)).append('\n');
    }
    return b.substring(0, b.length() - 1);
  }

  private Variants() {}
}
