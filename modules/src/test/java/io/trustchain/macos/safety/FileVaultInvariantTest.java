package io.trustchain.macos.safety;

import static io.trustchain.macos.Fixtures.TCADMIN;
import static io.trustchain.macos.TestUsers.mac;
import static io.trustchain.macos.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.facts.Deferral;
import io.trustchain.facts.EscrowFacts;
import io.trustchain.facts.EscrowedItem;
import io.trustchain.facts.FileVaultFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Safety invariant 3, whichever module (or bug) would break it. */
class FileVaultInvariantTest {

  private final FileVaultInvariant invariant = new FileVaultInvariant();
  private final HostFacts base = mac("sequoia-arm", user("tcadmin", 501, true, true, true, true));

  private static FileVaultFacts fv(String status, boolean prk, boolean irk, Deferral deferral) {
    return new FileVaultFacts(status, null, deferral, List.of("tcadmin"), prk, irk, false);
  }

  private static Change change(String module, Map<String, Object> after) {
    return new Change.Update(ResourceAddress.of(module, "main"), Attributes.EMPTY, Attributes.of(after), List.of(),
        "x");
  }

  private List<PlanProblem> check(HostFacts before, HostFacts after, Change... changes) {
    return invariant.validate(before, after, TCADMIN, List.of(changes));
  }

  @Test
  void turningOff_needsADocumentThatSaysEnabledFalse() {
    HostFacts on = base.withFileVault(fv("on", true, false, null));
    HostFacts off = base.withFileVault(fv("off", false, false, null));
    assertThat(check(on, off, change("other", Map.of()))).extracting(PlanProblem::message)
        .containsExactly("this plan would turn FileVault off, and no document says enabled: false");
    assertThat(check(on, off, change("filevault", Map.of("enabled", false)))).isEmpty();
    HostFacts decrypting = base.withFileVault(fv("decrypting", true, false, null));
    assertThat(check(decrypting, decrypting)).as("already on its way off").isEmpty();
  }

  @Test
  void turningOn_needsARecoveryPath_orTheDocumentsOptOut() {
    HostFacts off = base.withFileVault(fv("off", false, false, null));
    HostFacts onWithoutEscrow = base.withFileVault(fv("on", true, false, null));
    assertThat(check(off, onWithoutEscrow, change("filevault", Map.of("enabled", true))))
        .extracting(PlanProblem::address).containsExactly(ResourceAddress.of("filevault", "main"));
    assertThat(check(off, onWithoutEscrow, change("filevault", Map.of("allow_no_recovery_path", true)))).isEmpty();
    assertThat(check(off, base.withFileVault(fv("on", false, true, null)))).as("institutional key").isEmpty();
    EscrowFacts escrowed = new EscrowFacts("vault escrow store /e",
        Map.of("personal_recovery_key", new EscrowedItem(true, null, null, 0)));
    assertThat(check(off, onWithoutEscrow.withEscrow(escrowed))).as("personal key in escrow").isEmpty();
  }

  @Test
  void aDeferral_isARecoveryPathWhenItsKeyLandsWhereTrustchainCollectsIt_forAStore() {
    HostFacts off = base.withFileVault(fv("off", false, false, null));
    EscrowFacts store = new EscrowFacts("vault escrow store /e", Map.of());
    HostFacts ours = base.withFileVault(fv("off", false, false,
        new Deferral("alice", "/var/db/trustchain-filevault.plist", 3, 0))).withEscrow(store);
    HostFacts foreign = base.withFileVault(fv("off", false, false,
        new Deferral("alice", "/var/db/ConfigurationProfiles/fdesetup.plist", 3, 0))).withEscrow(store);
    assertThat(check(off, ours)).isEmpty();
    assertThat(check(off, foreign)).hasSize(1);
    assertThat(check(off, ours.withEscrow(null))).as("no store").hasSize(1);
  }
}
