package io.trustchain.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that may be vault-encrypted as a whole ({@code ansible-vault encrypt vars.yml}), such as a
 * vars file: its bytes as stored and its content, decrypted when it starts with
 * {@code $ANSIBLE_VAULT;}. Diagnostics about an encrypted file's content must not show snippets.
 */
public final class VaultFile {

  private final Path path;
  private final byte[] stored;
  private final byte[] content;
  private final boolean encrypted;

  private VaultFile(Path path, byte[] stored, byte[] content, boolean encrypted) {
    this.path = path;
    this.stored = stored;
    this.content = content;
    this.encrypted = encrypted;
  }

  /**
   * Reads {@code file}, decrypting it with {@code keyringOrNull} when it is a vault file.
   *
   * @throws SecretException it is encrypted and no password (or no keyring) opens it
   */
  public static VaultFile read(Path file, VaultKeyring keyringOrNull) throws IOException, SecretException {
    Objects.requireNonNull(file, "file == null");
    byte[] stored = Files.readAllBytes(file);
    String text = new String(stored, StandardCharsets.UTF_8);
    if (!VaultKeyring.isVault(text)) {
      return new VaultFile(file, stored, stored, false);
    }
    if (keyringOrNull == null || !keyringOrNull.isConfigured()) {
      throw new SecretException(file + " is vault-encrypted but no vault password is configured;"
          + " pass --vault-password-file FILE or --vault-id [label@]FILE");
    }
    return new VaultFile(file, stored, keyringOrNull.decrypt(text, file.toString()), true);
  }

  public Path path() {
    return path;
  }

  /** The bytes as stored on disk (encrypted or not), e.g. for a digest. */
  public byte[] stored() {
    return stored.clone();
  }

  /** The plaintext. */
  public byte[] content() {
    return content.clone();
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  public boolean encrypted() {
    return encrypted;
  }

  @Override
  public String toString() {
    return path + (encrypted ? " (vault-encrypted)" : "");
  }
}
