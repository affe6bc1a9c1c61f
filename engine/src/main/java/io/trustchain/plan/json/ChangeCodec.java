package io.trustchain.plan.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.plan.Action;
import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.transport.Command;
import io.trustchain.transport.Guard;
import java.util.ArrayList;
import java.util.List;

/**
 * A change as {@code {"address", "action", "before", "after", "commands", "guards", "reason"}} ("guards"
 * only when it has some: plans written before guards existed read the same). A no-op
 * writes its current attributes as both before and after; a create has no before, a delete no
 * after.
 */
final class ChangeCodec {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ChangeCodec() {}

  static ObjectNode write(Change change) {
    ObjectNode n = F.objectNode();
    n.put("address", change.address().toString());
    n.put("action", change.action().word());
    Attributes before = switch (change) {
      case Change.NoOp c -> c.current();
      case Change.Create c -> null;
      case Change.Update c -> c.before();
      case Change.Delete c -> c.before();
      case Change.Pending c -> c.before();
    };
    Attributes after = switch (change) {
      case Change.NoOp c -> c.current();
      case Change.Create c -> c.after();
      case Change.Update c -> c.after();
      case Change.Delete c -> null;
      case Change.Pending c -> c.after();
    };
    attributes(n, "before", before);
    attributes(n, "after", after);
    ArrayNode commands = F.arrayNode();
    change.commands().forEach(c -> commands.add(CommandCodec.write(c)));
    n.set("commands", commands);
    if (!change.guards().isEmpty()) {
      ArrayNode guards = F.arrayNode();
      change.guards().forEach(g -> guards.add(GuardCodec.write(g)));
      n.set("guards", guards);
    }
    n.put("reason", change.reason());
    if (change.drifted()) {
      n.put("overdue", true);
    }
    return n;
  }

  static Change read(JsonIn in) throws PlanFormatException {
    in.object();
    ResourceAddress address = address(in.field("address"));
    String word = in.text("action");
    String reason = in.field("reason").asText();
    List<Command> commands = new ArrayList<>();
    for (JsonIn c : in.optionalElements("commands")) {
      commands.add(CommandCodec.read(c));
    }
    List<Guard> guards = new ArrayList<>();
    for (JsonIn g : in.optionalElements("guards")) {
      guards.add(GuardCodec.read(g));
    }
    Action action = action(in.field("action"), word);
    return switch (action) {
      case NO_OP -> new Change.NoOp(address, required(in, "before"), reason);
      case CREATE -> new Change.Create(address, required(in, "after"), commands, reason, guards);
      case UPDATE -> new Change.Update(address, required(in, "before"), required(in, "after"), commands, reason,
          guards);
      case DELETE -> new Change.Delete(address, required(in, "before"), commands, reason, guards);
      case PENDING -> new Change.Pending(address, required(in, "before"), required(in, "after"), reason,
          in.optional("overdue") != null && in.optional("overdue").asBoolean());
    };
  }

  /** {@code user[alice]} back into its parts. */
  static ResourceAddress address(JsonIn in) throws PlanFormatException {
    String text = in.asText();
    int open = text.indexOf('[');
    if (open <= 0 || !text.endsWith("]")) {
      throw in.problem("\"" + text + "\" is not a resource address (module[name])");
    }
    return ResourceAddress.of(text.substring(0, open), text.substring(open + 1, text.length() - 1));
  }

  private static void attributes(ObjectNode n, String field, Attributes attributes) {
    n.set(field, AttributesCodec.write(attributes));
    if (attributes != null && !attributes.sensitive().isEmpty()) {
      n.set(field + "_sensitive", AttributesCodec.writeSensitive(attributes));
    }
  }

  private static Attributes required(JsonIn in, String field) throws PlanFormatException {
    Attributes a = AttributesCodec.read(in, field);
    if (a == null) {
      throw in.problem("missing \"" + field + "\"");
    }
    return a;
  }

  private static Action action(JsonIn in, String word) throws PlanFormatException {
    for (Action a : Action.values()) {
      if (a.word().equals(word)) {
        return a;
      }
    }
    throw in.problem("unknown action \"" + word + "\" (expected no-op, create, update, delete or pending)");
  }
}
