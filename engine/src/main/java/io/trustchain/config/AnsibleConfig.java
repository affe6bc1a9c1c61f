package io.trustchain.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The few {@code ansible.cfg} settings trustchain honours, found the way Ansible finds its config:
 * {@code $ANSIBLE_CONFIG}, {@code ./ansible.cfg}, {@code ~/.ansible.cfg}, {@code /etc/ansible/ansible.cfg}
 * (first found wins). Relative paths are relative to the config file's folder. Settings read:
 * {@code [defaults] inventory}, {@code vault_password_file}, {@code vault_identity_list},
 * {@code forks}, {@code timeout}.
 */
public record AnsibleConfig(Optional<Path> file, Map<String, String> defaults) {

  public static final AnsibleConfig NONE = new AnsibleConfig(Optional.empty(), Map.of());

  /** The {@code ANSIBLE_*} variables that override [defaults] keys trustchain reads, as in Ansible. */
  static final Map<String, String> ENVIRONMENT = Map.ofEntries(
      Map.entry("ANSIBLE_INVENTORY", "inventory"),
      Map.entry("ANSIBLE_FORKS", "forks"),
      Map.entry("ANSIBLE_REMOTE_USER", "remote_user"),
      Map.entry("ANSIBLE_PRIVATE_KEY_FILE", "private_key_file"),
      Map.entry("ANSIBLE_TIMEOUT", "timeout"),
      Map.entry("ANSIBLE_VAULT_IDENTITY_LIST", "vault_identity_list"),
      Map.entry("ANSIBLE_BECOME_ASK_PASS", "become_ask_pass"),
      Map.entry("ANSIBLE_ASK_VAULT_PASS", "ask_vault_pass"),
      Map.entry("ANSIBLE_NOCOLOR", "nocolor"),
      Map.entry("ANSIBLE_VERBOSITY", "verbosity"));
  private static final java.util.Set<String> PATHS = java.util.Set.of("inventory", "private_key_file");

  /** The config file Ansible would read, with the {@code ANSIBLE_*} variables over it. */
  public static AnsibleConfig find(Map<String, String> env, Path cwd) {
    AnsibleConfig file = findFile(env, cwd);
    Map<String, String> merged = new LinkedHashMap<>(file.defaults());
    ENVIRONMENT.forEach((var, key) -> {
      String value = env.get(var);
      if (value != null && !value.isBlank()) {
        merged.put(key, PATHS.contains(key) ? cwd.resolve(value.strip()).normalize().toString() : value.strip());
      }
    });
    return new AnsibleConfig(file.file(), Map.copyOf(merged));
  }

  /** Ansible's boolean settings: yes/true/on/1 (any case). */
  public boolean flag(String key) {
    return string(key).map(v -> Set.of("yes", "true", "on", "1", "y", "t").contains(v.strip().toLowerCase(Locale.ROOT)))
        .orElse(false);
  }

  private static AnsibleConfig findFile(Map<String, String> env, Path cwd) {
    String explicit = env.get("ANSIBLE_CONFIG");
    String homeEnv = env.get("HOME");
    Path home = Path.of(homeEnv != null && !homeEnv.isBlank() ? homeEnv : System.getProperty("user.home", "/"));
    for (Path candidate : new Path[] {
        explicit == null || explicit.isBlank() ? null : cwd.resolve(explicit),
        cwd.resolve("ansible.cfg"),
        home.resolve(".ansible.cfg"),
        Path.of("/etc/ansible/ansible.cfg")}) {
      if (candidate != null && Files.isRegularFile(candidate)) {
        try {
          return parse(candidate.toAbsolutePath().normalize(), Files.readString(candidate, StandardCharsets.UTF_8));
        } catch (IOException e) {
          return NONE;
        }
      }
    }
    return NONE;
  }

  static AnsibleConfig parse(Path file, String text) {
    Map<String, String> defaults = new LinkedHashMap<>();
    String section = "";
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
        continue;
      }
      int eq = indexOfSeparator(line);
      if (eq > 0 && section.equals("defaults")) {
        defaults.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), stripComment(line.substring(eq + 1)).strip());
      }
    }
    return new AnsibleConfig(Optional.of(file), Map.copyOf(defaults));
  }

  private static int indexOfSeparator(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }

  private static String stripComment(String value) {
    int hash = value.indexOf(" #");
    int semi = value.indexOf(" ;");
    int cut = hash < 0 ? semi : semi < 0 ? hash : Math.min(hash, semi);
    return cut < 0 ? value : value.substring(0, cut);
  }

  /** A setting that names a path, resolved against the config file's folder. */
  public Optional<Path> path(String key) {
    return Optional.ofNullable(defaults.get(key)).filter(v -> !v.isBlank())
        .map(v -> v.startsWith("~/") ? Path.of(System.getProperty("user.home")).resolve(v.substring(2)) : Path.of(v))
        .map(p -> file.map(f -> f.getParent().resolve(p)).orElse(p).normalize());
  }

  public Optional<Integer> integer(String key) {
    try {
      return Optional.ofNullable(defaults.get(key)).map(String::strip).map(Integer::parseInt);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public Optional<String> string(String key) {
    return Optional.ofNullable(defaults.get(key)).filter(v -> !v.isBlank());
  }
}
