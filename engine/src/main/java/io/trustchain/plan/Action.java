package io.trustchain.plan;

/**
 * What a change does. {@code PENDING} is a change macOS completes by itself at an event trustchain
 * cannot cause (a user's next login): listed in the plan, no commands, not counted as a change for
 * {@code --detailed-exitcode}.
 */
public enum Action {
  NO_OP("no-op", " "),
  CREATE("create", "+"),
  UPDATE("update", "~"),
  DELETE("delete", "-"),
  PENDING("pending", "…");

  private final String word;
  private final String symbol;

  Action(String word, String symbol) {
    this.word = word;
    this.symbol = symbol;
  }

  public String word() {
    return word;
  }

  public String symbol() {
    return symbol;
  }

  /** Whether trustchain would run commands for it. */
  public boolean isChange() {
    return this == CREATE || this == UPDATE || this == DELETE;
  }
}
