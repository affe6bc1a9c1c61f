package io.trustchain.lab.server;

import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lab's keys on disk: each host's ed25519 host key under {@code stateDir/<host>/} (kept across
 * restarts so known_hosts stays valid), the client key the engine uses, {@code
 * stateDir/authorized_keys}, and the known_hosts entries.
 *
 * <p>Host keys go into the lab's own {@code stateDir/known_hosts}, and into the known_hosts file an
 * inventory names only when the lab created that file (it does when the file does not exist yet,
 * outside {@code ~/.ssh}, and records it in {@code stateDir/known_hosts.created}). A file someone
 * else made, such as {@code ~/.ssh/known_hosts} or a copy an admin keeps, is never edited: a lab host
 * whose key changed is then refused by strict host key checking, as a real Mac's would be.
 */
final class LabKeys {

  private static final java.util.concurrent.locks.ReentrantLock FILE_LOCK =
      new java.util.concurrent.locks.ReentrantLock();

  static final String HOST_KEY_FILE = "ssh_host_ed25519_key";
  static final String AUTHORIZED_KEYS = "authorized_keys";
  static final String KNOWN_HOSTS = "known_hosts";
  static final String CREATED_KNOWN_HOSTS = "known_hosts.created";
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private LabKeys() {}

  static Path hostDir(LabHost host) throws IOException {
    if (!SAFE_NAME.matcher(host.name()).matches()) {
      throw new IOException("lab host name \"" + host.name()
          + "\" cannot name its state directory; use letters, digits, '.', '_' and '-'");
    }
    return host.stateDir().resolve(host.name());
  }

  static Path hostKeyFile(LabHost host) throws IOException {
    return hostDir(host).resolve(HOST_KEY_FILE);
  }

  static Path authorizedKeys(Path stateDir) {
    return stateDir.resolve(AUTHORIZED_KEYS);
  }

  /** The host's public host key ({@code TYPE BASE64}), created the first time. */
  static String ensureHostKey(LabHost host) throws IOException {
    return OpenSshKeys.ensure(hostKeyFile(host), "trustchain-lab-host-" + host.name());
  }

  /** The engine's public client key ({@code TYPE BASE64}), created with its {@code .pub} when missing. */
  static String ensureClientKey(LabHost host) throws IOException {
    return OpenSshKeys.ensure(host.clientKeyFile(), "trustchain-lab");
  }

  /** The lab's own known_hosts file: the lab made it, and keeps it up to date. */
  static Path ownKnownHosts(Path stateDir) {
    return stateDir.toAbsolutePath().normalize().resolve(KNOWN_HOSTS);
  }

  /**
   * Writes the known_hosts entries of {@code endpoints} into the lab's own known_hosts file, and
   * into each host's inventory-named file when the lab created it (see the class comment).
   */
  static void trust(List<LabEndpoint> endpoints) throws IOException {
    Map<Path, Map<String, String>> byFile = new LinkedHashMap<>();
    Map<List<Path>, Boolean> editable = new HashMap<>(); // asked once per file, not once per host
    for (LabEndpoint e : endpoints) {
      String key = OpenSshKeys.publicKey(hostKeyFile(e.host()));
      Map<String, String> entries = new LinkedHashMap<>();
      entries.put(KnownHosts.pattern(e.address(), e.port()), key);
      String bind = e.host().bindAddress();
      if (!bind.equals(e.address()) && !bind.isEmpty()) {
        entries.put(KnownHosts.pattern(bind, e.port()), key);
      }
      Path own = ownKnownHosts(e.host().stateDir());
      byFile.computeIfAbsent(own, f -> new LinkedHashMap<>()).putAll(entries);
      Path named = e.host().knownHostsFile().toAbsolutePath().normalize();
      List<Path> which = List.of(e.host().stateDir(), named);
      Boolean mayEdit = editable.get(which);
      if (mayEdit == null) {
        mayEdit = !named.equals(own) && LabKnownHostsFiles.mayEdit(e.host().stateDir(), named);
        editable.put(which, mayEdit);
      }
      if (mayEdit) {
        byFile.computeIfAbsent(named, f -> new LinkedHashMap<>()).putAll(entries);
      }
    }
    for (Map.Entry<Path, Map<String, String>> f : byFile.entrySet()) {
      KnownHosts.update(f.getKey(), f.getValue());
    }
  }

  /** Adds {@code publicKey} to {@code stateDir/authorized_keys} unless it is there already. */
  @SuppressWarnings("try") // the lock is held for the block
  static void authorize(Path stateDir, String publicKey, String comment) throws IOException {
    Path file = authorizedKeys(stateDir);
    Files.createDirectories(stateDir);
    FILE_LOCK.lock(); // a ReentrantLock: it waits on a file lock another process may hold (JDK 21 pinning)
    try {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
              StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
          // read all
        }
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        if (Authorizer.parse(text).contains(publicKey)) {
          return;
        }
        String line = (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + publicKey + " " + comment + "\n";
        ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), ch.size());
      }
    } finally {
      FILE_LOCK.unlock();
    }
  }
}
