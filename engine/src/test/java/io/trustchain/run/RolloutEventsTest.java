package io.trustchain.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.facts.FactsRequest;
import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.plan.HostPlan;
import io.trustchain.transport.Connector;
import io.trustchain.transport.TransportException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What a rollout tells its {@link RunListener}, and how a raised {@link StopSignal} stops it. */
class RolloutEventsTest {

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  @Test
  void serialRollout_announcesEachBatchAndHost_inOrder() {
    RolloutResult result = rollout(StopSignal.create(), "2", recorder(null)).run(targets("a", "b", "c"),
        plans("a", "b", "c"));

    assertThat(result.ok()).isTrue();
    assertThat(events.subList(0, 1)).containsExactly("phase applying batch 1/2 (2 hosts)");
    assertThat(events.subList(1, 5)).containsExactlyInAnyOrder("start a", "done a CONVERGED", "start b",
        "done b CONVERGED");
    assertThat(events.subList(5, events.size())).containsExactly("end applying batch 1/2",
        "phase applying batch 2/2 (1 hosts)", "start c", "done c CONVERGED", "end applying batch 2/2");
  }

  @Test
  void stopRaisedDuringABatch_startsNoFurtherHost_andSaysWhy() {
    StopSignal stop = StopSignal.create();
    RolloutResult result = rollout(stop, "1", recorder(stop)).run(targets("a", "b", "c"), plans("a", "b", "c"));

    assertThat(result.hosts()).extracting(HostRun::host).containsExactly("a");
    assertThat(result.notAttempted()).containsExactly("b", "c");
    assertThat(result.halted()).hasValueSatisfying(h -> assertThat(h)
        .startsWith("interrupted (Ctrl-C): no host or change was started after it").endsWith("not attempted: b, c"));
    assertThat(result.ok()).isFalse();
    assertThat(events).doesNotContain("start b", "start c");
  }

  /** Records events; raises {@code stop} once the first host is done. */
  private RunListener recorder(StopSignal stop) {
    return new RunListener() {
      @Override
      public void phaseStarted(RunPhase phase) {
        events.add("phase " + phase + " (" + phase.hosts() + " hosts)");
      }

      @Override
      public void hostStarted(String host) {
        events.add("start " + host);
      }

      @Override
      public void hostApplied(HostRun run) {
        events.add("done " + run.host() + " " + run.outcome().status());
        if (stop != null) {
          stop.stop("interrupted (Ctrl-C)");
        }
      }

      @Override
      public void phaseFinished(RunPhase phase) {
        events.add("end " + phase);
      }
    };
  }

  private static Rollout rollout(StopSignal stop, String serial, RunListener listener) {
    Connector nothing = new Connector() {
      @Override
      public io.trustchain.transport.Transport connect(ConnectionSpec spec) throws TransportException {
        throw new AssertionError("hosts without changes are never connected to");
      }

      @Override
      public void close() {}
    };
    Fleet fleet = new Fleet(nothing);
    RunIdentity me = RunIdentity.detect(Map.of());
    Duration timeout = Duration.ofSeconds(5);
    HostLocks locks = new HostLocks(me, "apply", timeout, Duration.ZERO, Optional.empty());
    return new Rollout(fleet, null, new Applying(fleet, null, null, timeout, locks), locks, timeout, false,
        new Rollout.Options(Serial.parse(serial), OptionalInt.empty(), 1), listener, stop, run -> { });
  }

  private static List<Target> targets(String... hosts) {
    List<Target> out = new ArrayList<>();
    for (String h : hosts) {
      out.add(new Target(h, new ConnectionSpec(h, "127.0.0.1", 22, "u", Optional.empty(), Path.of("kh"), false,
          Optional.empty(), Duration.ofSeconds(1)), List.of(), FactsRequest.none(), Optional.empty()));
    }
    return out;
  }

  private static List<HostPlan> plans(String... hosts) {
    List<HostPlan> out = new ArrayList<>();
    for (String h : hosts) {
      out.add(new HostPlan(h, Optional.empty(), Optional.empty(), "d", List.of(), List.of()));
    }
    return out;
  }
}
