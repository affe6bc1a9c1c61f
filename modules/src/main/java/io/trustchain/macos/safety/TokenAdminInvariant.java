package io.trustchain.macos.safety;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.Known;
import io.trustchain.facts.UserFacts;
import io.trustchain.macos.platform.Platform;
import io.trustchain.plan.Action;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanProblem;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.Credential;
import io.trustchain.spi.PlanValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Safety invariant 1: no plan leaves a Mac without an admin holding a Secure Token, nor an
 * Apple-silicon Mac (macOS 11+) without a volume owner. Checked on the projected facts; a Mac that
 * already lacks one is the credential check's business (its credential cannot be fit).
 */
public final class TokenAdminInvariant implements PlanValidator {

  private static final Predicate<UserFacts> TOKEN_ADMIN = u -> u.admin() && u.secureToken();

  /** A volume owner as listUsers reports it; where it reports nothing, token holders are owners (§8 rule 8). */
  private static final Predicate<UserFacts> VOLUME_OWNER =
      u -> u.volumeOwner() != null ? u.volumeOwner() : u.secureToken();

  @Override
  public List<PlanProblem> validate(HostFacts gathered, HostFacts projected, Credential credential, List<Change> changes) {
    List<PlanProblem> problems = new ArrayList<>();
    if (gathered.sameUsers(projected)) {
      return problems; // no change touches an account: nothing can lose a token or admin rights
    }
    if (any(gathered, TOKEN_ADMIN) && !any(projected, TOKEN_ADMIN)) {
      problems.add(new PlanProblem(culprit(gathered, projected, changes, TOKEN_ADMIN, "token_admin"),
          "this plan would leave no admin holding a Secure Token on this Mac",
          Optional.of("keep at least one admin with a Secure Token (the management credential is meant to be one)"),
          Optional.empty()));
    }
    if (Platform.hasVolumeOwners(gathered) && any(gathered, VOLUME_OWNER) && !any(projected, VOLUME_OWNER)) {
      problems.add(new PlanProblem(culprit(gathered, projected, changes, VOLUME_OWNER, "volume_owner"),
          "this plan would leave this Apple-silicon Mac without a volume owner",
          Optional.of("keep at least one user with a Secure Token: volume owners authorise software updates and"
              + " startup-security changes"), Optional.empty()));
    }
    return problems;
  }

  private static boolean any(HostFacts facts, Predicate<UserFacts> p) {
    return Known.anyMatch(facts.users(), p);
  }

  /**
   * The first change of a user who had the property and loses it; else the first change of another
   * module that can take tokens ({@code fdesetup remove}, filevault); else the invariant itself.
   */
  private static ResourceAddress culprit(
      HostFacts gathered, HostFacts projected, List<Change> changes, Predicate<UserFacts> p, String invariant) {
    for (Change c : changes) {
      if (c.action() == Action.NO_OP || !"user".equals(c.address().module())) {
        continue;
      }
      String name = c.address().name();
      boolean had = gathered.user(name).filter(p).isPresent();
      boolean keeps = projected.user(name).filter(p).isPresent();
      if (had && !keeps) {
        return c.address();
      }
    }
    for (Change c : changes) {
      if (c.action().isChange() && "filevault".equals(c.address().module())) {
        return c.address();
      }
    }
    return ResourceAddress.of("invariant", invariant);
  }
}
