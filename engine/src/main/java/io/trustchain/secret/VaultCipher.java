package io.trustchain.secret;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Ansible Vault's AES256 cipher: PBKDF2-HMAC-SHA256 (10000 iterations) derives 80 bytes from the
 * password and a 32-byte salt: an AES-256 key, an HMAC-SHA256 key and the CTR counter block. The
 * PKCS#7-padded plaintext is encrypted with AES-CTR and authenticated with HMAC-SHA256 over the
 * ciphertext. AES and the HMAC are the JDK's; the key derivation is BouncyCastle's (see {@link Keys#derive}).
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
     * PBKDF2-HMAC-SHA256 of the password's UTF-8 bytes, as Ansible does. BouncyCastle's generator (its
     * lightweight API; no provider is registered) keeps the HMAC's padded key states and so hashes two
     * blocks per iteration where the JDK's {@code PBKDF2WithHmacSHA256} hashes four: each vault value
     * costs 30,000 iterations, ≈0.25 s of CPU with the JDK under the launcher's C1-only JIT.
     */
    static Keys derive(Secret password, byte[] salt) {
      char[] chars = password.reveal();
      byte[] utf8 = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(chars);
      Arrays.fill(chars, '\0');
      byte[] derived = null;
      try {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(utf8, salt, ITERATIONS);
        derived = ((KeyParameter) generator.generateDerivedParameters((2 * KEY_BYTES + IV_BYTES) * 8)).getKey();
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
