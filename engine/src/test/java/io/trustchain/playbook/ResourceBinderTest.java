package io.trustchain.playbook;

import io.trustchain.spi.Credential;
import static io.trustchain.playbook.PlaybookLoaderTest.format;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.Diagnostics;
import io.trustchain.playbook.TestModules.DeferredParams;
import io.trustchain.playbook.TestModules.EnableWith;
import io.trustchain.playbook.TestModules.FileVaultParams;
import io.trustchain.playbook.TestModules.RecoveryKeyParams;
import io.trustchain.playbook.TestModules.SinkParams;
import io.trustchain.playbook.TestModules.State;
import io.trustchain.playbook.TestModules.UserParams;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.BoundResource;
import io.trustchain.template.JinjavaTemplater;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceBinderTest {

  private static final String HEADER = """
      - name: Test play
        hosts: all
        credential:
          user: tcadmin
          password: !secret env:TC_PW
        resources:
      """;

  private final ResourceBinder binder = new ResourceBinder(TestModules.registry(), new JinjavaTemplater());

  @TempDir Path dir;

  private Play play(String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("play.yml"), yaml);
    Diagnostics diagnostics = new Diagnostics();
    Playbook playbook = new PlaybookLoader(TestModules.registry(), null).load(file, diagnostics).orElseThrow(
        () -> new AssertionError("fixture does not load: " + diagnostics));
    assertThat(diagnostics.all()).as("load diagnostics").isEmpty();
    return playbook.plays().get(0);
  }

  private Play resources(String resources) throws Exception {
    return play(HEADER + resources.indent(4));
  }

  private record Bound(List<BoundResource<?>> resources, List<String> diagnostics) {}

  private Bound bind(Play play, Map<String, Object> vars) {
    return bind(binder, play, vars);
  }

  private static Bound bind(ResourceBinder binder, Play play, Map<String, Object> vars) {
    Diagnostics diagnostics = new Diagnostics();
    List<BoundResource<?>> bound = binder.bind(play, "mac-1", vars, diagnostics);
    return new Bound(bound, diagnostics.all().stream().map(PlaybookLoaderTest::format).toList());
  }

  @Test
  void bind_validPlaybook_rendersTypesAndAddressesEveryResource() throws Exception {
    Diagnostics loading = new Diagnostics();
    Playbook playbook = new PlaybookLoader(TestModules.registry(), PlaybookLoaderTest.testVault())
        .load(PlaybookLoaderTest.VALID, loading).orElseThrow();
    Play play = playbook.plays().get(0);

    Bound bound = bind(play, Map.of());

    assertThat(bound.diagnostics()).isEmpty();
    assertThat(bound.resources()).extracting(BoundResource::address).containsExactly(
        ResourceAddress.of("user", "alice"), ResourceAddress.of("user", "bob"), ResourceAddress.of("user", "olduser"),
        ResourceAddress.of("filevault", "main"), ResourceAddress.of("bootstrap_token", "main"));
    Path dirOfPlaybook = PlaybookLoaderTest.VALID.toAbsolutePath().getParent();
    assertThat(bound.resources().get(0).params()).isEqualTo(new UserParams("alice", "Alice Appleseed", false,
        new SecretRef.File(dirOfPlaybook.resolve("secrets/alice")), State.PRESENT, List.of("staff"), null));
    assertThat(((UserParams) bound.resources().get(1).params()).password()).isInstanceOf(SecretRef.Vault.class);
    assertThat(((UserParams) bound.resources().get(1).params()).uid()).isEqualTo(502);
    assertThat(((UserParams) bound.resources().get(2).params()).state()).isEqualTo(State.ABSENT);
    assertThat(bound.resources().get(3).params()).isEqualTo(new FileVaultParams(true, EnableWith.DEFERRED,
        new DeferredParams("alice", 3, false), List.of("tcadmin", "alice"), new RecoveryKeyParams(true, 90L)));
    BoundResource<?> first = bound.resources().get(0);
    assertThat(first.credential()).isEqualTo(new Credential("tcadmin", new SecretRef.Env("TC_TEST_TCADMIN_PW"),
        play.credentialSpec().at()));
    assertThat(first.play()).isEqualTo("Engineering Macs keep Secure Tokens and FileVault");
    assertThat(first.at().line()).isEqualTo(21);
    var resolver = io.trustchain.secret.DefaultSecretResolver.create(Map.of("TC_TEST_TCADMIN_PW", "tc-pw"),
        PlaybookLoaderTest.testVault());
    assertThat(resolver.resolve(((UserParams) bound.resources().get(0).params()).password()).reveal())
        .isEqualTo("alice-initial".toCharArray());
    assertThat(resolver.resolve(((UserParams) bound.resources().get(1).params()).password()).reveal())
        .isEqualTo("bob-initial".toCharArray());
    assertThat(resolver.resolve(first.credential().password()).reveal()).isEqualTo("tc-pw".toCharArray());
  }

  @Test
  void bind_everySupportedType_isConverted() throws Exception {
    Play play = resources("""
        - sink:
            id: static
            s: 42
            b: yes
            bb: false
            i: 7
            ii: "8"
            l: 9000000000
            ll: 10
            d: 1.5
            dd: 2
            strings: [a, b]
            ints: [1, 2]
            set: [x, y, x]
            state: absent
            secret: !secret env:SINK
            nested: {user: alice, force_at_login: 3}
            nested_list: [{user: bob}]
            extra: {k: [1, two]}
            any: [1, {a: b}]
        - sink:
            id: "{{ id }}"
            s: "{{ s }}"
            b: "{{ b }}"
            bb: "{{ bb }}"
            i: "{{ i }}"
            ii: "{{ ii }}"
            l: "{{ l }}"
            ll: "{{ ll }}"
            d: "{{ d }}"
            dd: "{{ dd }}"
            strings: "{{ strings }}"
            ints: "{{ ints }}"
            set: "{{ strings }}"
            state: "{{ state }}"
            secret: "{{ secret }}"
            nested: "{{ nested }}"
            nested_list: ["{{ nested }}"]
            extra: "{{ extra }}"
            any: "{{ port }}"
        """);
    Map<String, Object> vars = new HashMap<>(Map.of("id", "templated", "s", "text", "b", "on", "bb", true, "i", 7L,
        "ii", "8", "l", 9_000_000_000L, "ll", "10", "d", "1.5", "dd", 2L));
    vars.putAll(Map.of("strings", List.of("a", "b"), "ints", List.of(1L, "2"), "state", "absent",
        "secret", new SecretRef.Env("SINK"), "nested", Map.of("user", "alice", "force_at_login", "3"),
        "extra", Map.of("k", List.of(1L, "two")), "port", 22L));

    Bound bound = bind(play, vars);

    assertThat(bound.diagnostics()).isEmpty();
    SinkParams fixed = (SinkParams) bound.resources().get(0).params();
    assertThat(fixed).isEqualTo(new SinkParams("static", "42", true, false, 7, 8, 9_000_000_000L, 10L, 1.5, 2.0,
        List.of("a", "b"), List.of(1, 2), Set.of("x", "y"), State.ABSENT, new SecretRef.Env("SINK"),
        new DeferredParams("alice", 3, null), List.of(new DeferredParams("bob", null, null)),
        Map.of("k", List.of(1L, "two")), List.of(1L, Map.of("a", "b"))));
    assertThat(fixed.set()).containsExactly("x", "y");
    SinkParams templated = (SinkParams) bound.resources().get(1).params();
    assertThat(templated).isEqualTo(new SinkParams("templated", "text", true, true, 7, 8, 9_000_000_000L, 10L, 1.5,
        2.0, List.of("a", "b"), List.of(1, 2), Set.of("a", "b"), State.ABSENT, new SecretRef.Env("SINK"),
        new DeferredParams("alice", 3, null), List.of(new DeferredParams("alice", 3, null)),
        Map.of("k", List.of(1L, "two")), 22L));
  }

  @Test
  void bind_absentOptionalComponents_areNullSoCompactConstructorsApplyDefaults() throws Exception {
    Play play = resources("- user: {name: alice}\n- sink: {id: x}\n- bootstrap_token:\n");

    Bound bound = bind(play, Map.of());

    assertThat(bound.resources().get(0).params())
        .isEqualTo(new UserParams("alice", null, null, null, State.PRESENT, List.of(), null));
    SinkParams sink = (SinkParams) bound.resources().get(1).params();
    assertThat(sink.b()).isFalse();
    assertThat(sink.i()).isZero();
    assertThat(sink.bb()).isNull();
    assertThat(sink.strings()).isNull();
    assertThat(bound.resources().get(2).params()).isEqualTo(new TestModules.BootstrapTokenParams(false));
  }

  private static Play fixture(String name) {
    Diagnostics diagnostics = new Diagnostics();
    Play play = new PlaybookLoader(TestModules.registry(), null).load(PlaybookLoaderTest.ERRORS.resolve(name),
        diagnostics).orElseThrow().plays().get(0);
    assertThat(diagnostics.all()).as("the fixture loads; its mistake shows when bound").isEmpty();
    return play;
  }

  @Test
  void bind_undefinedTemplateVariable_isReportedAtTheScalar() {
    Bound bound = bind(fixture("undefined_variable.yml"), Map.of("alice_pw", new SecretRef.Env("A")));

    assertThat(bound.resources()).isEmpty();
    assertThat(bound.diagnostics()).containsExactly(
        "undefined_variable.yml:9:20: error: undefined variable \"alice_full_name\" (host mac-1)");
    assertThat(bind(fixture("undefined_variable.yml"), Map.of("alice_full_name", "Alice")).diagnostics())
        .containsExactly("undefined_variable.yml:10:19: error: undefined variable \"alice_pw\" (host mac-1)"
            + " [no snippet]");
  }

  @Test
  void bind_secretInterpolatedIntoText_isAnError() {
    Bound bound = bind(fixture("secret_in_text.yml"), Map.of());

    assertThat(bound.resources()).isEmpty();
    assertThat(bound.diagnostics()).containsExactly(
        "secret_in_text.yml:11:20: error: a secret cannot be interpolated into text (\"alice_pw\" holds one);"
            + " pass it whole: password: \"{{ alice_pw }}\" (host mac-1)");
  }

  @Test
  void bind_templatedScalars_areTypeCheckedAfterRendering() throws Exception {
    Play play = resources("""
        - user:
            name: "{{ who }}"
            uid: "{{ uid }}"
            admin: "{{ flag }}"
            state: "{{ state }}"
        """);

    assertThat(bind(play, Map.of("who", "alice", "uid", "501", "flag", "yes", "state", "present")).resources())
        .extracting(b -> (Object) b.params())
        .containsExactly(new UserParams("alice", null, true, null, State.PRESENT, List.of(), 501));
    assertThat(bind(play, Map.of("who", "alice", "uid", "abc", "flag", "perhaps", "state", "gone")).diagnostics())
        .containsExactly(
            "play.yml:9:14: error: expected a whole number, got \"abc\" (host mac-1)",
            "play.yml:10:16: error: expected true or false, got \"perhaps\" (host mac-1)",
            "play.yml:11:16: error: expected one of present, absent; got \"gone\" (host mac-1)");
  }

  @Test
  void bind_sensitiveParameterFromAPlainTextVariable_isAnErrorWithoutSnippet() throws Exception {
    Play play = resources("- user: {name: alice, password: \"{{ alice_pw }}\"}\n");

    assertThat(bind(play, Map.of("alice_pw", "hunter2")).diagnostics()).containsExactly(
        "play.yml:7:37: error: parameter \"password\" of module user must be a secret, not plain text (host mac-1)"
            + " [hint: " + PlaybookLoaderTest.SECRET_HINT + "] [no snippet]");
    assertThat(bind(play, Map.of("alice_pw", new SecretRef.Env("A"))).resources()).hasSize(1);
  }

  @Test
  void bind_constructorAndModuleChecksAfterRendering_areReported() throws Exception {
    Play play = resources("""
        - user:
            name: carol
            uid: "{{ uid }}"
        - user:
            name: olduser
            state: "{{ state }}"
            password: !secret env:OLD
        """);

    assertThat(bind(play, Map.of("uid", -5L, "state", "absent")).diagnostics()).containsExactly(
        "play.yml:8:9: error: invalid parameters for module user: uid must not be negative, got -5 (host mac-1)",
        "play.yml:13:9: error: a user to remove takes no password (host mac-1) [no snippet]");
  }

  @Test
  void bind_duplicateAddressAfterRendering_namesTheFirst() throws Exception {
    Play play = resources("""
        - user: {name: "{{ first }}"}
        - user: {name: "{{ second }}"}
        """);

    assertThat(bind(play, Map.of("first", "alice", "second", "bob")).resources()).hasSize(2);
    assertThat(bind(play, Map.of("first", "alice", "second", "alice")).diagnostics()).containsExactly(
        "play.yml:8:7: error: resource user[alice] is declared twice (first at " + dir.resolve("play.yml")
            + ":7:7) (host mac-1) [hint: merge the two into one resource]");
  }

  @Test
  void bind_playVarsOverrideHostVars_andInventoryHostnameIsSet() throws Exception {
    Play play = play(HEADER.replace("  resources:", "  vars:\n    shell_user: from-play\n  resources:")
        + "    - user: {name: \"{{ shell_user }}\", full_name: \"{{ inventory_hostname }} {{ host_only }}\"}\n");

    Bound bound = bind(play, Map.of("shell_user", "from-host", "host_only", "x"));

    assertThat(bound.resources().get(0).params())
        .isEqualTo(new UserParams("from-play", "mac-1 x", null, null, State.PRESENT, List.of(), null));
  }

  @Test
  void bind_templatedCredential_isRenderedPerHost() throws Exception {
    Play play = play(HEADER.replace("user: tcadmin", "user: \"{{ admin }}\"")
        .replace("password: !secret env:TC_PW", "password: \"{{ admin_pw }}\"") + "    - bootstrap_token:\n");

    Bound ok = bind(play, Map.of("admin", "ladmin", "admin_pw", new SecretRef.Env("LADMIN")));
    Bound plain = bind(play, Map.of("admin", "ladmin", "admin_pw", "hunter2"));
    Bound missing = bind(play, Map.of("admin_pw", new SecretRef.Env("LADMIN")));

    assertThat(ok.resources().get(0).credential().user()).isEqualTo("ladmin");
    assertThat(ok.resources().get(0).credential().password()).isEqualTo(new SecretRef.Env("LADMIN"));
    assertThat(plain.resources()).isEmpty();
    assertThat(plain.diagnostics()).containsExactly("play.yml:5:15: error: the credential password must be a secret,"
        + " but \"{{ admin_pw }}\" gives plain text (host mac-1) [hint: " + PlaybookLoaderTest.SECRET_HINT
        + "] [no snippet]");
    assertThat(String.join("\n", plain.diagnostics())).doesNotContain("hunter2");
    assertThat(missing.diagnostics()).containsExactly("play.yml:4:11: error: undefined variable \"admin\" (host mac-1)"
        + " [hint: did you mean \"admin_pw\"?]");
  }

  @Test
  void prepare_bindsTheSamePlayForThousandsOfHosts() throws Exception {
    Play play = resources("""
        - user: {name: "{{ inventory_hostname }}-admin", uid: "{{ uid }}"}
        - filevault: {unlock_users: [tcadmin]}
        """);
    PlayBinding binding = binder.prepare(play);
    List<String> names = new ArrayList<>();

    for (int i = 0; i < 2000; i++) {
      Diagnostics diagnostics = new Diagnostics();
      List<BoundResource<?>> bound = binding.bind("mac-" + i, Map.of("uid", (long) (500 + i)), diagnostics);
      assertThat(diagnostics.isEmpty()).isTrue();
      names.add(bound.get(0).address().name());
      assertThat(((UserParams) bound.get(0).params()).uid()).isEqualTo(500 + i);
    }

    assertThat(binder.prepare(play)).isSameAs(binding);
    assertThat(names).doesNotHaveDuplicates().contains("mac-0-admin", "mac-1999-admin");
  }

  @Test
  void secretCheck_resolvesEverySecret_andReportsWhatCannotBeHadAtItsPosition() throws Exception {
    Files.writeString(dir.resolve("present"), "x");
    Play play = resources("""
        - user: {name: a, password: !secret env:SET}
        - user: {name: b, password: !secret env:UNSET}
        - user: {name: c, password: !secret file:present}
        - user: {name: d, password: !secret file:absent}
        - user: {name: e, password: !secret "command:exit 1"}
        - user: {name: f, password: "{{ vaulted }}"}
        """);
    ResourceBinder checking = binder.withSecretCheck(new SecretCheck(Map.of("SET", "v", "TC_PW", "p"), null));
    Map<String, Object> vars = Map.of("vaulted", new SecretRef.Vault("$ANSIBLE_VAULT;1.1;AES256\n"
        + io.trustchain.secret.AnsibleVault.encrypt(new byte[] {1}, io.trustchain.secret.Secret.of("k"), null)
            .lines().skip(1).reduce("", (x, y) -> x + y + "\n"), "play.yml:12:33"));

    Bound bound = bind(checking, play, vars);

    assertThat(bound.diagnostics()).containsExactly(
        "play.yml:8:33: error: secret env:UNSET: environment variable UNSET is not set"
            + " [hint: export UNSET before running trustchain] [no snippet]",
        "play.yml:10:33: error: secret file:" + dir.resolve("absent") + " does not exist"
            + " [hint: create it (mode 600) or fix the path; file: paths are relative to the document's folder]"
            + " [no snippet]",
        "play.yml:11:33: error: secret command:exit 1 exited with status 1"
            + " [hint: run the command yourself in " + dir + " to see why] [no snippet]",
        "play.yml:12:33: error: secret vault:play.yml:12:33 is vault-encrypted but no vault password is configured"
            + " [hint: pass the vault password that encrypted it (--vault-password-file FILE or --vault-id"
            + " [label@]FILE, or ANSIBLE_VAULT_PASSWORD_FILE)] [no snippet]");
  }
}
