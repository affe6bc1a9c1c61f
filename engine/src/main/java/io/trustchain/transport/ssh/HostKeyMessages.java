package io.trustchain.transport.ssh;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.transport.ShellQuote;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/** The words of a refused host key: what happened and what to do, as OpenSSH users expect them. */
final class HostKeyMessages {

  private HostKeyMessages() {}

  static String unknown(ConnectionSpec spec, PublicKey key, String knownHosts) {
    String type = KeyType.fromKey(key).toString();
    String keyscan = "ssh-keyscan " + (spec.port() == 22 ? "" : "-p " + spec.port() + " ")
        + "-t " + keyscanType(type) + " " + ShellQuote.quote(spec.address()) + " >> " + ShellQuote.quote(knownHosts);
    return where(spec) + ": the host key is not known: the " + type + " key " + fingerprint(key)
        + " is not in " + knownHosts + ". Check that it is the host's key, then add it with `" + keyscan
        + "`, or run again with --accept-new-host-keys to trust the keys of hosts seen for the first time.";
  }

  static String changed(ConnectionSpec spec, PublicKey key, String knownHosts, String knownHostsName) {
    String type = KeyType.fromKey(key).toString();
    return "WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for " + where(spec) + "! The " + type + " key it offers ("
        + fingerprint(key) + ") is not the key recorded for " + knownHostsName + " in " + knownHosts
        + ". Someone may be intercepting the connection (man-in-the-middle), or the host was reinstalled. "
        + "trustchain refuses to connect, even with --accept-new-host-keys. If the change is expected, remove the old "
        + "key with `ssh-keygen -R " + ShellQuote.quote(knownHostsName) + " -f " + ShellQuote.quote(knownHosts)
        + "` and add the new one.";
  }

  static String refused(ConnectionSpec spec, String detail) {
    return where(spec) + ": the host key was refused: " + detail;
  }

  /** OpenSSH's form: {@code SHA256:} and the unpadded base64 of the key blob's SHA-256. */
  static String fingerprint(PublicKey key) {
    try {
      byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | RuntimeException e) {
      return "(fingerprint unavailable)";
    }
  }

  static String where(ConnectionSpec spec) {
    return spec.host() + " (" + spec.address() + ":" + spec.port() + ")";
  }

  private static String keyscanType(String sshType) {
    if (sshType.contains("ed25519")) {
      return "ed25519";
    }
    if (sshType.startsWith("ecdsa")) {
      return "ecdsa";
    }
    if (sshType.contains("rsa")) {
      return "rsa";
    }
    return sshType;
  }
}
