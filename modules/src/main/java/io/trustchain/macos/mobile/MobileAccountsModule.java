package io.trustchain.macos.mobile;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.MobileAccountsFacts;
import io.trustchain.facts.Probes;
import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.PlanException;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.spi.PlanContext;
import io.trustchain.spi.ResourceModule;
import io.trustchain.transport.Command;
import java.util.List;
import java.util.Map;

/**
 * The {@code mobile_accounts} resource (singleton): whether mobile (Active Directory) accounts are
 * prompted for a token holder's credentials at their first login, through the {@code com.apple.MCX}
 * key {@code cachedaccounts.askForSecureTokenAuthBypass} (macOS 10.13.5+, §7). Prompting is the
 * default: it is restored by deleting the key.
 */
public final class MobileAccountsModule implements ResourceModule<MobileAccountsParams> {

  static final String DOMAIN = "/Library/Preferences/com.apple.MCX";
  static final String KEY = "cachedaccounts.askForSecureTokenAuthBypass";

  @Override
  public String name() {
    return "mobile_accounts";
  }

  @Override
  public Class<MobileAccountsParams> paramsType() {
    return MobileAccountsParams.class;
  }

  @Override
  public String resourceName(MobileAccountsParams params) {
    return "main";
  }

  @Override
  public Change plan(ResourceAddress address, MobileAccountsParams p, PlanContext ctx) throws PlanException {
    HostFacts facts = ctx.facts();
    if (facts.os() == null || !facts.os().atLeast(10, 13, 5)) {
      throw new PlanException("macOS " + (facts.os() == null ? "?" : facts.os().version()) + " has no " + KEY
          + " (it arrived in macOS 10.13.5)", "remove this resource for this Mac");
    }
    boolean prompt = facts.mobileAccounts() == null || facts.mobileAccounts().secureTokenPrompt();
    Attributes before = Attributes.of(Map.of("secure_token_prompt", prompt));
    if (prompt == p.secureTokenPrompt()) {
      return new Change.NoOp(address, before, prompt ? "mobile accounts are prompted for a token holder's"
          + " credentials at first login" : "mobile accounts are not prompted (" + KEY + " is set)");
    }
    Attributes after = Attributes.of(Map.of("secure_token_prompt", p.secureTokenPrompt()));
    if (p.secureTokenPrompt()) {
      return new Change.Update(address, before, after, List.of(Command.of("defaults", "delete", DOMAIN, KEY)),
          KEY + " is set: it is deleted, so mobile accounts are prompted again (the macOS default)",
          List.of(Probes.mobileAccountsPrompt(false)));
    }
    return new Change.Update(address, before, after,
        List.of(Command.of("defaults", "write", DOMAIN, KEY, "-bool", "true")),
        "mobile accounts are prompted at first login: " + KEY + " is set, so they are not (and get no Secure"
            + " Token from that prompt)", List.of(Probes.mobileAccountsPrompt(true)));
  }

  @Override
  public HostFacts project(HostFacts facts, MobileAccountsParams p, Change change) {
    return change.action().isChange() ? facts.withMobileAccounts(new MobileAccountsFacts(p.secureTokenPrompt()))
        : facts;
  }
}
