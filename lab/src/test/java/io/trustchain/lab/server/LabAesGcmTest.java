package io.trustchain.lab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.junit.jupiter.api.Test;

/** The lab's AES-GCM against the JDK's, packet by packet, with RFC 5647's framing and invocation counter. */
class LabAesGcmTest {

  private static final byte[] KEY = bytes(32, 7);
  private static final byte[] IV = {1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff}; // the counter carries over

  @Test
  void packetsItEncryptsAreTheJdksAndItDecryptsTheJdks() throws Exception {
    for (int bits : new int[] {128, 256}) {
      Cipher out = new LabAesGcm(bits);
      out.init(Cipher.Mode.Encrypt, KEY, IV);
      Cipher in = new LabAesGcm(bits);
      in.init(Cipher.Mode.Decrypt, KEY, IV);
      for (long packet = 0; packet < 3; packet++) {
        byte[] plain = packet(packet == 1 ? 4_000 : 60, "packet " + packet);
        byte[] ours = Arrays.copyOf(plain, plain.length + LabAesGcm.TAG_BYTES);
        out.updateWithAAD(ours, 0, 4, plain.length - 4);
        assertThat(ours).as(bits + "-bit packet " + packet).isEqualTo(jdk(bits, packet, plain));

        in.updateAAD(ours, 0, 4);
        in.update(ours, 4, plain.length - 4);
        assertThat(Arrays.copyOf(ours, plain.length)).isEqualTo(plain);
      }
    }
  }

  @Test
  void aTamperedPacketFailsItsTag() throws Exception {
    Cipher out = new LabAesGcm(128);
    out.init(Cipher.Mode.Encrypt, KEY, IV);
    byte[] p = Arrays.copyOf(packet(60, "x"), 60 + LabAesGcm.TAG_BYTES);
    out.updateWithAAD(p, 0, 4, 56);
    p[10] ^= 1;
    Cipher in = new LabAesGcm(128);
    in.init(Cipher.Mode.Decrypt, KEY, IV);
    in.updateAAD(p, 0, 4);
    assertThatThrownBy(() -> in.update(p, 4, 56)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("failed its AES-GCM authentication");
  }

  @Test
  void replacesOnlyMinasGcmFactories_inTheirPlace() {
    List<org.apache.sshd.common.NamedFactory<Cipher>> ciphers = List.of(BuiltinCiphers.aes128ctr,
        BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm, BuiltinCiphers.cc20p1305_openssh);
    List<org.apache.sshd.common.NamedFactory<Cipher>> lab = LabAesGcm.replacing(ciphers);
    assertThat(lab).extracting(org.apache.sshd.common.NamedFactory::getName)
        .containsExactlyElementsOf(ciphers.stream().map(org.apache.sshd.common.NamedFactory::getName).toList());
    assertThat(lab.get(0)).isSameAs(BuiltinCiphers.aes128ctr);
    assertThat(lab.get(1).create()).isInstanceOf(LabAesGcm.class);
    assertThat(lab.get(2).create().getKdfSize()).isEqualTo(BuiltinCiphers.aes256gcm.getKdfSize());
    assertThat(lab.get(1).create().getKdfSize()).isEqualTo(BuiltinCiphers.aes128gcm.getKdfSize());
    assertThat(lab.get(3)).isSameAs(BuiltinCiphers.cc20p1305_openssh);
  }

  /** The JDK's AES-GCM of packet number {@code n}: the nonce's last 8 bytes plus n, the length as AAD. */
  private static byte[] jdk(int bits, long n, byte[] plain) throws Exception {
    byte[] nonce = IV.clone();
    ByteBuffer.wrap(nonce, 4, 8).putLong(ByteBuffer.wrap(IV, 4, 8).getLong() + n);
    javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
    c.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, 0, bits / 8, "AES"),
        new GCMParameterSpec(128, nonce));
    c.updateAAD(plain, 0, 4);
    byte[] sealed = c.doFinal(plain, 4, plain.length - 4);
    byte[] all = Arrays.copyOf(plain, 4 + sealed.length);
    System.arraycopy(sealed, 0, all, 4, sealed.length);
    return all;
  }

  private static byte[] packet(int length, String text) {
    byte[] p = new byte[length];
    ByteBuffer.wrap(p).putInt(length - 4);
    byte[] t = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(t, 0, p, 4, Math.min(t.length, length - 4));
    return p;
  }

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (seed * 31 + i * 17);
    }
    return b;
  }
}
