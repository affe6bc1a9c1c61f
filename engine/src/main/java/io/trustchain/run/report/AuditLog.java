package io.trustchain.run.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.trustchain.plan.Change;
import io.trustchain.run.ApplyJournal;
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
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only, write-ahead audit log: one JSON object per line. A run starts with a {@code run}
 * line; before an exec is sent, the {@code intent} of each change it may run is appended and forced to
 * disk; after it answered, a {@code result} per change; when a host is done, its verified changes and
 * the host. A marker beside the log ({@link AuditRecovery}) lets the next run of this controller find a
 * killed run's open intents ({@link #interrupted()}). Every line holds {@code time}, {@code run_id},
 * {@code who}, {@code controller}, {@code ci}, {@code command}, {@code plan} (the saved plan applied,
 * or null), {@code host}, {@code event} ({@code change}, {@code host}, {@code lock} or {@code run}),
 * {@code change} (the resource address, or null), {@code action}, {@code result} and {@code message}.
 * Lines are written whole under an exclusive file lock, so concurrent runs never interleave them;
 * nothing is ever rewritten. Messages go through {@link Redactor}; no secret value is ever known here.
 */
public final class AuditLog implements Rollout.Listener, ApplyJournal {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One lock per file in this JVM: a JVM cannot hold two {@link FileLock}s on one file. */
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;
  private final RunInfo info;
  private final Clock clock;
  private volatile String problem;
  private List<AuditRecovery.Dead> dead = List.of();

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
    long offset;
    try (FileChannel ch = FileChannel.open(log.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      offset = ch.size();
    }
    log.dead = AuditRecovery.find(log.file, info.identity());
    log.mark(offset);
    log.appendOrThrow(log.line(null, "run", null, null, "started", info.command()
        + info.savedPlan().map(p -> " " + p).orElse("")));
    return log;
  }

  /**
   * What killed runs of this controller left: changes whose intent is in the log and that no verified
   * {@code change} line followed. Call {@link #reported} once they are reported.
   */
  public List<Interruption> interrupted() {
    return dead.stream().flatMap(d -> d.interruptions().stream()).toList();
  }

  /** Records each interruption as reported by this run (with what the Mac showed) and forgets those runs. */
  public void reported(List<Interruptions.Reported> reports) {
    StringBuilder b = new StringBuilder();
    for (Interruptions.Reported r : reports) {
      Interruption x = r.interruption();
      b.append(line(x.host(), "interrupted", x.change(), x.action(), "reported", r.line()));
    }
    if (b.length() > 0) {
      append(b.toString());
    }
    if (problem == null) {
      dead.forEach(d -> deleteQuietly(d.marker()));
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
  public void intents(String host, List<Change> changes) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Change c : changes) {
      ObjectNode n = node(host, "intent", c.address().toString(), c.action().word(), "sending", c.reason());
      ArrayNode commands = n.putArray("commands");
      c.commands().forEach(cmd -> commands.add(Redactor.text(cmd.display())));
      ArrayNode guards = n.putArray("guards");
      c.guards().forEach(g -> guards.add(g.fact()));
      lines.append(text(n));
    }
    appendOrThrow(lines.toString());
  }

  @Override
  public void results(String host, List<ChangeOutcome> said) {
    StringBuilder lines = new StringBuilder();
    for (ChangeOutcome c : said) {
      lines.append(line(host, "result", c.change().address().toString(), c.change().action().word(),
          lower(c.status().name()), c.message()));
    }
    if (lines.length() > 0) {
      append(lines.toString());
    }
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

  /** The run's last line: how it ended. Its marker goes: a later run will not take it for a killed one. */
  public void finished(RolloutResult result) {
    String outcome = result.halted().isPresent() ? "halted" : result.ok() ? "ok" : "failed";
    append(line(null, "run", null, null, outcome, result.halted().orElse(result.hosts().size() + " hosts")));
    deleteQuietly(AuditRecovery.markers(file).resolve(info.identity().runId()));
  }

  private String line(String host, String event, String change, String action, String result, String message) {
    return text(node(host, event, change, action, result, message));
  }

  private String text(ObjectNode n) {
    try {
      return JSON.writeValueAsString(n) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This run's marker beside the log: it says this run is under way, and where its lines begin. */
  private void mark(long offset) throws IOException {
    RunIdentity me = info.identity();
    Path dir = AuditRecovery.markers(file);
    Files.createDirectories(dir);
    ObjectNode m = JSON.createObjectNode();
    m.put("run_id", me.runId());
    m.put("controller", me.controller());
    m.put("pid", me.pid());
    m.put("pid_start", ProcessHandle.of(me.pid()).flatMap(p -> p.info().startInstant()).map(Instant::toEpochMilli)
        .orElse(0L));
    m.put("offset", offset);
    Files.writeString(dir.resolve(me.runId()), JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a marker left behind is judged again by the next run: its process is gone and nothing is pending
    }
  }

  private ObjectNode node(String host, String event, String change, String action, String result, String message) {
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
    return n;
  }

  private void append(String lines) {
    try {
      appendOrThrow(lines);
    } catch (IOException e) {
      // recorded in problem()
    }
  }

  /** Appends whole lines under the file's lock and forces them to disk before returning. */
  private void appendOrThrow(String lines) throws IOException {
    ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    local.lock();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND); FileLock lock = ch.lock()) {
      ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        ch.write(bytes);
      }
      ch.force(true);
    } catch (IOException e) {
      problem = "cannot append to the audit log " + file + ": " + e.getMessage();
      throw e;
    } finally {
      local.unlock();
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
