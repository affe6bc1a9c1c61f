package io.trustchain.run.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.run.ChangeOutcome;
import io.trustchain.run.HostOutcome;
import io.trustchain.run.HostRun;
import io.trustchain.run.NotConverged;
import io.trustchain.run.Rollout;
import io.trustchain.run.RolloutResult;
import io.trustchain.run.RunIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only audit log: one JSON object per line, appended as each host finishes (a run killed
 * half-way keeps the lines of the hosts it finished). Every line holds {@code time}, {@code run_id},
 * {@code who}, {@code controller}, {@code ci}, {@code command}, {@code plan} (the saved plan applied,
 * or null), {@code host}, {@code event} ({@code change}, {@code host}, {@code lock} or {@code run}),
 * {@code change} (the resource address, or null), {@code action}, {@code result} and {@code message}.
 * Lines are written whole under an exclusive file lock, so concurrent runs never interleave them;
 * nothing is ever rewritten. Messages go through {@link Redactor}; no secret value is ever known here.
 */
public final class AuditLog implements Rollout.Listener {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One lock per file in this JVM: a JVM cannot hold two {@link FileLock}s on one file. */
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;
  private final RunInfo info;
  private final Clock clock;
  private volatile String problem;

  private AuditLog(Path file, RunInfo info, Clock clock) {
    this.file = file.toAbsolutePath().normalize();
    this.info = info;
    this.clock = clock;
  }

  /** The log at {@code file}, created (with its folder) now, so an unwritable log stops a run before it starts. */
  public static AuditLog open(Path file, RunInfo info) throws IOException {
    return open(file, info, Clock.systemUTC());
  }

  static AuditLog open(Path file, RunInfo info, Clock clock) throws IOException {
    AuditLog log = new AuditLog(file, info, clock);
    Path parent = log.file.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (FileChannel ch = FileChannel.open(log.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      return log;
    }
  }

  /** Why a line could not be appended during the run, if one could not. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  public Path file() {
    return file;
  }

  @Override
  public void hostFinished(HostRun run) {
    StringBuilder lines = new StringBuilder();
    HostOutcome o = run.outcome();
    for (String note : run.notes()) {
      lines.append(line(run.host(), "lock", null, null, "note", note));
    }
    Set<String> left = new HashSet<>();
    for (NotConverged n : o.notConverged()) {
      left.add(n.remaining().address().toString());
    }
    for (ChangeOutcome c : o.changes()) {
      String address = c.change().address().toString();
      String result = left.contains(address) ? "not_converged" : lower(c.status().name());
      lines.append(line(run.host(), "change", address, c.change().action().word(), result, c.message()));
    }
    for (NotConverged n : o.notConverged()) {
      String address = n.remaining().address().toString();
      if (o.changes().stream().noneMatch(c -> c.change().address().toString().equals(address))) {
        lines.append(line(run.host(), "change", address, n.remaining().action().word(), "not_converged",
            n.remaining().reason()));
      }
    }
    lines.append(line(run.host(), "host", null, null, lower(o.status().name()), o.error().orElse("")));
    append(lines.toString());
  }

  /** The run's last line: how it ended. */
  public void finished(RolloutResult result) {
    String outcome = result.halted().isPresent() ? "halted" : result.ok() ? "ok" : "failed";
    append(line(null, "run", null, null, outcome, result.halted().orElse(result.hosts().size() + " hosts")));
  }

  private String line(String host, String event, String change, String action, String result, String message) {
    RunIdentity me = info.identity();
    ObjectNode n = JSON.createObjectNode();
    n.put("time", clock.instant().toString());
    n.put("run_id", me.runId());
    n.put("who", me.who());
    n.put("controller", me.controller());
    n.put("ci", me.ci().orElse(null));
    n.put("command", info.command());
    n.put("plan", info.savedPlan().orElse(null));
    n.put("host", host);
    n.put("event", event);
    n.put("change", change);
    n.put("action", action);
    n.put("result", result);
    n.put("message", Redactor.text(message == null ? "" : message));
    try {
      return JSON.writeValueAsString(n) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void append(String lines) {
    ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    local.lock();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND); FileLock lock = ch.lock()) {
      ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        ch.write(bytes);
      }
      ch.force(false);
    } catch (IOException e) {
      problem = "cannot append to the audit log " + file + ": " + e.getMessage();
    } finally {
      local.unlock();
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
