package io.trustchain.transport.ssh;

import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.transport.cipher.Cipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * {@code aes128-gcm@openssh.com} and {@code aes256-gcm@openssh.com} (RFC 5647 as OpenSSH runs it) on
 * BouncyCastle's lightweight AES-GCM. The JDK's AES-GCM is fast only where C2 compiles it with its
 * intrinsics; under the launcher's C1-only JIT its GHASH runs as plain Java, one bit at a time
 * (≈0.5 ms of client CPU per facts exec, both ways), where BouncyCastle multiplies with 4 KiB tables
 * made once per key.
 *
 * <p>The SSH framing: the 4-byte packet length is additional authenticated data, the rest of the
 * packet is encrypted in place with the 16-byte tag after it; the 12-byte nonce is a fixed 4-byte
 * field and an 8-byte big-endian invocation counter that goes up by one after every packet.
 */
final class AesGcm implements Cipher {

  static final int TAG_BYTES = 16;
  private static final int NONCE_BYTES = 12;

  private final int keyBytes;
  private final GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
  private final byte[] nonce = new byte[NONCE_BYTES];
  private boolean encrypt;
  private KeyParameter key;
  private boolean ready;

  private AesGcm(int keyBytes) {
    this.keyBytes = keyBytes;
  }

  /** The named factory sshj negotiates with. */
  static Factory.Named<Cipher> factory(String name, int keyBits) {
    return new Factory.Named<>() {
      @Override
      public Cipher create() {
        return new AesGcm(keyBits / 8);
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
  public int getBlockSize() {
    return keyBytes; // sshj asks this many key bytes of the key exchange
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
  public void init(Mode mode, byte[] keyMaterial, byte[] iv) {
    if (keyMaterial.length < keyBytes || iv.length < NONCE_BYTES) {
      throw new SSHRuntimeException("AES-GCM needs a " + keyBytes + "-byte key and a 12-byte nonce");
    }
    encrypt = mode == Mode.Encrypt;
    byte[] k = new byte[keyBytes];
    System.arraycopy(keyMaterial, 0, k, 0, keyBytes);
    key = new KeyParameter(k);
    java.util.Arrays.fill(k, (byte) 0);
    System.arraycopy(iv, 0, nonce, 0, NONCE_BYTES);
    gcm.init(encrypt, new AEADParameters(key, TAG_BYTES * 8, nonce.clone()));
    ready = true;
  }

  /** The cipher, set up for the next packet: the key is scheduled once, each packet only changes the nonce. */
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

  @Override
  public void updateAAD(byte[] data) {
    updateAAD(data, 0, data.length);
  }

  /**
   * Encrypts {@code length} bytes in place and writes the tag after them, or decrypts them in place after
   * checking the tag that follows them (a packet that fails it ends the connection, as sshj's own does).
   */
  @Override
  public void update(byte[] data, int offset, int length) {
    GCMModeCipher c = cipher();
    try {
      int written = c.processBytes(data, offset, encrypt ? length : length + TAG_BYTES, data, offset);
      c.doFinal(data, offset + written);
    } catch (InvalidCipherTextException e) {
      throw new SSHRuntimeException("an SSH packet failed its AES-GCM authentication", e);
    } finally {
      next();
    }
  }

  @Override
  public void updateWithAAD(byte[] data, int offset, int aadLength, int length) {
    updateAAD(data, offset, aadLength);
    update(data, offset + aadLength, length);
  }

  @Override
  public void setSequenceNumber(long sequence) {
    // GCM counts its own invocations (the nonce), not the transport's sequence numbers
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
