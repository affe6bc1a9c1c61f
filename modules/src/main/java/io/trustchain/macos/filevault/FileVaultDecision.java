package io.trustchain.macos.filevault;

import io.trustchain.facts.FileVaultFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.Probes;
import io.trustchain.facts.UserFacts;
import io.trustchain.spi.Credential;
import io.trustchain.plan.PlanException;
import java.util.List;

/**
 * What the filevault resource needs, computed purely from its params and the (projected) facts:
 * first any recovery key waiting on the Mac is escrowed, then FileVault is turned on (now, or
 * deferred to a user's login) or off, the personal and institutional keys are brought to the
 * document, and the unlock users made the exact set. The planner and the projection call it with
 * the same inputs and get the same answer.
 */
final class FileVaultDecision {

  private FileVaultDecision() {}

  static Draft decide(FileVaultParams p, HostFacts facts, Credential credential) throws PlanException {
    Draft d = new Draft(p, facts, credential);
    if (!d.fv.status().equals("decrypting")) {
      d.guard(Probes.fileVaultOn(!d.fv.status().equals("off")));
    }
    if (!p.enabled()) {
      off(d);
      return d;
    }
    KeySteps.collectWaitingKey(d);
    switch (d.fv.status()) {
      case "decrypting" -> throw new PlanException("FileVault is being decrypted (" + percent(d.fv)
          + ") and the document says enabled: true", "let the decryption finish (reboots move it on), then plan again");
      case "on", "encrypting" -> {
        KeySteps.personalKey(d);
        KeySteps.institutionalKey(d);
        UnlockUsers.manage(d, d.fv.unlockUsers());
        if (d.commands.isEmpty()) {
          d.settled = "FileVault is " + d.fv.status() + (d.fv.progressPercent() != null ? " (" + percent(d.fv) + ")"
              : "") + KeySteps.keyWords(d);
        }
      }
      default -> {
        if (p.deferredEnablement()) {
          DeferralSteps.deferred(d);
        } else {
          now(d);
        }
      }
    }
    return d;
  }

  /** Immediate enablement over SSH (a Mac nobody logs into), the key written to the plist and collected. */
  private static void now(Draft d) throws PlanException {
    FileVaultParams p = d.params;
    Credential c = d.credential("enabling FileVault now");
    Certificate cert = p.institutionalRecoveryKey() == null ? null
        : Certificate.parse(p.institutionalRecoveryKey().certificate());
    boolean escrow = p.escrows();
    if (escrow) {
      d.escrow();
    }
    if (!d.fv.pendingRecoveryPlist()) {
      d.guard(Probes.recoveryPlist(FileVaultCommands.PLIST, false));
    }
    d.run("FileVault is off: " + c.user() + " enables it now over SSH (fdesetup enable -inputplist)"
        + (escrow ? "; the personal recovery key is written to " + FileVaultCommands.PLIST + " (umask 077), escrowed"
            + " and read back, then removed from the Mac" : "; without a personal recovery key (-norecoverykey)")
        + (cert != null ? "; with the institutional key " + cert.fingerprint() : ""),
        FileVaultCommands.enableNow(c, escrow, cert));
    if (escrow) {
      d.commands.addAll(FileVaultCommands.collect());
      d.keyEscrowed();
    }
    if (d.fv.deferral() != null) {
      d.commands.add(FileVaultCommands.forgetDeferral());
    }
    List<String> holders = d.projected.users().stream().filter(UserFacts::secureToken).map(UserFacts::name).toList();
    d.fileVault(new FileVaultFacts(d.statusWhenEnabled(), d.statusWhenEnabled().equals("on") ? null : 0.0, null,
        holders, escrow, cert != null, false));
    UnlockUsers.manage(d, holders);
  }

  /** {@code enabled: false}: FileVault off (explicitly; safety invariant 3), or an active deferral removed. */
  private static void off(Draft d) throws PlanException {
    FileVaultFacts fv = d.fv;
    switch (fv.status()) {
      case "on", "encrypting" -> {
        Credential c = d.credential("turning FileVault off");
        d.run("FileVault is " + fv.status() + " and the document says enabled: false: " + c.user()
            + " turns it off (fdesetup disable)", FileVaultCommands.disable(c));
        if (fv.pendingRecoveryPlist()) {
          d.run("the recovery key waiting in " + FileVaultCommands.PLIST + " stops working: the file is removed",
              FileVaultCommands.collect().get(1));
        }
        boolean now = d.statusWhenDisabled().equals("off");
        d.fileVault(new FileVaultFacts(d.statusWhenDisabled(), now ? null : 0.0, null, now ? List.of()
            : fv.unlockUsers(), !now && fv.personalRecoveryKey(), !now && fv.institutionalRecoveryKey(), false));
      }
      case "decrypting" -> d.settled = "FileVault is being turned off (" + percent(fv) + ")";
      default -> {
        if (fv.deferral() != null) {
          d.guard(Probes.deferral(true));
          d.run("a deferred enablement for " + fv.deferral().user() + " is active and the document says enabled:"
              + " false: removed (fdesetup disable)", FileVaultCommands.removeDeferral(),
              FileVaultCommands.forgetDeferral());
          d.fileVault(new FileVaultFacts("off", null, null, fv.unlockUsers(), fv.personalRecoveryKey(),
              fv.institutionalRecoveryKey(), fv.pendingRecoveryPlist()));
        } else {
          d.settled = "FileVault is off";
        }
      }
    }
  }

  static String percent(FileVaultFacts fv) {
    Double p = fv.progressPercent();
    return p == null ? "in progress" : (p == Math.rint(p) ? String.valueOf(p.longValue()) : String.valueOf(p)) + "%";
  }
}
