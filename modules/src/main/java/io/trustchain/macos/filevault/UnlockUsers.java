package io.trustchain.macos.filevault;

import static io.trustchain.macos.platform.Platform.possessive;

import io.trustchain.facts.FileVaultFacts;
import io.trustchain.facts.Probes;
import io.trustchain.facts.UserFacts;
import io.trustchain.spi.Credential;
import io.trustchain.plan.PlanException;
import io.trustchain.secret.SecretRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The users who unlock FileVault, as an exact set. On APFS they are the Secure Token holders:
 * {@code fdesetup add -usertoadd}, authorised by the credential (a token holder) with the added
 * user's password, gives the user a token; {@code fdesetup remove -user} takes it. The last one is
 * never removed (S45).
 */
final class UnlockUsers {

  private UnlockUsers() {}

  /** @param current the unlock users once FileVault is on (fdesetup list, or the token holders) */
  static void manage(Draft d, List<String> current) throws PlanException {
    List<String> wanted = d.params.unlockUsers();
    if (wanted == null) {
      return;
    }
    Set<String> now = new LinkedHashSet<>(current);
    Set<String> after = new TreeSet<>(now);
    for (String name : wanted) {
      if (now.contains(name)) {
        continue;
      }
      UserFacts u = d.user(name).orElseThrow(() -> new PlanException(name + " cannot unlock FileVault: no such user"
          + " on this Mac", "create " + name + " with a user resource before this one"));
      SecretRef password = d.params.userPasswords().get(name);
      if (password == null) {
        throw new PlanException("adding " + name + " to FileVault needs " + possessive(name) + " password",
            "give it as user_passwords: {" + name + ": !secret …}, or give " + name
                + " a Secure Token with a user resource (token holders unlock FileVault)");
      }
      Credential c = d.credential("adding " + name + " to FileVault");
      d.guard(Probes.passwordAuthenticates(name, password));
      if (listedNow(d) && u.generatedUid() != null) {
        d.guard(Probes.unlockUser(name, u.generatedUid(), false));
      }
      d.run(name + " unlocks FileVault: " + c.user() + " adds " + name + " (fdesetup add, which gives " + name
          + " a Secure Token)", FileVaultCommands.add(c, name, password));
      d.token(u, true);
      after.add(name);
    }
    List<String> removed = new ArrayList<>();
    for (String name : now) {
      if (!wanted.contains(name) && d.user(name).isPresent()) {
        removed.add(name);
      }
    }
    after.removeAll(removed);
    if (after.isEmpty()) {
      throw new PlanException("this would leave nobody to unlock FileVault", "keep at least one unlock user");
    }
    for (String name : removed) {
      String uid = d.user(name).map(UserFacts::generatedUid).orElse(null);
      if (listedNow(d) && uid != null) {
        d.guard(Probes.unlockUser(name, uid, true));
      }
      d.run(name + " no longer unlocks FileVault: fdesetup remove -user " + name + " (on APFS this takes "
          + possessive(name) + " Secure Token)", FileVaultCommands.remove(name));
      d.token(d.user(name).orElseThrow(), false);
    }
    FileVaultFacts n = d.next;
    d.fileVault(new FileVaultFacts(n.status(), n.progressPercent(), n.deferral(), List.copyOf(after),
        n.personalRecoveryKey(), n.institutionalRecoveryKey(), n.pendingRecoveryPlist()));
  }

  /** Whether {@code fdesetup list} shows the unlock users when the change starts (FileVault already on). */
  private static boolean listedNow(Draft d) {
    return d.fv.status().equals("on") || d.fv.status().equals("encrypting");
  }
}
