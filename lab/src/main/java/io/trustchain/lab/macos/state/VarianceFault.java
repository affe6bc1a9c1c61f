package io.trustchain.lab.macos.state;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool whose output differs from what the reference documents ({@code variance}), as real Macs'
 * does (issue 7): for an invocation whose command line matches {@code match}, the tool runs as usual
 * (its effect is kept), then {@code before} lines go before its stdout, {@code after} lines after it,
 * {@code stderr} lines after its stderr, and {@code exit}, when set, replaces its exit status; with
 * {@code replace} the tool's own output is dropped (e.g. a host with no sw_vers: exit 127).
 */
public final class VarianceFault {

  private String match;
  private List<String> before = List.of();
  private List<String> after = List.of();
  private List<String> stderr = List.of();
  private Integer exit;
  private boolean replace;
  private int remaining = -1;

  private VarianceFault() {}

  public VarianceFault(String match, List<String> before, List<String> after, List<String> stderr, Integer exit,
      boolean replace, int remaining) {
    this.match = Objects.requireNonNull(match, "match == null");
    Pattern.compile(match);
    this.before = List.copyOf(before);
    this.after = List.copyOf(after);
    this.stderr = List.copyOf(stderr);
    this.exit = exit;
    this.replace = replace;
    this.remaining = remaining;
  }

  public String match() {
    return match;
  }

  public List<String> before() {
    return before;
  }

  public List<String> after() {
    return after;
  }

  public List<String> stderr() {
    return stderr;
  }

  /** The exit status it reports instead of the tool's; null keeps the tool's. */
  public Integer exit() {
    return exit;
  }

  /** Whether the tool's own output is dropped (only the fault's lines are printed): a tool that is not there. */
  public boolean replace() {
    return replace;
  }

  /** How many more times it fires; -1 = always. */
  public int remaining() {
    return remaining;
  }

  public boolean matches(String commandLine) {
    return remaining != 0 && Pattern.compile(match).matcher(commandLine).find();
  }

  public void fired() {
    if (remaining > 0) {
      remaining--;
    }
  }

  @Override
  public String toString() {
    return "variance /" + match + "/" + (remaining < 0 ? "" : " x" + remaining);
  }
}
