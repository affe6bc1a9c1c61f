package io.trustchain.playbook;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.DefaultSecretResolver;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.SecretResolver;
import io.trustchain.secret.VaultKeyring;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Resolves each secret a run needs, before anything connects, so a secret that cannot be had is an error that
 * names it: the environment variable is set, the file is readable, the vault value opens with the configured
 * vault password, the {@code command:} exits 0 within its time limit. The value must also travel: a line break
 * or a NUL cannot be one line of the exec's stdin (a shell variable), and {@code ]]>} is refused so that no
 * XML or prompt a password is written into is at the mercy of an escape. Only the position of such a
 * character is told, never the value. Escrow references are the store's business, not the documents'.
 * Results are cached per reference (the run's resolver caches values: a {@code command:} runs once); problems
 * are diagnostics at the reference's position, without snippets. Thread-safe.
 */
public final class SecretCheck {

  private final SecretResolver resolver;
  private final Map<SecretRef, Optional<Diagnostic>> results = new ConcurrentHashMap<>();

  /** A check that resolves through {@code resolver} (share the run's, so each secret is fetched once). */
  public SecretCheck(SecretResolver resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver == null");
  }

  /** @param keyringOrNull null when no vault password is configured */
  public SecretCheck(Map<String, String> env, VaultKeyring keyringOrNull) {
    this(DefaultSecretResolver.create(env, keyringOrNull));
  }

  /** A check against the process environment. */
  public static SecretCheck create(VaultKeyring keyringOrNull) {
    return new SecretCheck(System.getenv(), keyringOrNull);
  }

  /** One secret to check, and the position its problem is reported at. */
  public record Request(SecretRef ref, SourceRange at) {
    public Request {
      Objects.requireNonNull(ref, "ref == null");
    }
  }

  /** Adds a diagnostic at {@code at} when {@code ref} cannot be had, or cannot travel. */
  public void check(SecretRef ref, SourceRange at, Diagnostics diagnostics) {
    Objects.requireNonNull(ref, "ref == null");
    results.computeIfAbsent(ref, this::problem).ifPresent(p -> diagnostics.add(new Diagnostic(p.severity(),
        p.message(), Optional.ofNullable(at), p.hint(), false)));
  }

  /**
   * {@link #check} of each request, with the same diagnostics. The vault values among them that were not checked
   * before are opened first, at the same time, one virtual thread each: Ansible Vault's key derivation is 30,000
   * HMACs a value, pure computation, and one value at a time left a core idle. The other kinds are resolved one
   * after the other, as before: a {@code command:} secret may talk to its user.
   */
  public void checkAll(List<Request> requests, Diagnostics diagnostics) {
    List<SecretRef> vaults = requests.stream().map(Request::ref)
        .filter(ref -> ref instanceof SecretRef.Vault && !results.containsKey(ref)).distinct().toList();
    if (vaults.size() > 1) {
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (SecretRef ref : vaults) {
          // a failure here is thrown again by check() below, on the caller's thread
          threads.submit(() -> results.computeIfAbsent(ref, this::problem));
        }
      }
    }
    for (Request r : requests) {
      check(r.ref(), r.at(), diagnostics);
    }
  }

  private Optional<Diagnostic> problem(SecretRef ref) {
    if (ref instanceof SecretRef.Escrow) {
      return Optional.empty();
    }
    Secret secret;
    try {
      secret = resolver.resolve(ref);
    } catch (SecretException e) {
      String said = e.getMessage();
      int advice = said.indexOf("; "); // the resolver's "problem; what to do": the hint says what to do
      said = advice > 0 ? said.substring(0, advice) : said;
      return Optional.of(Diagnostic.error(null, named(ref, said), hint(ref)));
    }
    char[] value = secret.reveal();
    try {
      return travel(ref, value);
    } finally {
      Arrays.fill(value, '\0');
      secret.destroy();
    }
  }

  /**
   * The resolver's message, saying once which secret it is about. The vault's own messages name the value by
   * where it was written ("FILE:LINE:COL is vault-encrypted but …"), which is the secret's name without its
   * "vault:" prefix; they are not prefixed with it a second time.
   */
  static String named(SecretRef ref, String said) {
    String name = "secret " + ref.describe();
    if (said.startsWith(name)) {
      return said;
    }
    if (ref instanceof SecretRef.Vault v && said.contains(v.origin())) {
      return said.startsWith(v.origin()) ? name + said.substring(v.origin().length()) : said;
    }
    return name + ": " + said;
  }

  /** Whether the value can travel: as one stdin line, in a shell variable, in a property list. */
  static Optional<Diagnostic> travel(SecretRef ref, char[] value) {
    String name = "secret " + ref.describe();
    for (int i = 0; i < value.length; i++) {
      char c = value[i];
      if (c == '\n' || c == '\r') {
        return error(name + " holds a line break (character " + (i + 1) + "): it cannot travel as one line of"
            + " the exec's stdin", "remove the line break (a file: secret may end with one newline, which is dropped)");
      }
      if (c == '\0') {
        return error(name + " holds a NUL character (character " + (i + 1) + "): no shell variable can hold it",
            "use a password without NUL characters");
      }
      if (c == ']' && i + 2 < value.length && value[i + 1] == ']' && value[i + 2] == '>') {
        return error(name + " holds \"]]>\" (characters " + (i + 1) + "-" + (i + 3) + "): trustchain refuses it"
            + " so that no property list or prompt script a password is written into can be broken out of",
            "use a password without \"]]>\"");
      }
    }
    if (value.length == 0) {
      return Optional.of(Diagnostic.warning(null, name + " is empty"));
    }
    return Optional.empty();
  }

  private static String hint(SecretRef ref) {
    return switch (ref) {
      case SecretRef.Env e -> "export " + e.name() + " before running trustchain";
      case SecretRef.File f -> "create it (mode 600) or fix the path; file: paths are relative to the document's folder";
      case SecretRef.Vault v -> "pass the vault password that encrypted it (--vault-password-file FILE or --vault-id"
          + " [label@]FILE, or ANSIBLE_VAULT_PASSWORD_FILE)";
      case SecretRef.Command c -> "run the command yourself in " + c.workDir() + " to see why";
      case SecretRef.Xml x -> hint(x.of());
      case SecretRef.Escrow e -> "the escrow store keeps it";
      case SecretRef.Prompted p -> "type it again when asked";
    };
  }

  private static Optional<Diagnostic> error(String message, String hint) {
    return Optional.of(Diagnostic.error(null, message, hint));
  }

  @Override
  public String toString() {
    return "SecretCheck[" + results.size() + " checked]";
  }
}
