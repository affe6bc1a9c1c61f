package io.trustchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.run.RunPhase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines a pipe or a CI log gets while a run goes: each stamped with the clock's local time. */
class PlainProgressTest {

  private static final ResourceAddress ALICE = ResourceAddress.of("user", "alice");

  /** A clock that stays where it is set. */
  private static final class SetClock extends Clock {
    private final ZoneId zone;
    private Instant now;

    SetClock(Instant now, ZoneId zone) {
      this.now = now;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      return new SetClock(now, z);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void eachLineCarriesTheTimeOfItsOwnSecondInTheClocksZone() {
    StringWriter text = new StringWriter();
    SetClock clock = new SetClock(Instant.parse("2026-03-29T00:59:59.600Z"), ZoneId.of("Europe/Paris"));
    PlainProgress progress = new PlainProgress(new PrintWriter(text), clock);

    progress.phaseStarted(RunPhase.planning(2));
    clock.now = Instant.parse("2026-03-29T00:59:59.999Z");
    progress.note("same second");
    // Paris goes from UTC+1 to UTC+2 at 01:00 UTC that day: the next second is 03:00:00 there
    clock.now = Instant.parse("2026-03-29T01:00:00.000Z");
    progress.note("next second");
    clock.now = Instant.parse("2026-03-29T01:00:07.250Z");
    progress.phaseFinished(RunPhase.planning(2));

    assertThat(text.toString()).isEqualTo(String.join(System.lineSeparator(),
        "01:59:59 planning: 2 hosts", "01:59:59 same second", "03:00:00 next second", "03:00:07 planning: done", ""));
  }

  @Test
  void aPlannedHostSaysHowManyChangesOrWhyNot() {
    StringWriter text = new StringWriter();
    SetClock clock = new SetClock(Instant.parse("2026-12-04T10:15:30Z"), ZoneOffset.UTC);
    PlainProgress progress = new PlainProgress(new PrintWriter(text), clock);
    Attributes none = Attributes.of(Map.of());
    Change create = new Change.Create(ALICE, none, List.of(), "absent");
    Change noOp = new Change.NoOp(ResourceAddress.of("user", "bob"), none, "as declared");
    Change update = new Change.Update(ResourceAddress.of("user", "carol"), none, none, List.of(), "shell differs",
        List.of());

    progress.hostPlanned(plan("mac-a", Optional.empty(), List.of(create, noOp, update), List.of()));
    progress.hostPlanned(plan("mac-b", Optional.empty(), List.of(noOp), List.of()));
    progress.hostPlanned(plan("mac-c", Optional.empty(), List.of(create),
        List.of(PlanProblem.of(ALICE, "no", "fix it"), PlanProblem.of(ALICE, "still no", "fix it"))));
    progress.hostPlanned(plan("mac-d\rforged", Optional.of("unreachable"), List.of(), List.of()));

    assertThat(text.toString().split(System.lineSeparator())).containsExactly(
        "10:15:30 mac-a: planned in ?: 2 to change",
        "10:15:30 mac-b: planned in ?: no changes",
        "10:15:30 mac-c: planned in ?: 2 problem(s)",
        "10:15:30 mac-d forged: planned in ?: cannot be planned: unreachable");
  }

  private static HostPlan plan(String host, Optional<String> error, List<Change> changes, List<PlanProblem> problems) {
    return new HostPlan(host, Optional.empty(), error, "sha256:x", changes, problems);
  }
}
