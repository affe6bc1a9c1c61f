package io.trustchain.facts;

import io.trustchain.escrow.EscrowException;
import io.trustchain.escrow.EscrowSecrets;
import io.trustchain.escrow.EscrowStore;

import io.trustchain.transport.ExecResult;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gathers one Mac's facts in one exec: builds the facts script (sw_vers, uname, the users with
 * uid ≥ 500 and the named ones, admin membership, Secure Token status, password checks, APFS crypto
 * users, fdesetup, profiles, the MCX mobile-account key, the Mac's clock, trustchain's deferral marker
 * and recovery plist), runs it, and parses every section with a pure parser. Then, on the controller,
 * the escrow items the request names are looked up in its escrow store. On a real Mac the tools need root: the inventory
 * sets become. Output no parser recognises never becomes a default and never loses the host: it is kept
 * as {@link NotUnderstood}, per section, and the facts it touches read as unknown. A facts script that
 * did not run at all (sudo refused, no shell) gives an unreachable host with its {@link HostErrorKind}.
 */
public final class FactsGatherer {

  /** The facts sections made so far, by shape: the hosts of a run share them ({@link FactsScript#embed}). */
  private final Map<String, String> made = new ConcurrentHashMap<>();

  public FactsGatherer() {}

  public HostFacts gather(Transport transport, FactsRequest request, Duration timeout)
      throws TransportException, FactParseException {
    Objects.requireNonNull(transport, "transport == null");
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(timeout, "timeout == null");
    FactsScript script = FactsScript.build(new ScriptBuilder(), request, timeout,
        escrowChecks(request, transport.host()), made);
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
    FactsScript facts = FactsScript.embed(script, request, escrowChecks(request, request.managed().host()), made);
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
    if (request.escrowItems().isEmpty() || !facts.usable()) {
      return facts;
    }
    EscrowFacts escrow = EscrowFactsReader.read(request.escrow(), host, request.escrowItems(), assembler.clock());
    for (Map.Entry<String, FactsScript.EscrowCheck> e : script.escrowChecks().entrySet()) {
      EscrowedItem i = escrow.item(e.getKey()).orElse(EscrowedItem.missing());
      escrow = escrow.with(e.getKey(), new EscrowedItem(i.escrowed(), i.escrowedAt(), i.createdAt(), i.ageDays(),
          assembler.escrowCheck(e.getKey()), i.rotationRequested()));
    }
    for (String user : request.managed().rotate()) {
      String item = ManagedPasswords.current(user);
      EscrowFacts before = escrow;
      escrow = before.item(item).filter(i -> request.managed().rotationRequested(user, i.escrowedAt()))
          .map(i -> before.with(item, new EscrowedItem(i.escrowed(), i.escrowedAt(), i.createdAt(), i.ageDays(),
              i.authenticates(), true))).orElse(before);
    }
    return facts.withEscrow(escrow);
  }

  /**
   * The managed passwords of {@code request} that are in escrow now (current and pending), to check on the Mac;
   * none when the host's store is not known or cannot read.
   */
  private static Map<String, FactsScript.EscrowCheck> escrowChecks(FactsRequest request, String host) {
    EscrowStore store = request.escrow();
    if (host == null || store == null || !store.canRead() || request.managed().users().isEmpty()) {
      return Map.of();
    }
    Map<String, FactsScript.EscrowCheck> checks = new java.util.TreeMap<>();
    for (String user : request.managed().users()) {
      for (String item : List.of(ManagedPasswords.current(user), ManagedPasswords.pending(user))) {
        try {
          if (store.status(host, item).isPresent()) {
            checks.put(item, new FactsScript.EscrowCheck(user, EscrowSecrets.ref(host, item)));
          }
        } catch (EscrowException e) {
          // the escrow facts report the store's failure when they read it
        }
      }
    }
    return checks;
  }
}
