package io.trustchain.macos.filevault;

import io.trustchain.facts.Deferral;
import io.trustchain.facts.EscrowFacts;
import io.trustchain.facts.EscrowedItem;
import io.trustchain.facts.FileVaultFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.plan.Attributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FileVault as the plan shows it: {@code enabled}, {@code status}, {@code deferred_for}, {@code deferral_options}
 * (when the document defers and a deferral is active),
 * {@code unlock_users}, {@code personal_recovery_key} ({@code none}, {@code escrowed},
 * {@code not escrowed}, {@code waiting on the Mac}, {@code escrow unknown}),
 * {@code institutional_recovery_key}, and {@code allow_no_recovery_path} when the document opts out of
 * safety invariant 3. No key, no age (ages move with the clock).
 */
final class FileVaultAttributes {

  static final String ALLOW_NO_RECOVERY_PATH = "allow_no_recovery_path";

  private FileVaultAttributes() {}

  static Attributes of(HostFacts facts, FileVaultParams p) {
    FileVaultFacts fv = facts.filevault() == null ? FileVaultFacts.unknown() : facts.filevault();
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("enabled", !fv.status().equals("off"));
    a.put("status", fv.status());
    a.put("deferred_for", fv.deferral() == null ? null : fv.deferral().user());
    if (p.deferred() != null && fv.deferral() != null) {
      a.put("deferral_options", options(fv.deferral()));
    }
    if (p.unlockUsers() != null) {
      a.put("unlock_users", fv.unlockUsers());
    }
    a.put("personal_recovery_key", key(fv, facts.escrow(), p));
    a.put("institutional_recovery_key", fv.institutionalRecoveryKey());
    if (p.allowNoRecoveryPath()) {
      a.put(ALLOW_NO_RECOVERY_PATH, true);
    }
    return Attributes.of(a);
  }

  /** How the deferral was set up (trustchain's marker), else what macOS reports of it. */
  private static String options(Deferral d) {
    if (d.setUpWith() != null) {
      return d.setUpWith().toString();
    }
    return "force_at_login " + (d.forceAtLogin() == null ? "unknown" : d.forceAtLogin() + " left") + ", ask_at_logout "
        + (d.askAtLogout() == null ? "unknown" : d.askAtLogout());
  }

  private static String key(FileVaultFacts fv, EscrowFacts escrow, FileVaultParams p) {
    if (fv.pendingRecoveryPlist()) {
      return "waiting on the Mac";
    }
    if (!fv.personalRecoveryKey()) {
      return "none";
    }
    if (!p.escrows() || escrow == null) {
      return "on the Mac";
    }
    EscrowedItem item = escrow.item(FileVaultCommands.PRK_ITEM).orElse(EscrowedItem.unknown());
    return item.escrowed() == null ? "escrow unknown" : item.isEscrowed() ? "escrowed" : "not escrowed";
  }
}
