package io.trustchain.facts;

import java.util.regex.Pattern;

/**
 * Removes what must never be quoted in a message: FileVault recovery keys (six groups of four
 * letters or digits, {@code XXXX-XXXX-XXXX-XXXX-XXXX-XXXX}, case-insensitive) and password values
 * (after {@code -password}, {@code -adminPassword}, {@code -newPassword}, {@code -oldPassword},
 * {@code -pass}, or {@code password =} / {@code Password:}).
 */
final class Redact {

  static final String RECOVERY_KEY = "(redacted recovery key)";
  static final String PASSWORD = "(redacted)";

  private static final Pattern KEY =
      Pattern.compile("(?i)(?<![A-Z0-9])[A-Z0-9]{4}(?:-[A-Z0-9]{4}){5}(?![A-Z0-9])");
  private static final Pattern PASSWORD_ARG =
      Pattern.compile("(?i)(-(?:admin|new|old)?pass(?:word)?)(\\s+)(?:'[^']*'|\"[^\"]*\"|\\S+)");
  private static final Pattern PASSWORD_FIELD = Pattern.compile("(?i)(password\\s*[:=]\\s*)(?!\\*+\\s*$)(\\S.*)$",
      Pattern.MULTILINE);

  private Redact() {}

  static String text(String text) {
    String s = KEY.matcher(text).replaceAll(RECOVERY_KEY);
    s = PASSWORD_ARG.matcher(s).replaceAll("$1$2" + PASSWORD);
    return PASSWORD_FIELD.matcher(s).replaceAll("$1" + PASSWORD);
  }
}
