package io.trustchain.transport.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * The unencrypted private keys one connector has opened, by file: every host of a run logs in with
 * the same few keys, and reading and decoding a key file per connection was a tenth of what a
 * connection allocates. A key is read again when its file changes. Encrypted keys are not kept: each
 * host opens them with its own passphrase setting (or ssh-agent holds them).
 */
final class KeyPairs {

  private record Opened(FileTime modified, long size, KeyPair pair) {}

  private final Map<Path, Opened> opened = new ConcurrentHashMap<>();

  /** The key of {@code file} as opened earlier in this run, unless the file changed since. */
  Optional<KeyProvider> get(Path file) {
    Opened o = opened.get(file);
    if (o == null) {
      return Optional.empty();
    }
    try {
      BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
      if (now.lastModifiedTime().equals(o.modified()) && now.size() == o.size()) {
        return Optional.of(new KeyPairWrapper(o.pair()));
      }
    } catch (IOException e) {
      // gone or unreadable: read it as the first time, which reports why
    }
    opened.remove(file, o);
    return Optional.empty();
  }

  /** Keeps the key {@code file} opened to; {@code modified} and {@code size} as read before opening it. */
  void opened(Path file, FileTime modified, long size, KeyPair pair) {
    opened.put(file, new Opened(modified, size, pair));
  }

  /** The file's time and size now, for {@link #opened}; empty when it cannot be read. */
  static Optional<BasicFileAttributes> stat(Path file) {
    try {
      return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
