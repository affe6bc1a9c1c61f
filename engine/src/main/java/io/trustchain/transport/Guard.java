package io.trustchain.transport;

import java.util.Objects;

/**
 * A fact a change depends on, checked on the Mac right before the change runs, in the same exec:
 * {@code probe} is the tool the facts read it with, {@code expect} what its result must be. When a
 * guard does not hold, its change is aborted (nothing of it runs) and the probe's output is reported
 * as what the Mac shows now. Modules build guards with the facts package's {@code Probes}.
 *
 * @param fact what must still hold, in words ({@code alice holds no Secure Token})
 */
public record Guard(String fact, Command probe, Expect expect) {

  public Guard {
    Objects.requireNonNull(fact, "fact == null");
    Objects.requireNonNull(probe, "probe == null");
    Objects.requireNonNull(expect, "expect == null");
    if (probe.stdoutFile() != null || probe.capture() != null) {
      throw new IllegalArgumentException("a guard's probe only reads: no file or capture");
    }
  }

  /**
   * Whether the probe tries a password (its only stdin is a secret): such a guard is checked once per
   * apply script, at the first change it guards, since every try is an authentication attempt.
   */
  public boolean checksPassword() {
    return probe.hasSecrets();
  }

  /** What the probe's result must be. Output is both streams together, line by line. */
  public sealed interface Expect {

    /** The probe exits with {@code code} ({@code equal}) or with anything else. */
    record Exit(int code, boolean equal) implements Expect {}

    /**
     * A line of the output contains {@code text} (or is exactly it, {@code wholeLine}); with
     * {@code present} false, no line does.
     */
    record Output(String text, boolean wholeLine, boolean present) implements Expect {
      public Output {
        Objects.requireNonNull(text, "text == null");
        if (text.isEmpty() || text.contains("\n")) {
          throw new IllegalArgumentException("an expected output text is one non-empty line");
        }
      }
    }

    /** Whether a probe that exited {@code exit} and printed {@code output} meets this expectation. */
    default boolean heldBy(int exit, String output) {
      return switch (this) {
        case Exit e -> (exit == e.code()) == e.equal();
        case Output o -> output.lines().anyMatch(l -> o.wholeLine() ? l.equals(o.text()) : l.contains(o.text()))
            == o.present();
      };
    }

    /** {@code exit 0}, {@code exit ≠ 56}, {@code "… is DISABLED …"}, {@code no line "alice,…"}. */
    default String display() {
      return switch (this) {
        case Exit e -> (e.equal() ? "exit " : "exit ≠ ") + e.code();
        case Output o -> (o.present() ? "" : "no ") + (o.wholeLine() ? "line " : "text ") + "\"" + o.text() + "\"";
      };
    }
  }

  public static Guard exit(String fact, Command probe, int code) {
    return new Guard(fact, probe, new Expect.Exit(code, true));
  }

  public static Guard exitNot(String fact, Command probe, int code) {
    return new Guard(fact, probe, new Expect.Exit(code, false));
  }

  public static Guard output(String fact, Command probe, String text, boolean present) {
    return new Guard(fact, probe, new Expect.Output(text, false, present));
  }

  public static Guard line(String fact, Command probe, String line, boolean present) {
    return new Guard(fact, probe, new Expect.Output(line, true, present));
  }

  /** {@code alice holds no Secure Token: sysadminctl -secureTokenStatus alice → text "…"}. */
  public String display() {
    return fact + ": " + probe.display() + " → " + expect.display();
  }

  @Override
  public String toString() {
    return display();
  }
}
