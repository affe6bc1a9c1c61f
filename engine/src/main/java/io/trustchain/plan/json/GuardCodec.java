package io.trustchain.plan.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.transport.Guard;

/**
 * A guard as {@code {"fact", "probe": COMMAND, "expect": {"exit": N, "equal": true|false}}} or
 * {@code {"fact", "probe", "expect": {"text": T, "whole_line": B, "present": B}}}; the probe is written
 * as a command ({@link CommandCodec}), so a password it checks is a reference, never a value.
 */
final class GuardCodec {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private GuardCodec() {}

  static ObjectNode write(Guard guard) {
    ObjectNode n = F.objectNode();
    n.put("fact", guard.fact());
    n.set("probe", CommandCodec.write(guard.probe()));
    ObjectNode expect = n.putObject("expect");
    switch (guard.expect()) {
      case Guard.Expect.Exit e -> expect.put("exit", e.code()).put("equal", e.equal());
      case Guard.Expect.Output o -> expect.put("text", o.text()).put("whole_line", o.wholeLine())
          .put("present", o.present());
    }
    return n;
  }

  static Guard read(JsonIn in) throws PlanFormatException {
    in.object();
    String fact = in.text("fact");
    JsonIn expect = in.field("expect").object();
    try {
      Guard.Expect e = expect.optional("exit") != null
          ? new Guard.Expect.Exit(expect.field("exit").asInt(), expect.field("equal").asBoolean())
          : new Guard.Expect.Output(expect.text("text"), expect.field("whole_line").asBoolean(),
              expect.field("present").asBoolean());
      return new Guard(fact, CommandCodec.read(in.field("probe")), e);
    } catch (IllegalArgumentException x) {
      throw in.problem(x.getMessage());
    }
  }
}
