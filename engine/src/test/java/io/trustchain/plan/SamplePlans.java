package io.trustchain.plan;

import io.trustchain.diag.SourceRange;
import io.trustchain.facts.BootstrapTokenFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.OsFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Command;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Facts and plans shared by the plan, render and json tests. */
public final class SamplePlans {

  public static final OsFacts CATALINA = new OsFacts("Mac OS X", "10.15.7", "19H15", "x86_64");
  public static final OsFacts SONOMA = new OsFacts("macOS", "14.6.1", "23G93", "arm64");
  public static final SecretRef TC_PW = new SecretRef.Env("TC_PW");
  public static final SecretRef ALICE_PW = new SecretRef.File(Path.of("secrets/alice"));
  public static final SourceRange SITE_14 = SourceRange.of(Path.of("playbooks/site.yml"), 14, 9);

  private SamplePlans() {}

  public static UserFacts user(String name, int uid, boolean admin, boolean token) {
    return new UserFacts(name, uid, name, null, admin, token, false, null, "/bin/zsh", "/Users/" + name, false,
        false, List.of(), null);
  }

  public static HostFacts facts(OsFacts os, UserFacts... users) {
    return new HostFacts(true, null, os, List.of(users), null, new BootstrapTokenFacts(true, false), null, null);
  }

  public static Attributes attrs(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return Attributes.of(m);
  }

  public static Command addAlice() {
    return Command.of("sysadminctl", "-addUser", "alice", "-fullName", "Alice Appleseed", "-password")
        .withSecret(ALICE_PW).with("-adminUser", "tcadmin", "-adminPassword").withSecret(TC_PW);
  }

  /** Changes of every kind on two hosts, a host with problems and an unreachable host. */
  public static Plan fleet() {
    ResourceAddress alice = ResourceAddress.of("user", "alice");
    Change create = new Change.Create(alice,
        new Attributes(Map.of("name", "alice", "full_name", "Alice Appleseed", "admin", false,
            "secure_token", true, "state", "present", "password", "(set)"), Set.of("password")),
        List.of(addAlice()), "alice does not exist; created with the credential tcadmin, so it gets a Secure Token");
    Change update = new Change.Update(ResourceAddress.of("user", "bob"),
        attrs("name", "bob", "admin", false, "shell", "/bin/bash"),
        attrs("name", "bob", "admin", true, "shell", "/bin/zsh"),
        List.of(Command.of("dscl", ".", "-create", "/Users/bob", "UserShell", "/bin/zsh"),
            Command.of("dseditgroup", "-o", "edit", "-a", "bob", "-t", "user", "admin")),
        "bob becomes an admin; shell differs");
    Change delete = new Change.Delete(ResourceAddress.of("user", "olduser"), attrs("name", "olduser", "uid", 503),
        List.of(Command.of("sysadminctl", "-deleteUser", "olduser", "-keepHome", "-adminUser", "tcadmin",
            "-adminPassword").withSecret(TC_PW)),
        "olduser exists and the document says absent; its home folder is kept",
        List.of(io.trustchain.facts.Probes.accountExists("olduser"),
            io.trustchain.facts.Probes.passwordAuthenticates("tcadmin", TC_PW)));
    Change pending = new Change.Pending(ResourceAddress.of("user", "carol"),
        attrs("name", "carol", "secure_token", false), attrs("name", "carol", "secure_token", true),
        "macOS grants carol a Secure Token at carol's next login (Bootstrap Token escrowed)");
    Change noop = new Change.NoOp(ResourceAddress.of("user", "tcadmin"), attrs("name", "tcadmin"),
        "tcadmin is the management credential and matches");
    HostPlan catalina = new HostPlan("mac-catalina", Optional.of(CATALINA), Optional.empty(), "sha256:aaa",
        List.of(create, update, delete), List.of());
    HostPlan sonoma = new HostPlan("mac-sonoma", Optional.of(SONOMA), Optional.empty(), "sha256:bbb",
        List.of(noop, pending), List.of());
    return plan(catalina, sonoma, withProblems(), unreachable());
  }

  public static HostPlan withProblems() {
    return new HostPlan("mac-ventura", Optional.of(new OsFacts("macOS", "13.6.1", "22G313", "arm64")),
        Optional.empty(), "sha256:ccc", List.of(),
        List.of(new PlanProblem(ResourceAddress.of("user", "alice"),
                "alice's password does not authenticate (dscl . -authonly)",
                Optional.of("check the secret file:secrets/alice"), Optional.of(SITE_14)),
            PlanProblem.of(ResourceAddress.of("credential", "tcadmin"), "tcadmin does not hold a Secure Token",
                null)));
  }

  public static HostPlan unreachable() {
    return HostPlan.unreachable("mac-offline", "connection refused");
  }

  public static Plan plan(HostPlan... hosts) {
    return new Plan(Plan.FORMAT_VERSION, Instant.parse("2025-03-01T10:15:30.123456Z"), "0.1.0",
        "sha256:docs", List.of(hosts));
  }
}
