package io.trustchain.run.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.plan.Change;
import io.trustchain.run.ChangeOutcome;
import io.trustchain.run.HostRun;
import io.trustchain.run.RolloutResult;
import io.trustchain.run.RunIdentity;
import java.time.Instant;
import io.trustchain.run.HostOutcome;
import io.trustchain.run.NotConverged;
import java.util.List;
import java.util.Locale;

/**
 * What apply did, as versioned JSON: {@code {"format_version": 1, "engine_version", "hosts": [{"host",
 * "status", "error", "changes": [{"address", "action", "status", "message", "device_words"}],
 * "not_converged": [{"address", "action", "reason", "device_words"}], "pending": [{"address",
 * "reason"}]}]}}. Device words are tool output (no secret is ever passed through it: secrets reach the
 * Mac on stdin only), and go through {@link Redactor} all the same.
 *
 * <p>The report of a rollout ({@code apply --format json}, {@code --report-json}) adds {@code "run":
 * {"id", "who", "controller", "pid", "ci", "command", "saved_plan", "started_at", "finished_at"}},
 * {@code "rollout": {"serial", "max_fail_percent", "shard", "batches", "halted", "not_attempted"}} and,
 * per host, {@code "batch"}, {@code "duration_ms"} and {@code "notes"}.
 */
public final class ApplyJson {

  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ApplyJson() {}

  public static String write(List<HostOutcome> outcomes, String engineVersion) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("engine_version", engineVersion);
    ArrayNode hosts = root.putArray("hosts");
    for (HostOutcome o : outcomes) {
      host(hosts.addObject(), o);
    }
    return text(root);
  }

  /** The report of a rollout: the run, the batches, and every host it ran. */
  public static String write(RolloutResult result, RunInfo info, Instant finished) {
    return write(result, info, finished, List.of());
  }

  /**
   * The report of a rollout, with {@code "interrupted": [{"run_id", "who", "host", "change", "action", "commands",
   * "intent_at", "result", "state", "message"}]}: what killed runs left half-told in the audit log.
   */
  public static String write(RolloutResult result, RunInfo info, Instant finished,
      List<Interruptions.Reported> interrupted) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("engine_version", info.engineVersion());
    ObjectNode run = root.putObject("run");
    RunIdentity me = info.identity();
    run.put("id", me.runId()).put("who", me.who()).put("controller", me.controller()).put("pid", me.pid())
        .put("ci", me.ci().orElse(null)).put("command", info.command()).put("saved_plan", info.savedPlan().orElse(null))
        .put("started_at", info.started().toString()).put("finished_at", finished.toString());
    ObjectNode rollout = root.putObject("rollout");
    rollout.put("serial", info.serial().toString());
    if (info.maxFailPercent().isPresent()) {
      rollout.put("max_fail_percent", info.maxFailPercent().getAsInt());
    } else {
      rollout.putNull("max_fail_percent");
    }
    rollout.put("shard", info.shard().orElse(null));
    ArrayNode batches = rollout.putArray("batches");
    for (List<String> batch : result.batches()) {
      ArrayNode a = batches.addArray();
      batch.forEach(a::add);
    }
    rollout.put("halted", result.halted().orElse(null));
    ArrayNode notAttempted = rollout.putArray("not_attempted");
    result.notAttempted().forEach(notAttempted::add);
    ArrayNode gone = root.putArray("interrupted");
    for (Interruptions.Reported r : interrupted) {
      Interruption i = r.interruption();
      ObjectNode n = gone.addObject();
      n.put("run_id", i.runId()).put("who", i.who()).put("host", i.host()).put("change", i.change())
          .put("action", i.action());
      ArrayNode commands = n.putArray("commands");
      i.commands().forEach(c -> commands.add(Redactor.text(c)));
      n.put("intent_at", i.at()).put("result", i.result().orElse(null)).put("state", Redactor.text(r.state()))
          .put("message", Redactor.text(r.line()));
    }
    ArrayNode hosts = root.putArray("hosts");
    for (HostRun r : result.hosts()) {
      ObjectNode h = hosts.addObject();
      host(h, r.outcome());
      h.put("batch", r.batch());
      h.put("duration_ms", r.took().toMillis());
      ArrayNode notes = h.putArray("notes");
      r.notes().forEach(n -> notes.add(Redactor.text(n)));
    }
    return text(root);
  }

  private static void host(ObjectNode h, HostOutcome o) {
    h.put("host", o.host());
    h.put("status", lower(o.status().name()));
    h.put("error", o.error().map(Redactor::text).orElse(null));
    ArrayNode changes = h.putArray("changes");
    for (ChangeOutcome c : o.changes()) {
      ObjectNode n = changes.addObject();
      n.put("address", c.change().address().toString());
      n.put("action", c.change().action().word());
      n.put("status", lower(c.status().name()));
      n.put("message", Redactor.text(c.message()));
      n.put("device_words", Redactor.text(c.deviceWords()));
    }
    ArrayNode left = h.putArray("not_converged");
    for (NotConverged n : o.notConverged()) {
      ObjectNode x = left.addObject();
      x.put("address", n.remaining().address().toString());
      x.put("action", n.remaining().action().word());
      x.put("reason", n.remaining().reason());
      x.put("device_words", Redactor.text(n.deviceWords()));
    }
    ArrayNode undecided = h.putArray("cannot_plan");
    o.undecided().forEach(u -> undecided.addObject().put("address", u.address().toString()).put("fact", u.fact())
        .put("message", Redactor.text(u.message())));
    ArrayNode pending = h.putArray("pending");
    for (Change p : o.pending()) {
      pending.addObject().put("address", p.address().toString()).put("reason", p.reason());
    }
  }

  private static String text(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
