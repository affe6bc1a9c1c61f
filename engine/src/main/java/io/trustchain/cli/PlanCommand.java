package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Plan;
import io.trustchain.plan.render.HumanRenderer;
import io.trustchain.plan.render.JsonRenderer;
import io.trustchain.run.Fleet;
import io.trustchain.run.Loaded;
import io.trustchain.run.Planning;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code trustchain plan}: what apply would change, host by host, from each Mac's real state. */
@Command(name = "plan", description = "Show what apply would change, host by host, from each Mac's real state.")
final class PlanCommand implements Callable<Integer> {

  @Inject Context ctx;
  @ParentCommand RootCommand root;
  @Mixin InventoryOption inventory;
  @Mixin ConnectOptions connect;

  @Parameters(paramLabel = "PLAYBOOK", arity = "1..*", description = "Playbooks with the desired state.")
  List<Path> playbooks;

  @Option(names = "--format", defaultValue = "text", description = "text or json (the versioned plan).")
  Format format;

  @Option(names = "--detailed-exitcode",
      description = "Exit 0 when nothing differs, 2 when there are changes, 1 on failure.")
  boolean detailedExitcode;

  @Override
  public Integer call() throws Exception {
    Session session = ctx.session(connect);
    Loaded loaded = ctx.load(inventory, playbooks, connect, session);
    Plan plan = PlanCommand.plan(ctx, session, loaded, connect, format == Format.json);
    ctx.out.print(format == Format.json ? new JsonRenderer().render(plan) + "\n"
        : new HumanRenderer(root.global.color(ctx.environment), root.global.verbose()).render(plan) + "\n");
    ctx.out.flush();
    if (!plan.ok()) {
      return ExitCodes.FAILED;
    }
    return detailedExitcode && plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
  }

  /** Connect → Gather → Plan for every target; the fleet is closed afterwards. */
  static Plan plan(Context ctx, Session session, Loaded loaded, ConnectOptions connect, boolean machineReadable) {
    try (Fleet fleet = session.fleet()) {
      return plan(ctx, session, fleet, loaded, connect, machineReadable);
    }
  }

  static Plan plan(Context ctx, Session session, Fleet fleet, Loaded loaded, ConnectOptions connect,
      boolean machineReadable) {
    ctx.startLab(fleet, loaded.targets());
    List<HostPlan> hosts = new Planning(fleet, session.facts(), session.planner(), connect.forks(ctx.config),
        ctx.progress(machineReadable)).plan(loaded.targets());
    return new Plan(Plan.FORMAT_VERSION, Instant.now(), Version.engine(), loaded.documentsDigest(), hosts);
  }
}
