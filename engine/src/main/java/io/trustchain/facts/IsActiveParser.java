package io.trustchain.facts;

/**
 * {@code fdesetup isactive} (S46): {@code true} with exit 0 when FileVault is enabled, {@code false}
 * with exit 1 when it is off. Used to cross-check {@code fdesetup status}: anything else leaves the
 * status ambiguous. Field: {@code status}.
 */
final class IsActiveParser {

  private IsActiveParser() {}

  /** true, false, or null when the output did not say. */
  static Boolean parse(Reading r) {
    int exit = r.out().exit();
    if (exit != 0 && exit != 1) {
      r.unexpectedExit("status");
      return null;
    }
    Boolean answer = FdeAnswer.read(r, "status");
    if (answer != null && answer != (exit == 0)) {
      r.output("'" + answer + "' with exit " + exit + " ('true' comes with exit 0, 'false' with 1)", "status");
      return null;
    }
    return answer;
  }
}
