package io.trustchain.spi;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What macOS accepts as an account's short name, full name and a path, checked when documents are
 * validated so a name macOS would refuse (or a command line it would misread) never reaches a Mac.
 *
 * <ul>
 *   <li>Short name ({@code RecordName}, the login and home-folder name): ASCII letters, digits,
 *       {@code _ . -}, starting with a letter or {@code _} (never {@code -}: tools would read an
 *       option), at most {@value #MAX_NAME_BYTES} bytes. Apple's directory-data reference gives the
 *       first RecordName as ASCII A–Z, a–z, 0–9, {@code _ -} of at most 255 bytes; its server guides
 *       add the period; Apple's support note on account names says "up to 255 … characters with no
 *       spaces"; Darwin's {@code MAXLOGNAME} is 255.
 *   <li>Full name ({@code RealName}): 1 to {@value #MAX_NAME_BYTES} bytes of UTF-8, no control
 *       characters (a line break would forge the next attribute in {@code dscl} output).
 *   <li>Path (a shell, a home folder, a file on the Mac): absolute, at most {@value #MAX_PATH_BYTES}
 *       bytes ({@code PATH_MAX}), each component at most {@value #MAX_NAME_BYTES} bytes
 *       ({@code NAME_MAX}), no control characters.
 * </ul>
 */
public final class MacNames {

  public static final int MAX_NAME_BYTES = 255;
  public static final int MAX_PATH_BYTES = 1024;

  public static final String SHORT_NAME_HINT =
      "a short name holds letters, digits, _ . and - (starting with a letter or _), at most 255 of them";

  private static final Pattern SHORT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private MacNames() {}

  /** Why {@code name} cannot be a macOS short name; empty when it can. */
  public static Optional<String> shortName(String name) {
    if (name.isEmpty()) {
      return Optional.of("a short name cannot be empty");
    }
    if (bytes(name) > MAX_NAME_BYTES) {
      return Optional.of(shown(name) + " is longer than the " + MAX_NAME_BYTES + " bytes macOS allows for a short name");
    }
    if (!SHORT_NAME.matcher(name).matches()) {
      return Optional.of(shown(name) + " is not a macOS short name");
    }
    return Optional.empty();
  }

  /** Why {@code name} cannot be a macOS full name (RealName); empty when it can. */
  public static Optional<String> fullName(String name) {
    if (name.isEmpty()) {
      return Optional.of("a full name cannot be empty (leave full_name out to keep the Mac's)");
    }
    if (bytes(name) > MAX_NAME_BYTES) {
      return Optional.of(shown(name) + " is longer than the " + MAX_NAME_BYTES + " bytes macOS allows for a full name");
    }
    return control(name).map(c -> shown(name) + " holds the control character " + c);
  }

  /** Why {@code path} cannot be an absolute path on a Mac; empty when it can. */
  public static Optional<String> absolutePath(String path) {
    if (!path.startsWith("/")) {
      return Optional.of(shown(path) + " is not an absolute path");
    }
    if (bytes(path) > MAX_PATH_BYTES) {
      return Optional.of(shown(path) + " is longer than the " + MAX_PATH_BYTES + " bytes of a macOS path");
    }
    for (String part : path.split("/")) {
      if (bytes(part) > MAX_NAME_BYTES) {
        return Optional.of(shown(path) + " has a component longer than the " + MAX_NAME_BYTES
            + " bytes of a macOS file name");
      }
    }
    return control(path).map(c -> shown(path) + " holds the control character " + c);
  }

  /** {@code text} quoted for a message: control characters escaped, long text cut with its length. */
  public static String shown(String text) {
    String cut = text.length() > 48 ? text.substring(0, 32) + "…" : text;
    StringBuilder b = new StringBuilder("\"");
    cut.codePoints().forEach(c -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
        : Character.toString(c)));
    b.append('"');
    return text.length() > 48 ? b + " (" + text.length() + " characters)" : b.toString();
  }

  private static Optional<String> control(String text) {
    return text.codePoints().filter(Character::isISOControl).findFirst().stream()
        .mapToObj(c -> String.format("U+%04X", c)).findFirst();
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
