package io.trustchain.secret;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves every kind of {@link SecretRef}: {@code env:} from the process environment (or a given
 * map), {@code file:} (one trailing newline removed), {@code command:} ({@code /bin/sh -c CMD} in
 * the document's folder, 30 s at most, its stdout with one trailing newline removed; a non-zero exit
 * is an error that shows the status, never the output), {@code vault:} through a {@link VaultKeyring},
 * and {@code escrow:} through an escrow store when one is given. Each reference is resolved once
 * per run (failures too) and then served from memory. Thread-safe.
 */
public final class DefaultSecretResolver implements SecretResolver {

  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, String> env;
  private final VaultKeyring keyring;
  private final SecretResolver escrow;
  private final Duration commandTimeout;
  private final Map<SecretRef, Slot> cache = new ConcurrentHashMap<>();
  private final Map<String, Secret> prompted = new ConcurrentHashMap<>();

  private DefaultSecretResolver(Map<String, String> env, VaultKeyring keyring, SecretResolver escrow,
      Duration commandTimeout) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env == null"));
    this.keyring = keyring;
    this.escrow = escrow;
    this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout == null");
  }

  /** A resolver over the process environment. */
  public static DefaultSecretResolver create(VaultKeyring keyringOrNull) {
    return create(System.getenv(), keyringOrNull);
  }

  /** A resolver over {@code env} instead of the process environment. */
  public static DefaultSecretResolver create(Map<String, String> env, VaultKeyring keyringOrNull) {
    return new DefaultSecretResolver(env, keyringOrNull, null, COMMAND_TIMEOUT);
  }

  /** This resolver, with {@code escrow:} references read from {@code escrowStore}. */
  public DefaultSecretResolver withEscrow(SecretResolver escrowStore) {
    return new DefaultSecretResolver(env, keyring, Objects.requireNonNull(escrowStore, "escrowStore == null"),
        commandTimeout);
  }

  /** Serves {@code prompt:LABEL} with {@code value} (typed by the operator at a prompt). */
  public DefaultSecretResolver withPrompted(String label, Secret value) {
    prompted.put(label, Secret.of(value.reveal()));
    return this;
  }

  /** This resolver, with another limit for {@code command:} secrets. */
  public DefaultSecretResolver withCommandTimeout(Duration timeout) {
    return new DefaultSecretResolver(env, keyring, escrow, timeout);
  }

  @Override
  public Secret resolve(SecretRef ref) throws SecretException {
    Objects.requireNonNull(ref, "ref == null");
    if (ref instanceof SecretRef.Escrow) {
      return load(ref); // never cached: escrow changes during a run (a managed password promoted)
    }
    Slot slot = cache.computeIfAbsent(ref, r -> new Slot());
    slot.lock.lock(); // a ReentrantLock: loading may wait on a command, and virtual threads call this
    try {
      if (slot.value == null && slot.failure == null) {
        try {
          slot.value = load(ref);
        } catch (SecretException e) {
          slot.failure = e.getMessage();
        }
      }
      if (slot.failure != null) {
        throw new SecretException(slot.failure);
      }
      return Secret.of(slot.value.reveal());
    } finally {
      slot.lock.unlock();
    }
  }

  private Secret load(SecretRef ref) throws SecretException {
    return switch (ref) {
      case SecretRef.Env e -> fromEnv(e);
      case SecretRef.File f -> fromFile(f);
      case SecretRef.Command c -> fromCommand(c);
      case SecretRef.Vault v -> fromVault(v);
      case SecretRef.Prompted p -> {
        Secret typed = prompted.get(p.label());
        if (typed == null) {
          throw new SecretException("secret " + p.describe() + " was never typed (no prompt in this run)");
        }
        yield Secret.of(typed.reveal());
      }
      case SecretRef.Xml x -> {
        Secret inner = resolve(x.of());
        char[] plain = inner.reveal();
        try {
          yield Secret.of(SecretRef.Xml.escape(plain));
        } finally {
          java.util.Arrays.fill(plain, '\0');
          inner.destroy();
        }
      }
      case SecretRef.Escrow e -> {
        if (escrow == null) {
          throw new SecretException("secret " + e.describe() + " lives in the escrow store, and none is configured");
        }
        yield escrow.resolve(e);
      }
    };
  }

  private Secret fromEnv(SecretRef.Env ref) throws SecretException {
    String value = env.get(ref.name());
    if (value == null) {
      throw new SecretException("secret " + ref.describe() + ": environment variable " + ref.name()
          + " is not set; export it before running trustchain");
    }
    return Secret.of(value);
  }

  private Secret fromFile(SecretRef.File ref) throws SecretException {
    Path path = ref.path();
    try {
      if (Files.isDirectory(path)) {
        throw new SecretException("secret " + ref.describe() + " is a directory; name the file that holds the secret");
      }
      return Secret.of(ProcessRunner.stripOneNewline(utf8(Files.readAllBytes(path), ref)));
    } catch (NoSuchFileException e) {
      throw new SecretException("secret " + ref.describe() + " does not exist; create it (mode 600) or fix the path");
    } catch (AccessDeniedException e) {
      throw new SecretException("secret " + ref.describe() + " is not readable; check its owner and mode");
    } catch (IOException e) {
      throw new SecretException("cannot read secret " + ref.describe() + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private Secret fromCommand(SecretRef.Command ref) throws SecretException {
    try {
      ProcessRunner.Result result =
          ProcessRunner.run(List.of("/bin/sh", "-c", ref.command()), ref.workDir(), commandTimeout);
      if (result.exitCode() != 0) {
        throw new SecretException("secret " + ref.describe() + " exited with status " + result.exitCode()
            + "; run the command yourself to see why");
      }
      return Secret.of(ProcessRunner.stripOneNewline(utf8(result.stdout(), ref)));
    } catch (ProcessRunner.TimedOut e) {
      throw new SecretException("secret " + ref.describe() + " did not finish within " + seconds(commandTimeout)
          + " and was killed");
    } catch (IOException e) {
      throw new SecretException("cannot run secret " + ref.describe() + " in " + ref.workDir() + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private Secret fromVault(SecretRef.Vault ref) throws SecretException {
    if (keyring == null) {
      throw new SecretException("secret " + ref.describe() + " is vault-encrypted but no vault password is configured;"
          + " pass --vault-password-file FILE or --vault-id [label@]FILE");
    }
    byte[] plain = keyring.decrypt(ref.envelope(), ref.origin());
    try {
      return Secret.of(utf8(plain, ref));
    } finally {
      java.util.Arrays.fill(plain, (byte) 0);
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String utf8(byte[] bytes, SecretRef ref) throws SecretException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new SecretException("secret " + ref.describe() + " is not UTF-8 text");
    }
  }

  /** One reference's value or failure, filled once. */
  private static final class Slot {
    final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    Secret value;
    String failure;
  }

  @Override
  public String toString() {
    return "DefaultSecretResolver[" + cache.size() + " cached]";
  }
}
