package io.trustchain.diag;

/** The documents have errors; the CLI prints the diagnostics and exits 65. Carries no stack-worthy cause. */
public final class InvalidDocumentsException extends Exception {

  private final transient Diagnostics diagnostics;

  public InvalidDocumentsException(Diagnostics diagnostics) {
    super(diagnostics.errorCount() + " error(s) in the documents", null, false, false);
    this.diagnostics = diagnostics;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }
}
