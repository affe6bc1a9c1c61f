package io.trustchain.macos.filevault;

import io.trustchain.facts.EscrowedItem;
import io.trustchain.facts.FileVaultFacts;
import io.trustchain.facts.Probes;
import io.trustchain.spi.Credential;
import io.trustchain.plan.PlanException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The recovery keys: a personal key waiting in trustchain's plist is escrowed first (nothing is ever
 * lost: the Mac's copy is removed only once the store has read it back); a personal key that is
 * missing, not in escrow, too old or made before a given date is replaced with
 * {@code fdesetup changerecovery -personal}; an institutional key is installed from the document's
 * certificate.
 *
 * <p>{@code rotate_if_created_before} takes effect once its date has come on the Mac's clock: a date
 * in the Mac's future would otherwise replace the key at every run (the new key is made before it
 * too). Until then the plan says so.
 */
final class KeySteps {

  private static final DateTimeFormatter PLIST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

  private KeySteps() {}

  static void collectWaitingKey(Draft d) throws PlanException {
    if (!d.fv.pendingRecoveryPlist()) {
      return;
    }
    if (!d.params.escrows()) {
      throw new PlanException("a FileVault recovery key waits in " + FileVaultCommands.PLIST + " on this Mac and"
          + " this document does not escrow personal recovery keys",
          "set personal_recovery_key: {escrow: true} (with an escrow store on the play) so trustchain collects it,"
              + " or keep the key yourself and remove the file");
    }
    d.escrow();
    d.guard(Probes.recoveryPlist(FileVaultCommands.PLIST, true));
    d.run("a personal recovery key waits in " + FileVaultCommands.PLIST + " (written when FileVault was turned on or"
        + " its key changed): it is escrowed and read back, then the Mac's copy is removed", FileVaultCommands.collect());
    d.keyEscrowed();
    d.keyCollected = true;
    d.fileVault(with(d.next, d.next.personalRecoveryKey(), false));
  }

  static void personalKey(Draft d) throws PlanException {
    if (!d.params.escrows() || d.keyCollected) {
      return;
    }
    EscrowedItem key = d.escrowedKey();
    RecoveryKeyParams policy = d.params.personalRecoveryKey();
    String reason = null;
    if (!d.fv.personalRecoveryKey()) {
      reason = "FileVault has no personal recovery key: one is made";
    } else if (Boolean.FALSE.equals(key.escrowed())) {
      reason = "the Mac's personal recovery key is not in escrow, and macOS never shows a key again: a new one"
          + " replaces it";
    } else if (key.isEscrowed() && policy.rotateAfterDays() != null && key.ageDays() != null
        && key.ageDays() >= policy.rotateAfterDays()) {
      reason = "the personal recovery key is " + key.ageDays() + " days old (rotate_after_days: "
          + policy.rotateAfterDays() + ")";
    } else if (key.isEscrowed() && policy.rotateIfCreatedBefore() != null) {
      Instant cutoff = cutoff(policy.rotateIfCreatedBefore());
      Optional<Instant> made = made(key);
      Optional<Instant> now = d.facts.macClock();
      if (made.isPresent() && made.get().isBefore(cutoff) && now.isPresent() && !now.get().isBefore(cutoff)) {
        reason = "the personal recovery key was made before " + policy.rotateIfCreatedBefore()
            + " (rotate_if_created_before)";
      } else if (made.isPresent() && made.get().isBefore(cutoff)) {
        d.note = now.isPresent() ? "; rotate_if_created_before " + policy.rotateIfCreatedBefore() + " is in the"
            + " Mac's future (its clock says " + now.get() + "): the key is replaced once that date has come"
            : "; the Mac's clock is unknown, so rotate_if_created_before waits";
      }
    }
    if (reason == null) {
      return;
    }
    Credential c = d.credential("changing the personal recovery key");
    d.guard(Probes.recoveryPlist(FileVaultCommands.PLIST, false));
    d.guard(Probes.personalRecoveryKey(d.fv.personalRecoveryKey()));
    d.run(reason + ": " + c.user() + " makes a new one (fdesetup changerecovery -personal), written to "
        + FileVaultCommands.PLIST + ", escrowed and read back, then removed from the Mac; the old key stops working",
        FileVaultCommands.rotate(c));
    d.commands.addAll(FileVaultCommands.collect());
    d.keyEscrowed();
    d.fileVault(with(d.next, true, false));
  }

  static void institutionalKey(Draft d) throws PlanException {
    InstitutionalKeyParams irk = d.params.institutionalRecoveryKey();
    if (irk == null || d.fv.institutionalRecoveryKey()) {
      return;
    }
    Certificate cert = Certificate.parse(irk.certificate());
    Credential c = d.credential("installing the institutional recovery key");
    d.guard(Probes.institutionalRecoveryKey(false));
    d.run("FileVault has no institutional recovery key: " + c.user() + " installs " + cert.fingerprint()
        + " (fdesetup changerecovery -institutional)", FileVaultCommands.institutional(c, cert));
    FileVaultFacts n = d.next;
    d.fileVault(new FileVaultFacts(n.status(), n.progressPercent(), n.deferral(), n.unlockUsers(),
        n.personalRecoveryKey(), true, n.pendingRecoveryPlist()));
  }

  /** {@code ; its personal recovery key is escrowed (12 days old)} and the like, for a settled FileVault. */
  static String keyWords(Draft d) throws PlanException {
    if (!d.params.escrows()) {
      return d.fv.institutionalRecoveryKey() ? "; its institutional recovery key is installed" : "";
    }
    EscrowedItem key = d.escrowedKey();
    if (key.escrowed() == null) {
      return "; its personal recovery key went to the " + d.escrow().store() + ", which cannot say whether it still"
          + " holds it";
    }
    return "; its personal recovery key is escrowed" + (key.ageDays() == null ? "" : " (" + key.ageDays()
        + (key.ageDays() == 1 ? " day old)" : " days old)")) + (d.note == null ? "" : d.note);
  }

  /** {@code 2026-05-01} (midnight UTC) or an ISO-8601 instant. */
  static Instant cutoff(String text) {
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toInstant();
    }
  }

  private static Optional<Instant> made(EscrowedItem key) {
    if (key.createdAt() != null) {
      try {
        return Optional.of(OffsetDateTime.parse(key.createdAt(), PLIST_DATE).toInstant());
      } catch (DateTimeParseException e) {
        // fall back to when it was escrowed
      }
    }
    return Optional.ofNullable(key.escrowedAt()).map(Instant::parse);
  }

  private static FileVaultFacts with(FileVaultFacts f, boolean personalKey, boolean pending) {
    return new FileVaultFacts(f.status(), f.progressPercent(), f.deferral(), f.unlockUsers(), personalKey,
        f.institutionalRecoveryKey(), pending);
  }
}
