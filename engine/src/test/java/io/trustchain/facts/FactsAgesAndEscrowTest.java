package io.trustchain.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.escrow.EscrowEntry;
import io.trustchain.escrow.EscrowException;
import io.trustchain.escrow.EscrowStore;
import io.trustchain.facts.FakeMacTransport.Answer;
import io.trustchain.secret.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facts measured on the Mac's clock (deferral age) and read on the controller (escrow). */
class FactsAgesAndEscrowTest {

  private final FactsGatherer gatherer = new FactsGatherer();

  private static FakeMacTransport deferred(String outputPath, Answer marker) {
    return FactsGathererTest.sequoia()
        .answer(FactsScript.FV_STATUS, new Answer(1, "FileVault is Off.\n"
            + "Deferred enablement appears to be active for user 'alice'.\n", ""))   // S27
        .answer(FactsScript.FV_ACTIVE, new Answer(1, "false\n", ""))            // S46
        .answer(FactsScript.FV_LIST, new Answer(0, "", ""))
        .answer(FactsScript.FV_DEFERRAL, """
            {
                Defer = 1;
                OutputPath = "%s";
                Usernames =     (
                    alice
                );
            }
            """.formatted(outputPath))                                              // S40 layout
        .answer(FactsScript.CLOCK, "2025-11-03T07:00:00Z\n")
        .answer(FactsScript.DEFERRAL_SINCE, marker);
  }

  @Test
  void gather_trustchainsDeferral_isDatedByItsMarkerOnTheMacsClock() throws Exception {
    FakeMacTransport mac = deferred("/var/db/trustchain-filevault.plist", Answer.out("2025-09-19T07:00:00Z\n"));
    Deferral d = gatherer.gather(mac, FactsGathererTest.sequoiaRequest(), Duration.ofSeconds(5)).filevault().deferral();
    assertThat(d.user()).isEqualTo("alice");
    assertThat(d.ageDays()).isEqualTo(45);
  }

  @Test
  void gather_someoneElsesDeferral_hasNoAge_evenWithAMarker() throws Exception {
    FakeMacTransport mac = deferred("/var/db/ConfigurationProfiles/fdesetup.plist",
        Answer.out("2025-09-19T07:00:00Z\n"));
    Deferral d = gatherer.gather(mac, FactsGathererTest.sequoiaRequest(), Duration.ofSeconds(5)).filevault().deferral();
    assertThat(d.ageDays()).isNull();
  }

  @Test
  void gather_trustchainsDeferralWithoutMarker_hasNoAge() throws Exception {
    FakeMacTransport mac = deferred("/var/db/trustchain-filevault.plist", FactsGathererTest.NO_MARKER);
    assertThat(gatherer.gather(mac, FactsGathererTest.sequoiaRequest(), Duration.ofSeconds(5)).filevault()
        .deferral().ageDays()).isNull();
  }

  @Test
  void gather_aMarkerThatIsNotADate_leavesTheDeferralUnknown_quotingIt() throws Exception {
    FakeMacTransport mac = deferred("/var/db/trustchain-filevault.plist", Answer.out("yesterday\n"));
    HostFacts facts = gatherer.gather(mac, FactsGathererTest.sequoiaRequest(), Duration.ofSeconds(5));
    assertThatThrownBy(() -> facts.filevault().deferral()).isInstanceOf(NotUnderstoodException.class)
        .hasMessageContaining("cat /var/db/trustchain-filevault-deferral (exit 0) printed \"yesterday\" on stdout")
        .hasMessageContaining("the deferral marker's date is not YYYY-MM-DDTHH:MM:SSZ");
    assertThat(facts.filevault().status()).isEqualTo("off");
  }

  @Test
  void gather_withoutEscrowItems_hasNoEscrowFacts_andTheJsonLeavesThemOut() throws Exception {
    HostFacts facts = gatherer.gather(FactsGathererTest.sequoia(), FactsGathererTest.sequoiaRequest(),
        Duration.ofSeconds(5));
    assertThat(facts.escrow()).isNull();
    assertThat(FactsJson.write(Map.of("mac", facts))).doesNotContain("\"escrow\"");
  }

