package io.trustchain.lab.macos.state;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2 (HMAC-SHA512) hash of a password, as the lab stores it: the plain password is never
 * written to a state file. The iteration count is modest on purpose (a lab, not a vault).
 */
public final class PasswordHash {

  private static final int ITERATIONS = 1_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private String algorithm;
  private int iterations;
  private String salt;
  private String hash;

  private PasswordHash() {}

  private PasswordHash(int iterations, byte[] salt, byte[] hash) {
    this.algorithm = "PBKDF2WithHmacSHA512";
    this.iterations = iterations;
    this.salt = Base64.getEncoder().encodeToString(salt);
    this.hash = Base64.getEncoder().encodeToString(hash);
  }

  /** Hashes {@code password} with a fresh random salt. */
  public static PasswordHash of(char[] password) {
    Objects.requireNonNull(password, "password == null");
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new PasswordHash(ITERATIONS, salt, derive(password, salt, ITERATIONS));
  }

  public static PasswordHash of(String password) {
    return of(password.toCharArray());
  }

  /** Whether {@code password} is the hashed one (constant-time comparison). */
  public boolean matches(char[] password) {
    if (password == null) {
      return false;
    }
    byte[] expected = Base64.getDecoder().decode(hash);
    byte[] actual = derive(password, Base64.getDecoder().decode(salt), iterations);
    return MessageDigest.isEqual(expected, actual);
  }

  public boolean matches(String password) {
    return password != null && matches(password.toCharArray());
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available in this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public String toString() {
    return "(password hash)";
  }
}
