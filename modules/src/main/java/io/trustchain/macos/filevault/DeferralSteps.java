package io.trustchain.macos.filevault;

import static io.trustchain.macos.platform.Platform.possessive;

import io.trustchain.facts.Deferral;
import io.trustchain.facts.DeferralOptions;
import io.trustchain.facts.FileVaultFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.Known;
import io.trustchain.facts.Probes;
import io.trustchain.facts.UserFacts;
import io.trustchain.macos.platform.Platform;
import io.trustchain.plan.PlanException;
import java.util.List;

/**
 * Deferred enablement: {@code fdesetup enable -defer} for the document's user, dated on the Mac by
 * trustchain's marker (macOS does not date deferrals). An active deferral is pending (only the
 * user's login or logout completes it); one that has waited longer than {@code overdue_after_days} is
 * reported as drift; one set up with other options than the document's ({@code force_at_login},
 * {@code ask_at_logout}) is set up again.
 */
final class DeferralSteps {

  private DeferralSteps() {}

  static void deferred(Draft d) throws PlanException {
    DeferredParams want = d.params.deferred();
    String name = want.user();
    UserFacts user = d.user(name).orElseThrow(() -> new PlanException("the deferral's user " + name
        + " does not exist on this Mac", "create " + name + " with a user resource before this one"));
    if (!canEnableAtLogin(d.projected, user)) {
      throw new PlanException(name + " holds no Secure Token, and only a token holder can turn FileVault on at"
          + " login", "give " + name + " a token (user: {name: " + name + ", secure_token: true, password: …}), or"
          + " escrow a Bootstrap Token (macOS 11+) so macOS grants one at " + possessive(name) + " next login");
    }
    d.escrow();
    Deferral active = d.fv.deferral();
    DeferralOptions options = new DeferralOptions(want.forceAtLogin(), want.askAtLogout());
    String when = possessive(name) + " next login" + (want.askAtLogout() ? " or logout" : "");
    if (active != null && (active.user() == null || active.user().equalsIgnoreCase(name))) {
      if (!ours(active)) {
        d.pending = "FileVault is turned on at " + when + " by a deferral set up outside trustchain (it writes the"
            + " recovery key to " + active.outputPath() + ", where trustchain does not collect it: once FileVault is"
            + " on, trustchain makes a new key and escrows it); macOS does not say how old it is";
        return;
      }
      List<String> differences = DeferralOptionsCheck.differences(active, options);
      if (!differences.isEmpty()) {
        redefer(d, active, want, options, differences);
      } else if (active.ageDays() == null) {
        d.guard(Probes.deferral(true));
        d.run("the deferral for " + name + " carries no date (macOS does not date deferrals): trustchain dates it"
            + " from now in " + FileVaultCommands.MARKER, FileVaultCommands.markDeferral(options));
        d.fileVault(deferral(d.next, new Deferral(name, FileVaultCommands.PLIST, active.forceAtLogin(), 0,
            active.askAtLogout(), null, options)));
      } else if (active.ageDays() > want.overdueAfterDays()) {
        d.overdue = true;
        d.pending = "drift: the deferred FileVault enablement for " + name + " has waited " + active.ageDays()
            + " days (overdue_after_days: " + want.overdueAfterDays() + "): " + name + " has not logged in"
            + (want.askAtLogout() ? " or out" : "") + " since, and FileVault stays off until then"
            + DeferralOptionsCheck.countdown(active, name);
      } else {
        d.pending = "FileVault is turned on at " + when + " (deferred " + active.ageDays()
            + (active.ageDays() == 1 ? " day" : " days") + " ago)" + DeferralOptionsCheck.countdown(active, name)
            + "; the next run escrows its recovery key";
      }
      return;
    }
    d.guard(Probes.deferral(active != null));
    if (active != null) {
      d.run("the active deferral is for " + active.user() + ", not " + name + ": it is removed (fdesetup disable)",
          FileVaultCommands.removeDeferral());
    }
    d.run("FileVault is off: it is turned on at " + when + " (fdesetup enable -defer"
        + (want.forceAtLogin() != null ? ", -forceatlogin " + want.forceAtLogin() : "") + "); macOS writes the recovery"
        + " key to " + FileVaultCommands.PLIST + " and the next run escrows it", FileVaultCommands.defer(want),
        FileVaultCommands.markDeferral(options));
    d.fileVault(deferral(d.next, new Deferral(name, FileVaultCommands.PLIST, want.forceAtLogin(), 0,
        want.askAtLogout(), null, options)));
  }

  /**
   * The deferral's options differ from the document's: macOS has no verb that changes a deferral, so
   * it is removed ({@code fdesetup disable}, which fdesetup(8) documents for this) and set up again.
   * The marker keeps the first date, so a deferral that waits too long stays drift.
   */
  private static void redefer(Draft d, Deferral active, DeferredParams want, DeferralOptions options,
      List<String> differences) {
    String name = want.user();
    String kept = active.setUpAt() == null ? "" : "; it keeps its date (set up " + active.ageDays()
        + (active.ageDays() != null && active.ageDays() == 1 ? " day" : " days") + " ago)";
    d.run("the deferral for " + name + " differs from the document (" + String.join("; ", differences)
        + "): macOS cannot change a deferral, so it is removed (fdesetup disable) and set up again (fdesetup enable"
        + " -defer" + (want.forceAtLogin() != null ? ", -forceatlogin " + want.forceAtLogin() : "")
        + (want.askAtLogout() ? "" : ", -dontaskatlogout") + ")" + kept
        + (want.forceAtLogin() != null ? "; the countdown of declined logins starts again" : ""),
        FileVaultCommands.removeDeferral(), FileVaultCommands.defer(want),
        active.setUpAt() == null ? FileVaultCommands.markDeferral(options)
            : FileVaultCommands.markDeferral(options, active.setUpAt()));
    d.fileVault(deferral(d.next, new Deferral(name, FileVaultCommands.PLIST, want.forceAtLogin(),
        active.setUpAt() == null ? 0 : active.ageDays(), want.askAtLogout(), active.setUpAt(), options)));
  }

  /** A deferral whose key lands where trustchain collects it. */
  static boolean ours(Deferral d) {
    return d.outputPath() == null || d.outputPath().equals(FileVaultCommands.PLIST);
  }

  /**
   * Whether {@code u} can turn FileVault on at its login: it holds a token, or gets one at that login
   * (from an escrowed Bootstrap Token on macOS 11+, or as the volume's first token on 10.15+).
   */
  static boolean canEnableAtLogin(HostFacts facts, UserFacts u) {
    if (u.secureToken()) {
      return true;
    }
    if (u.secureTokenDisabledTag()) {
      return false;
    }
    boolean bootstrap = facts.bootstrapToken() != null && facts.bootstrapToken().escrowed();
    if (bootstrap && Platform.bigSurOrLater(facts)) {
      return true;
    }
    boolean noToken = Known.noneMatch(facts.users(), UserFacts::secureToken);
    return noToken && facts.os() != null && facts.os().atLeast(10, 15);
  }

  private static FileVaultFacts deferral(FileVaultFacts f, Deferral value) {
    return new FileVaultFacts(f.status(), f.progressPercent(), value, f.unlockUsers(), f.personalRecoveryKey(),
        f.institutionalRecoveryKey(), f.pendingRecoveryPlist());
  }
}
