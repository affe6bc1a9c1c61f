package io.trustchain.planner;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.plan.TokenReport;
import io.trustchain.plan.UnmanagedToken;
import io.trustchain.spi.BoundResource;
import io.trustchain.spi.Credential;
import io.trustchain.spi.ManagedAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who holds a Secure Token on a host beyond what its documents decide, from the gathered facts: token holders
 * that no resource manages and whose password trustchain does not hold (the management credential is always
 * managed), and, for the accounts the resources manage without declaring {@code secure_token}, whether each
 * holds a token here. Pure.
 */
public final class TokenHolders {

  private TokenHolders() {}

  public static TokenReport report(HostFacts facts, List<BoundResource<?>> resources) {
    Map<String, ManagedAccount> managed = managed(resources);
    List<UnmanagedToken> unmanaged = new ArrayList<>();
    Map<String, Boolean> undeclared = new TreeMap<>();
    List<String> unlock = facts.filevault() == null ? List.of() : facts.filevault().unlockUsers();
    for (UserFacts u : facts.users()) {
      ManagedAccount m = managed.get(u.name());
      if (m == null) {
        if (u.secureToken()) {
          unmanaged.add(new UnmanagedToken(u.name(), u.admin(), u.volumeOwner(), unlock.contains(u.name())));
        }
      } else if (m.secureToken() == null) {
        undeclared.put(u.name(), u.secureToken());
      }
    }
    return new TokenReport(unmanaged, undeclared);
  }

  /** The accounts the resources and their credentials manage; a declaration or a held password wins a merge. */
  static Map<String, ManagedAccount> managed(List<BoundResource<?>> resources) {
    Map<String, ManagedAccount> managed = new LinkedHashMap<>();
    for (BoundResource<?> r : resources) {
      Credential c = r.credential();
      if (c != null) {
        merge(managed, new ManagedAccount(c.user(), true, true));
      }
      for (ManagedAccount a : accountsOf(r)) {
        merge(managed, a);
      }
    }
    return managed;
  }

  private static void merge(Map<String, ManagedAccount> into, ManagedAccount a) {
    into.merge(a.name(), a, (x, y) -> new ManagedAccount(x.name(),
        x.secureToken() != null ? x.secureToken() : y.secureToken(), x.passwordHeld() || y.passwordHeld()));
  }

  private static <P extends Record> List<ManagedAccount> accountsOf(BoundResource<P> r) {
    List<ManagedAccount> accounts = r.module().accounts(r.params());
    return accounts == null ? List.of() : accounts;
  }
}
