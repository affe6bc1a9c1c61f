package io.trustchain.plan.json;

/**
 * A plan file that cannot be read: not JSON, another format version, or a field missing or of the
 * wrong type. The message names the field's path ({@code hosts[0].changes[2].action}).
 */
public final class PlanFormatException extends Exception {

  public PlanFormatException(String message) {
    super(message, null, false, false);
  }

  PlanFormatException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
