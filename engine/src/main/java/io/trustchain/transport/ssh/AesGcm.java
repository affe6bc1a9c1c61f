package io.trustchain.transport.ssh;

import io.trustchain.transport.gcm.OpenSshGcm;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.transport.cipher.Cipher;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * {@code aes128-gcm@openssh.com} and {@code aes256-gcm@openssh.com} for sshj, on {@link OpenSshGcm}
 * (BouncyCastle's lightweight AES-GCM): the JDK's GCM runs without its intrinsics under the launcher's
 * C1-only JIT (≈0.5 ms of client CPU per facts exec, both ways).
 */
final class AesGcm implements Cipher {

  static final int TAG_BYTES = OpenSshGcm.TAG_BYTES;

  private final OpenSshGcm gcm;

  private AesGcm(int keyBits) {
    this.gcm = new OpenSshGcm(keyBits);
  }

  /** The named factory sshj negotiates with. */
  static Factory.Named<Cipher> factory(String name, int keyBits) {
    return new Factory.Named<>() {
      @Override
      public Cipher create() {
        return new AesGcm(keyBits);
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
    return gcm.keyBytes(); // sshj asks this many key bytes of the key exchange
  }

  @Override
  public int getIVSize() {
    return OpenSshGcm.NONCE_BYTES;
  }

  @Override
  public int getAuthenticationTagSize() {
    return TAG_BYTES;
  }

  @Override
  public void init(Mode mode, byte[] keyMaterial, byte[] iv) {
    if (!gcm.init(mode == Mode.Encrypt, keyMaterial, iv)) {
      throw new SSHRuntimeException("AES-GCM needs a " + gcm.keyBytes() + "-byte key and a 12-byte nonce");
    }
  }

  @Override
  public void updateAAD(byte[] data, int offset, int length) {
    gcm.aad(data, offset, length);
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
    try {
      gcm.update(data, offset, length);
    } catch (InvalidCipherTextException e) {
      throw new SSHRuntimeException("an SSH packet failed its AES-GCM authentication", e);
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
}
