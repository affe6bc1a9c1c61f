package io.trustchain.escrow;

import io.trustchain.secret.SecretException;
import io.trustchain.secret.VaultKeyring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded escrow store: a directory of Ansible-Vault-encrypted files, one per host and item,
 * {@code DIR/HOST/ITEM.yml}, each a small YAML document ({@link EntryYaml}) that
 * {@code ansible-vault view} opens with the run's vault password. A new entry replaces the file
 * atomically; the file it replaces is kept once as {@code ITEM.previous.yml}. Folders are created
 * with mode 700 and files with 600 where the file system supports it.
 */
public final class VaultEscrowStore implements EscrowStore {

  static final String SUFFIX = ".yml";
  static final String PREVIOUS_SUFFIX = ".previous.yml";

  private final Path dir;
  private final VaultKeyring keyring;
  private final String vaultId;

  /**
   * @param dir the store's folder (created when missing)
   * @param vaultId the label of the vault password that encrypts (Ansible's {@code --vault-id}),
   *     or null for the first configured password
   */
  public VaultEscrowStore(Path dir, VaultKeyring keyring, String vaultId) {
    this.dir = Objects.requireNonNull(dir, "dir == null").toAbsolutePath().normalize();
    this.keyring = Objects.requireNonNull(keyring, "keyring == null");
    this.vaultId = vaultId;
  }

  /** The file that holds {@code host}'s {@code item}. */
  public Path file(String host, String item) {
    EscrowKeys.check(host, item);
    return dir.resolve(host).resolve(item + SUFFIX);
  }

  @Override
  public void put(EscrowEntry entry) throws EscrowException {
    Path file = file(entry.host(), entry.item());
    byte[] plain = EntryYaml.write(entry).getBytes(StandardCharsets.UTF_8);
    String envelope;
    try {
      envelope = keyring.encrypt(plain, vaultId);
    } catch (SecretException e) {
      throw new EscrowException("cannot encrypt " + entry.item() + " of " + entry.host() + " for the "
          + describe() + ": " + e.getMessage());
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
    try {
      createPrivateDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "." + entry.item(), ".tmp");
      try {
        restrict(tmp);
        Files.writeString(tmp, envelope, StandardCharsets.US_ASCII);
        if (Files.exists(file)) {
          Files.copy(file, file.resolveSibling(entry.item() + PREVIOUS_SUFFIX), StandardCopyOption.REPLACE_EXISTING);
          restrict(file.resolveSibling(entry.item() + PREVIOUS_SUFFIX));
        }
        move(tmp, file);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new EscrowException("cannot write " + file + " (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + "); check that the folder is writable");
    }
  }

  @Override
  public Optional<EscrowEntry> get(String host, String item) throws EscrowException {
    Path file = file(host, item);
    String envelope;
    try {
      envelope = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new EscrowException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    byte[] plain;
    try {
      plain = keyring.decrypt(envelope, file.toString());
    } catch (SecretException e) {
      throw new EscrowException("cannot open " + file + ": " + e.getMessage());
    }
    try {
      return Optional.of(EntryYaml.read(new String(plain, StandardCharsets.UTF_8), host, item, file.toString()));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** Deletes the item's file (its {@code .previous} copy stays: the value that entry replaced, kept once). */
  @Override
  public void remove(String host, String item) throws EscrowException {
    Path file = file(host, item);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new EscrowException("cannot remove " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public boolean canRead() {
    return true;
  }

  @Override
  public String describe() {
    return "vault escrow store " + dir;
  }

  @Override
  public String toString() {
    return describe();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void createPrivateDirectories(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    createPrivateDirectories(folder.getParent());
    try {
      Files.createDirectory(folder);
    } catch (FileAlreadyExistsException e) {
      return;
    }
    try {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the folder keeps its default permissions
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }
}
