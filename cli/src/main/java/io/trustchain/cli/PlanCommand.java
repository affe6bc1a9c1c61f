package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Plan;
import io.trustchain.plan.json.PlanJson;
import io.trustchain.plan.json.SavedPlan;
import io.trustchain.plan.render.HumanRenderer;
import io.trustchain.plan.render.MarkdownRenderer;
import io.trustchain.run.DesiredDigest;
import io.trustchain.run.Fleet;
import io.trustchain.run.Loaded;
import io.trustchain.run.LockInspector;
import io.trustchain.run.Planning;
import io.trustchain.run.RunIdentity;
import io.trustchain.run.Shard;
import io.trustchain.run.report.JunitReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code trustchain plan}: what apply would change, host by host, from each Mac's real state;
 * optionally saved ({@code --out}) for {@code apply PLANFILE}, and shown as text, JSON or Markdown.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, description = "Show what apply would change, host by host, from each Mac's real state.")
final class PlanCommand implements Callable<Integer> {

  @Inject Context ctx;
  @ParentCommand RootCommand root;
  @Mixin InventoryOption inventory;
  @Mixin ConnectOptions connect;
  @Mixin ShardOption shard;
  @Mixin ReportOptions reports;

  @Parameters(paramLabel = "PLAYBOOK", arity = "1..*", description = "Playbooks with the desired state.")
  List<Path> playbooks;

  @Option(names = "--format", defaultValue = "text",
      description = "text, json (the versioned plan, as --out saves it) or markdown (a pull-request comment).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Save the plan to FILE, for `trustchain apply FILE` (exactly these changes, or nothing).")
  Path out;

  @Option(names = {"-D", "--diff"}, description = "Accepted for Ansible habits: the plan always shows before -> after.")
  boolean diff;

  @Option(names = {"-C", "--check"}, description = "Accepted for Ansible habits: plan never changes anything.")
  boolean check;

  @Option(names = "--detailed-exitcode",
      description = "Exit 0 when nothing differs, 2 when there are changes, 1 on failure.")
  boolean detailedExitcode;

  @Option(names = "--fail-on", paramLabel = "WHAT", split = ",",
      description = "unmanaged-tokens: Secure Token holders no document manages (or managed accounts holding a token"
          + " on some hosts only) count as a difference for --detailed-exitcode (2), else fail the run (1).")
  List<String> failOn = List.of();

  @Override
  public Integer call() throws Exception {
    for (String what : failOn) {
      if (!what.equals("unmanaged-tokens")) {
        throw UserException.usage("--fail-on takes unmanaged-tokens, not \"" + what + "\"");
      }
    }
    Instant started = Instant.now();
    Optional<Shard> selected = shard.shard();
    Session session = ctx.session(connect);
    RunIdentity me = RunIdentity.detect(ctx.environment.env());
    Loaded loaded = ctx.shard(ctx.requireHosts(ctx.load(inventory, playbooks, connect, session), connect), selected);
    boolean machine = format != Format.text;
    boolean saves = format == Format.json || out != null || reports.json(ctx.environment).isPresent();
    Plan plan = plan(ctx, session, loaded, connect, machine,
        UnlockCommands.inspector(me, inventory.inventory, connect.limit(), shard.shard, playbooks),
        root.global.verbosity(ctx.config), root.global.color(ctx.environment), saves);
    // the saved form (each host's desired-state digest) only where it is written: JSON, --out, a JSON report
    Supplier<SavedPlan> saved = memo(() -> SavedPlans.of(plan, loaded, inventory.resolve(ctx.environment, ctx.config),
        connect.limit(), selected, me, ctx.environment.cwd()));
    ctx.out.print(switch (format) {
      case json -> PlanJson.write(saved.get());
      case markdown -> MarkdownRenderer.standard(title(selected)).render(plan);
      case text -> new HumanRenderer(root.global.color(ctx.environment), root.global.commands(ctx.config)).render(plan) + "\n";
    });
    if (out != null) {
      Path file = ctx.environment.cwd().resolve(out);
      ReportOptions.write(file, PlanJson.write(saved.get()));
      if (!machine) {
        ctx.out.println("Saved the plan to " + out + ". To apply exactly these changes: trustchain apply " + out);
      }
    }
    reports.junit(ctx.environment).ifPresent(f -> ReportOptions.write(f, JunitReport.plan(plan, started)));
    reports.json(ctx.environment).ifPresent(f -> ReportOptions.write(f, PlanJson.write(saved.get())));
    ctx.out.flush();
    if (!plan.complete()) {
      return ExitCodes.FAILED;
    }
    boolean tokens = failOn.contains("unmanaged-tokens")
        && (plan.unmanagedTokens() > 0 || !plan.mixedTokens().isEmpty());
    if (tokens && !detailedExitcode) {
      return ExitCodes.FAILED;
    }
    return detailedExitcode && (plan.hasChanges() || plan.hasDrift() || !plan.locked().isEmpty() || tokens)
        ? ExitCodes.CHANGES : ExitCodes.OK;
  }

