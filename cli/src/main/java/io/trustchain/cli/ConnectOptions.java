package io.trustchain.cli;

import io.trustchain.config.AnsibleConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options of every command that reaches hosts or opens vault values. */
public final class ConnectOptions {

  @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN",
      description = "Only these hosts (Ansible host patterns: groups, wildcards, a:b, a:&b, a:!b).")
  String limit;

  @Option(names = {"-f", "--forks"}, paramLabel = "N",
      description = "Hosts worked on at once. Default: ansible.cfg's forks, else 20.")
  Integer forks;

  @Option(names = {"-T", "--timeout"}, paramLabel = "SECONDS",
      description = "SSH connect timeout (overrides ansible_timeout).")
  Integer connectTimeout;

  @Option(names = "--command-timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "How long one remote round trip may take. Default: ${DEFAULT-VALUE}.")
  int commandTimeout;

  @Option(names = "--accept-new-host-keys",
      description = "Trust and record unknown host keys (changed keys are still refused).")
  boolean acceptNewHostKeys;

  @Option(names = "--allow-empty",
      description = "Go on when a play's hosts: pattern, --limit or --shard selects no host (default: exit 1).")
  boolean allowEmpty;

  @Option(names = "--vault-password-file", paramLabel = "FILE",
      description = "A file holding the Ansible Vault password (or a script printing it). Repeatable.")
  List<Path> vaultPasswordFiles = new ArrayList<>();

  @Option(names = "--vault-id", paramLabel = "[LABEL@]FILE|prompt",
      description = "An Ansible vault id: LABEL@FILE, or LABEL@prompt to type the password. Repeatable.")
  List<String> vaultIds = new ArrayList<>();

  @Option(names = {"-J", "--ask-vault-pass", "--ask-vault-password"},
      description = "Type the vault password (as --vault-id @prompt). Also: ANSIBLE_ASK_VAULT_PASS, ansible.cfg.")
  boolean askVaultPass;

  @Option(names = {"-K", "--ask-become-pass"},
      description = "Type the sudo password, for hosts whose inventory sets no ansible_become_password.")
  boolean askBecomePass;

  @Option(names = {"-u", "--user"}, paramLabel = "REMOTE_USER",
      description = "Log in as REMOTE_USER where the inventory sets no ansible_user (then ~/.ssh/config's User). "
          + "Also: ANSIBLE_REMOTE_USER, ansible.cfg's remote_user.")
  String user;

  @Option(names = {"--private-key", "--key-file"}, paramLabel = "FILE",
      description = "Log in with this key where the inventory sets no ansible_ssh_private_key_file. "
          + "Also: ANSIBLE_PRIVATE_KEY_FILE, ansible.cfg's private_key_file.")
  Path privateKey;

  @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
      description = "Variables over all others: key=value, YAML/JSON, or @FILE. Repeatable.")
  List<String> extraVars = new ArrayList<>();

  @Option(names = "--rotate", paramLabel = "HOST:USER", split = ",",
      description = "Rotate USER's managed password on HOST now (plan and apply; HOST may be a pattern such as all).")
  List<String> rotate = new ArrayList<>();

  /** {@code --rotate HOST:USER}: host pattern → users; checked for its shape only (a usage error otherwise). */
  Map<String, java.util.Set<String>> rotation() {
    Map<String, java.util.Set<String>> out = new java.util.LinkedHashMap<>();
    for (String r : rotate) {
      int colon = r.lastIndexOf(':');
      if (colon <= 0 || colon == r.length() - 1) {
        throw UserException.usage("--rotate takes HOST:USER (e.g. mac-01:localadmin), not \"" + r + "\"");
      }
      out.computeIfAbsent(r.substring(0, colon), h -> new java.util.TreeSet<>()).add(r.substring(colon + 1));
    }
    return out;
  }

  Optional<String> limit() {
    return Optional.ofNullable(limit).filter(s -> !s.isBlank());
  }

  int forks(AnsibleConfig config) {
    int n = forks != null ? forks : config.integer("forks").orElse(20);
    if (n < 1) {
      throw UserException.usage("--forks must be at least 1");
    }
    return n;
  }

  Optional<Duration> connectTimeout(AnsibleConfig config) {
    return Optional.ofNullable(connectTimeout).or(() -> config.integer("timeout")).map(Duration::ofSeconds);
  }

  Optional<String> user(AnsibleConfig config) {
    return Optional.ofNullable(user).filter(u -> !u.isBlank()).or(() -> config.string("remote_user"));
  }

  Optional<Path> privateKey(CliEnvironment environment, AnsibleConfig config) {
    return Optional.ofNullable(privateKey).map(p -> environment.cwd().resolve(p))
        .or(() -> config.path("private_key_file"));
  }

  boolean askBecomePass(AnsibleConfig config) {
    return askBecomePass || config.flag("become_ask_pass");
  }

  boolean askVaultPass(AnsibleConfig config) {
    return askVaultPass || config.flag("ask_vault_pass");
  }

  Duration commandTimeout() {
    if (commandTimeout < 1) {
      throw UserException.usage("--command-timeout must be at least 1 second");
    }
    return Duration.ofSeconds(commandTimeout);
  }
}
