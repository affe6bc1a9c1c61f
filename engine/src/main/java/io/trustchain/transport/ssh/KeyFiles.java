package io.trustchain.transport.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Which private keys to offer: the inventory's, else OpenSSH's defaults that exist. */
final class KeyFiles {

  static final List<String> DEFAULT_NAMES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

  private KeyFiles() {}

  static List<Path> candidates(Optional<Path> configured, Path home) {
    if (configured.isPresent()) {
      return List.of(expandHome(configured.get(), home));
    }
    return DEFAULT_NAMES.stream().map(n -> home.resolve(".ssh").resolve(n)).filter(Files::isRegularFile).toList();
  }

  static List<Path> defaults(Path home) {
    return DEFAULT_NAMES.stream().map(n -> home.resolve(".ssh").resolve(n)).toList();
  }

  static Path expandHome(Path p, Path home) {
    String s = p.toString();
    if (s.equals("~")) {
      return home;
    }
    if (s.startsWith("~/")) {
      return home.resolve(s.substring(2));
    }
    return p;
  }

  /** The public key blob of {@code key}, from {@code key.pub} beside it (as OpenSSH keeps it), if readable. */
  static Optional<byte[]> publicBlob(Path key) {
    Path pub = key.resolveSibling(key.getFileName() + ".pub");
    try {
      String[] fields = Files.readString(pub).strip().split("\\s+");
      return fields.length >= 2 ? Optional.of(java.util.Base64.getDecoder().decode(fields[1])) : Optional.empty();
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
