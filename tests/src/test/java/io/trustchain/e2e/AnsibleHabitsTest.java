package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an Ansible user types out of habit: -e, --check, -vvv, help, did-you-mean, completion, man, show, inventory. */
class AnsibleHabitsTest {

  @TempDir Path dir;

  @Test
  void typos_getADidYouMean_forSubcommandsAndOptions() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    LabWorkspace.Result paln = ws.run("paln", "site.yml");
    assertThat(paln.code()).isEqualTo(64);
    assertThat(paln.err()).contains("hint: did you mean \"plan\"?");
    LabWorkspace.Result limt = ws.run("plan", "--limt", "mac-ventura", "site.yml");
    assertThat(limt.code()).isEqualTo(64);
    assertThat(limt.err()).contains("Unknown option: '--limt'").contains("hint: did you mean \"--limit\"?");
  }

  @Test
  void helpSubcommand_completion_andManPage_comeFromTheCommandModel() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    LabWorkspace.Result help = ws.run("help", "plan");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: trustchain plan").contains("--detailed-exitcode").contains("--extra-vars");
    LabWorkspace.Result completion = ws.run("completion");
    assertThat(completion.code()).isZero();
    assertThat(completion.out()).contains("complete -F _complete_trustchain").contains("--ask-become-pass")
        .contains("inventory");
    LabWorkspace.Result man = ws.run("man");
    assertThat(man.code()).isZero();
    assertThat(man.out()).startsWith(".TH TRUSTCHAIN 1").contains(".SS trustchain apply")
        .contains("\\fB\\-K, \\-\\-ask\\-become\\-pass\\fR").contains(".SH EXIT STATUS");
  }

  @Test
  void verbosityLevels_areCounted_likeAnsibles() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Path site = LabWorkspace.REPO.resolve("playbooks/site.yml");
    LabWorkspace.Result vvv = ws.run("validate", "-vvv", site.toString());
    assertThat(vvv.code()).as(vvv.toString()).isZero();
    assertThat(ws.run("validate", "-v", "-v", "-v", "-v", "-v", site.toString()).code()).isZero();
  }

  @Test
  void aFolderOrAMissingPlaybook_isAUsageError_namingEach() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Files.createDirectories(dir.resolve("plays"));
    LabWorkspace.Result r = ws.run("plan", "plays", "nope.yml");
    assertThat(r.code()).as(r.toString()).isEqualTo(64);
    assertThat(r.err()).contains("error: plays is a folder, not a playbook")
        .contains("error: playbook nope.yml does not exist").doesNotContain("IOException");
  }

  @Test
  void extraVars_winOverInventoryAndPlayVars_andShowSavedPlan_andCheckMode() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Path play = ws.write("playbooks/named.yml", """
        - name: A user named by a variable
          hosts: mac-ventura
          vars: {who: alice}
          credential: {user: tcadmin, password: "{{ vault_tcadmin_password }}"}
          resources:
            - user: {name: "{{ who }}", full_name: "{{ label | default('Someone') }}"}
        """);
    LabWorkspace.Result plan = ws.run("plan", "-e", "who=carol", "-e", "{\"label\": \"Carol C\"}", "--out", "p.json",
        play.toString());
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("+ user[carol] will be created").contains("\"Carol C\"");

    LabWorkspace.Result show = ws.run("show", "p.json");
    assertThat(show.code()).as(show.toString()).isZero();
    assertThat(show.out()).startsWith("Saved plan p.json: made ").contains("+ user[carol] will be created")
        .contains("To apply exactly these changes: trustchain apply p.json");
    assertThat(ws.run("show", "--format", "json", "p.json").out()).contains("\"format_version\"");

    ws.write("vars.yml", "who: dave\n");
    LabWorkspace.Result check = ws.run("apply", "--check", "-e", "@vars.yml", play.toString());
    assertThat(check.code()).as(check.toString()).isZero();
    assertThat(check.out()).contains("+ user[dave] will be created").contains("Check mode: nothing was changed.");
    assertThat(ws.run("plan", play.toString()).out()).contains("~ user[alice] will be changed")
        .contains("full_name: \"Alice Appleseed\" -> \"Someone\"");
  }

  @Test
  void inventoryHost_andYaml() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    LabWorkspace.Result host = ws.run("inventory", "--host", "mac-ventura");
    assertThat(host.code()).as(host.toString()).isZero();
    assertThat(host.out()).startsWith("{\n    \"ansible_become\": true,").contains("\"ansible_user\": \"ladmin\"");
    LabWorkspace.Result typo = ws.run("inventory", "--host", "mac-ventrua");
    assertThat(typo.code()).isEqualTo(64);
    assertThat(typo.err()).contains("did you mean \"mac-ventura\"?");
    LabWorkspace.Result yaml = ws.run("inventory", "--list", "--yaml");
    assertThat(yaml.code()).as(yaml.toString()).isZero();
    assertThat(yaml.out()).startsWith("all:\n  children:\n    lab:\n").doesNotContain("ungrouped")
        .contains("        engineering:\n          hosts:\n            mac-ventura:\n")
        .contains("ansible_become_password: '{{ vault_ladmin_password }}'").contains("!vault |");
  }

  @Test
  void ansibleEnvironmentVariables_nameTheInventory() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\n");
    ws.env("ANSIBLE_INVENTORY", "inventory/lab.yml");
    ws.env("ANSIBLE_VAULT_PASSWORD_FILE", LabWorkspace.REPO.resolve("lab/secrets/vault-password").toString());
    LabWorkspace.Result graph = ws.run("inventory", "--graph");
    assertThat(graph.code()).as(graph.toString()).isZero();
    assertThat(graph.out()).contains("@engineering:").contains("mac-ventura");
  }
}
