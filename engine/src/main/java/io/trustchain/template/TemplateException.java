package io.trustchain.template;

import java.util.Optional;

/** A template could not be rendered: an undefined variable, a syntax error, a secret in a string. */
public final class TemplateException extends Exception {

  private final String hint;

  public TemplateException(String message) {
    this(message, null);
  }

  /** @param hint what to do, e.g. {@code did you mean "vault_alice_password"?}; may be null */
  public TemplateException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
