package io.trustchain.lab.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.PublicKey;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Who may log in: any account the simulated Mac has ({@code Machine.userExists}), with the host's
 * client key or a key in {@code stateDir/authorized_keys} (re-read when it changes), or with the
 * account's password ({@code Machine.authenticate}).
 */
final class Authorizer implements PublickeyAuthenticator, PasswordAuthenticator {

  private record Snapshot(long modified, long size, Set<String> keys) {}

  private final Function<Session, ServedHost> hosts;
  private final Map<Path, Snapshot> files = new ConcurrentHashMap<>();

  Authorizer(Function<Session, ServedHost> hosts) {
    this.hosts = hosts;
  }

  @Override
  public boolean authenticate(String username, PublicKey key, ServerSession session) {
    ServedHost host = hosts.apply(session);
    if (host == null) {
      return false;
    }
    String entry = PublicKeyEntry.toString(key);
    if (!host.clientKeys().contains(entry) && !authorized(host.authorizedKeys()).contains(entry)) {
      return false;
    }
    return userExists(host, username);
  }

  @Override
  public boolean authenticate(String username, String password, ServerSession session) {
    ServedHost host = hosts.apply(session);
    if (host == null) {
      return false;
    }
    char[] pw = password.toCharArray();
    try {
      return host.mac().look(m -> m.userExists(username) && m.authenticate(username, pw));
    } catch (IOException e) {
      return false;
    } finally {
      java.util.Arrays.fill(pw, '\0');
    }
  }

  private static boolean userExists(ServedHost host, String username) {
    try {
      return host.mac().look(m -> m.userExists(username));
    } catch (IOException e) {
      return false;
    }
  }

  /** The {@code TYPE BASE64} keys of an authorized_keys file; empty when it does not exist. */
  Set<String> authorized(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      Snapshot s = files.get(file);
      if (s != null && s.modified() == a.lastModifiedTime().toMillis() && s.size() == a.size()) {
        return s.keys();
      }
      Set<String> keys = parse(Files.readString(file, StandardCharsets.UTF_8));
      files.put(file, new Snapshot(a.lastModifiedTime().toMillis(), a.size(), keys));
      return keys;
    } catch (NoSuchFileException e) {
      return Set.of();
    } catch (IOException e) {
      return Set.of();
    }
  }

  static Set<String> parse(String authorizedKeys) {
    Set<String> keys = new HashSet<>();
    for (String line : authorizedKeys.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (line.isBlank() || f[0].startsWith("#")) {
        continue;
      }
      for (int i = 0; i + 1 < f.length; i++) {
        if (f[i].startsWith("ssh-") || f[i].startsWith("ecdsa-") || f[i].startsWith("sk-")) {
          keys.add(f[i] + " " + f[i + 1]);
          break;
        }
      }
    }
    return Set.copyOf(keys);
  }
}
