package io.trustchain.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.signature.Signature;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * {@code ssh-ed25519} signatures (the host key's, and the client key's at login) computed with
 * BouncyCastle's Ed25519 arithmetic, without registering its JCA provider. The JDK's own Ed25519
 * has no precomputed tables and costs ≈3 ms per signature or verification here, against ≈0.1–0.4 ms;
 * registering the provider instead loads ≈575 classes from a signed jar (≈0.3 s at every start).
 * Keys are the JDK's (sshj reads them with the JDK's key factories).
 */
final class Ed25519Signature implements Signature {

  static final String NAME = "ssh-ed25519";

  /** sshj's factory of this signature. */
  static final class Named implements Factory.Named<Signature> {
    @Override
    public Signature create() {
      return new Ed25519Signature();
    }

    @Override
    public String getName() {
      return NAME;
    }
  }

  private final ByteArrayOutputStream message = new ByteArrayOutputStream();
  private byte[] publicKey;
  private byte[] privateKey;

  @Override
  public String getSignatureName() {
    return NAME;
  }

  @Override
  public void initVerify(PublicKey key) {
    byte[] encoded = key.getEncoded(); // X.509 SubjectPublicKeyInfo: a fixed prefix, then the 32-byte key
    if (encoded == null || encoded.length < Ed25519.PUBLIC_KEY_SIZE) {
      throw new SSHRuntimeException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    publicKey = Arrays.copyOfRange(encoded, encoded.length - Ed25519.PUBLIC_KEY_SIZE, encoded.length);
    message.reset();
  }

  @Override
  public void initSign(PrivateKey key) {
    if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
      throw new SSHRuntimeException("not an Ed25519 private key: " + key.getAlgorithm());
    }
    privateKey = ed.getBytes().get();
    message.reset();
  }

  @Override
  public void update(byte[] data) {
    update(data, 0, data.length);
  }

  @Override
  public void update(byte[] data, int off, int len) {
    message.write(data, off, len);
  }

  @Override
  public byte[] sign() {
    byte[] m = message.toByteArray();
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(privateKey, 0, m, 0, m.length, signature, 0);
    message.reset();
    return signature;
  }

  /** sshj frames the signature itself: the raw 64 bytes, as for its own Ed25519. */
  @Override
  public byte[] encode(byte[] signature) {
    return signature;
  }

  /** Verifies an SSH signature blob: {@code string "ssh-ed25519", string signature}. */
  @Override
  public boolean verify(byte[] blob) {
    byte[] signature;
    try {
      Buffer.PlainBuffer buffer = new Buffer.PlainBuffer(blob);
      String name = buffer.readString();
      if (!NAME.equals(name)) {
        throw new SSHRuntimeException("expected an " + NAME + " signature, got " + name);
      }
      signature = buffer.readBytes();
    } catch (Buffer.BufferException e) {
      throw new SSHRuntimeException(e);
    }
    byte[] m = message.toByteArray();
    message.reset();
    return signature.length == Ed25519.SIGNATURE_SIZE
        && Ed25519.verify(signature, 0, publicKey, 0, m, 0, m.length);
  }
}
