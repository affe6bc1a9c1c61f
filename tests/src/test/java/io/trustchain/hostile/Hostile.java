package io.trustchain.hostile;

import java.util.List;
import java.util.Random;

/**
 * Hostile values, written as YAML scalars (already quoted where needed). Each list holds values
 * that must be refused where the named kind of value is expected.
 */
final class Hostile {

  private Hostile() {}

  /** Short names macOS refuses: shell and argument injection, path tricks, spaces, look-alikes. */
  static final List<String> SHORT_NAMES = List.of(
      "\"alice; rm -rf /\"", "\"$(reboot)\"", "\"`id`\"", "\"-deleteUser\"", "\"--help\"", "\"../../etc\"",
      "\"alice/bob\"", "\"alice bob\"", "\"\"", "\" alice\"", "\"alice\\nUniqueID: 0\"", "\"alice\\u0000\"",
      "\"ali\\u001b[31mce\"", "\"alicé\"", "\"ａｌｉｃｅ\"", "\"alice\\u200b\"", "\"alice|tee /tmp/x\"",
      "\"alice&&true\"", "\"'alice'\"", "\"alice\\\\\"", "\"*\"", "\"~root\"", "\"alice\\ttab\"", "\"#alice\"",
      "\"alice:x:0:0\"", "\"1234\"", "\".hidden\"", "\"alice\\r\"", "\"${IFS}\"", "\"alice>out\"");

  /** Full names macOS refuses (RealName: 1 to 255 bytes of UTF-8 text, no control characters). */
  static final List<String> FULL_NAMES = List.of(
      "\"Alice\\nRealName: root\"", "\"Alice\\u0000\"", "\"\\u001b]0;owned\\u0007Alice\"", "\"Alice\\rBob\"",
      "\"\"", "\"Alice\\u0085\"", "\"Alice\\u009b31m\"", "\"\\u007fAlice\"");

  /** Shell paths that are not absolute paths macOS can hold. */
  static final List<String> SHELLS = List.of(
      "bin/zsh", "\"zsh\"", "\"/bin/zsh\\n\"", "\"/bin/\\u0000zsh\"", "\"\"", "\"/bin/zsh\\u001b[2J\"",
      "\"~/bin/zsh\"", "\"./zsh\"");

  /** Strings of {@code n} characters drawn from {@code alphabet}. */
  static String repeat(Random random, String alphabet, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** A C0/C1 control character as a YAML double-quoted escape. */
  static String controlEscape(Random random) {
    int[] controls = {0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x0d, 0x1b, 0x7f, 0x85, 0x9b};
    return String.format("\\u%04x", controls[random.nextInt(controls.length)]);
  }

  /** A raw control byte YAML does not allow in a stream (tab, LF and CR are allowed). */
  static byte rawControl(Random random) {
    byte[] controls = {0x00, 0x01, 0x02, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0x7f};
    return controls[random.nextInt(controls.length)];
  }

  /** Byte sequences that are not UTF-8: stray continuation, overlong, surrogate, out of range, truncated. */
  static final List<byte[]> BAD_UTF8 = List.of(
      new byte[] {(byte) 0x80}, new byte[] {(byte) 0xbf, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf},
      new byte[] {(byte) 0xc1, (byte) 0xbf}, new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
      new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80,
          (byte) 0x80},
      new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xfe},
      new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xe2, (byte) 0x82, 0x28});

  /** {@code [[[…]]]}: {@code depth} nested flow sequences on one line. */
  static String flowNesting(int depth, String open, String close) {
    return open.repeat(depth) + close.repeat(depth);
  }

  /** Templates that must not render: unclosed, undefined, absurd sizes, deep nesting. */
  static List<String> templates(Random random) {
    return List.of(
        "\"{{ unclosed\"", "\"{{ no_such_variable_anywhere }}\"", "\"{% if %}\"",
        "\"{{ " + "(".repeat(200 + random.nextInt(3000)) + "1" + ")".repeat(200) + " }}\"",
        "\"{{ 'x' * 999999999 }}\"", "\"{{ range(999999999) | list | length }}\"",
        "\"{{ lookup('pipe', 'id') }}\"", "\"{{ }}\"", "\"{{ vault_tcadmin_password ~ 'x' }}\"");
  }
}
