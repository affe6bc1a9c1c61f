package io.trustchain.macos.credential;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.Known;
import io.trustchain.facts.UserFacts;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.Credential;
import io.trustchain.spi.PlanValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The management credential must exist, be an admin, hold a Secure Token and its password must
 * authenticate, as read from the Mac (product.md; safety invariant 4). Its password is tried only when a
 * planned change uses it (once per run, before that first use): unchecked is not a problem. Each missing piece is one
 * problem with what to do; a host with an unfit credential gets no changes. One exception: on a Mac
 * where nobody holds a Secure Token yet (fresh from Automated Device Enrollment, the first login takes
 * the first token), a credential without one is expected, and it is a problem only when a planned
 * command uses the credential.
 */
public final class CredentialFitness implements PlanValidator {

  @Override
  public List<PlanProblem> validate(HostFacts gathered, HostFacts projected, Credential credential, List<Change> changes) {
    String name = credential.user();
    List<PlanProblem> problems = new ArrayList<>();
    Optional<UserFacts> found = gathered.user(name);
    if (found.isEmpty()) {
      problems.add(problem(credential, "the management credential " + name + " does not exist on this Mac",
          "create " + name + " on the Mac as an admin with a Secure Token (for instance the first account made in"
              + " Setup Assistant), or name an existing one in the play's credential"));
      return problems;
    }
    UserFacts u = found.get();
    if (!u.admin()) {
      problems.add(problem(credential, "the management credential " + name + " is not an admin",
          "make it an admin on the Mac (dseditgroup -o edit -a " + name + " -t user admin); trustchain never"
              + " changes the credential itself"));
    }
    boolean freshMac = Known.noneMatch(gathered.users(), UserFacts::secureToken);
    if (!u.secureToken() && (!freshMac || uses(changes, credential))) {
      problems.add(problem(credential, "the management credential " + name + " does not hold a Secure Token",
          "grant it one from another Secure Token admin (sysadminctl -secureTokenOn " + name
              + " -password - -adminUser OTHER -adminPassword -), or name a token-holding admin as the credential"));
    }
    if (Boolean.FALSE.equals(u.passwordAuthenticates())) {
      problems.add(problem(credential, "the password given for the management credential " + name
          + " does not authenticate (checked once, because a planned change uses it)",
          "check the secret " + credential.password().describe()));
    }
    return problems;
  }

  /** Whether a planned command passes the credential's password. */
  private static boolean uses(List<Change> changes, Credential credential) {
    return changes.stream().flatMap(c -> c.commands().stream())
        .anyMatch(cmd -> cmd.secrets().contains(credential.password()));
  }

  private static PlanProblem problem(Credential credential, String message, String hint) {
    return new PlanProblem(ResourceAddress.of("credential", credential.user()), message, Optional.of(hint),
        Optional.ofNullable(credential.at()));
  }
}
