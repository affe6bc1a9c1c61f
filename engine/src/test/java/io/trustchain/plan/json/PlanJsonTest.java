package io.trustchain.plan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Plan;
import io.trustchain.plan.TokenReport;
import io.trustchain.plan.UnmanagedToken;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.plan.SamplePlans;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Arg;
import io.trustchain.transport.Command;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanJsonTest {

  private static final String VAULT_ENVELOPE = "$ANSIBLE_VAULT;1.1;AES256\n"
      + "62313365396662343061393464336163383764373764613633653634306231386433626436623361\n"
      + "6134333665353966363534333632666535333761666131620a663537646436643839616531643561\n";

  @TempDir Path dir;

  private static Plan roundTrip(Plan plan) throws PlanFormatException {
    return PlanJson.read(PlanJson.write(plan));
  }

  @Test
  void everyChangeKindAndHostStateSurvivesARoundTrip() throws Exception {
    Plan plan = SamplePlans.fleet();

    assertThat(roundTrip(plan)).isEqualTo(plan);
  }

  @Test
  void anOverduePendingChangeKeepsItsDriftThroughARoundTrip() throws Exception {
    io.trustchain.plan.Change drift = new io.trustchain.plan.Change.Pending(
        io.trustchain.plan.ResourceAddress.of("filevault", "main"), SamplePlans.attrs("enabled", false),
        SamplePlans.attrs("enabled", true), "drift: waited 45 days", true);
    Plan plan = SamplePlans.plan(new io.trustchain.plan.HostPlan("mac-a", java.util.Optional.of(SamplePlans.SONOMA),
        java.util.Optional.empty(), "d", List.of(drift), List.of()));

    assertThat(PlanJson.write(plan)).contains("\"overdue\": true");
    assertThat(roundTrip(plan)).isEqualTo(plan);
    assertThat(roundTrip(plan).hasDrift()).isTrue();
  }

  @Test
  void everySecretReferenceKind_isWrittenAsAReference_andPutBackFromTheDocuments() throws Exception {
    List<SecretRef> refs = List.of(
        new SecretRef.Env("TC_PW"),
        new SecretRef.File(dir.resolve("secrets/alice")),
        new SecretRef.Command("pass show macs/tcadmin", dir),
        new SecretRef.Vault(VAULT_ENVELOPE, "group_vars/all/vault.yml:3:11"),
        new SecretRef.Escrow("mac-lab-03/prk"));
    Command command = new Command(
        refs.stream().map(r -> (Arg) new Arg.Sensitive(r)).collect(java.util.stream.Collectors.collectingAndThen(
            java.util.stream.Collectors.toList(), l -> {
              l.add(0, new Arg.Literal("tool"));
              return l;
            })),
        List.of(new Arg.Literal("line\n"), new Arg.Sensitive(refs.get(3))));
    Plan plan = SamplePlans.plan(host(new Change.Create(ResourceAddress.of("user", "x"), Attributes.EMPTY,
        List.of(command), "all kinds")));

    String json = PlanJson.write(plan);
    assertThat(json).as("references only: no ciphertext, no command text")
        .doesNotContain("AES256").doesNotContain("pass show").contains("\"secret\": \"command\"")
        .contains("\"secret\": \"vault:group_vars/all/vault.yml:3:11\"").contains("\"sha256\"");
    Plan back = PlanJson.read(json, SavedSecrets.table(refs));

    assertThat(back).isEqualTo(plan);
    assertThat(back.hosts().get(0).changes().get(0).commands().get(0).secrets()).isEqualTo(
        List.of(refs.get(0), refs.get(1), refs.get(2), refs.get(3), refs.get(4), refs.get(3)));
    assertThatThrownBy(() -> PlanJson.read(json, SavedSecrets.table(refs.subList(0, 3))))
        .isInstanceOf(PlanFormatException.class)
        .hasMessage("the saved plan's secret vault:group_vars/all/vault.yml:3:11 is not in the documents any more:"
            + " plan again");
  }

  @Test
  void attributeValuesKeepTheirTypesAndSensitiveKeys() throws Exception {
    Map<String, Object> values = new HashMap<>();
    values.put("name", "alice");
    values.put("uid", 502);
    values.put("big", 5_000_000_000L);
    values.put("ratio", 42.5);
    values.put("admin", true);
    values.put("unlock_users", List.of("tcadmin", "alice"));
    values.put("shell", null);
    values.put("password", "(set)");
    Attributes before = new Attributes(values, Set.of("password"));
    Plan plan = SamplePlans.plan(host(new Change.Update(ResourceAddress.of("user", "alice"), before,
        SamplePlans.attrs("name", "alice"), List.of(), "typed")));

    assertThat(roundTrip(plan)).isEqualTo(plan);
  }

  @Test
  void writesTheDocumentedShape() {
    String json = PlanJson.write(SamplePlans.fleet());

    assertThat(json).startsWith("{\n  \"format_version\": 1,\n  \"engine_version\": \"0.1.0\",\n")
        .contains("\"created_at\": \"2025-03-01T10:15:30.123456Z\"")
        .contains("\"documents_digest\": \"sha256:docs\"")
        .contains("\"address\": \"user[alice]\"", "\"action\": \"create\"", "\"action\": \"pending\"",
            "\"action\": \"no-op\"", "\"before\": null", "\"after_sensitive\": [\n")
        .contains("\"literal\": \"sysadminctl\"", "\"secret\": \"env:TC_PW\"", "\"secret\": \"file:secrets/alice\"")
        .contains("\"error\": \"cannot reach mac-offline: connection refused\"")
        .contains("\"at\": {\n", "\"file\": \"playbooks/site.yml\"", "\"line\": 14")
        .contains("\"summary\": {\n    \"add\": 1,\n    \"change\": 1,\n    \"remove\": 1,\n    \"pending\": 1,\n"
            + "    \"unmanaged_tokens\": 0\n  }", "\"unmanaged_tokens\": []", "\"undeclared_tokens\": {}",
            "\"mixed_tokens\": []")
        .endsWith("}\n");
  }

  @Test
  void tokenWarningsAreWrittenAndReadBack() throws Exception {
    HostPlan a = host().withTokens(new TokenReport(List.of(new UnmanagedToken("carol", true, null, true)),
        Map.of("alice", true)));
    HostPlan b = new HostPlan("mac-b", a.os(), a.error(), "sha256:b", List.of(), List.of(),
        new TokenReport(List.of(), Map.of("alice", false)));
    Plan plan = SamplePlans.plan(a, b);
    String json = PlanJson.write(plan);
    assertThat(json).contains("\"user\": \"carol\",\n          \"admin\": true,\n          \"volume_owner\": null,\n"
        + "          \"unlocks_filevault\": true", "\"undeclared_tokens\": {\n        \"alice\": true\n      }",
        "\"unmanaged_tokens\": 1\n", "\"with_token\": [\n        \"" + a.host() + "\"\n      ],\n"
        + "      \"without_token\": [\n        \"mac-b\"\n      ]");
    assertThat(PlanJson.read(json)).isEqualTo(plan);
  }

  @Test
  void whatWasNotUnderstood_andErrorKinds_areWrittenAndReadBack() throws Exception {
    io.trustchain.facts.NotUnderstood status = new io.trustchain.facts.NotUnderstood("filevault",
        List.of("filevault.status"), "fdesetup status", 0, "stdout", List.of("FileVault is paused."), "unknown line");
    io.trustchain.facts.NotUnderstood extra = new io.trustchain.facts.NotUnderstood("os", List.of(), "sw_vers", 0,
        "stdout", List.of("ReleaseType:\t\tBeta"), "unknown key ReleaseType (kept)");
    HostPlan a = host().withNotUnderstood(List.of(new io.trustchain.plan.Undecided(
            ResourceAddress.of("filevault", "main"), "filevault.status", "cannot plan: filevault.status not understood",
            List.of(status), Optional.of(SamplePlans.SITE_14))), List.of(extra),
        List.of(new io.trustchain.facts.Unmatched("filevault", "fdesetup list", "C22BDCD3-1A2B-4C3D-9E4F-65D3332605C3",
            "is a FileVault user whose UUID is no account trustchain read")));
    HostPlan b = HostPlan.failed("box", io.trustchain.facts.HostErrorKind.NOT_A_MAC,
        "box is not a Mac: it has no sw_vers");
    Plan plan = SamplePlans.plan(a, b);
    String json = PlanJson.write(plan);
    assertThat(json).contains("\"error_kind\": \"not_a_mac\"", "\"cannot_plan\": [", "\"fact\": \"filevault.status\"",
        "\"warnings\": [", "\"problem\": \"unknown key ReleaseType (kept)\"", "\"unmatched\": [");
    Plan back = PlanJson.read(json);
    assertThat(back).isEqualTo(plan);
    assertThat(back.hosts().get(0).complete()).isFalse();
    assertThat(back.hosts().get(0).ok()).as("undecided resources do not stop the others").isTrue();
  }

  @Test
  void noSecretValueAppearsInTheBytes() throws Exception {
    Path secretFile = dir.resolve("alice.pw");
    Files.writeString(secretFile, "file-secret-Zq81x\n");
    Map.Entry<String, String> env = System.getenv().entrySet().stream()
        .filter(e -> e.getValue().length() >= 8 && e.getKey().matches("[A-Z_]+"))
        .findFirst().orElseThrow();
    List<SecretRef> refs = List.of(new SecretRef.Env(env.getKey()), new SecretRef.File(secretFile),
        new SecretRef.Command("cat " + secretFile.getFileName(), dir));
    Command command = Command.of("sysadminctl", "-secureTokenOn", "alice", "-password").withSecret(refs.get(1))
        .with("-adminUser", "tcadmin", "-adminPassword").withSecret(refs.get(0))
        .withStdin(List.of(new Arg.Sensitive(refs.get(2))));
    Plan plan = SamplePlans.plan(host(new Change.Update(ResourceAddress.of("user", "alice"),
        SamplePlans.attrs("secure_token", false), SamplePlans.attrs("secure_token", true), List.of(command), "grant")));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PlanJson.write(plan, out);
    String bytes = out.toString(StandardCharsets.UTF_8);

    assertThat(bytes).doesNotContain("file-secret-Zq81x").doesNotContain(env.getValue())
        .doesNotContain("cat alice.pw").contains("\"secret\": \"env:" + env.getKey() + "\"");
    assertThat(PlanJson.read(bytes, SavedSecrets.table(refs))).isEqualTo(plan);
  }

  @Test
  void anUnknownFormatVersionIsRefused() {
    String json = PlanJson.write(SamplePlans.fleet()).replace("\"format_version\": 1", "\"format_version\": 2");

    assertThatThrownBy(() -> PlanJson.read(json)).isInstanceOf(PlanFormatException.class)
        .hasMessage("unsupported plan format version 2; this trustchain reads version 1");
  }

  @Test
  void aBrokenFileNamesTheFieldThatIsWrong() {
    String missingAction = PlanJson.write(SamplePlans.fleet()).replaceFirst("\"action\": \"create\",", "");
    String badAction = PlanJson.write(SamplePlans.fleet()).replace("\"action\": \"delete\"", "\"action\": \"destroy\"");
    String badSecret = PlanJson.write(SamplePlans.fleet()).replace("\"env:TC_PW\"", "\"keychain:TC_PW\"");

    assertThatThrownBy(() -> PlanJson.read(missingAction)).hasMessage("plan: hosts[0].changes[0]: missing \"action\"");
    assertThatThrownBy(() -> PlanJson.read(badAction)).hasMessage(
        "plan: hosts[0].changes[2].action: unknown action \"destroy\" (expected no-op, create, update, delete or pending)");
    assertThatThrownBy(() -> PlanJson.read(badSecret)).hasMessageStartingWith(
        "plan: hosts[0].changes[0].commands[0].argv[10]: unknown secret reference kind \"keychain\"");
    assertThatThrownBy(() -> PlanJson.read("[1, 2")).hasMessageStartingWith("plan: not valid JSON");
    assertThatThrownBy(() -> PlanJson.read("{}")).hasMessage("plan: missing \"format_version\"");
  }

  @Test
  void theJsonRendererPrintsThePlanFile() {
    Plan plan = SamplePlans.fleet();
    assertThat(new io.trustchain.plan.render.JsonRenderer().render(plan)).isEqualTo(PlanJson.write(plan));
  }

  private static HostPlan host(Change... changes) {
    return new HostPlan("mac", Optional.of(SamplePlans.SONOMA), Optional.empty(), "sha256:x", Arrays.asList(changes),
        List.of());
  }
}
