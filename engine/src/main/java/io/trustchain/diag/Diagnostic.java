package io.trustchain.diag;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in the documents: what is wrong, where, and what to do about it.
 *
 * @param showSnippet false when the offending line may hold a secret: the position is printed, the
 *     line is not (Ansible's {@code show_content=False}).
 */
public record Diagnostic(
    Severity severity, String message, Optional<SourceRange> at, Optional<String> hint, boolean showSnippet) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(at, "at == null");
    Objects.requireNonNull(hint, "hint == null");
  }

  public static Diagnostic error(SourceRange at, String message) {
    return new Diagnostic(Severity.ERROR, message, Optional.ofNullable(at), Optional.empty(), true);
  }

  public static Diagnostic error(SourceRange at, String message, String hint) {
    return new Diagnostic(Severity.ERROR, message, Optional.ofNullable(at), Optional.ofNullable(hint), true);
  }

  public static Diagnostic warning(SourceRange at, String message) {
    return new Diagnostic(Severity.WARNING, message, Optional.ofNullable(at), Optional.empty(), true);
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(severity, message, at, Optional.ofNullable(newHint), showSnippet);
  }

  public Diagnostic withoutSnippet() {
    return new Diagnostic(severity, message, at, hint, false);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The first line of the printed form: {@code file:line:col: error: message}. */
  @Override
  public String toString() {
    return at.map(r -> r + ": ").orElse("") + severity.label() + ": " + message;
  }
}
