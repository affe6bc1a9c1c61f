package io.trustchain.lab.macos.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The {@code AuthenticationAuthority} values exactly as {@code dscl} prints them (S64–S69). */
public final class AuthAuthority {

  /** The shadow hash of a local password, modern HASHLIST (S64, S65). */
  public static final String SHADOW_HASH =
      ";ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2,SRP-RFC5054-4096-SHA512-PBKDF2>";
  /** The tag of a Secure Token holder (S64, rule 7). */
  public static final String SECURE_TOKEN = ";SecureToken;";
  /** Apple's documented opt-out of the automatic first-password token (S69, rule 7). */
  public static final String DISABLED_TAGS_SECURE_TOKEN = ";DisabledTags;SecureToken";
  /** A disabled account (chef appends this value; S67 shows it unframed). */
  public static final String DISABLED_USER = ";DisabledUser;";

  private AuthAuthority() {}

  /** The local-KDC Kerberos value macOS adds for {@code user} (S64); the hash is derived from {@code seed}. */
  public static String kerberos(String user, String seed) {
    String realm = "LKDC:SHA1." + sha1(seed);
    return ";Kerberosv5;;" + user + "@" + realm + ";" + realm + ";";
  }

  public static boolean isKerberos(String value) {
    return value.startsWith(";Kerberosv5;");
  }

  public static boolean isDisabledUser(String value) {
    return value.equals(DISABLED_USER) || value.equals("DisabledUser");
  }

  private static String sha1(String seed) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available in this JDK", e);
    }
  }
}
