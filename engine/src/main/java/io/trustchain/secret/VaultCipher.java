package io.trustchain.secret;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ansible Vault's AES256 cipher: PBKDF2-HMAC-SHA256 (10000 iterations) derives 80 bytes from the
 * password and a 32-byte salt: an AES-256 key, an HMAC-SHA256 key and the CTR counter block. The
 * PKCS#7-padded plaintext is encrypted with AES-CTR and authenticated with HMAC-SHA256 over the
 * ciphertext. All of it is the JDK's; the key derivation is {@link Pbkdf2}.
 */
final class VaultCipher {

  private static final int ITERATIONS = 10_000;
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 16;
  private static final int SALT_BYTES = 32;
  private static final int BLOCK = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private VaultCipher() {}

  static VaultEnvelope encrypt(byte[] plaintext, Secret password, String vaultId) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Keys keys = Keys.derive(password, salt);
    try {
      byte[] ciphertext = ctr(Cipher.ENCRYPT_MODE, keys, pad(plaintext));
      return new VaultEnvelope(vaultId == null ? "1.1" : "1.2", "AES256", vaultId, salt, keys.hmac(ciphertext),
          ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks AES/CTR or HmacSHA256", e);
    } finally {
      keys.destroy();
    }
  }

  /** The plaintext, or null when {@code password} does not open the envelope (HMAC mismatch). */
  static byte[] decrypt(VaultEnvelope envelope, Secret password) throws SecretException {
    Keys keys = Keys.derive(password, envelope.salt());
    try {
      if (!MessageDigest.isEqual(keys.hmac(envelope.ciphertext()), envelope.hmac())) {
        return null;
      }
      byte[] padded = ctr(Cipher.DECRYPT_MODE, keys, envelope.ciphertext());
      return unpad(padded);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks AES/CTR or HmacSHA256", e);
    } finally {
      keys.destroy();
    }
  }

  private static byte[] ctr(int mode, Keys keys, byte[] input) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
    cipher.init(mode, new SecretKeySpec(keys.aes, "AES"), new IvParameterSpec(keys.iv));
    return cipher.doFinal(input);
  }

  static byte[] pad(byte[] plaintext) {
    int n = BLOCK - plaintext.length % BLOCK;
    byte[] out = Arrays.copyOf(plaintext, plaintext.length + n);
    Arrays.fill(out, plaintext.length, out.length, (byte) n);
    return out;
  }

  static byte[] unpad(byte[] padded) throws SecretException {
    int n = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
    if (n < 1 || n > BLOCK || n > padded.length) {
      throw new SecretException("the vault value has invalid padding after decryption");
    }
    for (int i = padded.length - n; i < padded.length; i++) {
      if ((padded[i] & 0xff) != n) {
        throw new SecretException("the vault value has invalid padding after decryption");
      }
    }
    return Arrays.copyOf(padded, padded.length - n);
  }

  /** The three derived secrets; scrubbed after use. */
  private record Keys(byte[] aes, byte[] mac, byte[] iv) {

    /**
     * PBKDF2-HMAC-SHA256 of the password's UTF-8 bytes, as Ansible does ({@link Pbkdf2}: each vault value
     * costs 30,000 HMACs, most of a short command's CPU).
     */
    static Keys derive(Secret password, byte[] salt) {
      char[] chars = password.reveal();
      ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
      Arrays.fill(chars, '\0');
      byte[] utf8 = new byte[encoded.remaining()];
      encoded.get(utf8);
      Arrays.fill(encoded.array(), (byte) 0);
      byte[] derived = null;
      try {
        derived = Pbkdf2.hmacSha256(utf8, salt, ITERATIONS, 2 * KEY_BYTES + IV_BYTES);
        return new Keys(Arrays.copyOfRange(derived, 0, KEY_BYTES),
            Arrays.copyOfRange(derived, KEY_BYTES, 2 * KEY_BYTES),
            Arrays.copyOfRange(derived, 2 * KEY_BYTES, 2 * KEY_BYTES + IV_BYTES));
      } finally {
        Arrays.fill(utf8, (byte) 0);
        if (derived != null) {
          Arrays.fill(derived, (byte) 0);
        }
      }
    }

    byte[] hmac(byte[] ciphertext) throws GeneralSecurityException {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(mac, "HmacSHA256"));
      return m.doFinal(ciphertext);
    }

    void destroy() {
      Arrays.fill(aes, (byte) 0);
      Arrays.fill(mac, (byte) 0);
      Arrays.fill(iv, (byte) 0);
    }

    @Override
    public String toString() {
      return "Keys[(sensitive)]";
    }
  }
}
