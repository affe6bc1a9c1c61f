package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.facts.FactParseException;
import io.trustchain.facts.FactsJson;
import io.trustchain.facts.HostErrorKind;
import io.trustchain.facts.HostFacts;
import io.trustchain.plan.UnmanagedToken;
import io.trustchain.planner.TokenHolders;
import io.trustchain.run.FactsSource;
import io.trustchain.run.Fleet;
import io.trustchain.run.Parallel;
import io.trustchain.run.Target;
import io.trustchain.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trustchain facts}: gather each host's facts (one SSH exec per host) and print them. */
@Command(name = "facts", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, description = "Gather and print each Mac's facts (one SSH round trip per host).")
final class FactsCommand implements Callable<Integer> {

  @Inject Context ctx;
  @Mixin InventoryOption inventory;
  @Mixin ConnectOptions connect;

  @Option(names = "--format", defaultValue = "text", description = "text or json (the versioned facts contract).")
  Format format;

  @Parameters(paramLabel = "PLAYBOOK", arity = "0..*", description = "Playbooks: read what they need too, and report"
      + " the Secure Token holders they do not manage (unmanaged_tokens).")
  List<Path> playbooks = List.of();

  @Override
  public Integer call() throws Exception {
    format.textOrJson("facts");
    Session session = ctx.session(connect);
    List<Target> targets = playbooks.isEmpty() ? ctx.hosts(ctx.inventory(inventory, session), connect, session)
        : ctx.load(inventory, playbooks, connect, session).targets();
    boolean[] allReachable = {true};
    try (Fleet fleet = session.fleet()) {
      ctx.startLab(fleet, targets);
      FactsSource facts = session.facts();
      FactsJson.HostsWriter json = format == Format.json ? FactsJson.writer(ctx.out) : null;
      // each host is printed once it and the hosts before it are done: memory stays flat in the hosts
      Parallel.forEachInOrder(targets, connect.forks(ctx.config), t -> {
        try {
          return facts.gather(fleet.transport(t), t.needs());
        } catch (TransportException e) {
          return HostFacts.unreachable(HostErrorKind.of(e), e.getMessage());
        } catch (FactParseException e) {
          return HostFacts.unreachable(HostErrorKind.FACTS_SCRIPT_FAILED, e.getMessage());
        } finally {
          fleet.forget(t); // one exec per host: release the connection at once
        }
      }, (t, gathered) -> {
        allReachable[0] &= gathered.usable();
        // with playbooks: the Secure Token holders they do not manage
        List<UnmanagedToken> holders = playbooks.isEmpty() || !gathered.usable() ? null
            : TokenHolders.report(gathered, t.resources()).unmanaged();
        if (json == null) {
          ctx.out.print(FactsText.host(t.host(), gathered, holders == null ? List.of() : holders));
          return;
        }
        try {
          json.host(t.host(), gathered, holders == null ? Map.of() : Map.of("unmanaged_tokens", holders));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      if (json != null) {
        json.close();
        ctx.out.print("\n");
      }
    }
    ctx.out.flush();
    return allReachable[0] ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
