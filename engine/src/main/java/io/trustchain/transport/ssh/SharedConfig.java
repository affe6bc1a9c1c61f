package io.trustchain.transport.ssh;

import com.hierynomus.sshj.key.KeyAlgorithm;
import com.hierynomus.sshj.key.KeyAlgorithms;
import com.hierynomus.sshj.transport.cipher.BlockCiphers;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SecurityUtils;

/**
 * The one sshj {@link Config} of the process, shared by every connection (it is read-only once
 * built, and building one costs time). Keepalives are the OpenSSH kind ({@code keepalive@openssh.com}
 * with a reply), so a dead peer is noticed, timed for every connection by one thread ({@link SharedKeepAlive}).
 * Packet dumps are never logged ({@link PacketSafeLoggers}).
 *
 * <p>Cryptography comes from the JDK's providers: BouncyCastle's JCA provider is not registered
 * (sshj would register it, which loads ≈575 classes from a signed jar, outside class-data sharing:
 * ≈0.3 s at every start). Curve25519 key exchange and AES-CTR are the JDK's; Ed25519 signatures
 * and AES-GCM use BouncyCastle's lightweight classes directly ({@link Ed25519Signature}, {@link AesGcm}):
 * under the C1-only JIT the JDK's Ed25519 is ≈10× slower per handshake and its GCM hashes one bit at a
 * time. Ciphers are named rather than probed: AES-GCM, then AES-CTR, which every OpenSSH since 6.2
 * offers (chacha20-poly1305 would need the provider).
 */
final class SharedConfig {

  private SharedConfig() {}

  private static final class Holder {
    static final Config CONFIG = build();
  }

  /** The config; call it before any other sshj class touches cryptography (it sets the provider policy). */
  static Config get() {
    return Holder.CONFIG;
  }

  private static Config build() {
    SecurityUtils.setRegisterBouncyCastle(false);
    DefaultConfig config = new JdkCryptoConfig();
    config.setKeepAliveProvider(SharedKeepAlive.PROVIDER);
    config.setLoggerFactory(new PacketSafeLoggers());
    return config;
  }

  /** sshj's defaults, with named ciphers and the Ed25519 signature above. */
  private static final class JdkCryptoConfig extends DefaultConfig {
    @Override
    protected void initCipherFactories() {
      setCipherFactories(AesGcm.factory("aes128-gcm@openssh.com", 128), AesGcm.factory("aes256-gcm@openssh.com", 256),
          BlockCiphers.AES128CTR(),
          BlockCiphers.AES192CTR(), BlockCiphers.AES256CTR());
    }

    @Override
    protected void initKeyAlgorithms() {
      super.initKeyAlgorithms();
      List<Factory.Named<KeyAlgorithm>> algorithms = new ArrayList<>();
      for (Factory.Named<KeyAlgorithm> a : getKeyAlgorithms()) {
        algorithms.add(a.getName().equals(Ed25519Signature.NAME)
            ? new KeyAlgorithms.Factory(Ed25519Signature.NAME, new Ed25519Signature.Named(), KeyType.ED25519) : a);
      }
      setKeyAlgorithms(algorithms);
    }
  }
}
