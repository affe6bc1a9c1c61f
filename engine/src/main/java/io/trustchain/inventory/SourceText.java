package io.trustchain.inventory;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.DocumentText;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.VaultKeyring;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The text of an inventory or vars file, opened with the vault keyring when the whole file is
 * Ansible-Vault encrypted. Problems found inside a decrypted file are reported without the
 * offending line, so plaintext never reaches the terminal.
 *
 * @param decrypted whether the text came out of a vault
 */
record SourceText(Path file, String text, boolean decrypted) {

  static final String VAULT_HINT = "pass --vault-password-file with the password that encrypted it";

  static Optional<SourceText> read(Path file, VaultKeyring keyring, Diagnostics diagnostics) {
    byte[] bytes;
    try {
      Optional<byte[]> read = DocumentText.read(file, diagnostics);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      bytes = read.get();
    } catch (IOException e) {
      diagnostics.error(SourceRange.of(file, 1, 1), "cannot read " + file + ": " + e.getMessage(),
          "check that the file exists and is readable");
      return Optional.empty();
    }
    Optional<String> text = utf8(file, bytes, diagnostics);
    if (text.isEmpty() || !VaultKeyring.isVault(text.get())) {
      return text.map(t -> new SourceText(file, t, false));
    }
    if (keyring == null) {
      diagnostics.error(SourceRange.of(file, 1, 1),
          "cannot read " + file.getFileName() + ": it is vault-encrypted and no vault password was given",
          VAULT_HINT);
      return Optional.empty();
    }
    try {
      byte[] plain = keyring.decrypt(text.get(), file.toString());
      return DocumentText.decode(file, plain, diagnostics, false).map(t -> new SourceText(file, t, true));
    } catch (SecretException e) {
      diagnostics.error(SourceRange.of(file, 1, 1),
          "cannot open vault-encrypted " + file.getFileName() + ": " + e.getMessage(), VAULT_HINT);
      return Optional.empty();
    }
  }

  private static Optional<String> utf8(Path file, byte[] bytes, Diagnostics diagnostics) {
    return DocumentText.decode(file, bytes, diagnostics);
  }

  /**
   * Where problems found while reading this text go: straight to {@code target}, or, for decrypted
   * text, marked as coming from inside the vault and printed without their line.
   */
  Diagnostics sink(Diagnostics target) {
    return decrypted ? new Diagnostics() : target;
  }

  /** Moves what {@link #sink} collected for a decrypted file into {@code target}. */
  void drain(Diagnostics sink, Diagnostics target) {
    if (sink == target) {
      return;
    }
    for (Diagnostic d : sink.all()) {
      target.add(new Diagnostic(d.severity(), d.message() + " (inside the decrypted vault)", d.at(), d.hint(),
          false));
    }
  }
}
