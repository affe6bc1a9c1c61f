package io.trustchain.playbook;

import io.trustchain.spi.Credential;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.secret.AnsibleVault;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.VaultPasswords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One broken document per failure mode; each asserts the message and file:line:col of every diagnostic. */
class PlaybookLoaderTest {

  static final Path DOCUMENTS = Path.of("src/test/resources/documents");
  static final Path ERRORS = DOCUMENTS.resolve("errors");
  static final Path VALID = DOCUMENTS.resolve("valid/site.yml");
  static final String SECRET_HINT = "write !secret env:NAME, !secret file:PATH, !secret command:CMD, !vault,"
      + " or \"{{ var }}\" naming a variable that holds one";

  static List<String> diagnostics(String fixture) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<Playbook> playbook = new PlaybookLoader(TestModules.registry(), null)
        .load(ERRORS.resolve(fixture), diagnostics);
    if (diagnostics.hasErrors()) {
      assertThat(playbook).as("a playbook with errors is not returned").isEmpty();
    }
    return diagnostics.all().stream().map(PlaybookLoaderTest::format).toList();
  }

  /** {@code file.yml:3:5: error: message [hint: ...] [no snippet]}, folders dropped. */
  static String format(Diagnostic d) {
    return (d.at().map(r -> r.file().getFileName() + ":" + r.line() + ":" + r.column() + ": ").orElse("")
        + d.severity().label() + ": " + d.message()
        + d.hint().map(h -> " [hint: " + h + "]").orElse("")
        + (d.showSnippet() ? "" : " [no snippet]"))
        .replace("(first at " + ERRORS + "/", "(first at ");
  }

  static AnsibleVault testVault() throws Exception {
    return new AnsibleVault(VaultPasswords.of(List.of(), List.of(DOCUMENTS.resolve("valid/vault-pass.txt")), Map.of()));
  }

  @Test
  void load_unknownPlayKey_suggestsTheKnownOne() {
    assertThat(diagnostics("unknown_play_key.yml")).containsExactly(
        "unknown_play_key.yml:2:3: error: unknown play key \"hots\" [hint: did you mean \"hosts\"?]");
  }

  @Test
  void load_ansibleTaskKeys_sayPlaysDeclareResources() {
    assertThat(diagnostics("ansible_tasks.yml")).containsExactly(
        "ansible_tasks.yml:1:3: warning: play declares no resources",
        "ansible_tasks.yml:3:3: error: unsupported play key \"become\": trustchain plays declare resources, not tasks;"
            + " see README [hint: describe the desired state under \"resources:\"]",
        "ansible_tasks.yml:7:3: error: unsupported play key \"tasks\": trustchain plays declare resources, not tasks;"
            + " see README [hint: describe the desired state under \"resources:\"]");
  }

  @Test
  void load_unknownModule_suggestsARegisteredOne() {
    assertThat(diagnostics("unknown_module.yml")).containsExactly(
        "unknown_module.yml:7:7: error: unknown module \"usr\" [hint: did you mean \"user\"?]");
  }

  @Test
  void load_unknownParameter_suggestsAKnownOneAtEveryLevel() {
    assertThat(diagnostics("unknown_param.yml")).containsExactly(
        "unknown_param.yml:8:9: error: unknown parameter \"enabeld\" for module filevault"
            + " [hint: did you mean \"enabled\"?]",
        "unknown_param.yml:10:20: error: unknown parameter \"deferred.usr\" for module filevault"
            + " [hint: did you mean \"user\"?]");
  }

  @Test
  void load_wrongTypes_areReportedAtTheValues() {
    assertThat(diagnostics("wrong_type.yml")).containsExactly(
        "wrong_type.yml:9:16: error: expected true or false, got \"yes please\"",
        "wrong_type.yml:10:14: error: expected a whole number, got \"five hundred\"",
        "wrong_type.yml:13:19: error: expected a mapping, got true",
        "wrong_type.yml:14:23: error: expected a list of strings, got \"alice\"");
  }

  @Test
  void load_missingRequiredParameter_isReportedAtTheMapping() {
    assertThat(diagnostics("missing_required.yml")).containsExactly(
        "missing_required.yml:7:13: error: missing required parameter \"name\" for module user");
  }

  @Test
  void load_badEnumValue_listsTheChoices() {
    assertThat(diagnostics("bad_enum.yml")).containsExactly(
        "bad_enum.yml:7:34: error: expected one of present, absent; got \"presnt\" [hint: did you mean \"present\"?]");
  }

  @Test
  void load_plainStringPasswords_areErrorsWithoutSnippets() {
    assertThat(diagnostics("plain_password.yml")).containsExactly(
        "plain_password.yml:5:15: error: the credential password must be a secret, not plain text"
            + " [hint: " + SECRET_HINT + "] [no snippet]",
        "plain_password.yml:9:19: error: parameter \"password\" of module user must be a secret, not plain text"
            + " [hint: " + SECRET_HINT + "] [no snippet]");
  }

  @Test
  void load_badSecretSources_areReportedWithoutSnippets() {
    assertThat(diagnostics("bad_secret_source.yml")).containsExactly(
        "bad_secret_source.yml:5:15: error: unknown secret source \"keychain\""
            + " [hint: write !secret env:NAME, !secret file:PATH or !secret command:CMD] [no snippet]",
        "bad_secret_source.yml:9:19: error: !secret env: needs a value after the colon");
  }

  @Test
  void load_yamlSyntaxError_isOneDiagnosticAtTheProblem() {
    assertThat(diagnostics("yaml_syntax.yml")).containsExactly(
        "yaml_syntax.yml:3:13: error: invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence)"
            + " [hint: fix the YAML syntax at this position]");
  }

  @Test
  void load_duplicateKeys_nameTheFirstOccurrence() {
    assertThat(diagnostics("duplicate_keys.yml")).containsExactly(
        "duplicate_keys.yml:3:3: error: duplicate key \"name\" (first at duplicate_keys.yml:1:3)"
            + " [hint: remove one of them; YAML keeps only one value per key]",
        "duplicate_keys.yml:8:40: error: duplicate key \"admin\" (first at duplicate_keys.yml:8:27)"
            + " [hint: remove one of them; YAML keeps only one value per key]");
  }

  @Test
  void load_duplicateResourceAddress_namesTheFirst() {
    assertThat(diagnostics("duplicate_address.yml")).containsExactly(
        "duplicate_address.yml:9:7: error: resource user[alice] is declared twice"
            + " (first at duplicate_address.yml:7:7) [hint: merge the two into one resource]");
  }

  @Test
  void load_moduleChecksAndConstructorRejections_areMappedToTheirKeys() {
    assertThat(diagnostics("module_check.yml")).containsExactly(
        "module_check.yml:10:9: error: a user to remove cannot be an admin [hint: drop admin: true]",
        "module_check.yml:11:13: error: invalid parameters for module user: uid must not be negative, got -1",
        "module_check.yml:13:9: error: enable_with: deferred needs a deferred: mapping",
        "module_check.yml:15:33: error: force_at_login must be 0 or more");
  }

  @Test
  void load_fiveDifferentErrors_giveExactlyFiveDiagnosticsInLineOrder() {
    assertThat(diagnostics("five_errors.yml")).containsExactly(
        "five_errors.yml:3:3: error: unsupported play key \"gather_facts\": trustchain plays declare resources,"
            + " not tasks; see README [hint: describe the desired state under \"resources:\"]",
        "five_errors.yml:8:7: error: unknown module \"usr\" [hint: did you mean \"user\"?]",
        "five_errors.yml:11:16: error: expected true or false, got \"maybe\"",
        "five_errors.yml:12:16: error: expected one of present, absent; got \"gone\"",
        "five_errors.yml:14:9: error: unknown parameter \"enabeld\" for module filevault"
            + " [hint: did you mean \"enabled\"?]");
  }

  @Test
  void load_structuralMistakes_areEachReported() {
    assertThat(diagnostics("not_a_list.yml")).containsExactly(
        "not_a_list.yml:1:1: error: expected a list of plays, got a mapping [hint: start each play with \"- name: …\"]");
    assertThat(diagnostics("empty.yml")).containsExactly(
        "empty.yml:1:1: error: the playbook is empty; expected a list of plays [hint: start a play with \"- name: …\"]");
    assertThat(diagnostics("bad_resource_item.yml")).containsExactly(
        "bad_resource_item.yml:7:7: error: a resource is a mapping with one key, the module, e.g."
            + " \"- user: {name: alice}\"; got 2 keys [hint: modules: bootstrap_token, filevault, sink, user]",
        "bad_resource_item.yml:9:7: error: a resource is a mapping with one key, the module, e.g."
            + " \"- user: {name: alice}\"; got \"just a string\" [hint: modules: bootstrap_token, filevault, sink, user]",
        "bad_resource_item.yml:10:24: error: expected the parameters of module bootstrap_token as a mapping,"
            + " got a list");
  }

  @Test
  void load_varsProblems_areReportedWhereWritten() {
    assertThat(diagnostics("missing_vars_file.yml")).containsExactly(
        "missing_vars_file.yml:4:5: error: invalid variable name \"my-var\""
            + " [hint: use letters, digits and underscores, starting with a letter or underscore]",
        "missing_vars_file.yml:6:7: error: vars file vars/nope.yml does not exist (looked for "
            + ERRORS.toAbsolutePath().resolve("vars/nope.yml") + ")"
            + " [hint: vars_files paths are relative to the playbook's folder]",
        "missing_vars_file.yml:9:15: error: the credential password must be a secret, not plain text"
            + " [hint: " + SECRET_HINT + "] [no snippet]");
  }

  @Test
  void load_missingFile_isAnErrorWithoutPosition() {
    Diagnostics diagnostics = new Diagnostics();

    assertThat(new PlaybookLoader(TestModules.registry(), null).load(ERRORS.resolve("nope.yml"), diagnostics)).isEmpty();
    assertThat(diagnostics.all()).map(PlaybookLoaderTest::format)
        .containsExactly("error: playbook " + ERRORS.resolve("nope.yml") + " does not exist [hint: check the path]");
  }

  @Test
  void load_validPlaybook_hasNoDiagnosticsAndKeepsEverything() throws Exception {
    Diagnostics diagnostics = new Diagnostics();

    Playbook playbook = new PlaybookLoader(TestModules.registry(), testVault()).load(VALID, diagnostics).orElseThrow();

    assertThat(diagnostics.all()).isEmpty();
    assertThat(playbook.plays()).hasSize(2);
    Play first = playbook.plays().get(0);
    assertThat(first.name()).isEqualTo("Engineering Macs keep Secure Tokens and FileVault");
    assertThat(first.hosts()).isEqualTo("engineering:!retired");
    assertThat(first.vars()).containsKeys("alice_password", "bob_password", "greeting", "admin_user", "unlock",
        "tcadmin_password", "alice_full_name");
    assertThat(first.vars().get("alice_password"))
        .isEqualTo(new SecretRef.File(VALID.toAbsolutePath().getParent().resolve("secrets/alice")));
    assertThat(first.vars().get("bob_password")).isInstanceOf(SecretRef.Vault.class);
    assertThat(first.vars().get("tcadmin_password")).isEqualTo(new SecretRef.Env("TC_TEST_TCADMIN_PW"));
    assertThat(first.vars().get("unlock")).isEqualTo(List.of("tcadmin", "alice"));
    assertThat(first.credential()).as("a templated credential is bound per host").isNull();
    assertThat(first.credentialSpec().user()).isEqualTo("{{ admin_user }}");
    assertThat(first.credentialSpec().passwordTemplate()).isEqualTo("{{ tcadmin_password }}");
    assertThat(first.resources()).extracting(ResourceSpec::module)
        .containsExactly("user", "user", "user", "filevault", "bootstrap_token");
    assertThat(first.resources().get(0).at().line()).isEqualTo(21);
    Play second = playbook.plays().get(1);
    assertThat(second.credential()).isEqualTo(new Credential("ladmin", new SecretRef.Env("TC_TEST_LADMIN_PW"),
        second.credentialSpec().at()));
  }

  @Test
  void load_sha256_coversThePlaybookAndItsVarsFiles() throws Exception {
    Playbook playbook = new PlaybookLoader(TestModules.registry(), testVault()).load(VALID, new Diagnostics())
        .orElseThrow();
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(Files.readAllBytes(VALID));
    digest.update(Files.readAllBytes(VALID.resolveSibling("vars/common.yml")));
    digest.update(Files.readAllBytes(VALID.resolveSibling("vars/secrets.vault.yml")));

    assertThat(playbook.sha256()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
  }

  @Test
  void load_vaultVarsFileWithoutPassword_saysHowToGiveOne() {
    Diagnostics diagnostics = new Diagnostics();

    new PlaybookLoader(TestModules.registry(), null).load(VALID, diagnostics);

    assertThat(diagnostics.all()).map(PlaybookLoaderTest::format).containsExactly(
        "site.yml:16:7: error: " + VALID.toAbsolutePath().resolveSibling("vars/secrets.vault.yml").normalize()
            + " is vault-encrypted but no vault password is configured;"
            + " pass --vault-password-file FILE or --vault-id [label@]FILE");
  }
}
