package io.trustchain.diag;

/** How bad a diagnostic is. Only errors stop a run. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
