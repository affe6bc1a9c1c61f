package io.trustchain.lab.macos.rules;

import io.trustchain.lab.macos.state.MacState;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/** Recovery keys and the fixed crypto-user UUIDs every Mac shares (rule 9, S62). */
public final class RecoveryKeys {

  public static final String PERSONAL_UUID = "EBC6C064-0000-11AA-AA11-00306543ECAC";
  public static final String INSTITUTIONAL_UUID = "C064EBC6-0000-11AA-AA11-00306543ECAC";
  public static final String INSTITUTIONAL_USER_UUID = "2FA31400-BAFF-4DE7-AE2A-C3AA6E1FD340";
  public static final String BOOTSTRAP_UUID = "2457711A-523C-4604-B75A-F48A571D5036";

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final Pattern FORM = Pattern.compile("[A-Z0-9]{4}(-[A-Z0-9]{4}){5}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RecoveryKeys() {}

  /** A new personal recovery key, {@code XXXX-XXXX-XXXX-XXXX-XXXX-XXXX} (S34). */
  public static String generate(MacState state) {
    StringBuilder key = new StringBuilder();
    for (int group = 0; group < 6; group++) {
      if (group > 0) {
        key.append('-');
      }
      for (int i = 0; i < 4; i++) {
        key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
    }
    return key.toString();
  }

  /** Whether {@code key} has the form fdesetup accepts (case-insensitive). */
  public static boolean wellFormed(String key) {
    return key != null && FORM.matcher(key.strip().toUpperCase(Locale.ROOT)).matches();
  }

  /** Whether {@code candidate} is {@code state}'s current personal recovery key. */
  public static boolean isCurrent(MacState state, String candidate) {
    String key = state.fileVault().personalRecoveryKey();
    return key != null && candidate != null && key.equalsIgnoreCase(candidate.strip());
  }
}
