package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.facts.FactParseException;
import io.trustchain.facts.FactsJson;
import io.trustchain.facts.HostFacts;
import io.trustchain.plan.UnmanagedToken;
import io.trustchain.planner.TokenHolders;
import io.trustchain.run.FactsSource;
import io.trustchain.run.Fleet;
import io.trustchain.run.Parallel;
import io.trustchain.run.Target;
import io.trustchain.transport.TransportException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    Map<String, HostFacts> ordered = new LinkedHashMap<>();
    try (Fleet fleet = session.fleet()) {
      ctx.startLab(fleet, targets);
      FactsSource facts = session.facts();
      List<HostFacts> gathered = Parallel.map(targets, connect.forks(ctx.config), t -> {
        try {
          return facts.gather(fleet.transport(t), t.needs());
        } catch (TransportException | FactParseException e) {
          return HostFacts.unreachable(e.getMessage());
        } finally {
          fleet.forget(t); // one exec per host: release the connection at once (memory flat in hosts)
        }
      });
      for (int i = 0; i < targets.size(); i++) {
        ordered.put(targets.get(i).host(), gathered.get(i));
      }
    }
    Map<String, Map<String, Object>> extra = new LinkedHashMap<>();
    Map<String, List<UnmanagedToken>> unmanaged = new LinkedHashMap<>();
    if (!playbooks.isEmpty()) {
      for (Target t : targets) {
        HostFacts f = ordered.get(t.host());
        if (f.reachable()) {
          List<UnmanagedToken> holders = TokenHolders.report(f, t.resources()).unmanaged();
          extra.put(t.host(), Map.of("unmanaged_tokens", holders));
          unmanaged.put(t.host(), holders);
        }
      }
    }
    ctx.out.print(format == Format.json ? FactsJson.write(ordered, extra) + "\n" : FactsText.render(ordered, unmanaged));
    ctx.out.flush();
    return ordered.values().stream().allMatch(HostFacts::reachable) ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
