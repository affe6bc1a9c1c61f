package io.trustchain.inventory;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keys of the user's {@code ~/.ssh/config} that matter to trustchain, for one host alias:
 * {@code HostName}, {@code User}, {@code Port}, {@code IdentityFile} and {@code ProxyJump}, with
 * OpenSSH's rule that the first value found wins (IdentityFile: every value, in order) and
 * {@code %h}/{@code %%} expanded in HostName. Parsed by JSch's {@code OpenSSHConfig}.
 */
public final class SshClientConfig {

  /** What the config says about one alias; empty fields: it says nothing. */
  public record Entry(Optional<String> hostName, Optional<String> user, Optional<Integer> port,
      List<String> identityFiles, Optional<String> proxyJump) {
    static final Entry NONE = new Entry(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }

  private static final SshClientConfig EMPTY = new SshClientConfig(null, null);

  private final ConfigRepository repository;
  private final Path file;

  private SshClientConfig(ConfigRepository repository, Path file) {
    this.repository = repository;
    this.file = file;
  }

  public static SshClientConfig none() {
    return EMPTY;
  }

  /** Reads {@code file}; a missing file says nothing. */
  public static SshClientConfig read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return EMPTY;
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), file);
  }

  static SshClientConfig parse(String text, Path file) throws IOException {
    return new SshClientConfig(OpenSSHConfig.parse(text), file);
  }

  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  public Entry lookup(String alias) {
    if (repository == null) {
      return Entry.NONE;
    }
    ConfigRepository.Config c = repository.getConfig(alias);
    String[] identities = c.getValues("IdentityFile");
    return new Entry(
        text(c.getHostname()).map(h -> expand(h, alias)),
        text(c.getUser()),
        c.getPort() > 0 ? Optional.of(c.getPort()) : Optional.empty(),
        identities == null ? List.of() : Arrays.stream(identities).map(String::strip).filter(s -> !s.isEmpty()).toList(),
        text(c.getValue("ProxyJump")));
  }

  private static Optional<String> text(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  private static String expand(String value, String alias) {
    return value.replace("%%", "\u0000").replace("%h", alias).replace("\u0000", "%");
  }
}
