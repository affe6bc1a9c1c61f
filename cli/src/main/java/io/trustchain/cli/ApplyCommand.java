package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.plan.Plan;
import io.trustchain.plan.json.SavedPlan;
import io.trustchain.plan.render.HumanRenderer;
import io.trustchain.run.Fleet;
import io.trustchain.run.Loaded;
import io.trustchain.run.LockInspector;
import io.trustchain.run.RunIdentity;
import io.trustchain.run.Shard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code trustchain apply}: plan, confirm (unless {@code --yes}), or take a saved plan (the approval
 * itself); then roll out host by host — locked on the Mac, a fresh read before each change, verified
 * by gathering and planning again — with reports and the audit log.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, description = {
    "Plan, confirm, apply, then verify that every host converged.",
    "With a saved plan (apply PLANFILE): apply exactly its changes, refusing hosts whose facts changed since."})
final class ApplyCommand implements Callable<Integer> {

  @Inject Context ctx;
  @ParentCommand RootCommand root;
  @Mixin InventoryOption inventory;
  @Mixin ConnectOptions connect;
  @Mixin ShardOption shard;
  @Mixin RolloutOptions rollout;
  @Mixin ReportOptions reports;
  @Mixin AuditOptions audit;

  @Parameters(paramLabel = "PLAYBOOK|PLANFILE", arity = "1..*",
      description = "Playbooks with the desired state, or one plan saved by `plan --out`.")
  List<Path> documents;

  @Option(names = {"-y", "--yes"}, description = "Apply without asking (required when not run from a terminal).")
  boolean yes;

  @Option(names = "--format", defaultValue = "text", description = "text or json (the apply report).")
  Format format;

  @Option(names = {"-C", "--check"}, description = "Change nothing: show the plan and stop (as `plan`; Ansible's check mode).")
  boolean check;

  @Option(names = {"-D", "--diff"}, description = "Accepted for Ansible habits: the plan always shows before -> after.")
  boolean diff;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    format.textOrJson("apply");
    rollout.check();
    audit.file(ctx.environment);
    Optional<Shard> selected = shard.shard();
    RunIdentity me = RunIdentity.detect(ctx.environment.env());
    Path first = ctx.environment.cwd().resolve(documents.get(0));
    if (documents.size() == 1 && SavedPlans.looksSaved(first)) {
      if (check) {
        throw UserException.usage("--check shows a plan; to see a saved one: trustchain show " + documents.get(0));
      }
      return saved(first, documents.get(0).toString(), me, started);
    }
    if (check) {
      return checkOnly(selected);
    }
    if (!yes && !ctx.environment.terminal()) {
      throw UserException.usage("apply needs --yes when it is not run from a terminal (nobody can confirm)");
    }
    boolean json = format == Format.json;
    boolean color = root.global.color(ctx.environment);
    Session session = ctx.session(connect);
    Loaded loaded = ctx.shard(ctx.requireHosts(ctx.load(inventory, documents, connect, session), connect), selected);
    try (Fleet fleet = session.fleet()) {
      LockInspector locks = UnlockCommands.inspector(me, inventory.inventory, connect.limit(), shard.shard, documents);
      Plan plan = PlanCommand.plan(ctx, session, fleet, loaded, connect, json, locks, root.global.verbosity(ctx.config),
          color);
      if (!json) {
        ctx.out.println(new HumanRenderer(color, root.global.commands(ctx.config)).render(plan));
        ctx.out.flush();
      }
      if (plan.hasChanges() && !yes && !confirmed()) {
        ctx.out.println("Apply cancelled.");
        ctx.out.flush();
        return ExitCodes.FAILED;
      }
      return new ApplyRun(ctx, session, fleet, connect, rollout, reports, audit, me, started, json, color, locks,
          root.global.verbosity(ctx.config))
          .run(loaded.targets(), plan, Optional.empty(), selected);
    }
  }

  /** {@code apply --check}: Ansible's check mode is our plan. */
  private int checkOnly(Optional<Shard> selected) throws Exception {
    boolean json = format == Format.json;
    Session session = ctx.session(connect);
    Loaded loaded = ctx.shard(ctx.load(inventory, documents, connect, session), selected);
    RunIdentity me = RunIdentity.detect(ctx.environment.env());
    Plan plan = PlanCommand.plan(ctx, session, loaded, connect, json,
        UnlockCommands.inspector(me, inventory.inventory, connect.limit(), shard.shard, documents),
        root.global.verbosity(ctx.config), root.global.color(ctx.environment));
    ctx.out.println(json ? io.trustchain.plan.json.PlanJson.write(SavedPlans.of(plan, loaded,
        inventory.resolve(ctx.environment, ctx.config), connect.limit(), selected, me,
        ctx.environment.cwd())).stripTrailing()
        : new HumanRenderer(root.global.color(ctx.environment), root.global.commands(ctx.config)).render(plan));
    if (!json) {
      ctx.out.println("Check mode: nothing was changed.");
    }
    ctx.out.flush();
    return plan.ok() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** {@code apply PLANFILE}: the saved plan is the approval; no prompt, no {@code --yes} needed. */
  private int saved(Path file, String shown, RunIdentity me, Instant started) throws Exception {
    if (inventory.inventory != null || connect.limit().isPresent() || shard.shard != null) {
      throw UserException.usage("a saved plan applies to the documents and hosts it was made for: drop "
          + "-i/--limit/--shard (make another plan to change them)");
    }
    Path cwd = ctx.environment.cwd();
    SavedPlan saved = SavedPlans.read(file, shown, cwd);
    Session session = ctx.session(connect);
    List<Path> playbooks = saved.source().playbooks().stream().map(d -> cwd.resolve(d.path())).toList();
    Optional<Shard> selected = saved.source().shard().map(Shard::parse);
    Loaded loaded = ctx.shard(ctx.load(cwd.resolve(saved.source().inventory()), playbooks, saved.source().limit(),
        connect, session), selected);
    SavedPlans.checkDocuments(saved, loaded, shown, cwd);
    saved = SavedPlans.withDocumentSecrets(file, shown, cwd, loaded);
    boolean json = format == Format.json;
    boolean color = root.global.color(ctx.environment);
    if (!json) {
      ctx.out.println("Applying the saved plan " + shown + " (made " + saved.plan().createdAt() + " by "
          + saved.source().madeBy().who() + ", run " + saved.source().madeBy().runId()
          + (SavedPlans.moved(saved, cwd) ? ", in " + saved.source().workingDir() : "") + ").");
      ctx.out.flush();
    }
    try (Fleet fleet = session.fleet()) {
      ctx.startLab(fleet, loaded.targets());
      return new ApplyRun(ctx, session, fleet, connect, rollout, reports, audit, me, started, json, color,
          UnlockCommands.forSavedPlan(me, shown), root.global.verbosity(ctx.config))
          .run(loaded.targets(), saved.plan(), Optional.of(shown), selected);
    }
  }

  private boolean confirmed() throws IOException {
    ctx.out.print("\nApply these changes? Only 'yes' will be accepted: ");
    ctx.out.flush();
    String answer = new BufferedReader(new InputStreamReader(ctx.environment.stdin(), StandardCharsets.UTF_8)).readLine();
    return "yes".equals(answer == null ? null : answer.strip());
  }
}
