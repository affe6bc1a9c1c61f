package io.trustchain.escrow;

import io.trustchain.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * An escrow store that is an external program: {@code command} gets the secret on its standard
 * input (one line) and exits 0 once it has stored it; {@code readCommand}, when configured, prints
 * the stored secret on its first line (nothing when there is none) and exits 0. Both run as
 * {@code /bin/sh -c} in the playbook's folder, with the environment variables
 * {@code TRUSTCHAIN_HOST}, {@code TRUSTCHAIN_ITEM}, and for {@code command} also
 * {@code TRUSTCHAIN_ESCROWED_AT} and, when known, {@code TRUSTCHAIN_CREATED_AT},
 * {@code TRUSTCHAIN_SERIAL_NUMBER}, {@code TRUSTCHAIN_HARDWARE_UUID}, {@code TRUSTCHAIN_ENABLED_USER}.
 * stderr is discarded and stdout never shown: a failure is reported by its exit status only.
 * Dates are not read back (the store keeps the secret only).
 */
public final class CommandEscrowStore implements EscrowStore {

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String command;
  private final String readCommand;
  private final Path workDir;
  private final Duration timeout;

  /** @param readCommandOrNull prints the stored secret; null when the store cannot read back */
  public CommandEscrowStore(String command, String readCommandOrNull, Path workDir) {
    this(command, readCommandOrNull, workDir, TIMEOUT);
  }

  CommandEscrowStore(String command, String readCommandOrNull, Path workDir, Duration timeout) {
    this.command = Objects.requireNonNull(command, "command == null");
    this.readCommand = readCommandOrNull;
    this.workDir = Objects.requireNonNull(workDir, "workDir == null");
    this.timeout = Objects.requireNonNull(timeout, "timeout == null");
  }

  @Override
  public void put(EscrowEntry entry) throws EscrowException {
    Map<String, String> env = env(entry.host(), entry.item());
    env.put("TRUSTCHAIN_ESCROWED_AT", (entry.escrowedAt() == null ? Instant.now() : entry.escrowedAt()).toString());
    if (entry.createdAt() != null) {
      env.put("TRUSTCHAIN_CREATED_AT", entry.createdAt());
    }
    entry.details().forEach((k, v) -> env.put("TRUSTCHAIN_" + k.toUpperCase(java.util.Locale.ROOT), v));
    char[] value = entry.value().reveal();
    byte[] input = (new String(value) + "\n").getBytes(StandardCharsets.UTF_8);
    Arrays.fill(value, '\0');
    try {
      EscrowProcess.Result r = EscrowProcess.run(command, workDir, env, input, timeout);
      if (r.exit() != 0) {
        throw new EscrowException("the escrow command exited with status " + r.exit() + " for " + entry.item()
            + " of " + entry.host() + ": not stored; run it yourself to see why");
      }
    } catch (TimeoutException e) {
      throw new EscrowException("the escrow command did not finish within " + timeout.toSeconds() + " s for "
          + entry.item() + " of " + entry.host() + " and was killed: not stored");
    } catch (IOException e) {
      throw new EscrowException("cannot run the escrow command in " + workDir + " (" + e.getMessage() + ")");
    } finally {
      Arrays.fill(input, (byte) 0);
    }
  }

  @Override
  public Optional<EscrowEntry> get(String host, String item) throws EscrowException {
    if (readCommand == null) {
      throw new EscrowException("the " + describe() + " has no read_command: it cannot read " + item + " of " + host
          + " back");
    }
    EscrowProcess.Result r;
    try {
      r = EscrowProcess.run(readCommand, workDir, env(host, item), new byte[0], timeout);
    } catch (TimeoutException e) {
      throw new EscrowException("the escrow read_command did not finish within " + timeout.toSeconds() + " s for "
          + item + " of " + host + " and was killed");
    } catch (IOException e) {
      throw new EscrowException("cannot run the escrow read_command in " + workDir + " (" + e.getMessage() + ")");
    }
    try {
      if (r.exit() != 0) {
        throw new EscrowException("the escrow read_command exited with status " + r.exit() + " for " + item + " of "
            + host + "; run it yourself to see why");
      }
      String out = new String(r.stdout(), StandardCharsets.UTF_8);
      int nl = out.indexOf('\n');
      String first = (nl < 0 ? out : out.substring(0, nl)).strip();
      if (first.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new EscrowEntry(host, item, Secret.of(first), null, null, Map.of()));
    } finally {
      Arrays.fill(r.stdout(), (byte) 0);
    }
  }

  @Override
  public boolean canRead() {
    return readCommand != null;
  }

  @Override
  public String describe() {
    return "command escrow store (" + command + ")";
  }

  @Override
  public String toString() {
    return describe();
  }

  private static Map<String, String> env(String host, String item) {
    EscrowKeys.check(host, item);
    Map<String, String> env = new HashMap<>();
    env.put("TRUSTCHAIN_HOST", host);
    env.put("TRUSTCHAIN_ITEM", item);
    return env;
  }
}