  @Test
  void gather_escrowItems_areReadFromTheStore_agedByTheMacsClockFromTheKeysOwnDate() throws Exception {
    MemoryStore store = new MemoryStore();
    store.put(new EscrowEntry("fake-mac", "personal_recovery_key", Secret.of("ABCD-EFGH-IJKL-MNOP-QRST-UVWX"),
        Instant.parse("2026-01-01T00:00:00Z"), "2025-07-08 09:00:00 +0200", Map.of()));          // S42 date form
    FactsRequest request = FactsGathererTest.sequoiaRequest()
        .withEscrowItems(Set.of("personal_recovery_key")).withEscrow(store);

    HostFacts facts = gatherer.gather(FactsGathererTest.sequoia(), request, Duration.ofSeconds(5));

    EscrowedItem prk = facts.escrow().item("personal_recovery_key").orElseThrow();
    assertThat(prk.isEscrowed()).isTrue();
    assertThat(prk.escrowedAt()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(prk.createdAt()).isEqualTo("2025-07-08 09:00:00 +0200");
    assertThat(prk.ageDays()).as("2025-07-08T07:00Z to the Mac's 2025-10-06T08:00Z").isEqualTo(90);
    assertThat(facts.escrow().store()).isEqualTo("memory store");
    String json = FactsJson.write(Map.of("mac", facts));
    assertThat(json).contains("\"escrow\"", "\"personal_recovery_key\"", "\"escrowed\": true")
        .doesNotContain("ABCD-EFGH");
  }

  @Test
  void gather_anItemTheStoreLacks_isNotEscrowed_andAStoreThatCannotReadIsUnknown() throws Exception {
    FactsRequest missing = FactsGathererTest.sequoiaRequest().withEscrowItems(Set.of("personal_recovery_key"))
        .withEscrow(new MemoryStore());
    assertThat(gatherer.gather(FactsGathererTest.sequoia(), missing, Duration.ofSeconds(5)).escrow()
        .item("personal_recovery_key")).contains(EscrowedItem.missing());

    MemoryStore blind = new MemoryStore();
    blind.readable = false;
    FactsRequest unknown = missing.withEscrow(blind);
    assertThat(gatherer.gather(FactsGathererTest.sequoia(), unknown, Duration.ofSeconds(5)).escrow()
        .item("personal_recovery_key")).contains(EscrowedItem.unknown());
  }

  @Test
  void digest_ignoresTheAgesThatMoveWithTheClock() throws Exception {
    MemoryStore store = new MemoryStore();
    store.put(new EscrowEntry("fake-mac", "personal_recovery_key", Secret.of("ABCD-EFGH-IJKL-MNOP-QRST-UVWX"),
        Instant.parse("2026-01-01T00:00:00Z"), null, Map.of()));
    FactsRequest request = FactsGathererTest.sequoiaRequest().withEscrowItems(Set.of("personal_recovery_key"))
        .withEscrow(store);
    HostFacts early = gatherer.gather(FactsGathererTest.sequoia(), request, Duration.ofSeconds(5));
    HostFacts later = gatherer.gather(FactsGathererTest.sequoia().answer(FactsScript.CLOCK, "2026-09-01T00:00:00Z\n"),
        request, Duration.ofSeconds(5));
    assertThat(early.escrow()).isNotEqualTo(later.escrow());
    assertThat(FactsJson.digest(early)).isEqualTo(FactsJson.digest(later));
  }

  /** A store in memory, keyed host/item. */
  static final class MemoryStore implements EscrowStore {
    final Map<String, EscrowEntry> entries = new HashMap<>();
    boolean readable = true;

    @Override
    public void put(EscrowEntry entry) {
      entries.put(entry.host() + "/" + entry.item(), entry);
    }

    @Override
    public Optional<EscrowEntry> get(String host, String item) throws EscrowException {
      if (!readable) {
        throw new EscrowException("cannot read");
      }
      return Optional.ofNullable(entries.get(host + "/" + item));
    }

    @Override
    public boolean canRead() {
      return readable;
    }

    @Override
    public String describe() {
      return "memory store";
    }
  }
}
