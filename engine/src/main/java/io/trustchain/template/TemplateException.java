package io.trustchain.template;

/** A template could not be rendered: an undefined variable, a syntax error, a secret in a string. */
public final class TemplateException extends Exception {

  public TemplateException(String message) {
    super(message);
  }
}
