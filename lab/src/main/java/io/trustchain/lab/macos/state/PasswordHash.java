package io.trustchain.lab.macos.state;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted hash of a password, as the lab stores it: the plain password is never written to a state
 * file. New hashes are one salted SHA-256 ({@code SHA-256}): the lab only keeps dummy passwords out of
 * its files, and every {@code sudo -S} and {@code dscl . -authonly} checks one, so a slow hash would
 * be what every test suite pays (1,000 rounds of PBKDF2 cost the lab most of its CPU per facts script).
 * Hashes written by earlier labs ({@code PBKDF2WithHmacSHA512}) still verify.
 */
public final class PasswordHash {

  private static final String SHA256 = "SHA-256";
  private static final String PBKDF2 = "PBKDF2WithHmacSHA512";
  private static final SecureRandom RANDOM = new SecureRandom();

  private String algorithm;
  private int iterations;
  private String salt;
  private String hash;

  private PasswordHash() {}

  private PasswordHash(byte[] salt, byte[] hash) {
    this.algorithm = SHA256;
    this.iterations = 1;
    this.salt = Base64.getEncoder().encodeToString(salt);
    this.hash = Base64.getEncoder().encodeToString(hash);
  }

  /** Hashes {@code password} with a fresh random salt. */
  public static PasswordHash of(char[] password) {
    Objects.requireNonNull(password, "password == null");
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new PasswordHash(salt, sha256(password, salt));
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
    byte[] saltBytes = Base64.getDecoder().decode(salt);
    byte[] actual = PBKDF2.equals(algorithm) ? pbkdf2(password, saltBytes, iterations) : sha256(password, saltBytes);
    return MessageDigest.isEqual(expected, actual);
  }

  public boolean matches(String password) {
    return password != null && matches(password.toCharArray());
  }

  private static byte[] sha256(char[] password, byte[] salt) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(SHA256);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
    digest.update(salt);
    ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    digest.update(utf8);
    Arrays.fill(utf8.array(), (byte) 0);
    return digest.digest();
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
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
