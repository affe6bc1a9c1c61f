package io.trustchain.macos.user;

import io.trustchain.facts.UserFacts;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.ResourceAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A user resource that names the play's management credential (safety invariant 2): it may only
 * describe the credential as it is. Anything it would change is refused, never planned.
 */
final class CredentialGuard {

  private CredentialGuard() {}

  static Change plan(ResourceAddress address, UserParams p, Optional<UserFacts> current) throws PlanException {
    String name = p.name();
    if (current.isEmpty()) {
      throw new PlanException("the management credential " + name + " does not exist on this Mac, and trustchain"
          + " never creates or modifies the management credential",
          "create " + name + " as an admin with a Secure Token on the Mac, or name an existing account as the credential");
    }
    UserFacts u = current.get();
    if (p.managedPassword() != null) {
      throw new PlanException("trustchain never rotates the management credential " + name + ": it is what sets"
          + " every other managed password (it needs no old password, keeps their Secure Tokens and FileVault unlock"
          + " in step) and every run authenticates with it; a new password would lock the next run out (safety"
          + " invariant 2)", "remove managed_password from this resource; change the credential's password yourself,"
          + " then update the document's secret");
    }
    List<String> differences = new ArrayList<>();
    if (p.isAbsent()) {
      differences.add("state: present -> absent");
    } else {
      differ(differences, "admin", p.admin(), u.admin());
      differ(differences, "secure_token", p.secureToken(), u.secureToken());
      differ(differences, "full_name", p.fullName(), u.realName());
      differ(differences, "shell", p.shell(), u.shell());
      differ(differences, "hidden", p.hidden(), u.hidden());
      differ(differences, "uid", p.uid(), u.uid());
    }
    if (!differences.isEmpty()) {
      throw new PlanException("trustchain never modifies the management credential " + name
          + "; remove this resource or make it match", "it would change " + String.join(", ", differences));
    }
    return new Change.NoOp(address, UserAttributes.of(u).build(),
        name + " is the management credential and matches the document");
  }

  private static void differ(List<String> out, String key, Object wanted, Object actual) {
    if (wanted != null && !wanted.equals(actual)) {
      out.add(key + ": " + actual + " -> " + wanted);
    }
  }
}