  private String title(Optional<Shard> selected) {
    StringBuilder t = new StringBuilder("trustchain plan");
    selected.ifPresent(s -> t.append(" (shard ").append(s).append(')'));
    connect.limit().ifPresent(l -> t.append(" (--limit ").append(l).append(')'));
    return t.toString();
  }

  /** {@code make}'s value, made at the first {@code get()} and kept. */
  private static <T> Supplier<T> memo(Supplier<T> make) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = make.get();
        }
        return value;
      }
    };
  }

  /** Connect → Gather → Plan for every target; the fleet is closed afterwards. */
  static Plan plan(Context ctx, Session session, Loaded loaded, ConnectOptions connect, boolean machineReadable,
      LockInspector locks, int verbosity, boolean color) {
    return plan(ctx, session, loaded, connect, machineReadable, locks, verbosity, color, true);
  }

  private static Plan plan(Context ctx, Session session, Loaded loaded, ConnectOptions connect,
      boolean machineReadable, LockInspector locks, int verbosity, boolean color, boolean factsDigests) {
    try (Fleet fleet = session.fleet()) {
      return plan(ctx, session, fleet, loaded, connect, machineReadable, locks, verbosity, color, factsDigests);
    }
  }

  /** Connect → Gather (with a look at each host's lock) → Plan; each host's connection is closed once planned. */
  static Plan plan(Context ctx, Session session, Fleet fleet, Loaded loaded, ConnectOptions connect,
      boolean machineReadable, LockInspector locks, int verbosity, boolean color) {
    return plan(ctx, session, fleet, loaded, connect, machineReadable, locks, verbosity, color, true);
  }

  /**
   * @param factsDigests whether the plan carries the digests apply and a saved plan need: each host's facts', and the
   *     documents' (every host's desired state)
   */
  static Plan plan(Context ctx, Session session, Fleet fleet, Loaded loaded, ConnectOptions connect,
      boolean machineReadable, LockInspector locks, int verbosity, boolean color, boolean factsDigests) {
    ctx.startLab(fleet, loaded.targets());
    List<HostPlan> hosts;
    try (ProgressView progress = ctx.progress(machineReadable, verbosity, color)) {
      Planning planning = new Planning(fleet, session.facts(), session.planner(), connect.forks(ctx.config), progress,
          session.commandTimeout(), locks, factsDigests);
      hosts = planning.plan(loaded.targets());
    }
    // the documents' digest hashes every host's desired state: only a saved plan (and apply) carries it
    String documents = factsDigests ? DesiredDigest.documents(loaded, ctx.environment.cwd()) : "";
    return new Plan(Plan.FORMAT_VERSION, Instant.now(), Version.engine(), documents, hosts);
  }
}
