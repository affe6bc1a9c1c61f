package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved plans (safety invariant 5): {@code plan --out} then {@code apply PLANFILE} applies exactly the
 * saved changes; a host whose facts changed since is refused as stale, changed documents refuse the
 * whole plan, and a plan file of another format version is refused.
 */
class SavedPlanTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SITE = LabWorkspace.REPO.resolve("playbooks/site.yml").toString();

  @TempDir Path dir;

  @Test
  void applyingASavedPlanAppliesExactlyItsChangesWithoutAskingThenThePlanIsEmpty() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    LabWorkspace.Result plan = ws.run("plan", "--out", "plan.json", "--detailed-exitcode", SITE);
    assertThat(plan.code()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out()).contains("Saved the plan to plan.json. To apply exactly these changes: trustchain apply plan.json");
    JsonNode saved = JSON.readTree(Files.readString(dir.resolve("plan.json")));
    assertThat(saved.get("format_version").asInt()).isEqualTo(1);
    assertThat(saved.at("/source/inventory").asText()).isEqualTo("inventory/lab.yml");
    assertThat(saved.at("/source/playbooks/0/sha256").asText()).hasSize(64);
    assertThat(saved.get("documents_digest").asText()).as("a text plan saved with --out has its digests").hasSize(64);
    for (JsonNode host : saved.get("hosts")) {
      assertThat(host.get("facts_digest").asText()).as("facts fingerprint of %s", host.get("host")).hasSize(64);
      assertThat(host.get("desired_digest").asText()).hasSize(64);
    }

    LabWorkspace.Result apply = ws.run("apply", "plan.json");
    assertThat(apply.code()).as("no --yes, no terminal: the saved plan is the approval: " + apply).isZero();
    assertThat(apply.out()).contains("Applying the saved plan plan.json (made ")
        .contains("Apply complete: 3 added, 2 changed, 1 removed, 1 pending");

    LabWorkspace.Result again = ws.run("plan", "--detailed-exitcode", SITE);
    assertThat(again.code()).as(again.toString()).isZero();

    LabWorkspace.Result replay = ws.run("apply", "plan.json");
    assertThat(replay.code()).as("a saved plan cannot be applied twice: " + replay).isEqualTo(1);
    assertThat(replay.out()).contains("saved plan is stale: facts for mac-catalina changed since the plan was made");
  }

  @Test
  void aHostWhoseFactsChangedSinceThePlanIsRefusedAsStaleAndTheOthersApply() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    assertThat(ws.run("plan", "--out", "plan.json", SITE).code()).isZero();
    String ventura = ws.factsJson("--limit", "mac-ventura");

    LabWorkspace.Result login = ws.run("lab", "login", "-i", ws.inventory.toString(), "mac-ventura", "bob");
    assertThat(login.code()).as(login.toString()).isZero();
    String loggedIn = ws.factsJson("--limit", "mac-ventura");
    assertThat(loggedIn).as("bob's login changed mac-ventura").isNotEqualTo(ventura);

    LabWorkspace.Result apply = ws.run("apply", "plan.json", "--format", "json");
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    JsonNode report = JSON.readTree(apply.out());
    for (JsonNode h : report.get("hosts")) {
      if (h.get("host").asText().equals("mac-ventura")) {
        assertThat(h.get("status").asText()).isEqualTo("failed");
        assertThat(h.get("error").asText())
            .isEqualTo("saved plan is stale: facts for mac-ventura changed since the plan was made (run plan again)");
        assertThat(h.get("changes")).isEmpty();
      } else {
        assertThat(h.get("status").asText()).as(h.toString()).isEqualTo("converged");
      }
    }
    assertThat(ws.factsJson("--limit", "mac-ventura"))
        .as("nothing ran on the stale host").isEqualTo(loggedIn);
  }

  @Test
  void onlyTheSavedChangesAreApplied() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    assertThat(ws.run("plan", "--out", "plan.json", SITE).code()).isZero();
    ObjectNode saved = (ObjectNode) JSON.readTree(Files.readString(dir.resolve("plan.json")));
    for (JsonNode host : saved.get("hosts")) {
      Iterator<JsonNode> changes = ((ArrayNode) host.get("changes")).elements();
      while (changes.hasNext()) {
        if (changes.next().get("address").asText().equals("user[olduser]")) {
          changes.remove();
        }
      }
    }
    Files.writeString(dir.resolve("without-olduser.json"), JSON.writeValueAsString(saved));

    LabWorkspace.Result apply = ws.run("apply", "without-olduser.json");
    assertThat(apply.code()).as("verify still sees olduser: " + apply).isEqualTo(1);
    assertThat(apply.out()).contains("Apply incomplete: 3 added, 2 changed, 0 removed")
        .contains("mac-catalina: NOT CONVERGED").contains("! user[olduser] did not converge");
    LabWorkspace.Result after = ws.run("plan", SITE);
    assertThat(after.out()).contains("- user[olduser] will be removed")
        .contains("Plan: 0 to add, 0 to change, 1 to remove");
  }

  @Test
  void aPlanMadeInOneCheckoutAppliesInAnotherAtAnotherPath() throws Exception {
    Path first = dir.resolve("runner-1/macs");
    LabWorkspace ws = LabWorkspace.standard(first);
    Files.createDirectories(first.resolve("secrets"));
    Files.copy(LabWorkspace.REPO.resolve("lab/secrets/alice"), first.resolve("secrets/alice"));
    ws.write("playbooks/alice.yml", """
        - name: Alice holds a Secure Token
          hosts: design
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice, password: !secret file:../secrets/alice, secure_token: true}
        """);
    assertThat(ws.run("plan", "--out", "plan.json", "playbooks/alice.yml").code()).isZero();
    assertThat(Files.readString(first.resolve("plan.json"))).contains("\"secret\": \"file:" + first + "/secrets/alice\"");

    Path second = dir.resolve("runner-2/builds/macs");
    copyTree(first, second);
    deleteTree(first);
    LabWorkspace.Result apply = runIn(second, "apply", "plan.json");
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("(made ").contains(", in " + first + ")")
        .contains("Apply complete: 0 added, 2 changed");
  }

  /** {@code trustchain ARGS} run in {@code cwd} (as LabWorkspace runs it in its own folder). */
  private static LabWorkspace.Result runIn(Path cwd, String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    io.trustchain.cli.CliEnvironment env = new io.trustchain.cli.CliEnvironment(java.util.Map.of(), cwd,
        new java.io.ByteArrayInputStream(new byte[0]), false);
    int code;
    try (java.io.PrintWriter o = new java.io.PrintWriter(out); java.io.PrintWriter e = new java.io.PrintWriter(err)) {
      code = io.trustchain.cli.Cli.create(env, o, e).execute(args);
    }
    return new LabWorkspace.Result(code, out.toString(), err.toString());
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void changedDocumentsRefuseTheWholePlanAndChangeNothing() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Path book = ws.write("playbooks/alice.yml", """
        - name: Alice holds a Secure Token
          hosts: design
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: alice, password: "{{ vault_alice_password }}", secure_token: true}
        """);
    assertThat(ws.run("plan", "--out", "plan.json", "playbooks/alice.yml").code()).isZero();
    String before = ws.factsJson();
    Files.writeString(book, Files.readString(book).replace("secure_token: true", "secure_token: true, admin: false"));

    LabWorkspace.Result apply = ws.run("apply", "plan.json");
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).contains("error: saved plan plan.json cannot be applied: the documents changed since the "
        + "plan was made: playbooks/alice.yml changed; the desired state of mac-catalina changed (inventory, vars or "
        + "playbooks); the desired state of mac-sequoia changed (inventory, vars or playbooks) (run plan again)");
    assertThat(ws.factsJson()).isEqualTo(before);
  }

  @Test
  void aPlanOfAnotherFormatVersionOrNotSavedIsRefusedClearly() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    assertThat(ws.run("plan", "--out", "plan.json", "--limit", "mac-catalina", SITE).code()).isZero();
    String text = Files.readString(dir.resolve("plan.json"));
    Files.writeString(dir.resolve("v2.json"), text.replace("\"format_version\": 1", "\"format_version\": 2"));

    LabWorkspace.Result v2 = ws.run("apply", "v2.json");
    assertThat(v2.code()).as(v2.toString()).isEqualTo(65);
    assertThat(v2.err()).isEqualTo("error: cannot apply v2.json: unsupported plan format version 2; this trustchain "
        + "reads version 1\n");

    Files.writeString(dir.resolve("bare.json"), text.replaceAll("(?s),\\s*\"source\": \\{.*\\}\\s*}\\s*$", "\n}\n"));
    LabWorkspace.Result bare = ws.run("apply", "bare.json");
    assertThat(bare.code()).as(bare.toString()).isEqualTo(65);
    assertThat(bare.err()).contains("this is a plan, but not a saved one");

    LabWorkspace.Result help = ws.run("apply", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("PLAYBOOK|PLANFILE").contains("--force-unlock=RUN_ID").contains("P% of the hosts");

    LabWorkspace.Result withInventory = ws.run("apply", "-i", "inventory/lab.yml", "plan.json");
    assertThat(withInventory.code()).isEqualTo(64);
    assertThat(withInventory.err()).contains("a saved plan applies to the documents and hosts it was made for");
  }
}
