package io.trustchain.plan.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Arg;
import io.trustchain.transport.Capture;
import io.trustchain.transport.Command;
import io.trustchain.transport.EscrowStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands as JSON: {@code {"argv": [ARG...], "stdin": [ARG...]}}, plus {@code "stdout_file": PATH}
 * when the command's output goes to a file on the Mac and {@code "capture": {"item": ITEM, "field":
 * KEY}} when the engine keeps its (secret) output for the escrow store; both are left out otherwise,
 * so plans written before they existed read the same. Each ARG is either
 * {@code {"literal": "sysadminctl"}} or a secret reference. A reference is written as its
 * {@link SecretRef#describe()} form plus what that form leaves out, so that reading gives back an
 * equal reference and no value is ever written:
 *
 * <pre>
 * {"secret": "env:NAME"}
 * {"secret": "file:PATH"}
 * {"secret": "command:CMD", "work_dir": "DIR"}
 * {"secret": "vault:ORIGIN", "envelope": "$ANSIBLE_VAULT;1.1;AES256\n..."}   (ciphertext)
 * {"secret": "escrow:KEY"}
 * {"secret": "env:NAME", "escape": "xml"}        (any of the above, XML-escaped: SecretRef.Xml)
 * </pre>
 */
final class CommandCodec {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private CommandCodec() {}

  static ObjectNode write(Command command) {
    ObjectNode n = F.objectNode();
    n.set("argv", writeArgs(command.argv()));
    n.set("stdin", writeArgs(command.stdin()));
    if (command.stdoutFile() != null) {
      n.put("stdout_file", command.stdoutFile());
    }
    if (command.capture() != null) {
      n.set("capture", F.objectNode().put("item", command.capture().item()).put("field", command.capture().field()));
    }
    if (command.escrowStep() != null) {
      n.set("escrow_step", writeStep(command.escrowStep()));
    }
    return n;
  }

  static Command read(JsonIn in) throws PlanFormatException {
    in.object();
    List<Arg> argv = readArgs(in.field("argv"));
    List<Arg> stdin = readArgs(in.optional("stdin"));
    if (argv.isEmpty() || !(argv.get(0) instanceof Arg.Literal)) {
      throw in.problem("argv must start with the program name as a literal");
    }
    JsonIn file = in.optional("stdout_file");
    JsonIn capture = in.optional("capture");
    JsonIn step = in.optional("escrow_step");
    if (step != null) {
      try {
        return Command.escrow(readStep(step));
      } catch (IllegalArgumentException e) {
        throw in.problem(e.getMessage());
      }
    }
    try {
      return new Command(argv, stdin, file == null ? null : file.asText(), capture == null ? null : capture(capture));
    } catch (IllegalArgumentException e) {
      throw in.problem(e.getMessage());
    }
  }

  /** {@code {"keep": ITEM, "account", "source"|"length"+"classes"}}, {@code {"promote": PENDING, "to": ITEM}}, {@code {"discard": PENDING}}. */
  private static ObjectNode writeStep(EscrowStep step) {
    ObjectNode n = F.objectNode();
    switch (step) {
      case EscrowStep.Keep k -> {
        n.put("keep", k.item()).put("account", k.account()).put("made_at", k.madeAt());
        if (k.source() != null) {
          n.set("source", writeSecret(k.source()));
        } else {
          n.put("length", k.rule().length());
          k.rule().classes().forEach(n.putArray("classes")::add);
        }
      }
      case EscrowStep.Promote p -> n.put("promote", p.pending()).put("to", p.item());
      case EscrowStep.Discard d -> n.put("discard", d.pending());
    }
    return n;
  }

  private static EscrowStep readStep(JsonIn in) throws PlanFormatException {
    in.object();
    if (in.optional("keep") != null) {
      JsonIn source = in.optional("source");
      if (source != null) {
        source.object();
        return new EscrowStep.Keep(in.text("keep"), in.text("account"), readSecret(source), null,
            in.optionalText("made_at"));
      }
      List<String> classes = new ArrayList<>();
      for (JsonIn c : in.field("classes").elements()) {
        classes.add(c.asText());
      }
      return new EscrowStep.Keep(in.text("keep"), in.text("account"), null,
          new EscrowStep.PasswordRule(in.field("length").asInt(), classes), in.optionalText("made_at"));
    }
    if (in.optional("promote") != null) {
      return new EscrowStep.Promote(in.text("promote"), in.text("to"));
    }
    if (in.optional("discard") != null) {
      return new EscrowStep.Discard(in.text("discard"));
    }
    throw in.problem("an escrow step is keep, promote or discard");
  }

  private static Capture capture(JsonIn in) throws PlanFormatException {
    in.object();
    return new Capture(in.text("item"), in.text("field"));
  }

  static ObjectNode writeSecret(SecretRef ref) {
    if (ref instanceof SecretRef.Xml x) {
      return writeSecret(x.of()).put("escape", "xml");
    }
    ObjectNode n = F.objectNode();
    n.put("secret", ref.describe());
    switch (ref) {
      case SecretRef.Command c -> n.put("work_dir", c.workDir().toString());
      case SecretRef.Vault v -> n.put("envelope", v.envelope());
      case SecretRef.Env e -> { }
      case SecretRef.File f -> { }
      case SecretRef.Escrow e -> { }
      case SecretRef.Prompted p -> { }
      case SecretRef.Xml x -> throw new IllegalStateException("unreachable: handled above");
    }
    return n;
  }

  static SecretRef readSecret(JsonIn in) throws PlanFormatException {
    JsonIn escape = in.optional("escape");
    if (escape != null) {
      if (!escape.asText().equals("xml")) {
        throw in.problem("unknown escape \"" + escape.asText() + "\" (expected xml)");
      }
      return new SecretRef.Xml(readPlainSecret(in));
    }
    return readPlainSecret(in);
  }

  private static SecretRef readPlainSecret(JsonIn in) throws PlanFormatException {
    String described = in.text("secret");
    int colon = described.indexOf(':');
    if (colon <= 0) {
      throw in.problem("secret reference \"" + described + "\" has no kind (env:, file:, command:, vault:, escrow:)");
    }
    String kind = described.substring(0, colon);
    String rest = described.substring(colon + 1);
    return switch (kind) {
      case "env" -> new SecretRef.Env(rest);
      case "file" -> new SecretRef.File(Path.of(rest));
      case "command" -> new SecretRef.Command(rest, Path.of(in.text("work_dir")));
      case "vault" -> new SecretRef.Vault(in.text("envelope"), rest);
      case "escrow" -> new SecretRef.Escrow(rest);
      case "prompt" -> new SecretRef.Prompted(rest);
      default -> throw in.problem("unknown secret reference kind \"" + kind
          + "\" (expected env, file, command, vault or escrow)");
    };
  }

  private static ArrayNode writeArgs(List<Arg> args) {
    ArrayNode a = F.arrayNode();
    for (Arg arg : args) {
      switch (arg) {
        case Arg.Literal l -> a.add(F.objectNode().put("literal", l.value()));
        case Arg.Sensitive s -> a.add(writeSecret(s.ref()));
      }
    }
    return a;
  }

  private static List<Arg> readArgs(JsonIn in) throws PlanFormatException {
    List<Arg> args = new ArrayList<>();
    if (in == null) {
      return args;
    }
    for (JsonIn e : in.elements()) {
      e.object();
      JsonIn literal = e.optional("literal");
      if (literal != null) {
        args.add(new Arg.Literal(literal.asText()));
      } else if (e.optional("secret") != null) {
        args.add(new Arg.Sensitive(readSecret(e)));
      } else {
        throw e.problem("expected {\"literal\": ...} or {\"secret\": ...}");
      }
    }
    return args;
  }
}
