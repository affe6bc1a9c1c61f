package io.trustchain.macos.user;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.macos.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/** The user's facts as they will be once its change is applied, for the resources planned after it. */
final class UserProjection {

  private static final String SECURE_TOKEN = ";SecureToken;";

  private UserProjection() {}

  /** A new account: what sysadminctl makes of the document (the next free uid from 501, zsh). */
  static UserFacts created(UserParams p, HostFacts facts) {
    boolean token = NewUser.tokenAtCreation(p);
    boolean tag = NewUser.tagAtCreation(p, facts);
    List<String> authority = new ArrayList<>();
    if (token) {
      authority.add(SECURE_TOKEN);
    }
    if (tag) {
      authority.add(UserCommands.DISABLED_TAGS);
    }
    return new UserFacts(p.name(), p.uid() != null ? p.uid() : nextUid(facts),
        p.fullName() != null ? p.fullName() : p.name(), null, Boolean.TRUE.equals(p.admin()), token, tag,
        Platform.hasVolumeOwners(facts) ? token : null, p.shell() != null ? p.shell() : "/bin/zsh",
        "/Users/" + p.name(), Boolean.TRUE.equals(p.hidden()), false, authority,
        p.password() != null ? Boolean.TRUE : null);
  }

  /** An existing account after its update (a token due at next login is not there yet). */
  static UserFacts updated(UserParams p, UserFacts u, TokenStep step) {
    boolean token = u.secureToken();
    boolean tag = u.secureTokenDisabledTag();
    switch (step) {
      case TokenStep.Grant g -> {
        token = true;
        tag = false;
      }
      case TokenStep.AtNextLogin n -> tag = false;
      case TokenStep.Revoke r -> {
        token = false;
        tag = tag || r.addTag();
      }
      case TokenStep.AddTag t -> tag = true;
      case TokenStep.Keep k -> { }
    }
    List<String> authority = new ArrayList<>(u.authenticationAuthority());
    if (token != u.secureToken() || tag != u.secureTokenDisabledTag()) {
      authority.remove(UserCommands.DISABLED_TAGS);
      authority.remove(SECURE_TOKEN);
      if (token) {
        authority.add(SECURE_TOKEN);
      }
      if (tag) {
        authority.add(UserCommands.DISABLED_TAGS);
      }
    }
    Boolean owner = u.volumeOwner() == null ? null : token != u.secureToken() ? token : u.volumeOwner();
    return new UserFacts(u.name(), u.uid(), p.fullName() != null ? p.fullName() : u.realName(), u.generatedUid(),
        p.admin() != null ? p.admin() : u.admin(), token, tag, owner, p.shell() != null ? p.shell() : u.shell(),
        u.home(), p.hidden() != null ? p.hidden() : u.hidden(), u.disabled(), authority, u.passwordAuthenticates());
  }

  private static int nextUid(HostFacts facts) {
    return facts.users().stream().mapToInt(UserFacts::uid).filter(uid -> uid >= 501).max().orElse(500) + 1;
  }
}
