package io.trustchain.macos.safety;

import io.trustchain.facts.EscrowedItem;
import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.FileVaultFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.plan.Action;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.Credential;
import io.trustchain.spi.PlanValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Safety invariant 3: FileVault is never turned off unless a document says {@code enabled: false},
 * and never turned on (now, or by setting up a deferral) without a recovery path, unless a document
 * opts out with {@code allow_no_recovery_path: true}. A recovery path is an institutional key, a
 * personal key in escrow once the plan ran, or a deferral that writes its key where trustchain
 * collects it for the configured escrow store. Checked on the gathered and projected facts and on the
 * filevault changes' attributes, whatever module made the change.
 */
public final class FileVaultInvariant implements PlanValidator {

  private static final String PRK = "personal_recovery_key";

  @Override
  public List<PlanProblem> validate(HostFacts gathered, HostFacts projected, Credential credential, List<Change> changes) {
    FileVaultFacts before = gathered.filevault();
    FileVaultFacts after = projected.filevault();
    if (before == null || after == null || before.equals(after)) {
      return List.of(); // no change touches FileVault
    }
    List<PlanProblem> problems = new ArrayList<>();
    boolean wasOn = onOrComingOn(before.status());
    boolean willBeOn = onOrComingOn(after.status());
    if (wasOn && !willBeOn && !said(changes, "enabled", false)) {
      problems.add(new PlanProblem(culprit(changes), "this plan would turn FileVault off, and no document says"
          + " enabled: false", Optional.of("only a filevault resource with enabled: false turns FileVault off"),
          Optional.empty()));
    }
    boolean wasComing = on(before.status()) || before.deferral() != null;
    boolean comes = on(after.status()) || after.deferral() != null;
    if (!wasComing && comes && !recoveryPath(after, projected) && !said(changes, "allow_no_recovery_path", true)) {
      problems.add(new PlanProblem(culprit(changes), "this plan would turn FileVault on without a recovery path:"
          + " no personal recovery key in escrow and no institutional recovery key",
          Optional.of("escrow the personal key (personal_recovery_key: {escrow: true} and an escrow store), give"
              + " institutional_recovery_key: {certificate: …}, or opt out with allow_no_recovery_path: true"),
          Optional.empty()));
    }
    return problems;
  }

  private static boolean on(String status) {
    return !"off".equals(status);
  }

  private static boolean onOrComingOn(String status) {
    return "on".equals(status) || "encrypting".equals(status);
  }

  private static boolean recoveryPath(FileVaultFacts after, HostFacts projected) {
    if (after.institutionalRecoveryKey()) {
      return true;
    }
    boolean storeConfigured = projected.escrow() != null && projected.escrow().store() != null;
    boolean escrowed = storeConfigured && projected.escrow().item(PRK).map(EscrowedItem::isEscrowed).orElse(false);
    if (escrowed && after.personalRecoveryKey()) {
      return true;
    }
    return storeConfigured && after.deferral() != null
        && FactsRequest.DEFAULT_RECOVERY_PLIST.equals(after.deferral().outputPath());
  }

  /** Whether a filevault change's after-attributes say {@code key: value}. */
  private static boolean said(List<Change> changes, String key, Object value) {
    return changes.stream().filter(c -> c.address().module().equals("filevault"))
        .map(FileVaultInvariant::after).anyMatch(a -> a != null && value.equals(a.get(key)));
  }

  private static io.trustchain.plan.Attributes after(Change c) {
    return switch (c) {
      case Change.Update u -> u.after();
      case Change.Create cr -> cr.after();
      case Change.Pending pe -> pe.after();
      case Change.NoOp n -> n.current();
      case Change.Delete d -> null;
    };
  }

  private static ResourceAddress culprit(List<Change> changes) {
    return changes.stream().filter(c -> c.address().module().equals("filevault") && c.action() != Action.NO_OP)
        .map(Change::address).findFirst().orElse(ResourceAddress.of("invariant", "filevault"));
  }
}
