package io.trustchain.transport.ssh;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@link SshConnector} finds the controller's keys: the home whose {@code .ssh/id_*} are the
 * default keys ({@code $HOME}, as ssh users expect, else Java's {@code user.home}), the ssh-agent's
 * socket ({@code $SSH_AUTH_SOCK}), and who to ask for an encrypted key's passphrase when the
 * inventory gives none (a person at the terminal, or nobody).
 */
public record SshAuth(Path home, Optional<Path> agentSocket, PassphrasePrompt prompt) {

  /** Asks for the passphrase of an encrypted private key; empty when nobody can answer. */
  @FunctionalInterface
  public interface PassphrasePrompt {
    PassphrasePrompt NOBODY = key -> Optional.empty();

    Optional<char[]> ask(Path key);
  }

  public SshAuth {
    Objects.requireNonNull(home, "home == null");
    Objects.requireNonNull(agentSocket, "agentSocket == null");
    Objects.requireNonNull(prompt, "prompt == null");
  }

  /** From the environment: {@code $HOME} and {@code $SSH_AUTH_SOCK}. */
  public static SshAuth of(Map<String, String> env, PassphrasePrompt prompt) {
    String home = env.get("HOME");
    String sock = env.get("SSH_AUTH_SOCK");
    return new SshAuth(Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")),
        Optional.ofNullable(sock).filter(s -> !s.isBlank()).map(Path::of), prompt);
  }

  /** Java's {@code user.home}, no agent, nobody to ask. */
  static SshAuth plain(Path home) {
    return new SshAuth(home, Optional.empty(), PassphrasePrompt.NOBODY);
  }
}
