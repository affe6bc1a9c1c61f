package io.trustchain.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The vault passwords of a run, found where {@code ansible-vault} finds them: {@code --vault-id
 * [label@]FILE} (repeatable), {@code --vault-password-file FILE} (repeatable, label
 * {@code default}) and the file named by {@code ANSIBLE_VAULT_PASSWORD_FILE}. A password file is
 * read (surrounding whitespace removed, as Ansible does); an executable one is run and its standard
 * output is the password (a {@code NAME-client} script is given {@code --vault-id LABEL}). Files are
 * read and scripts run only when a vault value needs them, once per run.
 */
public final class VaultPasswords {

  /** The label Ansible gives a password with none. */
  public static final String DEFAULT_LABEL = "default";

  static final String ENV_PASSWORD_FILE = "ANSIBLE_VAULT_PASSWORD_FILE";
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(30);

  private final List<Entry> entries;

  private VaultPasswords(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** No vault password: every vault value is an error. */
  public static VaultPasswords none() {
    return new VaultPasswords(List.of());
  }

  /**
   * The passwords named on the command line and in the environment.
   *
   * @param vaultIds {@code --vault-id} values, {@code label@FILE} or {@code FILE}
   * @param passwordFiles {@code --vault-password-file} values
   * @param env the environment ({@code ANSIBLE_VAULT_PASSWORD_FILE} is read from it)
   * @throws SecretException a vault id asks for a prompt, or names no file
   */
  public static VaultPasswords of(List<String> vaultIds, List<Path> passwordFiles, Map<String, String> env)
      throws SecretException {
    return of(vaultIds, passwordFiles, env, null);
  }

  /** Asks the operator for the vault password of a label ({@code --vault-id LABEL@prompt}). */
  @FunctionalInterface
  public interface Prompt {
    /** The typed password, or empty when nobody can type one (no terminal). */
    java.util.Optional<Secret> ask(String label);
  }

  /**
   * As {@link #of(List, List, Map)}, with {@code LABEL@prompt} ids (and {@code --ask-vault-pass},
   * which is {@code @prompt}) asked now through {@code prompt}, in the order given, as Ansible does.
   */
  public static VaultPasswords of(List<String> vaultIds, List<Path> passwordFiles, Map<String, String> env,
      Prompt prompt) throws SecretException {
    List<Entry> entries = new ArrayList<>();
    for (String id : vaultIds) {
      int at = id.indexOf('@');
      String label = at < 0 ? DEFAULT_LABEL : id.substring(0, at);
      String source = at < 0 ? id : id.substring(at + 1);
      if (source.isEmpty()) {
        throw new SecretException("--vault-id " + id + " names no password source: pass LABEL@FILE or LABEL@prompt");
      }
      if (source.equals("prompt")) {
        String named = label.isEmpty() ? DEFAULT_LABEL : label;
        java.util.Optional<Secret> typed = prompt == null ? java.util.Optional.empty() : prompt.ask(named);
        if (typed.isEmpty()) {
          throw new SecretException("--vault-id " + id + ": there is no terminal to type the vault password at;"
              + " write it to a file (mode 600) and pass --vault-id " + (at < 0 ? "" : label + "@") + "FILE");
        }
        Entry entry = new Entry(named, "the password typed at the prompt", null);
        entry.loaded = Secret.of(typed.get().reveal());
        entries.add(entry);
        continue;
      }
      entries.add(Entry.file(label.isEmpty() ? DEFAULT_LABEL : label, Path.of(source)));
    }
    for (Path file : passwordFiles) {
      entries.add(Entry.file(DEFAULT_LABEL, file));
    }
    String fromEnv = env.get(ENV_PASSWORD_FILE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      entries.add(Entry.file(DEFAULT_LABEL, Path.of(fromEnv)));
    }
    return new VaultPasswords(entries);
  }

  /** One password given directly (tests, and tools that already hold it). */
  public static VaultPasswords single(String labelOrNull, Secret password) {
    Objects.requireNonNull(password, "password == null");
    Entry entry = new Entry(labelOrNull == null ? DEFAULT_LABEL : labelOrNull, "a password given directly", null);
    entry.loaded = Secret.of(password.reveal());
    return new VaultPasswords(List.of(entry));
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The labels, in the order they are tried. */
  public List<String> labels() {
    return entries.stream().map(e -> e.label).toList();
  }

  List<Entry> entries() {
    return entries;
  }

  @Override
  public String toString() {
    return entries.stream().map(e -> e.label + "@" + e.source).toList().toString();
  }

  /** One password and where it comes from; loaded at most once. */
  static final class Entry {
    final String label;
    final String source;
    private final Path file;
    private Secret loaded;
    private SecretException failed;
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();

    private Entry(String label, String source, Path file) {
      this.label = label;
      this.source = source;
      this.file = file;
    }

    static Entry file(String label, Path file) {
      return new Entry(label, file.toString(), file.toAbsolutePath().normalize());
    }

    /** Loaded once (an executable file is run): a ReentrantLock, since a virtual thread may wait here. */
    Secret password() throws SecretException {
      lock.lock();
      try {
        if (loaded == null && failed == null) {
          try {
            loaded = load();
          } catch (SecretException e) {
            failed = e;
          }
        }
        if (failed != null) {
          throw new SecretException(failed.getMessage());
        }
        return loaded;
      } finally {
        lock.unlock();
      }
    }

    private Secret load() throws SecretException {
      String text;
      try {
        if (Files.isDirectory(file)) {
          throw new SecretException("vault password file " + source + " is a directory; pass the file itself");
        }
        text = Files.isExecutable(file) ? runScript() : Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (NoSuchFileException e) {
        throw new SecretException("vault password file " + source + " does not exist; check --vault-password-file"
            + " and --vault-id");
      } catch (IOException e) {
        throw new SecretException("cannot read vault password file " + source + " (" + e.getClass().getSimpleName()
            + "); check its permissions");
      }
      if (text.isEmpty()) {
        throw new SecretException("vault password file " + source + " holds no password");
      }
      return Secret.of(text);
    }

    private String runScript() throws IOException, SecretException {
      List<String> argv = new ArrayList<>(List.of(file.toString()));
      if (isClientScript(file)) {
        argv.addAll(List.of("--vault-id", label));
      }
      try {
        ProcessRunner.Result result = ProcessRunner.run(argv, file.getParent(), SCRIPT_TIMEOUT);
        if (result.exitCode() == 2 && isClientScript(file)) {
          throw new SecretException("vault password client script " + source + " has no password for vault id "
              + label);
        }
        if (result.exitCode() != 0) {
          throw new SecretException("vault password script " + source + " exited with status " + result.exitCode()
              + "; run it yourself to see why, or remove its executable bit if it is a plain password file");
        }
        String out = new String(result.stdout(), StandardCharsets.UTF_8);
        return out.replaceAll("^[\\r\\n]+|[\\r\\n]+$", "");
      } catch (ProcessRunner.TimedOut e) {
        throw new SecretException("vault password script " + source + " did not finish within "
            + SCRIPT_TIMEOUT.toSeconds() + " s");
      }
    }

    /** Ansible's rule: {@code NAME-client} or {@code NAME-client.EXT}. */
    static boolean isClientScript(Path file) {
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      String stem = dot > 0 ? name.substring(0, dot) : name;
      return stem.endsWith("-client");
    }
  }
}
