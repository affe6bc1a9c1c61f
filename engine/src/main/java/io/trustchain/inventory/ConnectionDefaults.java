package io.trustchain.inventory;

import io.trustchain.secret.SecretRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host's connection falls back on when its inventory variables are silent, lowest first as
 * Ansible and ssh combine them: the controller's user and home ({@code $HOME}, as a shell expands
 * {@code ~}; else Java's {@code user.home}), {@code ~/.ssh/config}, then the command line's
 * {@code -u}/{@code --private-key} (which inventory variables still override, as in Ansible).
 */
public record ConnectionDefaults(String localUser, Path home, Path workingDirectory, SshClientConfig sshConfig,
    Optional<String> remoteUser, Optional<Path> privateKeyFile, Optional<SecretRef> becomePassword) {

  public ConnectionDefaults {
    Objects.requireNonNull(localUser, "localUser == null");
    Objects.requireNonNull(home, "home == null");
    Objects.requireNonNull(workingDirectory, "workingDirectory == null");
    Objects.requireNonNull(sshConfig, "sshConfig == null");
    Objects.requireNonNull(remoteUser, "remoteUser == null");
    Objects.requireNonNull(privateKeyFile, "privateKeyFile == null");
    Objects.requireNonNull(becomePassword, "becomePassword == null");
  }

  public ConnectionDefaults(String localUser, Path home, Path workingDirectory, SshClientConfig sshConfig,
      Optional<String> remoteUser, Optional<Path> privateKeyFile) {
    this(localUser, home, workingDirectory, sshConfig, remoteUser, privateKeyFile, Optional.empty());
  }

  /** From the process environment: {@code $USER}/{@code $HOME} when set, and {@code $HOME/.ssh/config}. */
  public static ConnectionDefaults of(Map<String, String> env, Path cwd) throws IOException {
    Path home = home(env);
    return new ConnectionDefaults(localUser(env), home, cwd, SshClientConfig.read(home.resolve(".ssh/config")),
        Optional.empty(), Optional.empty());
  }

  /** Without reading any file (tests, and when the config cannot be read). */
  public static ConnectionDefaults plain(Map<String, String> env, Path cwd) {
    return new ConnectionDefaults(localUser(env), home(env), cwd, SshClientConfig.none(), Optional.empty(),
        Optional.empty());
  }

  public static Path home(Map<String, String> env) {
    String h = env.get("HOME");
    return Path.of(h != null && !h.isBlank() ? h : System.getProperty("user.home"));
  }

  static String localUser(Map<String, String> env) {
    String u = env.get("USER");
    return u != null && !u.isBlank() ? u : System.getProperty("user.name");
  }

  /** With the command line's {@code -u USER} and {@code --private-key FILE}. */
  public ConnectionDefaults withCommandLine(Optional<String> user, Optional<Path> key) {
    return new ConnectionDefaults(localUser, home, workingDirectory, sshConfig, user, key, becomePassword);
  }

  /** With the become password typed at {@code -K}, for hosts whose inventory sets none. */
  public ConnectionDefaults withBecomePassword(Optional<SecretRef> password) {
    return new ConnectionDefaults(localUser, home, workingDirectory, sshConfig, remoteUser, privateKeyFile, password);
  }
}
