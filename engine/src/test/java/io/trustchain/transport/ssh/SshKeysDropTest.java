package io.trustchain.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.transport.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host that drops the connection between the handshake and the login is unreachable, not an internal error. */
class SshKeysDropTest {

  @TempDir
  Path tmp;

  @Test
  void aConnectionGoneBeforeTheLogin_isUnreachable() throws Exception {
    Path key = tmp.resolve("id_ed25519");
    Files.writeString(key, "a key already opened this run");
    KeyPairs keyPairs = new KeyPairs();
    BasicFileAttributes attrs = KeyPairs.stat(key).orElseThrow();
    keyPairs.opened(key, attrs.lastModifiedTime(), attrs.size(),
        KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    ConnectionSpec spec = new ConnectionSpec("mac-1", "127.0.0.1", 22, "admin", Optional.of(key),
        Path.of("/dev/null"), false, Optional.empty(), Duration.ofSeconds(5));
    SSHClient dropped = new SSHClient(SharedConfig.get()); // sshj's state once the host has closed the connection

    Throwable thrown = catchThrowable(() -> SshKeys.authenticate(dropped, spec, SshAuth.plain(tmp),
        SshTransportTest.RESOLVER, keyPairs));

    assertThat(thrown).isInstanceOf(TransportException.class);
    TransportException e = (TransportException) thrown;
    assertThat(e.kind()).isEqualTo(TransportException.Kind.UNREACHABLE);
    assertThat(e.getMessage()).contains("mac-1").contains("closed the connection before the login");
  }
}
