package io.trustchain.macos;

import io.trustchain.facts.BootstrapTokenFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.OsFacts;
import io.trustchain.facts.UserFacts;
import java.util.List;

/** Compact facts for the Java tests (the fixtures use YAML). */
public final class TestUsers {

  private TestUsers() {}

  public static UserFacts user(String name, int uid, boolean admin, boolean token, Boolean owner, Boolean pwOk) {
    return new UserFacts(name, uid, name, null, admin, token, false, owner, "/bin/zsh", "/Users/" + name, false,
        false, List.of(), pwOk);
  }

  public static HostFacts mac(String os, UserFacts... users) {
    OsFacts o = Fixtures.OS.get(os);
    return new HostFacts(true, null, o, List.of(users), null, new BootstrapTokenFacts(true, false), null, null);
  }
}
