package io.trustchain.lab.server;

import java.security.GeneralSecurityException;
import java.util.List;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.Cipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The lab server's {@code aes128-gcm@openssh.com} and {@code aes256-gcm@openssh.com} (RFC 5647 as
 * OpenSSH runs it) on BouncyCastle's lightweight AES-GCM, in place of MINA's, which runs the JDK's: under
 * the launcher's C1-only JIT the JDK's GHASH is plain Java without its intrinsics (a tenth of the lab's
 * CPU for a facts script went to it), where BouncyCastle multiplies with tables made once per key. The
 * client does the same (the engine's {@code AesGcm}); the bytes on the wire are the same.
 *
 * <p>The SSH framing: the 4-byte packet length is additional authenticated data, the rest of the packet is
 * encrypted in place with the 16-byte tag after it; the 12-byte nonce is a fixed 4-byte field and an 8-byte
 * big-endian invocation counter that goes up by one after every packet.
 */
final class LabAesGcm implements Cipher {

  static final int TAG_BYTES = 16;
  private static final int NONCE_BYTES = 12;
  private static final int BLOCK_BYTES = 16;

  private final int keyBytes;
  private final GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
  private final byte[] nonce = new byte[NONCE_BYTES];
  private boolean encrypt;
  private boolean ready;

  LabAesGcm(int keyBits) {
    this.keyBytes = keyBits / 8;
  }

  /** MINA's cipher list with its two AES-GCM factories replaced by this class; order and the others kept. */
  static List<NamedFactory<Cipher>> replacing(List<NamedFactory<Cipher>> ciphers) {
    return ciphers.stream().map(f -> switch (f.getName()) {
      case "aes128-gcm@openssh.com" -> factory(f.getName(), 128);
      case "aes256-gcm@openssh.com" -> factory(f.getName(), 256);
      default -> f;
    }).toList();
  }

  static NamedFactory<Cipher> factory(String name, int keyBits) {
    return new NamedFactory<>() {
      @Override
      public Cipher create() {
        return new LabAesGcm(keyBits);
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  @Override
  public String getAlgorithm() {
    return "AES";
  }

  @Override
  public int getKeySize() {
    return keyBytes * 8;
  }

  @Override
  public String getTransformation() {
    return "AES/GCM/NoPadding";
  }

  @Override
  public int getIVSize() {
    return NONCE_BYTES;
  }

  @Override
  public int getAuthenticationTagSize() {
    return TAG_BYTES;
  }

  @Override
  public int getCipherBlockSize() {
    return BLOCK_BYTES;
  }

  @Override
  public int getKdfSize() {
    return keyBytes;
  }

  @Override
  public void init(Mode mode, byte[] keyMaterial, byte[] iv) throws GeneralSecurityException {
    if (keyMaterial.length < keyBytes || iv.length < NONCE_BYTES) {
      throw new GeneralSecurityException("AES-GCM needs a " + keyBytes + "-byte key and a 12-byte nonce");
    }
    encrypt = mode == Mode.Encrypt;
    byte[] k = new byte[keyBytes];
    System.arraycopy(keyMaterial, 0, k, 0, keyBytes);
    KeyParameter key = new KeyParameter(k);
    java.util.Arrays.fill(k, (byte) 0);
    System.arraycopy(iv, 0, nonce, 0, NONCE_BYTES);
    gcm.init(encrypt, new AEADParameters(key, TAG_BYTES * 8, nonce.clone()));
    ready = true;
  }

  /** The cipher, set for the next packet: the key is scheduled once, each packet only changes the nonce. */
  private GCMModeCipher cipher() {
    if (!ready) {
      gcm.init(encrypt, new AEADParameters(null, TAG_BYTES * 8, nonce.clone()));
      ready = true;
    }
    return gcm;
  }

  @Override
  public void updateAAD(byte[] data, int offset, int length) {
    cipher().processAADBytes(data, offset, length);
  }

  /**
   * Encrypts {@code length} bytes in place and writes the tag after them, or decrypts them in place after
   * checking the tag that follows them (a packet that fails it ends the connection).
   */
  @Override
  public void update(byte[] data, int offset, int length) throws GeneralSecurityException {
    GCMModeCipher c = cipher();
    try {
      int written = c.processBytes(data, offset, encrypt ? length : length + TAG_BYTES, data, offset);
      c.doFinal(data, offset + written);
    } catch (InvalidCipherTextException e) {
      throw new GeneralSecurityException("an SSH packet failed its AES-GCM authentication", e);
    } finally {
      next();
    }
  }

  /** The invocation counter (the nonce's last 8 bytes, big-endian) plus one. */
  private void next() {
    for (int i = NONCE_BYTES - 1; i >= NONCE_BYTES - 8; i--) {
      if (++nonce[i] != 0) {
        break;
      }
    }
    ready = false;
  }
}
