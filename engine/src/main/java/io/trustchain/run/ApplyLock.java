package io.trustchain.run;

import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import io.trustchain.transport.ShellQuote;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The apply lock on a Mac (safety invariant 6), as framed sections ({@code lock:…} keys) that go into
 * the execs apply sends anyway, or into an exec of their own:
 *
 * <ul>
 *   <li>look: the owner file and the Mac's clock, read in the facts exec (nothing is changed);
 *   <li>take: {@code mkdir /var/db/trustchain/apply.lock} is the atomic test-and-set (it fails with
 *       {@code File exists} when another run holds it); the winner writes {@code owner} in the same
 *       exec, with {@code acquired} from the Mac's own clock, and {@code tc_lk} is 1; the loser reads
 *       the holder's owner file;
 *   <li>break (an expired lock, a dead run's, or {@code --force-unlock}): {@code mv} the lock to a name
 *       only this run uses, check that it is still the lock that was judged breakable, then remove it;
 *       if another run got there first, put it back;
 *   <li>release: remove the lock only when its owner file names this run;
 *   <li>keep (a command that timed out is not known dead): the lock stays, its owner file marked {@code stuck=}.
 * </ul>
 */
final class ApplyLock {

  static final String PARENT = "/var/db/trustchain";
  static final String LOCK = PARENT + "/apply.lock";
  static final String OWNER = LOCK + "/owner";

  /** What a look found: no lock, or one (its owner empty when the owner file is missing or unreadable). */
  sealed interface Look {
    record Free(OptionalLong macNow) implements Look {}

    record Held(Optional<LockOwner> owner, OptionalLong macNow) implements Look {}

    record Unknown(String why) implements Look {}
  }

  /** The result of one attempt to take the lock. */
  sealed interface Attempt {
    record Acquired(OptionalLong macNow) implements Attempt {}

    /** Another run holds it; {@code owner} is empty when its owner file is missing or unreadable. */
    record Held(Optional<LockOwner> owner, OptionalLong macNow) implements Attempt {}

    record Failed(String why) implements Attempt {}
  }

  /** The result of breaking a lock. */
  sealed interface Break {
    record Broken(Optional<LockOwner> owner) implements Break {}

    /** Nothing to break any more (released meanwhile), or another run broke it first. */
    record Moot() implements Break {}

    record Failed(String why) implements Break {}
  }

  /** The result of releasing. */
  sealed interface Release {
    record Released() implements Release {}

    /** The lock is gone or held by another run (it was broken): nothing was removed. */
    record NotOurs(Optional<LockOwner> holder) implements Release {}

    record Failed(String why) implements Release {}
  }

  private final RunIdentity me;
  private final Duration timeout;

  ApplyLock(RunIdentity me, Duration commandTimeout) {
    this.me = me;
    this.timeout = commandTimeout;
  }

  RunIdentity me() {
    return me;
  }

  // ---- look ---------------------------------------------------------------------------------

  /** Reads the owner file (when the lock exists) and the Mac's clock; changes nothing. */
  static void look(ScriptBuilder b) {
    b.section("lock:now", "date -u +%s");
    b.raw("if [ -d " + LOCK + " ]; then\n" + b.sectionText("lock:look", "cat " + OWNER) + "\nfi");
  }

  static Look readLook(Map<String, SectionResult> sections) {
    SectionResult now = sections.get("lock:now");
    if (now == null) {
      return new Look.Unknown("the lock look did not run");
    }
    SectionResult look = sections.get("lock:look");
    if (look == null) {
      return new Look.Free(macNow(now));
    }
    return new Look.Held(look.exitCode() == 0 ? LockOwner.parse(look.stdout()) : Optional.empty(), macNow(now));
  }

  // ---- take ---------------------------------------------------------------------------------

  /** Tries to take the lock; afterwards {@code tc_lk} is 1 when this run holds it, 0 otherwise. */
  void take(ScriptBuilder b, String command, long ttlSeconds) {
    b.raw("tc_lk=0");
    b.raw("tc_now=$(date -u +%s)");
    b.section("lock:now", "printf '%s\\n' \"$tc_now\"");
    b.section("lock:parent", "mkdir -p " + PARENT);
    b.section("lock:take", "mkdir " + LOCK);
    StringBuilder owner = new StringBuilder("printf '%s\\n'");
    for (String line : LockOwner.lines(me, command, ttlSeconds, "@NOW@")) {
      owner.append(' ').append(line.endsWith("=@NOW@") ? "\"acquired=$tc_now\"" : ShellQuote.quote(line));
    }
    owner.append(" > ").append(OWNER);
    b.raw("if [ \"$tc_rc\" -eq 0 ]; then\n"
        + b.sectionText("lock:owner", owner.toString()) + "\n"
        + "if [ \"$tc_rc\" -ne 0 ]; then rm -rf " + LOCK + "; else tc_lk=1; fi\n"
        + "else\n"
        + b.sectionText("lock:holder", "cat " + OWNER) + "\n"
        + "fi");
  }

  static Attempt readTake(ExecResult result, Map<String, SectionResult> sections) {
    OptionalLong now = macNow(sections.get("lock:now"));
    SectionResult take = sections.get("lock:take");
    if (take == null) {
      return new Attempt.Failed(incomplete(result));
    }
    if (take.exitCode() == 0) {
      SectionResult written = sections.get("lock:owner");
      if (written != null && written.exitCode() == 0) {
        return new Attempt.Acquired(now);
      }
      return new Attempt.Failed("cannot write the lock's owner file: "
          + (written == null ? incomplete(result) : written.output()));
    }
    if (take.stderr().contains("File exists")) {
      SectionResult holder = sections.get("lock:holder");
      return new Attempt.Held(holder == null ? Optional.empty() : LockOwner.parse(holder.stdout()), now);
    }
    return new Attempt.Failed("`mkdir " + LOCK + "` exited " + take.exitCode() + ": " + take.output()
        + (take.output().contains("Permission denied") ? " (the lock needs root: set ansible_become)" : ""));
  }

  Attempt take(Transport transport, String command, long ttlSeconds) throws TransportException {
    ScriptBuilder b = new ScriptBuilder();
    take(b, command, ttlSeconds);
    Run run = run(transport, b);
    return readTake(run.result(), run.sections());
  }

  // ---- break --------------------------------------------------------------------------------

  /** Breaks the lock when its owner file still names {@code expectedRunId} (any lock when empty). */
  void breakLock(ScriptBuilder b, Optional<String> expectedRunId) {
    String aside = LOCK + ".broken-" + me.runId();
    b.section("lock:move", "mv " + LOCK + " " + aside);
    String test = expectedRunId.map(id -> "[ \"$tc_l\" = " + ShellQuote.quote("run_id=" + id) + " ]").orElse("true");
    b.raw("if [ \"$tc_rc\" -eq 0 ]; then\n"
        + b.sectionText("lock:seen", "cat " + aside + "/owner") + "\n"
        + "tc_l=''\n"
        + "IFS= read -r tc_l < " + aside + "/owner\n"
        + "if " + test + "; then\n"
        + b.sectionText("lock:broken", "rm -rf " + aside) + "\n"
        + "else\n"
        + b.sectionText("lock:restored", "mv " + aside + " " + LOCK) + "\n"
        + "fi\n"
        + "fi");
  }

  static Break readBreak(ExecResult result, Map<String, SectionResult> sections) {
    SectionResult move = sections.get("lock:move");
    if (move == null) {
      return new Break.Failed(incomplete(result));
    }
    if (move.exitCode() != 0) {
      return move.stderr().contains("No such file") ? new Break.Moot()
          : new Break.Failed("`mv " + LOCK + " …` exited " + move.exitCode() + ": " + move.output());
    }
    SectionResult seen = sections.get("lock:seen");
    Optional<LockOwner> owner = seen == null ? Optional.empty() : LockOwner.parse(seen.stdout());
    SectionResult broken = sections.get("lock:broken");
    if (broken != null && broken.exitCode() == 0) {
      return new Break.Broken(owner);
    }
    if (sections.containsKey("lock:restored")) {
      SectionResult restored = sections.get("lock:restored");
      return restored.exitCode() == 0 ? new Break.Moot()
          : new Break.Failed("another run took the lock while it was being broken, and it could not be put back: "
              + restored.output());
    }
    return new Break.Failed(broken == null ? incomplete(result) : "`rm -rf " + LOCK + ".broken-…` exited "
        + broken.exitCode() + ": " + broken.output());
  }

  Break breakLock(Transport transport, Optional<String> expectedRunId) throws TransportException {
    ScriptBuilder b = new ScriptBuilder();
    breakLock(b, expectedRunId);
    Run run = run(transport, b);
    return readBreak(run.result(), run.sections());
  }

  // ---- release ------------------------------------------------------------------------------

  void release(ScriptBuilder b) {
    b.raw("tc_l=''");
    b.section("lock:check", "IFS= read -r tc_l < " + OWNER);
    b.raw("if [ \"$tc_l\" = " + ShellQuote.quote("run_id=" + me.runId()) + " ]; then\n"
        + b.sectionText("lock:release", "rm -rf " + LOCK) + "\n"
        + "else\n"
        + b.sectionText("lock:still", "cat " + OWNER) + "\n"
        + "fi");
  }

  /**
   * Keeps the lock, marking it as held by a command that timed out and was not confirmed dead: appends
   * {@code stuck=WHY} to the owner file when it still names this run, so that no later run takes the lock for
   * a dead controller's (only its expiry or {@code --force-unlock} free it). {@code why} holds no secret.
   */
  void keep(ScriptBuilder b, String why) {
    b.raw("tc_l=''");
    b.section("lock:check", "IFS= read -r tc_l < " + OWNER);
    b.raw("if [ \"$tc_l\" = " + ShellQuote.quote("run_id=" + me.runId()) + " ]; then\n"
        + b.sectionText("lock:kept", "printf '%s\\n' " + ShellQuote.quote("stuck=" + why.replace('\n', ' '))
            + " >> " + OWNER) + "\n"
        + "fi");
  }

  /** Whether {@link #keep} marked the lock (false: the lock was not this run's any more, or the mark failed). */
  static boolean readKeep(Map<String, SectionResult> sections) {
    SectionResult kept = sections.get("lock:kept");
    return kept != null && kept.exitCode() == 0;
  }

  static Release readRelease(ExecResult result, Map<String, SectionResult> sections) {
    SectionResult released = sections.get("lock:release");
    if (released != null) {
      return released.exitCode() == 0 ? new Release.Released()
          : new Release.Failed("`rm -rf " + LOCK + "` exited " + released.exitCode() + ": " + released.output());
    }
    SectionResult holder = sections.get("lock:still");
    if (holder == null) {
      return new Release.Failed(incomplete(result));
    }
    return new Release.NotOurs(holder.exitCode() == 0 ? LockOwner.parse(holder.stdout()) : Optional.empty());
  }

  Release release(Transport transport) throws TransportException {
    ScriptBuilder b = new ScriptBuilder();
    release(b);
    Run run = run(transport, b);
    return readRelease(run.result(), run.sections());
  }

  // ---------------------------------------------------------------------------------------------

  private record Run(ExecResult result, Map<String, SectionResult> sections) {}

  private Run run(Transport transport, ScriptBuilder b) throws TransportException {
    RemoteScript script = b.build(timeout);
    ExecResult result = transport.exec(script);
    return new Run(result, Sections.parse(result, script.nonce()));
  }

  private static OptionalLong macNow(SectionResult now) {
    if (now == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(now.stdout().strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  static String incomplete(ExecResult result) {
    String err = result.stderr().strip();
    return "the lock script did not complete (exit status " + result.exitStatus() + ")"
        + (err.isEmpty() ? "" : ": " + lastLines(err));
  }

  private static String lastLines(String text) {
    List<String> lines = text.lines().filter(l -> !l.startsWith("@@tc:") && !l.isBlank()).toList();
    return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }
}
