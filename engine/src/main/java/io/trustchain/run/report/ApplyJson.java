package io.trustchain.run.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.plan.Change;
import io.trustchain.run.ChangeOutcome;
import io.trustchain.run.HostOutcome;
import io.trustchain.run.NotConverged;
import java.util.List;
import java.util.Locale;

/**
 * What apply did, as versioned JSON: {@code {"format_version": 1, "engine_version", "hosts": [{"host",
 * "status", "error", "changes": [{"address", "action", "status", "message", "device_words"}],
 * "not_converged": [{"address", "action", "reason", "device_words"}], "pending": [{"address",
 * "reason"}]}]}}. Device words are tool output (no secret is ever passed through it: secrets reach the
 * Mac on stdin only).
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
      ObjectNode h = hosts.addObject();
      h.put("host", o.host());
      h.put("status", lower(o.status().name()));
      h.put("error", o.error().orElse(null));
      ArrayNode changes = h.putArray("changes");
      for (ChangeOutcome c : o.changes()) {
        ObjectNode n = changes.addObject();
        n.put("address", c.change().address().toString());
        n.put("action", c.change().action().word());
        n.put("status", lower(c.status().name()));
        n.put("message", c.message());
        n.put("device_words", c.deviceWords());
      }
      ArrayNode left = h.putArray("not_converged");
      for (NotConverged n : o.notConverged()) {
        ObjectNode x = left.addObject();
        x.put("address", n.remaining().address().toString());
        x.put("action", n.remaining().action().word());
        x.put("reason", n.remaining().reason());
        x.put("device_words", n.deviceWords());
      }
      ArrayNode pending = h.putArray("pending");
      for (Change p : o.pending()) {
        pending.addObject().put("address", p.address().toString()).put("reason", p.reason());
      }
    }
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
