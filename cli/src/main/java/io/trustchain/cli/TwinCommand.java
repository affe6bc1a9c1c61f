package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.cli.twin.TwinEscrow;
import io.trustchain.cli.twin.TwinInventory;
import io.trustchain.cli.twin.TwinScenario;
import io.trustchain.cli.twin.TwinSecrets;
import io.trustchain.facts.FactsJson;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.inventory.Inventory;
import io.trustchain.planner.TokenHolders;
import io.trustchain.run.Target;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.ManagedAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trustchain lab twin FACTS.json [PLAYBOOK…]}: the fleet's twin, a lab fleet that reproduces the
 * gathered state of real Macs (facts JSON, as {@code facts --format json [PLAYBOOK…]} prints it) with every
 * secret replaced by a generated one, to rehearse a playbook (plan, apply, logins, reboots, days passing) on a
 * copy of production. The inventory ({@code -i}) gives the groups and the variables; the playbooks say which
 * secret is whose password, so the twin's accounts take the generated password the twin's variables hold.
 */
@Command(name = "twin", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
    description = "Build a lab fleet that reproduces gathered facts (secrets generated), to rehearse playbooks.")
final class TwinCommand implements Callable<Integer> {

  @Inject Context ctx;
  @Mixin InventoryOption inventory;
  @Mixin ConnectOptions connect;

  @Parameters(index = "0", paramLabel = "FACTS.json", description = "Facts of the real Macs (facts --format json).")
  Path factsFile;

  @Parameters(index = "1..*", paramLabel = "PLAYBOOK", arity = "0..*",
      description = "The playbooks to rehearse: their secrets become the twin's generated passwords.")
  List<Path> playbooks = List.of();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "twin", description = "Where the twin goes (default twin/).")
  Path out;

  @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "22400",
      description = "The first loopback port of the twin's Macs (default 22400).")
  int basePort;

  @Override
  public Integer call() throws Exception {
    Path dir = ctx.environment.cwd().resolve(out).normalize();
    Map<String, HostFacts> facts;
    try {
      facts = FactsJson.read(Files.readString(ctx.environment.cwd().resolve(factsFile)));
    } catch (IOException e) {
      throw UserException.usage(factsFile + ": " + e.getMessage());
    }
    if (Files.exists(dir.resolve("inventory.yml"))) {
      throw new UserException(ExitCodes.FAILED, dir + " already holds a twin; remove it or give --out another folder");
    }
    Session session = ctx.session(connect);
    Inventory inv;
    List<Target> targets;
    if (playbooks.isEmpty()) {
      inv = ctx.inventory(inventory, session);
      targets = ctx.hosts(inv, connect, session);
    } else {
      var loaded = ctx.load(inventory, playbooks, connect, session);
      inv = loaded.inventory();
      targets = loaded.targets();
    }
    Map<String, Target> byHost = new LinkedHashMap<>();
    targets.forEach(t -> byHost.put(t.host(), t));
    TwinSecrets secrets = new TwinSecrets();
    Secret vaultPassword = Secret.of(secrets.fresh());
    Map<String, Integer> ports = new LinkedHashMap<>();
    Map<String, Map<SecretRef, String>> accountOf = new LinkedHashMap<>();
    Map<String, String> user = new LinkedHashMap<>();
    int port = basePort;
    for (Map.Entry<String, HostFacts> e : facts.entrySet()) {
      String host = e.getKey();
      HostFacts f = e.getValue();
      if (!f.reachable() || f.os() == null) {
        ctx.err.println("warning: " + host + " was not reachable when its facts were read; the twin leaves it out");
        continue;
      }
      if (f.notUnderstood().stream().anyMatch(n -> n.touchesAny())) {
        ctx.err.println("warning: " + host + " printed what trustchain did not understand ("
            + String.join(", ", f.notUnderstood().stream().flatMap(n -> n.facts().stream()).distinct().toList())
            + "); the twin leaves it out rather than guess");
        continue;
      }
      if (!byHost.containsKey(host) || inv.host(host).isEmpty()) {
        ctx.err.println("warning: " + host + " is not in the inventory (or the playbooks' hosts); the twin leaves it out");
        continue;
      }
      Target t = byHost.get(host);
      Map<SecretRef, String> accounts = new LinkedHashMap<>();
      ConnectionSpec spec = t.connection();
      spec.becomePassword().ifPresent(ref -> accounts.put(ref, spec.user()));
      for (ManagedAccount a : TokenHolders.managed(t.resources()).values()) {
        if (a.password() != null) {
          accounts.putIfAbsent(a.password(), a.name());
        }
      }
      accountOf.put(host, accounts);
      user.put(host, spec.user());
      ports.put(host, port++);
      boolean listed = f.users().stream().map(UserFacts::name).anyMatch(spec.user()::equals);
      String key = f.filevault() != null && (f.filevault().personalRecoveryKey() || f.filevault().pendingRecoveryPlist())
          ? secrets.recoveryKey() : null;
      write(dir.resolve("scenarios").resolve(host + ".yml"), new TwinScenario(host, f, key,
          listed ? null : spec.user()).yaml(), false);
      for (UserFacts u : f.users()) {
        write(dir.resolve("secrets").resolve(host).resolve(u.name()), secrets.password(u.name()) + "\n", true);
      }
      if (!listed) {
        write(dir.resolve("secrets").resolve(host).resolve(spec.user()), secrets.password(spec.user()) + "\n", true);
      }
      TwinEscrow.write(dir.resolve("escrow"), host, f, key, vaultPassword, secrets);
    }
    if (ports.isEmpty()) {
      throw new UserException(ExitCodes.FAILED, factsFile + " has no reachable host of the inventory: no twin made");
    }
    write(dir.resolve("vault-password"), new String(vaultPassword.reveal()) + "\n", true);
    TwinInventory twin = new TwinInventory(inv, vaultPassword, secrets);
    write(dir.resolve("inventory.yml"), twin.yaml(ports, accountOf, user, h -> inv.magicVars(inv.host(h).orElseThrow())),
        false);
    write(dir.resolve("ansible.cfg"), "[defaults]\ninventory = inventory.yml\nvault_password_file = vault-password\n",
        false);
    twin.warnings().forEach(w -> ctx.err.println("warning: " + w));
    for (Map.Entry<String, Integer> e : ports.entrySet()) {
      HostFacts f = facts.get(e.getKey());
      ctx.out.printf("%-16s %-34s 127.0.0.1:%d%n", e.getKey(), f.os().toString(), e.getValue());
    }
    ctx.out.println("Twin of " + ports.size() + (ports.size() == 1 ? " Mac" : " Macs") + " in " + out
        + ". Rehearse: trustchain plan -i " + out.resolve("inventory.yml") + " --vault-password-file "
        + out.resolve("vault-password") + " PLAYBOOK");
    ctx.out.flush();
    return ExitCodes.OK;
  }

  private static void write(Path file, String text, boolean secret) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    if (secret) {
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's permissions protect it
      }
    }
  }
}
