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
 * PBKDF2 with HMAC-SHA256 (RFC 8018, section 5.2). The HMAC's two padded-key blocks are compressed once; each of
 * the many iterations then compresses exactly two blocks whose layout never changes (the previous 32-byte value,
 * SHA-256's padding, the length of 96 bytes), on int words with {@link Sha256Compression}, and the running XOR
 * stays in words until the end. The output's 32-byte blocks are independent and are computed at the same time,
 * one virtual thread each. Ansible Vault needs 80 bytes, three blocks of 10,000 iterations, for every value: this
 * was most of the CPU a short command such as {@code validate} spent (≈135 ms a value through
 * {@code MessageDigest} under C1, ≈27 ms now), and its wall time shrinks with the cores. Checked against RFC
 * 7914's test vector and the JDK's own {@code PBKDF2WithHmacSHA256} (Pbkdf2Test). Not a general HMAC.
 */
final class Pbkdf2 {

  private static final int BLOCK = 64;
  private static final int HASH = 32;
  /** The bit length of an HMAC's second block: 64 bytes of padded key, then a 32-byte hash. */
  private static final int KEY_AND_HASH_BITS = (BLOCK + HASH) * 8;

  private Pbkdf2() {}

  /** {@code length} bytes derived from {@code password} and {@code salt} in {@code iterations} rounds. */
  static byte[] hmacSha256(byte[] password, byte[] salt, int iterations, int length) {
    byte[] key = password.length > BLOCK ? sha256(password) : password;
    int[] inner = padded(key, 0x36);
    int[] outer = padded(key, 0x5c);
    if (key != password) {
      Arrays.fill(key, (byte) 0);
    }
    int blocks = (length + HASH - 1) / HASH;
    byte[] out = new byte[length];
    List<Callable<byte[]>> work = new ArrayList<>(blocks);
    for (int b = 1; b <= blocks; b++) {
      int index = b;
      work.add(() -> block(inner, outer, salt, iterations, index));
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
    } finally {
      Arrays.fill(inner, 0);
      Arrays.fill(outer, 0);
    }
    return out;
  }

  /** T_index = U_1 xor … xor U_iterations, U_1 = HMAC(salt || INT(index)), U_j = HMAC(U_j-1). */
  private static byte[] block(int[] inner, int[] outer, byte[] salt, int iterations, int index) {
    byte[] first = Arrays.copyOf(salt, salt.length + 4);
    for (int i = 0; i < 4; i++) {
      first[salt.length + i] = (byte) (index >>> (24 - 8 * i));
    }
    int[] w = new int[64];
    int[] innerHash = finish(inner, first, w);
    int[] u = new int[8];
    hashOfHash(outer, innerHash, w, u);
    int[] t = u.clone();
    for (int j = 1; j < iterations; j++) {
      hashOfHash(inner, u, w, innerHash);
      hashOfHash(outer, innerHash, w, u);
      for (int k = 0; k < 8; k++) {
        t[k] ^= u[k];
      }
    }
    byte[] bytes = new byte[HASH];
    for (int k = 0; k < 8; k++) {
      for (int i = 0; i < 4; i++) {
        bytes[4 * k + i] = (byte) (t[k] >>> (24 - 8 * i));
      }
    }
    Arrays.fill(first, (byte) 0);
    Arrays.fill(w, 0);
    Arrays.fill(innerHash, 0);
    Arrays.fill(u, 0);
    Arrays.fill(t, 0);
    return bytes;
  }

  /** {@code out} := the hash of (the padded key block in {@code state}) || the 32-byte hash {@code words}. */
  private static void hashOfHash(int[] state, int[] words, int[] w, int[] out) {
    System.arraycopy(words, 0, w, 0, 8);
    w[8] = 0x80000000;
    Arrays.fill(w, 9, 15, 0);
    w[15] = KEY_AND_HASH_BITS;
    Sha256Compression.compress(state, w, out);
  }

  /** The hash of (the padded key block in {@code state}) || {@code message}, any length, padded as SHA-256 does. */
  private static int[] finish(int[] state, byte[] message, int[] w) {
    int total = ((message.length + 8) / BLOCK + 1) * BLOCK;   // the message, 0x80, zeros, the 64-bit length
    byte[] m = Arrays.copyOf(message, total);
    m[message.length] = (byte) 0x80;
    long bits = (BLOCK + (long) message.length) * 8;
    for (int i = 0; i < 8; i++) {
      m[total - 1 - i] = (byte) (bits >>> (8 * i));
    }
    int[] h = state.clone();
    for (int off = 0; off < total; off += BLOCK) {
      for (int i = 0; i < 16; i++) {
        int p = off + 4 * i;
        w[i] = (m[p] & 0xff) << 24 | (m[p + 1] & 0xff) << 16 | (m[p + 2] & 0xff) << 8 | (m[p + 3] & 0xff);
      }
      Sha256Compression.compress(h, w, h);
    }
    Arrays.fill(m, (byte) 0);
    return h;
  }

  /** The state after compressing the key, zero-padded to a block, XOR {@code pad}. */
  private static int[] padded(byte[] key, int pad) {
    int[] w = new int[64];
    for (int i = 0; i < BLOCK; i++) {
      int b = ((i < key.length ? key[i] : 0) ^ pad) & 0xff;
      w[i >> 2] |= b << (24 - 8 * (i & 3));
    }
    int[] state = new int[8];
    Sha256Compression.compress(Sha256Compression.INITIAL, w, state);
    Arrays.fill(w, 0);
    return state;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
