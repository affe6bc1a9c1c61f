package io.trustchain.transport.ssh;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/** The host key verifier of one connection attempt: remembers what it saw, for the error message. */
final class HostKeyCheck implements HostKeyVerifier {

  private final KnownHosts knownHosts;
  private final boolean acceptNew;
  private volatile KnownHosts.Check result;
  private volatile PublicKey offered;

  HostKeyCheck(KnownHosts knownHosts, boolean acceptNew) {
    this.knownHosts = knownHosts;
    this.acceptNew = acceptNew;
  }

  @Override
  public boolean verify(String hostname, int port, PublicKey key) {
    offered = key;
    result = knownHosts.check(hostname, port, key, acceptNew);
    return result.verdict() == KnownHosts.Verdict.KNOWN || result.verdict() == KnownHosts.Verdict.ACCEPTED;
  }

  @Override
  public List<String> findExistingAlgorithms(String hostname, int port) {
    return knownHosts.algorithmsFor(hostname, port);
  }

  /** The check's result, or null when the server never offered a key. */
  KnownHosts.Check result() {
    return result;
  }

  PublicKey offered() {
    return offered;
  }
}
