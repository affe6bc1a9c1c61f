package io.trustchain.lab.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes the lab's host keys into an OpenSSH known_hosts file: one {@code [127.0.0.1]:PORT TYPE
 * BASE64} line per host. Lines for the same {@code [host]:port} (plain or hashed) are replaced, all
 * others kept. The file is locked while it is rewritten, and left untouched when nothing changes.
 */
final class KnownHosts {

  private static final java.util.concurrent.locks.ReentrantLock FILE_LOCK =
      new java.util.concurrent.locks.ReentrantLock();

  private KnownHosts() {}

  /** The known_hosts name of {@code address:port}, as OpenSSH looks it up. */
  static String pattern(String address, int port) {
    return port == 22 ? address : "[" + address + "]:" + port;
  }

  /** Makes {@code file} hold exactly {@code keys} (pattern → {@code TYPE BASE64}) for those patterns. */
  @SuppressWarnings("try") // the lock is held for the block
  static void update(Path file, Map<String, String> keys) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    FILE_LOCK.lock(); // a ReentrantLock: it waits on a file lock another process may hold (JDK 21 pinning)
    try {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
              StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
          // read all
        }
        String old = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        String updated = rewrite(old, keys);
        if (!updated.equals(old)) {
          byte[] bytes = updated.getBytes(StandardCharsets.UTF_8);
          ch.truncate(0);
          ch.write(ByteBuffer.wrap(bytes), 0);
          ch.force(true);
        }
      }
    } finally {
      FILE_LOCK.unlock();
    }
  }

  static String rewrite(String old, Map<String, String> keys) {
    Map<String, String> missing = new LinkedHashMap<>(keys);
    List<String> out = new ArrayList<>();
    for (String line : old.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("@")) {
        out.add(line);
        continue;
      }
      String[] fields = trimmed.split("\\s+", 3);
      if (fields.length < 3) {
        out.add(line);
        continue;
      }
      List<String> kept = new ArrayList<>();
      for (String host : fields[0].split(",")) {
        String ours = matching(host, keys);
        if (ours == null) {
          kept.add(host);
        } else if (keys.get(ours).equals(fields[1] + " " + fields[2].split("\\s+")[0]) && missing.containsKey(ours)) {
          kept.add(host);
          missing.remove(ours);
        }
      }
      if (kept.size() == fields[0].split(",").length) {
        out.add(line);
      } else if (!kept.isEmpty()) {
        out.add(String.join(",", kept) + " " + fields[1] + " " + fields[2]);
      }
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    missing.forEach((pattern, key) -> out.add(pattern + " " + key));
    return out.isEmpty() ? "" : String.join("\n", out) + "\n";
  }

  /** Which of {@code patterns} the known_hosts host entry {@code host} names (also when hashed). */
  private static String matching(String host, Map<String, String> keys) {
    if (keys.containsKey(host)) {
      return host;
    }
    if (host.startsWith("|1|")) {
      for (String p : keys.keySet()) {
        if (hashed(host, p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static boolean hashed(String entry, String pattern) {
    String[] parts = entry.split("\\|");
    if (parts.length != 4) {
      return false;
    }
    try {
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(salt, "HmacSHA1"));
      return MessageDigest.isEqual(expected, mac.doFinal(pattern.getBytes(StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }
}
