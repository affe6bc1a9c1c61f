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
 * holds a token here. Pure. Accounts whose token or admin flag was not understood are left out (the
 * facts' {@code not_understood} names them); a report never rests on a guess either.
 */
public final class TokenHolders {

  private TokenHolders() {}

  public static TokenReport report(HostFacts facts, List<BoundResource<?>> resources) {
    Map<String, ManagedAccount> managed = managed(resources);
    List<UnmanagedToken> unmanaged = new ArrayList<>();
    Map<String, Boolean> undeclared = new TreeMap<>();
    List<String> unlock = orElse(() -> facts.filevault() == null ? List.of() : facts.filevault().unlockUsers(),
        List.of());
    for (UserFacts u : orElse(facts::users, List.<UserFacts>of())) {
      ManagedAccount m = managed.get(u.name());
      Boolean token = orElse(u::secureToken, null);
      Boolean admin = orElse(u::admin, null);
      if (token == null || admin == null) {
        continue; // not understood: the facts' not_understood says so; a report never guesses
      }
      if (m == null) {
        if (token) {
          unmanaged.add(new UnmanagedToken(u.name(), admin, orElse(u::volumeOwner, null), unlock.contains(u.name())));
        }
      } else if (m.secureToken() == null) {
        undeclared.put(u.name(), token);
      }
    }
    return new TokenReport(unmanaged, undeclared);
  }

  /** The fact {@code read} gives, or {@code otherwise} when the Mac's output did not make it certain. */
  private static <T> T orElse(java.util.function.Supplier<T> read, T otherwise) {
    try {
      return read.get();
    } catch (io.trustchain.facts.NotUnderstoodException e) {
      return otherwise;
    }
  }

  /**
   * The accounts the resources and their credentials manage, by name; in a merge the first declaration of a token
   * and the first password win.
   */
  public static Map<String, ManagedAccount> managed(List<BoundResource<?>> resources) {
    Map<String, ManagedAccount> managed = new LinkedHashMap<>();
    for (BoundResource<?> r : resources) {
      Credential c = r.credential();
      if (c != null) {
        merge(managed, new ManagedAccount(c.user(), true, c.password()));
      }
      for (ManagedAccount a : accountsOf(r)) {
        merge(managed, a);
      }
    }
    return managed;
  }

  private static void merge(Map<String, ManagedAccount> into, ManagedAccount a) {
    into.merge(a.name(), a, (x, y) -> new ManagedAccount(x.name(),
        x.secureToken() != null ? x.secureToken() : y.secureToken(), x.password() != null ? x.password() : y.password()));
  }

  private static <P extends Record> List<ManagedAccount> accountsOf(BoundResource<P> r) {
    List<ManagedAccount> accounts = r.module().accounts(r.params());
    return accounts == null ? List.of() : accounts;
  }
}
