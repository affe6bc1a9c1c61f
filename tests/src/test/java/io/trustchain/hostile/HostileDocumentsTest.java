package io.trustchain.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-documents corpus ({@link Corpus}): at least 1,000 generated cases, each with one
 * planted fault, each answered by {@code validate} with exit 65 (or 64), an error message, the
 * fault's {@code file:line[:col]}, no stack trace, in bounded time and memory. The seed is fixed so a
 * failure reproduces; a failing case's files stay in {@code tests/target/hostile-corpus/SEED/ID/}
 * (run {@code ./trustchain validate …} there). Options: {@code -Dtrustchain.hostile.seed=N} (another
 * corpus), {@code -Dtrustchain.hostile.case=REGEX} (the cases whose id matches, e.g. {@code g0042} or {@code m.*}).
 */
class HostileDocumentsTest {

  /** Generous bounds that only a runaway (a bomb, a loop) exceeds; not performance assertions. */
  static final long MAX_MILLIS = 20_000;
  static final long MAX_ALLOCATED = 1L << 30;

  private static final long SEED = Long.getLong("trustchain.hostile.seed", Corpus.SEED);
  private static final String ONLY = System.getProperty("trustchain.hostile.case", "");
  private static final Path ROOT = Path.of("tests/target/hostile-corpus", Long.toString(SEED));
  private static final Corpus.Generated CORPUS = Corpus.generate(SEED);

  /** What each case cost, for the summary printed after the run (tests/target/surefire-reports/…-output.txt). */
  private static final List<Validation.Outcome> COSTS = java.util.Collections.synchronizedList(new ArrayList<>());

  @AfterAll
  static void summary() {
    synchronized (COSTS) {
      if (COSTS.isEmpty()) {
        return;
      }
      long total = COSTS.stream().mapToLong(Validation.Outcome::millis).sum();
      long slowest = COSTS.stream().mapToLong(Validation.Outcome::millis).max().orElse(0);
      long most = COSTS.stream().mapToLong(Validation.Outcome::allocatedBytes).max().orElse(0);
      System.out.printf("hostile corpus (seed %d): %d cases validated in %d ms (slowest %d ms, most allocated %d MiB)%n",
          SEED, COSTS.size(), total, slowest, most >> 20);
    }
  }

  @Test
  void theCorpusHoldsAtLeastAThousandCasesAndEveryFaultKind() {
    Map<String, Integer> kinds = new TreeMap<>();
    CORPUS.cases().forEach(c -> kinds.merge(c.fault(), 1, Integer::sum));
    assertThat(CORPUS.cases()).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(kinds.keySet()).as("kinds: " + kinds).containsAll(Faults.KINDS).containsAll(Mutations.OPERATORS)
        .contains("range-bomb", "group-cycle", "deep-children", "host-name", "ini-range-bomb", "ini-cycle");
    assertThat(CORPUS.cases().stream().map(HostileCase::id).distinct().count()).isEqualTo(CORPUS.cases().size());
  }

  /** Without its fault, each case's document set validates: the fault is what the answer is about. */
  @TestFactory
  Stream<DynamicTest> everyStartingPointValidates() {
    return CORPUS.bases().stream().filter(b -> ONLY.isEmpty()).map(b -> DynamicTest.dynamicTest(b.id(), () -> {
      Path dir = ROOT.resolve(b.id());
      Validation.write(dir, b.files().map());
      Validation.Outcome o = Validation.run(dir, b.args(), Fixture.ENV);
      assertThat(o.code()).as("%s in %s: %s%s", b.id(), dir, o.out(), o.err()).isZero();
      delete(dir);
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyHostileCaseIsRefusedWithItsPlaceAndNoStackTrace() {
    return CORPUS.cases().stream().filter(c -> ONLY.isEmpty() || c.id().matches(ONLY))
        .map(c -> DynamicTest.dynamicTest(c.id() + " " + c.fault(), () -> {
          Path dir = ROOT.resolve(c.id());
          Validation.write(dir, c.files());
          Validation.Outcome o = assertTimeoutPreemptively(Duration.ofMillis(3 * MAX_MILLIS),
              () -> Validation.run(dir, c.args(), Fixture.ENV),
              () -> "seed " + SEED + " case " + c + ": validate did not finish; files in " + dir);
          COSTS.add(new Validation.Outcome(o.code(), "", "", o.millis(), o.allocatedBytes(), null));
          List<String> problems = problems(c, o);
          if (!problems.isEmpty()) {
            throw new AssertionError("seed " + SEED + " case " + c + "\n  files: " + dir + "\n  rerun: "
                + "-Dtrustchain.hostile.case=" + c.id() + "\n  " + String.join("\n  ", problems)
                + "\n--- exit " + o.code() + ", " + o.millis() + " ms, " + (o.allocatedBytes() >> 20) + " MiB allocated"
                + "\n--- stdout\n" + clip(o.out()) + "--- stderr\n" + clip(o.err()), o.thrown());
          }
          delete(dir);
        }));
  }

  static List<String> problems(HostileCase c, Validation.Outcome o) {
    List<String> problems = new ArrayList<>();
    if (o.thrown() != null) {
      problems.add("validate threw " + o.thrown());
    }
    if (o.code() != 65 && o.code() != 64) {
      problems.add("exit " + o.code() + ", expected 65 (invalid documents) or 64 (usage)");
    }
    if (!o.err().contains("error:")) {
      problems.add("no error message on stderr");
    }
    if (o.out().contains("Valid:")) {
      problems.add("stdout says Valid");
    }
    String all = o.out() + o.err();
    if (all.contains("\tat ") || all.contains("Exception") || all.contains("java.lang.") || all.contains("internal error")) {
      problems.add("a stack trace or an exception name in the output");
    }
    if (o.millis() > MAX_MILLIS) {
      problems.add("took " + o.millis() + " ms (bound " + MAX_MILLIS + ")");
    }
    if (o.allocatedBytes() > MAX_ALLOCATED) {
      problems.add("allocated " + (o.allocatedBytes() >> 20) + " MiB (bound " + (MAX_ALLOCATED >> 20) + ")");
    }
    c.place().ifPresent(p -> {
      if (!pointsAt(o.err(), p)) {
        problems.add("no error points at " + p);
      }
    });
    return problems;
  }

  /** Whether some {@code …FILE:LINE:COL: error:} line of {@code err} falls within {@code place}. */
  static boolean pointsAt(String err, HostileCase.Place place) {
    Pattern at = Pattern.compile("(?m)(?:^|/)" + Pattern.quote(place.file()) + ":(\\d+):(\\d+): error:");
    Matcher m = at.matcher(err);
    while (m.find()) {
      int line = Integer.parseInt(m.group(1));
      int column = Integer.parseInt(m.group(2));
      if (line >= place.from() && line <= place.to() && (place.column() == 0 || column == place.column())) {
        return true;
      }
    }
    return false;
  }

  private static String clip(String s) {
    return s.length() > 3000 ? s.substring(0, 3000) + "…(" + s.length() + " chars)\n" : s;
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
