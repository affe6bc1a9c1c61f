package io.trustchain.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hierynomus.sshj.transport.cipher.GcmCiphers;
import java.util.Arrays;
import java.util.Random;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.transport.cipher.Cipher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our AES-GCM against sshj's own (the JDK's AES-GCM): the same packets, both ways, and a forged one refused. */
class AesGcmTest {

  private static final Random RANDOM = new Random(7);

  @ParameterizedTest
  @ValueSource(ints = {128, 256})
  void packetsOneSideEncryptsTheOtherDecrypts(int bits) {
    byte[] key = bytes(64);
    byte[] iv = bytes(16);
    iv[11] = (byte) 0xfe; // the counter carries into the byte before it within a few packets
    Cipher oursOut = ours(bits).create();
    Cipher theirsIn = theirs(bits).create();
    Cipher theirsOut = theirs(bits).create();
    Cipher oursIn = ours(bits).create();
    oursOut.init(Cipher.Mode.Encrypt, key, iv);
    theirsIn.init(Cipher.Mode.Decrypt, key, iv);
    theirsOut.init(Cipher.Mode.Encrypt, key, iv);
    oursIn.init(Cipher.Mode.Decrypt, key, iv);
    assertThat(oursOut.getBlockSize()).isEqualTo(theirsOut.getBlockSize());
    assertThat(oursOut.getIVSize()).isEqualTo(theirsOut.getIVSize());
    assertThat(oursOut.getAuthenticationTagSize()).isEqualTo(theirsOut.getAuthenticationTagSize());
    for (int n : new int[] {16, 32, 4096, 48, 32768 + 16, 16}) {
      byte[] plain = packet(n);
      byte[] mine = seal(oursOut, plain);
      byte[] reference = seal(theirsOut, plain);
      assertThat(mine).as("the same bytes on the wire, tag included").isEqualTo(reference);
      assertThat(open(theirsIn, mine)).isEqualTo(plain);
      assertThat(open(oursIn, reference)).isEqualTo(plain);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 4, 20, 67})
  void aForgedPacketIsRefused(int at) {
    byte[] key = bytes(32);
    byte[] iv = bytes(12);
    Cipher out = theirs(128).create();
    Cipher in = ours(128).create();
    out.init(Cipher.Mode.Encrypt, key, iv);
    in.init(Cipher.Mode.Decrypt, key, iv);
    byte[] wire = seal(out, packet(48));
    wire[at] ^= 1; // the length (authenticated), the payload or the tag
    assertThatThrownBy(() -> open(in, wire)).isInstanceOf(SSHRuntimeException.class)
        .hasMessageContaining("authentication");
  }

  private static Factory.Named<Cipher> ours(int bits) {
    return AesGcm.factory("aes" + bits + "-gcm@openssh.com", bits);
  }

  private static Factory.Named<Cipher> theirs(int bits) {
    return bits == 128 ? GcmCiphers.AES128GCM() : GcmCiphers.AES256GCM();
  }

  /** A packet as sshj lays it out: a 4-byte length, then n bytes (a multiple of 16). */
  private static byte[] packet(int n) {
    byte[] p = bytes(4 + n);
    p[0] = (byte) (n >>> 24);
    p[1] = (byte) (n >>> 16);
    p[2] = (byte) (n >>> 8);
    p[3] = (byte) n;
    return p;
  }

  private static byte[] seal(Cipher c, byte[] plain) {
    byte[] buf = Arrays.copyOf(plain, plain.length + 16);
    c.updateAAD(buf, 0, 4);
    c.update(buf, 4, plain.length - 4);
    return buf;
  }

  private static byte[] open(Cipher c, byte[] wire) {
    byte[] buf = wire.clone();
    c.updateAAD(buf, 0, 4);
    c.update(buf, 4, buf.length - 4 - 16);
    return Arrays.copyOf(buf, buf.length - 16);
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
