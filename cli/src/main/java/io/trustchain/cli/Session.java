package io.trustchain.cli;

import io.trustchain.config.AnsibleConfig;
import io.trustchain.escrow.EscrowSecrets;
import io.trustchain.facts.FactParseException;
import io.trustchain.facts.FactsGatherer;
import io.trustchain.facts.FactsJson;
import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.HostFacts;
import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.planner.Planner;
import io.trustchain.run.FactsSource;
import io.trustchain.run.Fleet;
import io.trustchain.run.HostPlanner;
import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.DefaultSecretResolver;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.VaultPasswords;
import io.trustchain.spi.PlanValidator;
import io.trustchain.transport.Connector;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.ssh.SshAuth;
import io.trustchain.transport.local.LocalConnector;
import io.trustchain.transport.ssh.SshConnector;
import io.trustchain.transport.ssh.SshOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one command needs to reach hosts: the vault keyring (from --vault-* options, the environment
 * and ansible.cfg, as Ansible combines them), the secret resolver, the SSH connector, facts
 * gathering and the planner with the contributed validators.
 */
final class Session {

  private final AnsibleVault keyring;
  private final DefaultSecretResolver secrets;
  /** Each host's escrow store, for {@code escrow:HOST/ITEM} secrets (managed passwords), registered at gather. */
  private final EscrowSecrets escrowSecrets = new EscrowSecrets();
  private final ConnectOptions options;
  private final Duration commandTimeout;
  private final List<PlanValidator> validators;
  private final CliEnvironment environment;
  private final AnsibleConfig config;
  private final Prompts prompts;
  private final java.io.PrintWriter err;
  private final int verbosity;
  private final Optional<SecretRef> becomePassword;

  Session(CliEnvironment environment, AnsibleConfig config, ConnectOptions options, Set<PlanValidator> validators,
      Prompts prompts, java.io.PrintWriter err, int verbosity) {
    this.err = err;
    this.verbosity = verbosity;
    this.options = options;
    this.environment = environment;
    this.config = config;
    this.prompts = prompts;
    this.commandTimeout = options.commandTimeout();
    options.forks(config); // option errors are usage errors, reported before any document is read
    this.validators = List.copyOf(validators);
    List<String> ids = new ArrayList<>(options.vaultIds);
    if (options.askVaultPass(config) && ids.stream().noneMatch(i -> i.equals("@prompt") || i.equals("prompt"))) {
      ids.add(0, "@prompt");
    }
    config.string("vault_identity_list").ifPresent(list ->
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add));
    List<Path> files = new ArrayList<>();
    options.vaultPasswordFiles.forEach(f -> files.add(environment.cwd().resolve(f)));
    config.path("vault_password_file").ifPresent(files::add);
    try {
      this.keyring = new AnsibleVault(VaultPasswords.of(ids, files, environment.env(),
          label -> prompts.secret("Vault password" + (label.equals(VaultPasswords.DEFAULT_LABEL) ? "" : " (" + label + ")")
              + ": ").map(Secret::of)));
    } catch (SecretException e) {
      throw UserException.usage(e.getMessage());
    }
    this.secrets = DefaultSecretResolver.create(environment.env(), keyring).withEscrow(escrowSecrets);
    if (options.askBecomePass(config)) {
      char[] typed = prompts.secret("BECOME password: ").orElseThrow(() -> UserException.usage(
          "-K/--ask-become-pass needs a terminal to type the password at; set ansible_become_password to a secret"
              + " (!secret or !vault) instead"));
      secrets.withPrompted("become password", Secret.of(typed));
      java.util.Arrays.fill(typed, '\0');
      this.becomePassword = Optional.of(new SecretRef.Prompted("become password"));
    } else {
      this.becomePassword = Optional.empty();
    }
  }

  /** The become password typed at {@code -K}, for hosts whose inventory sets none. */
  Optional<SecretRef> becomePassword() {
    return becomePassword;
  }

  /** The run's resolver: validation and the transport share it, so each secret is fetched once. */
  DefaultSecretResolver secrets() {
    return secrets;
  }

  AnsibleVault keyring() {
    return keyring;
  }

  Fleet fleet() {
    SshOptions ssh = SshOptions.defaults()
        .withAcceptNewHostKeys(options.acceptNewHostKeys)
        .withCommandTimeout(commandTimeout);
    SshAuth auth = SshAuth.of(environment.env(), prompts::passphrase);
    LabArtifact lab = LabArtifact.system();
    Connector connector = VerboseConnector.wrap(
        routing(new SshConnector(secrets, ssh, auth), new LocalConnector(secrets, commandTimeout)), err, verbosity);
    return new Fleet(withConnectTimeout(connector, options.connectTimeout(config)), lab::provider);
  }

  Duration commandTimeout() {
    return commandTimeout;
  }

  FactsSource facts() {
    FactsGatherer gatherer = new FactsGatherer();
    Duration timeout = commandTimeout;
    return new FactsSource() {
      @Override
      public HostFacts gather(Transport transport, FactsRequest request) throws TransportException, FactParseException {
        escrowSecrets.register(transport.host(), request.escrow());
        return gatherer.gather(transport, request, timeout);
      }

      @Override
      public FactsGatherer.Embedded embed(ScriptBuilder script, FactsRequest request) {
        if (request.managed().host() != null) {
          escrowSecrets.register(request.managed().host(), request.escrow());
        }
        return gatherer.embed(script, request);
      }

      @Override
      public String digest(HostFacts facts) {
        return FactsJson.digest(facts);
      }
    };
  }

  HostPlanner planner() {
    Planner planner = new Planner();
    return (host, gathered, digest, resources, wayIn) ->
        planner.plan(host, gathered, digest, resources, validators, wayIn);
  }

  /** SSH for most hosts, this machine for those with {@code ansible_connection: local} (pull mode). */
  private static Connector routing(Connector ssh, Connector local) {
    return new Connector() {
      @Override
      public Transport connect(ConnectionSpec s) throws TransportException {
        return s.isLocal() ? local.connect(s) : ssh.connect(s);
      }

      @Override
      public void close() {
        try (local) {
          ssh.close();
        }
      }
    };
  }

  private static Connector withConnectTimeout(Connector connector, Optional<Duration> timeout) {
    if (timeout.isEmpty()) {
      return connector;
    }
    return new Connector() {
      @Override
      public Transport connect(ConnectionSpec s) throws TransportException {
        return connector.connect(s.withConnectTimeout(timeout.get()));
      }

      @Override
      public void close() {
        connector.close();
      }
    };
  }
}
