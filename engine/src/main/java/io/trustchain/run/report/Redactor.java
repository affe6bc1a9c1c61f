package io.trustchain.run.report;

import java.util.regex.Pattern;

/**
 * The last line of defence of every report, the audit log and the Markdown view: whatever a device
 * printed goes through here, so a FileVault recovery key ({@code XXXX-XXXX-XXXX-XXXX-XXXX-XXXX}) or a
 * password after {@code -password}, {@code -adminPassword}, {@code password =} or
 * {@code Password:} never reaches a file. Secrets never travel in command strings (they go on
 * stdin), so this should find nothing; it is there in case a tool echoes one.
 */
public final class Redactor {

  public static final String RECOVERY_KEY = "(redacted recovery key)";
  public static final String PASSWORD = "(redacted)";

  private static final Pattern KEY =
      Pattern.compile("(?i)(?<![A-Z0-9])[A-Z0-9]{4}(?:-[A-Z0-9]{4}){5}(?![A-Z0-9])");
  private static final Pattern PASSWORD_ARG =
      Pattern.compile("(?i)(-(?:admin|new|old)?pass(?:word)?)(\\s+)(?!\\(sensitive)(?:'[^']*'|\"[^\"]*\"|\\S+)");
  private static final Pattern PASSWORD_FIELD =
      Pattern.compile("(?i)(password\\s*[:=]\\s*)(?!\\*+\\s*$)(?!\\(sensitive)(\\S.*)$", Pattern.MULTILINE);
  private static final Pattern CONTROL = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]|[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");

  private Redactor() {}

  /** {@code text} without recovery keys, password values, terminal escapes and control characters. */
  public static String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = CONTROL.matcher(text).replaceAll("");
    s = KEY.matcher(s).replaceAll(RECOVERY_KEY);
    s = PASSWORD_ARG.matcher(s).replaceAll("$1$2" + PASSWORD);
    return PASSWORD_FIELD.matcher(s).replaceAll("$1" + PASSWORD);
  }
}
