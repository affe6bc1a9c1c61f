package io.trustchain.run.report;

import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Plan;
import io.trustchain.plan.SamplePlans;
import io.trustchain.run.ChangeOutcome;
import io.trustchain.run.HostOutcome;
import io.trustchain.run.HostRun;
import io.trustchain.run.NotConverged;
import io.trustchain.run.RolloutResult;
import io.trustchain.run.RunIdentity;
import io.trustchain.run.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A rollout over {@link SamplePlans#fleet()}: a change failed in the device's words, one host not attempted. */
final class ReportFixtures {

  static final String KEY = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX";
  static final Plan PLAN = SamplePlans.fleet();
  static final RunIdentity ME = new RunIdentity("00ff00ff00ff00ff", "alice", "alice@laptop", 42, Optional.empty());
  static final RunInfo INFO = new RunInfo(ME, "apply", Optional.of("plan.json"), Instant.parse("2025-03-01T10:20:00Z"),
      Serial.parse("2"), OptionalInt.of(0), Optional.empty(), "0.1.0");

  private ReportFixtures() {}

  static RolloutResult result() {
    HostPlan catalina = PLAN.hosts().get(0);
    List<Change> changes = catalina.changes();
    HostOutcome failed = new HostOutcome("mac-catalina", HostOutcome.Status.FAILED,
        Optional.of("user[bob]: `dscl . -create /Users/bob UserShell /bin/zsh` exited 1"),
        List.of(new ChangeOutcome(changes.get(0), ChangeOutcome.Status.APPLIED, "applied", "Creating user record…"),
            new ChangeOutcome(changes.get(1), ChangeOutcome.Status.FAILED, "`dscl` exited 1",
                "<dscl_cmd> DS Error: -14120 (eDSPermissionError)\nrecovery key " + KEY + " -password hunter2"),
            new ChangeOutcome(changes.get(2), ChangeOutcome.Status.NOT_RUN, "not run: the host stopped earlier", "")),
        List.of(), List.of());
    HostPlan sonoma = PLAN.hosts().get(1);
    HostOutcome converged = new HostOutcome("mac-sonoma", HostOutcome.Status.NOT_CONVERGED, Optional.empty(), List.of(),
        List.of(new NotConverged(sonoma.changes().get(0), "- Done!")), List.of(sonoma.changes().get(1)));
    return new RolloutResult(List.of(
        new HostRun("mac-catalina", failed, Duration.ofMillis(1500), 1, List.of("broke the expired apply lock of run x")),
        new HostRun("mac-sonoma", converged, Duration.ofMillis(250), 1, List.of())),
        List.of(List.of("mac-catalina", "mac-sonoma"), List.of("mac-ventura", "mac-offline")),
        Optional.of("the rollout halted after batch 1 of 2: 2 of 2 hosts failed (100%, more than --max-fail-percent 0)"),
        List.of("mac-ventura", "mac-offline"));
  }
}
