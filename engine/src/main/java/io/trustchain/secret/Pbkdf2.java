package io.trustchain.secret;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * PBKDF2 with HMAC-SHA256 (RFC 8018, section 5.2) on the JDK's SHA-256. The HMAC's two padded-key states are
 * hashed once and copied for each of the many iterations, so an iteration hashes two blocks (the JDK's
 * {@code PBKDF2WithHmacSHA256} hashes four); the output's 32-byte blocks are independent and are computed at
 * the same time, one virtual thread each. Ansible Vault needs 80 bytes, three blocks of 10,000 iterations,
 * for every value: this is most of the CPU a short command such as {@code validate} spends, and its wall time
 * shrinks with the cores. Checked against RFC 7914's test vectors (Pbkdf2Test). Not a general HMAC.
 */
final class Pbkdf2 {

  private static final int BLOCK = 64;
  private static final int HASH = 32;

  private Pbkdf2() {}

  /** {@code length} bytes derived from {@code password} and {@code salt} in {@code iterations} rounds. */
  static byte[] hmacSha256(byte[] password, byte[] salt, int iterations, int length) {
    MessageDigest inner = sha256();
    MessageDigest outer = sha256();
    byte[] key = password.length > BLOCK ? sha256().digest(password) : password;
    byte[] pad = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
    }
    inner.update(pad);
    for (int i = 0; i < BLOCK; i++) {
      pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
    }
    outer.update(pad);
    Arrays.fill(pad, (byte) 0);
    int blocks = (length + HASH - 1) / HASH;
    byte[] out = new byte[length];
    List<Callable<byte[]>> work = new ArrayList<>(blocks);
    for (int b = 1; b <= blocks; b++) {
      int index = b;
      MessageDigest in = copy(inner);
      MessageDigest padded = copy(outer);
      work.add(() -> block(in, padded, salt, iterations, index));
    }
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<byte[]>> done = threads.invokeAll(work);
      for (int b = 0; b < blocks; b++) {
        byte[] t = done.get(b).get();
        System.arraycopy(t, 0, out, b * HASH, Math.min(HASH, length - b * HASH));
        Arrays.fill(t, (byte) 0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deriving a key", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("deriving a key failed", e.getCause());
    }
    return out;
  }

  /** T_index = U_1 xor … xor U_iterations, U_1 = HMAC(salt || INT(index)), U_j = HMAC(U_j-1). */
  private static byte[] block(MessageDigest inner, MessageDigest outer, byte[] salt, int iterations, int index) {
    MessageDigest in = copy(inner);
    in.update(salt);
    in.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
    byte[] u = hmac(in, outer);
    byte[] t = u.clone();
    for (int j = 1; j < iterations; j++) {
      in = copy(inner);
      in.update(u);
      Arrays.fill(u, (byte) 0);
      u = hmac(in, outer);
      for (int k = 0; k < HASH; k++) {
        t[k] ^= u[k];
      }
    }
    Arrays.fill(u, (byte) 0);
    return t;
  }

  /** The HMAC whose inner hash has taken its message in {@code in}. */
  private static byte[] hmac(MessageDigest in, MessageDigest outer) {
    byte[] innerHash = in.digest();
    MessageDigest out = copy(outer);
    out.update(innerHash);
    Arrays.fill(innerHash, (byte) 0);
    return out.digest();
  }

  private static MessageDigest copy(MessageDigest state) {
    try {
      return (MessageDigest) state.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 cannot be copied", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
