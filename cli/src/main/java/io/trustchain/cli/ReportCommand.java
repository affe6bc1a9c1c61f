package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.cli.report.FleetPosture;
import io.trustchain.cli.report.PostureHtml;
import io.trustchain.facts.FactParseException;
import io.trustchain.facts.FactsJson;
import io.trustchain.facts.HostFacts;
import io.trustchain.inventory.Inventory;
import io.trustchain.run.FactsSource;
import io.trustchain.run.Fleet;
import io.trustchain.run.Parallel;
import io.trustchain.run.Target;
import io.trustchain.transport.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code trustchain report --format html}: the fleet's posture as one self-contained HTML page, from
 * live facts ({@code -i}, or ansible.cfg's inventory when no {@code --from} is given) and/or from JSON
 * files: {@code facts --format json}, saved plans ({@code plan --out}, {@code --report-json}) and
 * apply reports ({@code apply --report-json}).
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
    description = "Write the fleet's posture as one self-contained HTML page (live facts, or facts/plan/apply JSON files).")
final class ReportCommand implements Callable<Integer> {

  enum ReportFormat { html }

  @Inject Context ctx;
  @Mixin InventoryOption inventory;
  @Mixin ConnectOptions connect;

  @Option(names = "--format", defaultValue = "html", description = "html (the only format).")
  ReportFormat format;

  @Option(names = "--from", paramLabel = "FILE", arity = "1..*",
      description = "JSON files to report on: facts --format json, plan --out/--report-json, apply --report-json.")
  List<Path> from = new ArrayList<>();

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the page to FILE (default: standard output).")
  Path out;

  @Option(names = "--title", defaultValue = "trustchain: fleet posture", description = "The page's title.")
  String title;

  @Override
  public Integer call() throws Exception {
    FleetPosture fleet = new FleetPosture();
    List<String> sources = new ArrayList<>();
    boolean allReachable = true;
    if (inventory.inventory != null || from.isEmpty()) {
      Map<String, HostFacts> live = gather();
      allReachable = live.values().stream().allMatch(HostFacts::reachable);
      fleet.add("live facts", FactsJson.write(live));
      sources.add("live facts");
    }
    for (Path f : from) {
      Path file = ctx.environment.cwd().resolve(f);
      try {
        fleet.add(f.toString(), Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw UserException.usage(e instanceof java.nio.file.NoSuchFileException ? f + ": no such file" : e.getMessage());
      }
      sources.add(f.getFileName().toString());
    }
    String html = PostureHtml.render(title, Instant.now(), sources, fleet.hosts());
    if (out != null) {
      ReportOptions.write(ctx.environment.cwd().resolve(out), html);
    } else {
      ctx.out.print(html);
    }
    ctx.out.flush();
    return allReachable ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private Map<String, HostFacts> gather() throws Exception {
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
        } catch (TransportException e) {
          return HostFacts.unreachable(io.trustchain.facts.HostErrorKind.of(e), e.getMessage());
        } catch (FactParseException e) {
          return HostFacts.unreachable(io.trustchain.facts.HostErrorKind.FACTS_SCRIPT_FAILED, e.getMessage());
        } finally {
          fleet.forget(t);
        }
      });
      for (int i = 0; i < targets.size(); i++) {
        ordered.put(targets.get(i).host(), gathered.get(i));
      }
    }
    return ordered;
  }
}
