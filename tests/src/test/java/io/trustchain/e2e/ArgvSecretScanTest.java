package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Mac's process list would show: each simulated Mac's exec.log holds, after each exec's command string,
 * the argv of every program the exec ran. Plan, the drift check and the verify after apply put no password in any
 * command line; apply puts none either, except the credential's in {@code profiles validate} when it escrows a
 * Bootstrap Token (the README's one remaining exposure). Users' passwords never appear.
 */
@Timeout(240)
class ArgvSecretScanTest {

  private static final List<String> USERS = List.of("tcadmin", "alice", "bob", "ladmin", "svc-backup", "olduser");

  @TempDir Path dir;

  /** The argv lines the host's exec.log gained while {@code action} ran. */
  private static List<String> argvDuring(LabWorkspace ws, String host, Action action) throws Exception {
    Path log = ws.state.resolve(host).resolve("exec.log");
    long before = Files.exists(log) ? Files.size(log) : 0;
    action.run();
    String added = Files.readString(log).substring((int) before);
    List<String> argv = new ArrayList<>();
    added.lines().filter(l -> l.startsWith("argv: ")).forEach(argv::add);
    return argv;
  }

  interface Action {
    void run() throws Exception;
  }

  private static void assertNoPassword(List<String> argv, String what) throws IOException {
    assertThat(argv).as(what + ": the scan reads program argv").isNotEmpty();
    for (String user : USERS) {
      String secret = LabWorkspace.secret(user);
      assertThat(argv).as(what + ": no line holds " + user + "'s password").noneMatch(l -> l.contains(secret));
    }
  }

  @Test
  void planDriftAndVerifyPutNoPasswordOnAnyCommandLine_andApplyOnlyTheCredentialsInProfilesValidate()
      throws Exception {
    LabWorkspace ws = LabWorkspace.create(dir, Map.of("design", Map.of("mac-sequoia", "sequoia-arm.yml")));
    Path playbook = ws.write("playbooks/argv.yml", """
        - name: Design Macs
          hosts: design
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice, password: "{{ vault_alice_password }}", secure_token: true}
            - user:
                name: dave
                password: "{{ vault_alice_password }}"
                secure_token: false
            - bootstrap_token: {escrowed: true}
        """);

    List<String> plan = argvDuring(ws, "mac-sequoia", () -> assertThat(ws.run("plan", playbook.toString()).code())
        .isZero());
    assertNoPassword(plan, "plan");
    assertThat(plan).as("plan reads facts only").noneMatch(l -> l.contains("osascript") || l.contains("-secureTokenOn"));

    List<String> apply = argvDuring(ws, "mac-sequoia", () -> {
      LabWorkspace.Result r = ws.run("apply", "--yes", playbook.toString());
      assertThat(r.code()).as(r.toString()).isZero();
    });
    assertThat(apply).as("apply's programs").anyMatch(l -> l.startsWith("argv: sysadminctl -secureTokenOn alice"
        + " -password - -adminUser tcadmin -adminPassword -"))
        .anyMatch(l -> l.startsWith("argv: osascript -l JavaScript -e") && l.endsWith("verify alice"))
        .anyMatch(l -> l.startsWith("argv: expect -c"));
    String credential = LabWorkspace.secret("tcadmin");
    assertThat(apply).filteredOn(l -> l.contains(credential)).as("the one remaining exposure")
        .singleElement().asString().startsWith("argv: profiles validate -type bootstraptoken -user tcadmin -password ");
    List<String> withoutValidate = apply.stream().filter(l -> !l.startsWith("argv: profiles validate")).toList();
    assertNoPassword(withoutValidate, "apply");
    assertThat(apply).filteredOn(l -> l.contains("osascript") && l.endsWith("verify tcadmin"))
        .as("the credential is tried once per apply").hasSize(1);

    List<String> drift = argvDuring(ws, "mac-sequoia", () -> assertThat(ws.run("plan", "--detailed-exitcode",
        playbook.toString()).code()).isZero());
    assertNoPassword(drift, "drift");
    assertThat(drift).noneMatch(l -> l.contains("osascript"));
  }
}
