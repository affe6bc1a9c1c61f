package io.trustchain.spi;

/**
 * Contributes a top-level subcommand to {@code trustchain} (found with {@link java.util.ServiceLoader};
 * the lab's {@code lab} command is one).
 */
public interface CliExtension {

  /** A picocli {@code @Command}-annotated object. */
  Object command();
}
