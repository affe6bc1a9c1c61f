package io.trustchain.escrow;

/**
 * The escrow store could not take, give back or describe a secret. The message says which store,
 * host and item, and what to do; never a secret value.
 */
public final class EscrowException extends Exception {

  public EscrowException(String message) {
    super(message);
  }

  public EscrowException(String message, Throwable cause) {
    super(message, cause);
  }
}
