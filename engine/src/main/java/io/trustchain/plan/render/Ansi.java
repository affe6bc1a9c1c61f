package io.trustchain.plan.render;

/** ANSI styling that is a no-op when colours are off. */
public record Ansi(boolean enabled) {

  private static final String RESET = "\u001b[0m";

  public String bold(String s) {
    return wrap("\u001b[1m", s);
  }

  public String green(String s) {
    return wrap("\u001b[32m", s);
  }

  public String yellow(String s) {
    return wrap("\u001b[33m", s);
  }

  public String red(String s) {
    return wrap("\u001b[31m", s);
  }

  public String cyan(String s) {
    return wrap("\u001b[36m", s);
  }

  public String boldRed(String s) {
    return wrap("\u001b[1;31m", s);
  }

  private String wrap(String code, String s) {
    return enabled ? code + s + RESET : s;
  }
}
