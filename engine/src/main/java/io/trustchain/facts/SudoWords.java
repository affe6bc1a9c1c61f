package io.trustchain.facts;

import java.util.List;
import java.util.Locale;

/**
 * sudo's own words when it does not run the command: a wrong become password ({@code Sorry, try
 * again.}, {@code N incorrect password attempts}), none given ({@code a password is required},
 * {@code no password was provided}, {@code a terminal is required}), or no right to it
 * ({@code is not in the sudoers file}, {@code is not allowed to run sudo}).
 */
final class SudoWords {

  private static final List<String> REFUSALS = List.of("sorry, try again", "incorrect password attempt",
      "a password is required", "no password was provided", "a terminal is required",
      "is not in the sudoers file", "is not allowed to run sudo");

  private SudoWords() {}

  static boolean refused(String stderr) {
    String text = stderr.toLowerCase(Locale.ROOT);
    return REFUSALS.stream().anyMatch(text::contains);
  }
}
