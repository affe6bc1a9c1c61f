package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.facts.FactParseException;
import io.trustchain.facts.FactsJson;
import io.trustchain.facts.HostFacts;
import io.trustchain.inventory.Inventory;
import io.trustchain.run.FactsSource;
import io.trustchain.run.Fleet;
import io.trustchain.run.Parallel;
import io.trustchain.run.Target;
import io.trustchain.transport.TransportException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trustchain facts}: gather each host's facts (one SSH exec per host) and print them. */
@Command(name = "facts", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, description = "Gather and print each Mac's facts (one SSH round trip per host).")
final class FactsCommand implements Callable<Integer> {

  @Inject Context ctx;
  @Mixin InventoryOption inventory;
  @Mixin ConnectOptions connect;

  @Option(names = "--format", defaultValue = "text", description = "text or json (the versioned facts contract).")
  Format format;

  @Override
  public Integer call() throws Exception {
    format.textOrJson("facts");
    Session session = ctx.session(connect);
    Inventory inv = ctx.inventory(inventory, session);
    List<Target> targets = ctx.hosts(inv, connect, session);
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
    ctx.out.print(format == Format.json ? FactsJson.write(ordered) + "\n" : FactsText.render(ordered));
    ctx.out.flush();
    return ordered.values().stream().allMatch(HostFacts::reachable) ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
