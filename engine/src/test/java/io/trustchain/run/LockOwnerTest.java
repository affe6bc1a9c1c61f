package io.trustchain.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LockOwnerTest {

  private static final String FILE = """
      run_id=3f2a9c1e5b7d0a12
      who=octocat
      controller=runner@gh-7
      pid=4242
      ci=https://github.com/acme/macs/actions/runs/9
      command=apply
      acquired=1759737600
      ttl=600
      """;

  @Test
  void parsesTheOwnerFileAndTellsWhenItExpiresOnTheMacsClock() {
    LockOwner o = LockOwner.parse(FILE).orElseThrow();
    assertThat(o.runId()).isEqualTo("3f2a9c1e5b7d0a12");
    assertThat(o.expires()).isEqualTo(OptionalLong.of(1759738200));
    assertThat(o.expiredAt(OptionalLong.of(1759738199))).isFalse();
    assertThat(o.expiredAt(OptionalLong.of(1759738200))).isTrue();
    assertThat(o.expiredAt(OptionalLong.empty())).as("an unknown Mac clock never expires a lock").isFalse();
    assertThat(o.describe()).isEqualTo("run 3f2a9c1e5b7d0a12 of octocat via https://github.com/acme/macs/actions/runs/9 "
        + "(runner@gh-7, pid 4242), taken at 2025-10-06T08:00:00Z, expires at 2025-10-06T08:10:00Z (Mac clock)");
  }

  @Test
  void anOwnerFileWithoutARunIsNoOwnerAndGarbledTimesNeverExpire() {
    assertThat(LockOwner.parse("")).isEmpty();
    assertThat(LockOwner.parse("who=x\n")).isEmpty();
    LockOwner o = LockOwner.parse("run_id=abc\nacquired=soon\nttl=60\n").orElseThrow();
    assertThat(o.expires()).isEmpty();
    assertThat(o.expiredAt(OptionalLong.of(Long.MAX_VALUE))).isFalse();
  }

  @Test
  void theLinesWrittenForThisRunParseBack() {
    RunIdentity me = new RunIdentity("00ff00ff00ff00ff", "alice", "alice@laptop", 7, Optional.empty());
    String text = String.join("\n", LockOwner.lines(me, "apply", 900, "100")) + "\n";
    LockOwner o = LockOwner.parse(text).orElseThrow();
    assertThat(o).isEqualTo(new LockOwner("00ff00ff00ff00ff", "alice", "alice@laptop", "7", "", "apply",
        OptionalLong.of(100), OptionalLong.of(900), o.pidStart()));
    HostLocks locks = new HostLocks(me, "apply", java.time.Duration.ofSeconds(5), java.time.Duration.ZERO,
        Optional.empty(), new LockInspector(me, id -> "trustchain apply --force-unlock " + id + " site.yml"));
    assertThat(locks.heldMessage("mac-1", Optional.of(o))).isEqualTo("mac-1 is locked by another apply: run "
        + "00ff00ff00ff00ff of alice (alice@laptop, pid 7), taken at 1970-01-01T00:01:40Z, expires at "
        + "1970-01-01T00:16:40Z (Mac clock). Wait for it (--lock-timeout), or, if that run is dead, break its lock: "
        + "trustchain apply --force-unlock 00ff00ff00ff00ff site.yml");
  }

  @Test
  void theRunIdentityComesFromTheCiVariablesWhenThereAreSome() {
    RunIdentity gh = RunIdentity.detect(Map.of("GITHUB_ACTOR", "octocat", "GITHUB_SERVER_URL", "https://github.com",
        "GITHUB_REPOSITORY", "acme/macs", "GITHUB_RUN_ID", "9", "USER", "runner", "HOSTNAME", "gh-7"));
    assertThat(gh.who()).isEqualTo("octocat");
    assertThat(gh.controller()).isEqualTo("runner@gh-7");
    assertThat(gh.ci()).contains("https://github.com/acme/macs/actions/runs/9");
    assertThat(gh.runId()).matches("[0-9a-f]{16}");
    RunIdentity gl = RunIdentity.detect(Map.of("GITLAB_USER_LOGIN", "root", "CI_JOB_URL", "https://gitlab.example/j/1",
        "USER", "gitlab-runner", "HOSTNAME", "r1"));
    assertThat(gl.describe()).startsWith("root via https://gitlab.example/j/1 (gitlab-runner@r1, pid ");
    RunIdentity local = RunIdentity.detect(Map.of("USER", "alice", "HOSTNAME", "laptop\nevil"));
    assertThat(local.who()).isEqualTo("alice");
    assertThat(local.controller()).as("one line, whatever the environment says").isEqualTo("alice@laptop?evil");
    assertThat(local.runId()).isNotEqualTo(RunIdentity.detect(Map.of()).runId());
  }
}
