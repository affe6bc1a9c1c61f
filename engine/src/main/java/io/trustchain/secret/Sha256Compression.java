package io.trustchain.secret;

/**
 * SHA-256's compression function (FIPS 180-4, section 6.2.2) on int words: the one piece of SHA-256 that
 * {@link Pbkdf2}'s loop needs, without the byte buffers, padding and copies of a {@code MessageDigest}. Under
 * the C1 compiler trustchain runs with, the JDK's SHA-256 has no intrinsic, and those copies cost four times
 * the rounds themselves (30,000 HMACs: ≈135 ms through {@code MessageDigest}, ≈30 ms here with one round a
 * loop pass, ≈27 ms with eight a pass and the words' roles turning: 15 → 13.5 ms of wall a vault value on 2 cores).
 */
final class Sha256Compression {

  /** The initial hash value H(0). */
  static final int[] INITIAL = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

  private Sha256Compression() {}

  /**
   * {@code out} := the hash value after compressing one block into {@code state}. The block is {@code w[0..15]};
   * {@code w} (64 words) receives the message schedule. {@code out} may be {@code state}.
   */
  static void compress(int[] state, int[] w, int[] out) {
    for (int t = 16; t < 64; t++) {
      int x = w[t - 2];
      int y = w[t - 15];
      int s1 = Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);
      int s0 = Integer.rotateRight(y, 7) ^ Integer.rotateRight(y, 18) ^ (y >>> 3);
      w[t] = s1 + w[t - 7] + s0 + w[t - 16];
    }
    // eight rounds a pass, the eight words' roles turning instead of the words moving: each round adds into the
    // word that becomes its 'h' and its 'd' (FIPS 180-4's T1 and T2 without the seven assignments)
    int a = state[0];
    int b = state[1];
    int c = state[2];
    int d = state[3];
    int e = state[4];
    int f = state[5];
    int g = state[6];
    int h = state[7];
    for (int t = 0; t < 64; t += 8) {
      h += sigma1(e) + (g ^ (e & (f ^ g))) + K[t] + w[t];
      d += h;
      h += sigma0(a) + ((a & b) | (c & (a | b)));
      g += sigma1(d) + (f ^ (d & (e ^ f))) + K[t + 1] + w[t + 1];
      c += g;
      g += sigma0(h) + ((h & a) | (b & (h | a)));
      f += sigma1(c) + (e ^ (c & (d ^ e))) + K[t + 2] + w[t + 2];
      b += f;
      f += sigma0(g) + ((g & h) | (a & (g | h)));
      e += sigma1(b) + (d ^ (b & (c ^ d))) + K[t + 3] + w[t + 3];
      a += e;
      e += sigma0(f) + ((f & g) | (h & (f | g)));
      d += sigma1(a) + (c ^ (a & (b ^ c))) + K[t + 4] + w[t + 4];
      h += d;
      d += sigma0(e) + ((e & f) | (g & (e | f)));
      c += sigma1(h) + (b ^ (h & (a ^ b))) + K[t + 5] + w[t + 5];
      g += c;
      c += sigma0(d) + ((d & e) | (f & (d | e)));
      b += sigma1(g) + (a ^ (g & (h ^ a))) + K[t + 6] + w[t + 6];
      f += b;
      b += sigma0(c) + ((c & d) | (e & (c | d)));
      a += sigma1(f) + (h ^ (f & (g ^ h))) + K[t + 7] + w[t + 7];
      e += a;
      a += sigma0(b) + ((b & c) | (d & (b | c)));
    }
    out[0] = state[0] + a;
    out[1] = state[1] + b;
    out[2] = state[2] + c;
    out[3] = state[3] + d;
    out[4] = state[4] + e;
    out[5] = state[5] + f;
    out[6] = state[6] + g;
    out[7] = state[7] + h;
  }

  private static int sigma0(int x) {
    return Integer.rotateRight(x, 2) ^ Integer.rotateRight(x, 13) ^ Integer.rotateRight(x, 22);
  }

  private static int sigma1(int x) {
    return Integer.rotateRight(x, 6) ^ Integer.rotateRight(x, 11) ^ Integer.rotateRight(x, 25);
  }
}
