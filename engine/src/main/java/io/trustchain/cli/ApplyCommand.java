package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.plan.Plan;
import io.trustchain.plan.render.HumanRenderer;
import io.trustchain.run.Applying;
import io.trustchain.run.Fleet;
import io.trustchain.run.HostOutcome;
import io.trustchain.run.Loaded;
import io.trustchain.run.report.ApplyJson;
import io.trustchain.run.report.ApplyText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code trustchain apply}: plan, confirm (unless {@code --yes}), apply host by host with a fresh read
 * before each change, then verify by gathering and planning again.
 */
@Command(name = "apply", description = "Plan, confirm, apply, then verify that every host converged.")
final class ApplyCommand implements Callable<Integer> {

  @Inject Context ctx;
  @ParentCommand RootCommand root;
  @Mixin InventoryOption inventory;
  @Mixin ConnectOptions connect;

  @Parameters(paramLabel = "PLAYBOOK", arity = "1..*", description = "Playbooks with the desired state.")
  List<Path> playbooks;

  @Option(names = {"-y", "--yes"}, description = "Apply without asking (required when not run from a terminal).")
  boolean yes;

  @Option(names = "--format", defaultValue = "text", description = "text or json (the apply report).")
  Format format;

  @Override
  public Integer call() throws Exception {
    if (!yes && !ctx.environment.terminal()) {
      throw UserException.usage("apply needs --yes when it is not run from a terminal (nobody can confirm)");
    }
    boolean json = format == Format.json;
    boolean color = root.global.color(ctx.environment);
    Session session = ctx.session(connect);
    Loaded loaded = ctx.load(inventory, playbooks, connect, session);
    try (Fleet fleet = session.fleet()) {
      Plan plan = PlanCommand.plan(ctx, session, fleet, loaded, connect, json);
      if (!json) {
        ctx.out.println(new HumanRenderer(color, root.global.verbose()).render(plan));
        ctx.out.flush();
      }
      if (plan.hasChanges() && !yes && !confirmed(plan)) {
        ctx.out.println("Apply cancelled.");
        ctx.out.flush();
        return ExitCodes.FAILED;
      }
      List<HostOutcome> outcomes = new Applying(fleet, session.facts(), session.planner(), session.commandTimeout())
          .applyAll(loaded.targets(), plan.hosts(), connect.forks(ctx.config), ctx.progress(json));
      if (json) {
        ctx.out.println(ApplyJson.write(outcomes, Version.engine()));
      } else if (plan.hasChanges() || outcomes.stream().anyMatch(o -> !o.ok())) {
        ctx.out.println();
        ctx.out.print(new ApplyText(color).render(outcomes));
      }
      ctx.out.flush();
      return outcomes.stream().allMatch(HostOutcome::ok) ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  private boolean confirmed(Plan plan) throws IOException {
    ctx.out.print("\nApply these changes? Only 'yes' will be accepted: ");
    ctx.out.flush();
    String answer = new BufferedReader(new InputStreamReader(ctx.environment.stdin(), StandardCharsets.UTF_8)).readLine();
    return "yes".equals(answer == null ? null : answer.strip());
  }
}
