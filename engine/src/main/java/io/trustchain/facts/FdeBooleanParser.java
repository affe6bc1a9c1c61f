package io.trustchain.facts;

/**
 * The yes/no verbs of {@code fdesetup} ({@code haspersonalrecoverykey},
 * {@code hasinstitutionalrecoverykey}; S47): {@code true} or {@code false} on stdout, exit 0.
 * Anything else leaves the answer unknown. Field: {@code *}.
 */
final class FdeBooleanParser {

  private FdeBooleanParser() {}

  /** true, false, or null when the output did not say. */
  static Boolean parse(Reading r) {
    if (r.out().exit() != 0) {
      r.unexpectedExit(Reading.ALL);
      return null;
    }
    return FdeAnswer.read(r, Reading.ALL);
  }
}
