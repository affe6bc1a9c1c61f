package io.trustchain.lab.server;

import java.security.GeneralSecurityException;
import java.util.List;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.Cipher;
import io.trustchain.transport.gcm.OpenSshGcm;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The lab server's {@code aes128-gcm@openssh.com} and {@code aes256-gcm@openssh.com} for MINA, on the
 * engine's {@link OpenSshGcm} (BouncyCastle's lightweight AES-GCM), in place of MINA's, which runs the JDK's:
 * under the launcher's C1-only JIT the JDK's GHASH is plain Java without its intrinsics (a tenth of the lab's
 * CPU for a facts script went to it). The client does the same; the bytes on the wire are the same.
 */
final class LabAesGcm implements Cipher {

  static final int TAG_BYTES = OpenSshGcm.TAG_BYTES;
  private static final int BLOCK_BYTES = 16;

  private final OpenSshGcm gcm;

  LabAesGcm(int keyBits) {
    this.gcm = new OpenSshGcm(keyBits);
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
    return gcm.keyBytes() * 8;
  }

  @Override
  public String getTransformation() {
    return "AES/GCM/NoPadding";
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
  public int getCipherBlockSize() {
    return BLOCK_BYTES;
  }

  @Override
  public int getKdfSize() {
    return gcm.keyBytes();
  }

  @Override
  public void init(Mode mode, byte[] keyMaterial, byte[] iv) throws GeneralSecurityException {
    if (!gcm.init(mode == Mode.Encrypt, keyMaterial, iv)) {
      throw new GeneralSecurityException("AES-GCM needs a " + gcm.keyBytes() + "-byte key and a 12-byte nonce");
    }
  }

  @Override
  public void updateAAD(byte[] data, int offset, int length) {
    gcm.aad(data, offset, length);
  }

  /**
   * Encrypts {@code length} bytes in place and writes the tag after them, or decrypts them in place after
   * checking the tag that follows them (a packet that fails it ends the connection).
   */
  @Override
  public void update(byte[] data, int offset, int length) throws GeneralSecurityException {
    try {
      gcm.update(data, offset, length);
    } catch (InvalidCipherTextException e) {
      throw new GeneralSecurityException("an SSH packet failed its AES-GCM authentication", e);
    }
  }
}
