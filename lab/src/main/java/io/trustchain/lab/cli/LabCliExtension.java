package io.trustchain.lab.cli;

import io.trustchain.spi.CliExtension;

/** Contributes {@code trustchain lab} (found with {@link java.util.ServiceLoader}). */
public final class LabCliExtension implements CliExtension {

  @Override
  public Object command() {
    return new LabCommand();
  }
}
