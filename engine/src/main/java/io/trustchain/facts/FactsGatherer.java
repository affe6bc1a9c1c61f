package io.trustchain.facts;

import io.trustchain.transport.ExecResult;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Gathers one Mac's facts in one exec: builds the facts script (sw_vers, uname, the users with
 * uid ≥ 500 and the named ones, admin membership, Secure Token status, password checks, APFS crypto
 * users, fdesetup, profiles, the MCX mobile-account key, the Mac's clock, trustchain's deferral marker
 * and recovery plist), runs it, and parses every section with a pure parser. Then, on the controller,
 * the escrow items the request names are looked up in its escrow store. On a real Mac the tools need root: the inventory
 * sets become. Output no parser recognises is a {@link FactParseException}, never a default.
 */
public final class FactsGatherer {

  public FactsGatherer() {}

  public HostFacts gather(Transport transport, FactsRequest request, Duration timeout)
      throws TransportException, FactParseException {
    Objects.requireNonNull(transport, "transport == null");
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(timeout, "timeout == null");
    FactsScript script = FactsScript.build(request, timeout);
    ExecResult result = transport.exec(script.script());
    return read(script, transport.host(), result, Sections.parse(result, script.script().nonce()));
  }

  /**
   * The facts sections added to a script that does more in the same exec (apply's lock look, its
   * verify-and-release), to be read back from that exec's result with {@link Embedded#read}.
   */
  public Embedded embed(ScriptBuilder script, FactsRequest request) {
    Objects.requireNonNull(script, "script == null");
    Objects.requireNonNull(request, "request == null");
    FactsScript facts = FactsScript.embed(script, request);
    return (host, result, sections) -> read(facts, host, result, sections);
  }

  /** Facts sections embedded in a bigger script. */
  @FunctionalInterface
  public interface Embedded {

    /** The facts of {@code host} from the exec's result and its parsed sections. */
    HostFacts read(String host, ExecResult result, Map<String, SectionResult> sections) throws FactParseException;
  }

  private static HostFacts read(FactsScript script, String host, ExecResult result, Map<String, SectionResult> sections)
      throws FactParseException {
    HostFactsAssembler assembler = new HostFactsAssembler(script, script.request(), sections, result);
    HostFacts facts = assembler.assemble();
    FactsRequest request = script.request();
    if (request.escrowItems().isEmpty()) {
      return facts;
    }
    return facts.withEscrow(EscrowFactsReader.read(request.escrow(), host, request.escrowItems(), assembler.clock()));
  }
}
