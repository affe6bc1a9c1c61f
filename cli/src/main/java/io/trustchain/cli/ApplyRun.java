package io.trustchain.cli;

import io.trustchain.plan.Plan;
import io.trustchain.run.Applying;
import io.trustchain.run.Fleet;
import io.trustchain.run.HostLocks;
import io.trustchain.run.LockInspector;
import io.trustchain.run.Rollout;
import io.trustchain.run.RolloutResult;
import io.trustchain.run.RunIdentity;
import io.trustchain.run.Shard;
import io.trustchain.run.StopSignal;
import io.trustchain.run.Target;
import io.trustchain.run.report.ApplyJson;
import io.trustchain.run.report.ApplyText;
import io.trustchain.run.report.AuditLog;
import io.trustchain.run.report.Interruptions;
import io.trustchain.run.report.JunitReport;
import io.trustchain.run.report.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The rollout of an apply, saved plan or not: locks, batches, reports, audit log, the exit code. */
final class ApplyRun {

  private final Context ctx;
  private final Session session;
  private final Fleet fleet;
  private final ConnectOptions connect;
  private final RolloutOptions rollout;
  private final ReportOptions reports;
  private final AuditOptions audit;
  private final RunIdentity me;
  private final Instant started;
  private final boolean json;
  private final boolean color;
  private final LockInspector inspector;
  private final int verbosity;

  ApplyRun(Context ctx, Session session, Fleet fleet, ConnectOptions connect, RolloutOptions rollout,
      ReportOptions reports, AuditOptions audit, RunIdentity me, Instant started, boolean json, boolean color,
      LockInspector inspector, int verbosity) {
    this.verbosity = verbosity;
    this.ctx = ctx;
    this.session = session;
    this.fleet = fleet;
    this.connect = connect;
    this.rollout = rollout;
    this.reports = reports;
    this.audit = audit;
    this.me = me;
    this.started = started;
    this.json = json;
    this.color = color;
    this.inspector = inspector;
  }

  int run(List<Target> targets, Plan plan, Optional<String> savedPlan, Optional<Shard> shard) {
    RunInfo info = new RunInfo(me, "apply", savedPlan, started, rollout.serial(), rollout.maxFailPercent(),
        shard.map(Shard::toString), Version.engine());
    Optional<AuditLog> log = auditLog(info);
    HostLocks locks = new HostLocks(me, "apply", session.commandTimeout(), rollout.lockTimeout(),
        rollout.forceUnlock(), inspector);
    List<Interruptions.Reported> interrupted = log.map(l -> Interruptions.judge(l.interrupted(), plan,
        savedPlan.isPresent())).orElse(List.of());
    log.ifPresent(l -> l.reported(interrupted));
    Applying applying = new Applying(fleet, session.facts(), session.planner(), session.commandTimeout(), locks,
        log.<io.trustchain.run.ApplyJournal>map(l -> l).orElse(io.trustchain.run.ApplyJournal.NONE),
        session.secrets());
    Rollout.Options options = new Rollout.Options(rollout.serial(), rollout.maxFailPercent(), connect.forks(ctx.config));
    StopSignal stop = StopSignal.create();
    RolloutResult result;
    try (ProgressView progress = ctx.progress(json, verbosity, color);
         Interrupts ctrlC = Interrupts.during(stop, locks, progress, me.runId())) {
      result = new Rollout(fleet, session.facts(), applying, locks, session.commandTimeout(), savedPlan.isPresent(),
          options, progress, stop, r -> log.ifPresent(l -> l.hostFinished(r))).run(targets, plan.hosts());
    }
    log.ifPresent(l -> l.finished(result));
    Instant finished = Instant.now();
    if (json) {
      ctx.out.println(ApplyJson.write(result, info, finished, interrupted));
    } else if (savedPlan.isPresent() || plan.hasChanges() || !result.ok() || !interrupted.isEmpty()
        || result.hosts().stream().anyMatch(h -> !h.notes().isEmpty())) {
      ctx.out.println();
      ctx.out.print(new ApplyText(color).render(result, interrupted));
    }
    ctx.out.flush();
    reports.junit(ctx.environment).ifPresent(f -> ReportOptions.write(f, JunitReport.apply(plan, result, started)));
    reports.json(ctx.environment).ifPresent(f -> ReportOptions.write(f, ApplyJson.write(result, info, finished,
        interrupted)));
    Optional<String> auditProblem = log.flatMap(AuditLog::problem);
    auditProblem.ifPresent(p -> {
      ctx.err.println("error: " + p);
      ctx.err.flush();
    });
    if (stop.stopped()) {
      ctx.err.println("trustchain: " + Interrupts.REASON + "; exit " + Interrupts.EXIT);
      ctx.err.flush();
      return Interrupts.EXIT;
    }
    return result.ok() && auditProblem.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private Optional<AuditLog> auditLog(RunInfo info) {
    Optional<Path> file = audit.file(ctx.environment);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AuditLog.open(file.get(), info));
    } catch (IOException e) {
      throw new UserException(ExitCodes.FAILED, "cannot write the audit log " + file.get() + ": " + e.getMessage()
          + " (choose another with --audit-log FILE, or --no-audit-log)");
    }
  }
}
