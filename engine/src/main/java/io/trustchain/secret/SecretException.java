package io.trustchain.secret;

/** A secret could not be resolved. The message names the reference and never holds a value. */
public final class SecretException extends Exception {

  public SecretException(String message) {
    super(message);
  }
}
