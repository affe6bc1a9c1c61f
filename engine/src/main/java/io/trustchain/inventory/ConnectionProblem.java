package io.trustchain.inventory;

import java.util.Objects;

/**
 * Why a host's connection variables cannot be used: the variable at fault and what is wrong with
 * it. Never holds a secret value.
 */
public record ConnectionProblem(String host, String variable, String message) {

  public ConnectionProblem {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(variable, "variable == null");
    Objects.requireNonNull(message, "message == null");
  }

  /** {@code mac01: ansible_port: must be a whole number between 1 and 65535, got "ssh"}. */
  @Override
  public String toString() {
    return host + ": " + variable + ": " + message;
  }
}
