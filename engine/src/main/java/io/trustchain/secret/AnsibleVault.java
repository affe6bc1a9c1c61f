package io.trustchain.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ansible Vault (format 1.1 and 1.2, cipher AES256), compatible with {@code ansible-vault} both
 * ways: it opens what {@code ansible-vault encrypt}/{@code encrypt_string} wrote, and what it
 * writes {@code ansible-vault view}/{@code decrypt} opens.
 *
 * <p>Decryption tries the password whose label matches the envelope's vault id first, then the
 * others (Ansible's default). The HMAC is checked, in constant time, before anything is decrypted.
 * Plaintexts are cached per envelope for the run. Thread-safe.
 */
public final class AnsibleVault implements VaultKeyring {

  private final VaultPasswords passwords;
  private final Map<String, byte[]> opened = new ConcurrentHashMap<>();

  public AnsibleVault(VaultPasswords passwords) {
    this.passwords = Objects.requireNonNull(passwords, "passwords == null");
  }

  /** Encrypts {@code plaintext} with {@code password}; a vault id makes a 1.2 envelope. */
  public static String encrypt(byte[] plaintext, Secret password, String vaultIdOrNull) {
    Objects.requireNonNull(plaintext, "plaintext == null");
    Objects.requireNonNull(password, "password == null");
    if (password.isEmpty()) {
      throw new IllegalArgumentException("a vault password cannot be empty");
    }
    String vaultId = vaultIdOrNull == null || vaultIdOrNull.equals(VaultPasswords.DEFAULT_LABEL) ? null : vaultIdOrNull;
    if (vaultId != null && (vaultId.contains(";") || vaultId.isBlank() || vaultId.contains("\n"))) {
      throw new IllegalArgumentException("invalid vault id \"" + vaultId + "\"");
    }
    return VaultCipher.encrypt(plaintext, password, vaultId).format();
  }

  /**
   * Decrypts {@code envelope} with one password.
   *
   * @throws SecretException the envelope is malformed, or {@code password} does not open it
   */
  public static byte[] decrypt(String envelope, Secret password, String origin) throws SecretException {
    byte[] plain = VaultCipher.decrypt(VaultEnvelope.parse(envelope, origin), password);
    if (plain == null) {
      throw new SecretException("the vault password does not open " + origin);
    }
    return plain;
  }

  /** Checks that {@code envelope} is a well-formed vault envelope, without decrypting it. */
  public static void checkEnvelope(String envelope, String origin) throws SecretException {
    VaultEnvelope.parse(envelope, origin);
  }

  /** The vault id (label) of a 1.2 envelope, or null. */
  public static String vaultId(String envelope, String origin) throws SecretException {
    return VaultEnvelope.parse(envelope, origin).vaultId();
  }

  @Override
  public byte[] decrypt(String envelope, String origin) throws SecretException {
    Objects.requireNonNull(envelope, "envelope == null");
    Objects.requireNonNull(origin, "origin == null");
    byte[] cached = opened.get(envelope);
    if (cached != null) {
      return cached.clone();
    }
    VaultEnvelope parsed = VaultEnvelope.parse(envelope, origin);
    if (passwords.isEmpty()) {
      throw new SecretException(origin + " is vault-encrypted but no vault password is configured;"
          + " pass --vault-password-file FILE or --vault-id [label@]FILE");
    }
    List<SecretException> unreadable = new ArrayList<>();
    for (VaultPasswords.Entry entry : ordered(parsed.vaultId())) {
      Secret password;
      try {
        password = entry.password();
      } catch (SecretException e) {
        unreadable.add(e);
        continue;
      }
      byte[] plain = VaultCipher.decrypt(parsed, password);
      if (plain != null) {
        opened.put(envelope, plain.clone());
        return plain;
      }
    }
    if (unreadable.size() == passwords.entries().size()) {
      throw unreadable.get(0);
    }
    throw new SecretException("no vault password opens " + origin + "; check --vault-password-file"
        + (parsed.vaultId() == null ? "" : " and --vault-id " + parsed.vaultId() + "@FILE"));
  }

  @Override
  public boolean isConfigured() {
    return !passwords.isEmpty();
  }

  /** Encrypts with the configured password labelled {@code vaultIdOrNull} (or the first one). */
  @Override
  public String encrypt(byte[] plaintext, String vaultIdOrNull) throws SecretException {
    if (passwords.isEmpty()) {
      throw new SecretException("cannot encrypt: no vault password is configured;"
          + " pass --vault-password-file FILE or --vault-id [label@]FILE");
    }
    VaultPasswords.Entry chosen = passwords.entries().get(0);
    if (vaultIdOrNull != null) {
      chosen = passwords.entries().stream().filter(e -> e.label.equals(vaultIdOrNull)).findFirst()
          .orElseThrow(() -> new SecretException("no vault password has the vault id " + vaultIdOrNull
              + "; pass --vault-id " + vaultIdOrNull + "@FILE"));
    }
    String label = chosen.label.equals(VaultPasswords.DEFAULT_LABEL) ? null : chosen.label;
    return encrypt(plaintext, chosen.password(), label);
  }

  private List<VaultPasswords.Entry> ordered(String vaultId) {
    List<VaultPasswords.Entry> first = new ArrayList<>();
    List<VaultPasswords.Entry> rest = new ArrayList<>();
    for (VaultPasswords.Entry e : passwords.entries()) {
      (vaultId != null && e.label.equals(vaultId) ? first : rest).add(e);
    }
    first.addAll(rest);
    return first;
  }

  @Override
  public String toString() {
    return "AnsibleVault" + passwords;
  }
}
