package io.trustchain.playbook;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.VaultKeyring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks, without reading any value, that each secret a document names can be had: the environment
 * variable is set, the file exists and is readable, the vault envelope is well formed and a vault
 * password is configured. {@code command:} secrets are not run at validation time. Results are
 * cached per reference; problems are diagnostics at the reference's position, without snippets.
 * Thread-safe.
 */
public final class SecretCheck {

  private final Map<String, String> env;
  private final VaultKeyring keyring;
  private final Map<SecretRef, Optional<Diagnostic>> results = new ConcurrentHashMap<>();

  /** @param keyringOrNull null when no vault password is configured */
  public SecretCheck(Map<String, String> env, VaultKeyring keyringOrNull) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env == null"));
    this.keyring = keyringOrNull;
  }

  /** A check against the process environment. */
  public static SecretCheck create(VaultKeyring keyringOrNull) {
    return new SecretCheck(System.getenv(), keyringOrNull);
  }

  /** Adds a diagnostic at {@code at} when {@code ref} cannot be had. */
  public void check(SecretRef ref, SourceRange at, Diagnostics diagnostics) {
    Objects.requireNonNull(ref, "ref == null");
    results.computeIfAbsent(ref, this::problem).ifPresent(p -> diagnostics.add(new Diagnostic(p.severity(),
        p.message(), Optional.ofNullable(at), p.hint(), false)));
  }

  private Optional<Diagnostic> problem(SecretRef ref) {
    return switch (ref) {
      case SecretRef.Env e -> {
        String value = env.get(e.name());
        if (value == null) {
          yield error("environment variable " + e.name() + " is not set (secret " + e.describe() + ")",
              "export it before running trustchain");
        }
        yield value.isEmpty()
            ? Optional.of(Diagnostic.warning(null, "environment variable " + e.name() + " is empty (secret "
                + e.describe() + ")"))
            : Optional.empty();
      }
      case SecretRef.File f -> file(f);
      case SecretRef.Vault v -> vault(v);
      case SecretRef.Command c -> Optional.empty();
      case SecretRef.Escrow e -> Optional.empty();
      case SecretRef.Prompted p -> Optional.empty();
    };
  }

  private Optional<Diagnostic> file(SecretRef.File f) {
    Path path = f.path();
    if (!Files.exists(path)) {
      return error("secret " + f.describe() + " does not exist",
          "create it (mode 600) or fix the path; file: paths are relative to the document's folder");
    }
    if (!Files.isRegularFile(path)) {
      return error("secret " + f.describe() + " is not a regular file", "name the file that holds the secret");
    }
    if (!Files.isReadable(path)) {
      return error("secret " + f.describe() + " is not readable", "check its owner and mode");
    }
    return Optional.empty();
  }

  private Optional<Diagnostic> vault(SecretRef.Vault v) {
    try {
      AnsibleVault.checkEnvelope(v.envelope(), v.origin());
    } catch (SecretException e) {
      return error(e.getMessage(), "paste the whole output of ansible-vault encrypt_string");
    }
    if (keyring == null || !keyring.isConfigured()) {
      return error("a vault value needs a vault password, and none is configured",
          "pass --vault-password-file FILE or --vault-id [label@]FILE, or set ANSIBLE_VAULT_PASSWORD_FILE");
    }
    return Optional.empty();
  }

  private static Optional<Diagnostic> error(String message, String hint) {
    return Optional.of(Diagnostic.error(null, message, hint));
  }

  @Override
  public String toString() {
    return "SecretCheck[" + results.size() + " checked]";
  }
}
