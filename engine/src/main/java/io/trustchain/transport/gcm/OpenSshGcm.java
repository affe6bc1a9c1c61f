package io.trustchain.transport.gcm;

import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * One direction of {@code aes128-gcm@openssh.com} / {@code aes256-gcm@openssh.com} (RFC 5647 as OpenSSH
 * runs it) on BouncyCastle's lightweight AES-GCM, shared by the client's sshj cipher and the lab's MINA
 * cipher. The JDK's AES-GCM is fast only where C2 compiles it with its intrinsics; under the launchers'
 * C1-only JIT its GHASH runs as plain Java, where BouncyCastle multiplies with tables made once per key.
 *
 * <p>The SSH framing: the 4-byte packet length is additional authenticated data, the rest of the packet
 * is encrypted in place with the 16-byte tag after it; the 12-byte nonce is a fixed 4-byte field and an
 * 8-byte big-endian invocation counter that goes up by one after every packet.
 */
public final class OpenSshGcm {

  public static final int TAG_BYTES = 16;
  public static final int NONCE_BYTES = 12;

  private final int keyBytes;
  private final GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
  private final byte[] nonce = new byte[NONCE_BYTES];
  private boolean encrypt;
  private boolean ready;

  public OpenSshGcm(int keyBits) {
    this.keyBytes = keyBits / 8;
  }

  public int keyBytes() {
    return keyBytes;
  }

  /** Sets the key and the first nonce; {@code false} when there are too few bytes of either. */
  public boolean init(boolean encrypt, byte[] keyMaterial, byte[] iv) {
    if (keyMaterial.length < keyBytes || iv.length < NONCE_BYTES) {
      return false;
    }
    this.encrypt = encrypt;
    byte[] k = Arrays.copyOf(keyMaterial, keyBytes);
    KeyParameter key = new KeyParameter(k);
    Arrays.fill(k, (byte) 0);
    System.arraycopy(iv, 0, nonce, 0, NONCE_BYTES);
    gcm.init(encrypt, new AEADParameters(key, TAG_BYTES * 8, nonce.clone()));
    ready = true;
    return true;
  }

  /** The packet's authenticated but unencrypted bytes (its length field). */
  public void aad(byte[] data, int offset, int length) {
    cipher().processAADBytes(data, offset, length);
  }

  /**
   * Encrypts {@code length} bytes in place and writes the tag after them, or decrypts them in place after
   * checking the tag that follows them; either way the nonce then moves on to the next packet.
   *
   * @throws InvalidCipherTextException a packet that fails its tag (the connection must end)
   */
  public void update(byte[] data, int offset, int length) throws InvalidCipherTextException {
    GCMModeCipher c = cipher();
    try {
      int written = c.processBytes(data, offset, encrypt ? length : length + TAG_BYTES, data, offset);
      c.doFinal(data, offset + written);
    } finally {
      next();
    }
  }

  /** The cipher, set up for the next packet: the key is scheduled once, each packet only changes the nonce. */
  private GCMModeCipher cipher() {
    if (!ready) {
      gcm.init(encrypt, new AEADParameters(null, TAG_BYTES * 8, nonce.clone()));
      ready = true;
    }
    return gcm;
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
