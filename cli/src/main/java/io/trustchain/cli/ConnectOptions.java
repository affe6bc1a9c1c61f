package io.trustchain.cli;

import io.trustchain.config.AnsibleConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  @Option(names = "--vault-id", paramLabel = "[LABEL@]FILE", description = "An Ansible vault id. Repeatable.")
  List<String> vaultIds = new ArrayList<>();

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

  Optional<Duration> connectTimeout() {
    return Optional.ofNullable(connectTimeout).map(Duration::ofSeconds);
  }

  Duration commandTimeout() {
    if (commandTimeout < 1) {
      throw UserException.usage("--command-timeout must be at least 1 second");
    }
    return Duration.ofSeconds(commandTimeout);
  }
}
