package io.trustchain.lab.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 keys in OpenSSH's own private key format ({@code -----BEGIN OPENSSH PRIVATE KEY-----},
 * unencrypted), which OpenSSH, sshj and MINA SSHD all read; {@code .pub} beside it. Files are created
 * atomically with mode 0600, so concurrent labs never see half a key.
 */
final class OpenSshKeys {

  static final String ED25519 = "ssh-ed25519";
  private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
  private static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
  private static final String END = "-----END OPENSSH PRIVATE KEY-----";
  private static final SecureRandom RANDOM = new SecureRandom();

  private OpenSshKeys() {}

  /**
   * Creates an ed25519 key at {@code file} (and {@code file.pub}) unless {@code file} exists; returns
   * the public key as {@code TYPE BASE64}.
   */
  static String ensure(Path file, String comment) throws IOException {
    if (!Files.exists(file)) {
      create(file, comment);
    }
    String pub = publicKey(file);
    Path pubFile = file.resolveSibling(file.getFileName() + ".pub");
    if (!Files.exists(pubFile)) {
      writeAtomically(pubFile, pub + " " + comment + "\n", false);
    }
    return pub;
  }

  /** The public key of the private key {@code file} as {@code TYPE BASE64}, read without decrypting it. */
  static String publicKey(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new IOException("key file " + file + " does not exist");
    }
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    if (b >= 0 && e > b) {
      byte[] blob = Base64.getMimeDecoder().decode(text.substring(b + BEGIN.length(), e));
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob))) {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (Arrays.equals(magic, MAGIC)) {
          readString(in);
          readString(in);
          readString(in);
          in.readInt();
          byte[] pub = readString(in);
          String type = new String(readString(new DataInputStream(new ByteArrayInputStream(pub))), StandardCharsets.US_ASCII);
          return type + " " + Base64.getEncoder().encodeToString(pub);
        }
      }
    }
    Path pubFile = file.resolveSibling(file.getFileName() + ".pub");
    if (Files.exists(pubFile)) {
      String[] fields = Files.readString(pubFile, StandardCharsets.US_ASCII).strip().split("\\s+");
      if (fields.length >= 2) {
        return fields[0] + " " + fields[1];
      }
    }
    throw new IOException("cannot read the public key of " + file
        + ": it is not an OpenSSH private key and has no .pub beside it (create it with ssh-keygen -y -f " + file + ")");
  }

  /** The key pair of {@code file} as MINA SSHD signs with it. */
  static KeyPair load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null);
      Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
      if (it == null || !it.hasNext()) {
        throw new IOException("no key in " + file);
      }
      return it.next();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load the key " + file + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path file, String comment) throws IOException {
    // BouncyCastle's Ed25519 arithmetic: ≈0.1 ms a key, where the JDK's takes ≈2 ms (a fresh lab of
    // a thousand hosts makes a thousand keys)
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    Ed25519.generatePrivateKey(RANDOM, seed);
    byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, pk, 0);
    byte[] pub = concat(string(ED25519.getBytes(StandardCharsets.US_ASCII)), string(pk));

    ByteArrayOutputStream priv = new ByteArrayOutputStream();
    DataOutputStream p = new DataOutputStream(priv);
    int check = RANDOM.nextInt();
    p.writeInt(check);
    p.writeInt(check);
    p.write(string(ED25519.getBytes(StandardCharsets.US_ASCII)));
    p.write(string(pk));
    p.write(string(concat(seed, pk)));
    p.write(string(comment.getBytes(StandardCharsets.UTF_8)));
    for (int i = 1; priv.size() % 8 != 0; i++) {
      p.write(i);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(MAGIC);
    all.write(string("none".getBytes(StandardCharsets.US_ASCII)));
    all.write(string("none".getBytes(StandardCharsets.US_ASCII)));
    all.write(string(new byte[0]));
    all.write(new byte[] {0, 0, 0, 1});
    all.write(string(pub));
    all.write(string(priv.toByteArray()));
    Arrays.fill(seed, (byte) 0);

    String b64 = Base64.getEncoder().encodeToString(all.toByteArray());
    StringBuilder pem = new StringBuilder(BEGIN).append('\n');
    for (int i = 0; i < b64.length(); i += 70) {
      pem.append(b64, i, Math.min(b64.length(), i + 70)).append('\n');
    }
    pem.append(END).append('\n');
    writeAtomically(file, pem.toString(), true);
  }

  /** Writes {@code content} to a new {@code file}; if another process created it first, keeps theirs. */
  static void writeAtomically(Path file, String content, boolean secret) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.createLink(file, tmp);
    } catch (FileAlreadyExistsException e) {
      // another lab created it at the same moment: theirs wins
    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
      try {
        Files.move(tmp, file);
      } catch (FileAlreadyExistsException raced) {
        // theirs wins
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static byte[] string(byte[] value) {
    byte[] out = new byte[4 + value.length];
    out[0] = (byte) (value.length >>> 24);
    out[1] = (byte) (value.length >>> 16);
    out[2] = (byte) (value.length >>> 8);
    out[3] = (byte) value.length;
    System.arraycopy(value, 0, out, 4, value.length);
    return out;
  }

  private static byte[] readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 20) {
      throw new IOException("malformed key");
    }
    return in.readNBytes(n);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
