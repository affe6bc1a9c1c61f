package io.trustchain.cli.twin;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The twin's generated secrets: one password per account name (the same on every twin Mac, as a fleet's
 * credential is), fresh values for every other secret, recovery keys in fdesetup's form. Nothing is derived
 * from a real secret.
 */
public final class TwinSecrets {

  private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final String KEY = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> passwords = new LinkedHashMap<>();

  /** The twin's password of {@code account}, made on first use. */
  public String password(String account) {
    return passwords.computeIfAbsent(account, a -> fresh());
  }

  /** Every account that has a twin password, with it. */
  public Map<String, String> passwords() {
    return Map.copyOf(passwords);
  }

  /** 20 random letters and digits. */
  public String fresh() {
    return draw(ALPHANUMERIC, 20);
  }

  /** A personal recovery key, {@code XXXX-XXXX-XXXX-XXXX-XXXX-XXXX}. */
  public String recoveryKey() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      b.append(i == 0 ? "" : "-").append(draw(KEY, 4));
    }
    return b.toString();
  }

  private String draw(String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
