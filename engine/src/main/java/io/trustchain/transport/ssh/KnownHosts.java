package io.trustchain.transport.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * One OpenSSH known_hosts file (plain and hashed host names, {@code [host]:port} entries, markers),
 * shared by every connection of a connector that names it. Checks are serialized, so hosts
 * connecting in parallel cannot interleave an accept-new append.
 */
final class KnownHosts extends OpenSSHKnownHosts {

  /** The outcome of one host key check. */
  enum Verdict {
    KNOWN, UNKNOWN, CHANGED, ACCEPTED
  }

  /** What one check found: the verdict, and the host name as known_hosts spells it. */
  record Check(Verdict verdict, String knownHostsName) {}

  private final Path path;
  private Verdict pending;
  private String pendingName;
  private boolean acceptNew;

  KnownHosts(Path path) throws IOException {
    super(path.toFile());
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** Checks {@code key} for {@code host:port}; with {@code acceptNew}, an unknown key is appended. */
  synchronized Check check(String host, int port, PublicKey key, boolean acceptNew) {
    pending = null;
    pendingName = port == 22 ? host.toLowerCase() : "[" + host.toLowerCase() + "]:" + port;
    this.acceptNew = acceptNew;
    boolean ok = verify(host, port, key);
    Verdict verdict = pending != null ? pending : ok ? Verdict.KNOWN : Verdict.UNKNOWN;
    return new Check(verdict, pendingName);
  }

  synchronized List<String> algorithmsFor(String host, int port) {
    return findExistingAlgorithms(host, port);
  }

  @Override
  protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
    pendingName = hostname;
    if (!acceptNew) {
      pending = Verdict.UNKNOWN;
      return false;
    }
    try {
      HostEntry entry = new HostEntry(null, hostname, KeyType.fromKey(key), key);
      Path dir = path.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      write(entry);
      entries.add(entry);
      pending = Verdict.ACCEPTED;
      return true;
    } catch (IOException | RuntimeException e) {
      pending = Verdict.UNKNOWN;
      return false;
    }
  }

  @Override
  protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
    pendingName = hostname;
    pending = Verdict.CHANGED;
    return false;
  }
}
