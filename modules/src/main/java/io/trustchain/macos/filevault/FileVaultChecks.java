package io.trustchain.macos.filevault;

import io.trustchain.spi.MacNames;
import io.trustchain.spi.ParamProblem;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The filevault parameters' cross-checks, before any fact is read. */
final class FileVaultChecks {

  private FileVaultChecks() {}

  static List<ParamProblem> check(FileVaultParams p) {
    List<ParamProblem> problems = new ArrayList<>();
    if (!Boolean.TRUE.equals(p.enabled())) {
      Map<String, Object> moot = new LinkedHashMap<>();
      moot.put("enable_with", p.enableWith());
      moot.put("deferred", p.deferred());
      moot.put("unlock_users", p.unlockUsers());
      moot.put("institutional_recovery_key", p.institutionalRecoveryKey());
      moot.forEach((key, value) -> {
        if (value != null) {
          problems.add(new ParamProblem(key, key + " has no effect with enabled: false", "remove it"));
        }
      });
      return problems;
    }
    if (p.enableWith() == null) {
      problems.add(new ParamProblem("enable_with", "say how FileVault is turned on: enable_with is required",
          "enable_with: deferred (at a user's next login, with deferred: {user: …}) or immediate (now, over SSH)"));
    } else if (p.deferredEnablement() && p.deferred() == null) {
      problems.add(new ParamProblem("deferred", "enable_with: deferred needs deferred: {user: …}",
          "name the user whose next login turns FileVault on"));
    } else if (!p.deferredEnablement() && p.deferred() != null) {
      problems.add(new ParamProblem("deferred", "deferred has no effect with enable_with: immediate", "remove it"));
    }
    if (p.deferred() != null) {
      MacNames.shortName(p.deferred().user()).ifPresent(why ->
          problems.add(new ParamProblem("deferred.user", why, MacNames.SHORT_NAME_HINT)));
      Integer force = p.deferred().forceAtLogin();
      if (force != null && force < -1) {
        problems.add(ParamProblem.of("deferred.force_at_login", "force_at_login is -1 (ignore), 0 (the next login)"
            + " or a number of logins the user may decline, not " + force));
      }
      if (p.deferred().overdueAfterDays() < 1) {
        problems.add(ParamProblem.of("deferred.overdue_after_days", "overdue_after_days must be at least 1"));
      }
      if (!p.personalRecoveryKey().escrow()) {
        problems.add(new ParamProblem("personal_recovery_key", "a deferred enablement writes a personal recovery"
            + " key to a file on the Mac, which trustchain must escrow", "keep personal_recovery_key: {escrow: true}"));
      }
    }
    boolean recoveryPath = p.personalRecoveryKey().escrow() || p.institutionalRecoveryKey() != null;
    if (!recoveryPath && !p.allowNoRecoveryPath()) {
      problems.add(new ParamProblem("personal_recovery_key", "FileVault would be turned on without a recovery path"
          + " (safety invariant 3): the personal key is not escrowed and no institutional key is given",
          "escrow the personal key, give institutional_recovery_key: {certificate: …}, or opt out explicitly"
              + " with allow_no_recovery_path: true"));
    }
    RecoveryKeyParams key = p.personalRecoveryKey();
    if (key.rotateAfterDays() != null && key.rotateAfterDays() < 1) {
      problems.add(ParamProblem.of("personal_recovery_key.rotate_after_days", "rotate_after_days must be at least 1"));
    }
    if (key.rotateIfCreatedBefore() != null) {
      try {
        KeySteps.cutoff(key.rotateIfCreatedBefore());
      } catch (DateTimeParseException e) {
        problems.add(new ParamProblem("personal_recovery_key.rotate_if_created_before", "\""
            + key.rotateIfCreatedBefore() + "\" is not a date", "write 2026-05-01 or 2026-05-01T00:00:00Z"));
      }
    }
    if (p.institutionalRecoveryKey() != null) {
      try {
        Certificate.parse(p.institutionalRecoveryKey().certificate());
      } catch (IllegalArgumentException e) {
        problems.add(new ParamProblem("institutional_recovery_key.certificate", e.getMessage(),
            "paste the PEM text of the FileVaultMaster certificate (-----BEGIN CERTIFICATE----- …)"));
      }
    }
    if (p.unlockUsers() != null) {
      if (p.unlockUsers().isEmpty()) {
        problems.add(new ParamProblem("unlock_users", "unlock_users cannot be empty: somebody must unlock FileVault",
            "list at least one Secure Token holder"));
      }
      p.unlockUsers().forEach(u -> MacNames.shortName(u).ifPresent(why ->
          problems.add(new ParamProblem("unlock_users", why, MacNames.SHORT_NAME_HINT))));
    }
    for (String name : p.userPasswords().keySet()) {
      if (p.unlockUsers() == null || !p.unlockUsers().contains(name)) {
        problems.add(new ParamProblem("user_passwords", "user_passwords names " + name + ", who is not in"
            + " unlock_users", "remove it, or add " + name + " to unlock_users"));
      }
    }
    return problems;
  }
}
