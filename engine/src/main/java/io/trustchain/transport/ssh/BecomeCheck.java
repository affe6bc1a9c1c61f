package io.trustchain.transport.ssh;

import io.trustchain.transport.TransportException;
import java.util.List;
import java.util.Optional;

/**
 * sudo sees only the become password. Real sudo with {@code -S} reads up to {@code passwd_tries} (3) stdin
 * lines as password attempts: with a wrong become password, the lines after it, the script's secrets, would be
 * its next attempts. So before the first exec that carries secrets, the transport makes sure sudo accepted the
 * password in an exec whose stdin held nothing else: an earlier exec without secrets (the facts) counts; else it
 * runs {@link #COMMAND} in an exec of its own, and goes on only when sudo accepted it.
 * Refusals are recognised in sudo's own words (sudo 1.9, Debian 12 and macOS alike):
 * {@code Sorry, try again.}, {@code sudo: N incorrect password attempt(s)}, {@code sudo: no password was
 * provided}, {@code sudo: a password is required}, {@code USER is not in the sudoers file.}
 */
final class BecomeCheck {

  /** Validates the become password and runs nothing else. */
  static final String COMMAND = "sudo -S -p '' true";

  private static final List<String> REFUSED = List.of("incorrect password attempt", "Sorry, try again.",
      "sudo: no password was provided", "sudo: a password is required");

  private BecomeCheck() {}

  /** sudo's refusal in {@code stderr} (its last line), if it is one. */
  static Optional<String> refusal(String stderr) {
    String text = stderr == null ? "" : stderr.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String last = text.substring(text.lastIndexOf('\n') + 1).strip();
    if (REFUSED.stream().anyMatch(text::contains) || text.contains("is not in the sudoers file")) {
      return Optional.of(last);
    }
    return Optional.empty();
  }

  static TransportException refused(String where, String user, String sudoSaid) {
    String why = sudoSaid.contains("is not in the sudoers file")
        ? "sudo refused " + user + ": " + sudoSaid + " (" + user + " must be an admin)"
        : "sudo refused the become password (" + sudoSaid + "); check ansible_become_password for " + user;
    return new TransportException(TransportException.Kind.SUDO_REFUSED, where + ": " + why);
  }
}
