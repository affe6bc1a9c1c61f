package io.trustchain.lab.macos.state;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool that reports success but changes nothing ({@code refuse_silently}): an invocation whose
 * command line ({@code sysadminctl -secureTokenOn alice …}) matches {@code match} prints what it would
 * print and leaves the Mac as it was.
 */
public final class ToolFault {

  private String match;
  private int remaining = -1;

  private ToolFault() {}

  public ToolFault(String match, int remaining) {
    this.match = Objects.requireNonNull(match, "match == null");
    Pattern.compile(match);
    this.remaining = remaining;
  }

  public String match() {
    return match;
  }

  /** How many more times it fires; -1 = always. */
  public int remaining() {
    return remaining;
  }

  public boolean live() {
    return remaining != 0;
  }

  public boolean matches(String commandLine) {
    return live() && Pattern.compile(match).matcher(commandLine).find();
  }

  public void fired() {
    if (remaining > 0) {
      remaining--;
    }
  }

  @Override
  public String toString() {
    return "refuse_silently /" + match + "/" + (remaining < 0 ? "" : " x" + remaining);
  }
}
