package io.trustchain.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Asks the person at the terminal for secrets, without echo ({@link Console#readPassword}): the
 * become password ({@code -K}), vault passwords ({@code --ask-vault-pass}, {@code --vault-id
 * LABEL@prompt}) and encrypted keys' passphrases (once per key file, however many hosts use it).
 * Nobody is asked when stdin is not a terminal. One question at a time, from any thread.
 */
final class Prompts {

  private final boolean terminal;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Path, Optional<char[]>> passphrases = new HashMap<>();

  Prompts(CliEnvironment environment) {
    this.terminal = environment.terminal() && System.console() != null;
  }

  /** The typed answer to {@code question} (printed as is), or empty when nobody can type one. */
  Optional<char[]> secret(String question) {
    if (!terminal) {
      return Optional.empty();
    }
    lock.lock();
    try {
      return Optional.ofNullable(System.console().readPassword("%s", question));
    } finally {
      lock.unlock();
    }
  }

  /** The passphrase of {@code key}, asked at most once per run (as ssh asks per key). */
  Optional<char[]> passphrase(Path key) {
    lock.lock();
    try {
      return passphrases.computeIfAbsent(key, k -> secret("Enter passphrase for key '" + k + "': "))
          .map(char[]::clone);
    } finally {
      lock.unlock();
    }
  }
}
