package io.trustchain.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.secret.SecretRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionSpecsTest {

  private static final ConnectionDefaults LOCAL = new ConnectionDefaults("localadmin", Path.of("/home/localadmin"),
      Path.of("/work/fleet"), SshClientConfig.none(), Optional.empty(), Optional.empty());
  private static final SecretRef BECOME = new SecretRef.Env("BECOME_PASSWORD");

  private static ConnectionSpec spec(Map<String, Object> vars) {
    ConnectionSpecResult result = ConnectionSpecs.from("mac-lab-01", vars, LOCAL);
    assertThat(result.problems()).isEmpty();
    return result.spec().orElseThrow();
  }

  private static List<String> problems(Map<String, Object> vars) {
    return ConnectionSpecs.from("mac-lab-01", vars, LOCAL).problems().stream().map(Object::toString).toList();
  }

  private static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    return vars;
  }

  @Test
  void defaultsAreAnsibles() {
    ConnectionSpec spec = spec(Map.of());
    assertThat(spec.host()).isEqualTo("mac-lab-01");
    assertThat(spec.address()).isEqualTo("mac-lab-01");
    assertThat(spec.port()).isEqualTo(22);
    assertThat(spec.user()).isEqualTo("localadmin");
    assertThat(spec.privateKeyFile()).isEmpty();
    assertThat(spec.knownHostsFile()).isEqualTo(Path.of("/home/localadmin/.ssh/known_hosts"));
    assertThat(spec.become()).isFalse();
    assertThat(spec.becomePassword()).isEmpty();
    assertThat(spec.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void readsEveryConnectionVariable() {
    ConnectionSpec spec = spec(vars("ansible_host", "10.0.0.5", "ansible_port", 2222L, "ansible_user", "tcadmin",
        "ansible_ssh_private_key_file", "~/.ssh/fleet", "ansible_become", true, "ansible_become_password", BECOME,
        "ansible_timeout", 30L, "trustchain_known_hosts_file", "lab/known_hosts"));
    assertThat(spec).hasToString("tcadmin@10.0.0.5:2222");
    assertThat(spec.privateKeyFile()).contains(Path.of("/home/localadmin/.ssh/fleet"));
    assertThat(spec.knownHostsFile()).isEqualTo(Path.of("/work/fleet/lab/known_hosts"));
    assertThat(spec.become()).isTrue();
    assertThat(spec.becomePassword()).contains(BECOME);
    assertThat(spec.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void relativeKeyFilesAreRelativeToTheWorkingDirectory() {
    assertThat(spec(vars("ansible_ssh_private_key_file", "keys/../keys/id_ed25519")).privateKeyFile())
        .contains(Path.of("/work/fleet/keys/id_ed25519"));
    assertThat(spec(vars("ansible_private_key_file", "/abs/key")).privateKeyFile()).contains(Path.of("/abs/key"));
  }

  static Stream<Arguments> aliases() {
    return Stream.of(
        Arguments.of(vars("ansible_ssh_host", "10.0.0.9"), "localadmin@10.0.0.9:22"),
        Arguments.of(vars("ansible_ssh_port", "2201", "ansible_ssh_user", "legacy"), "legacy@mac-lab-01:2201"),
        Arguments.of(vars("ansible_host", "new", "ansible_ssh_host", "old"), "localadmin@old:22"),
        Arguments.of(vars("ansible_port", 2000L, "ansible_ssh_port", 3000L), "localadmin@mac-lab-01:3000"),
        Arguments.of(vars("ansible_host", "new", "ansible_ssh_host", null), "localadmin@new:22"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("aliases")
  void legacyAliasesWorkAndWinWhenBothAreSetAsInAnsible(Map<String, Object> vars, String expected) {
    assertThat(spec(vars)).hasToString(expected);
  }

  static Stream<Arguments> knownHosts() {
    return Stream.of(
        Arguments.of(vars("ansible_ssh_common_args", "-o UserKnownHostsFile=lab/known_hosts -o StrictHostKeyChecking=yes"),
            "/work/fleet/lab/known_hosts"),
        Arguments.of(vars("ansible_ssh_common_args", "-oUserKnownHostsFile=~/kh"), "/home/localadmin/kh"),
        Arguments.of(vars("ansible_ssh_extra_args", "-o 'UserKnownHostsFile /etc/ssh/kh /etc/ssh/kh2'"), "/etc/ssh/kh"),
        Arguments.of(vars("ansible_ssh_common_args", "-o userknownhostsfile=\"/a b/kh\""), "/a"),
        Arguments.of(vars("ansible_ssh_common_args", "-o 'UserKnownHostsFile=\"/a b/kh\" /c'"), "/a b/kh"),
        Arguments.of(vars("ansible_ssh_common_args", "-o UserKnownHostsFile=/first",
            "ansible_ssh_extra_args", "-o UserKnownHostsFile=/second"), "/first"),
        Arguments.of(vars("ansible_ssh_common_args", "-o ProxyJump=bastion"), "/home/localadmin/.ssh/known_hosts"),
        Arguments.of(vars("trustchain_known_hosts_file", "/explicit",
            "ansible_ssh_common_args", "-o UserKnownHostsFile=/from-args"), "/explicit"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("knownHosts")
  void knownHostsFile(Map<String, Object> vars, String expected) {
    assertThat(spec(vars).knownHostsFile()).isEqualTo(Path.of(expected));
  }

  @ParameterizedTest(name = "ansible_become={0} -> {1}")
  @MethodSource("truthiness")
  void becomeUsesAnsibleTruthiness(Object value, boolean expected) {
    assertThat(spec(vars("ansible_become", value)).become()).isEqualTo(expected);
  }

  static Stream<Arguments> truthiness() {
    return Stream.of(Arguments.of(true, true), Arguments.of("yes", true), Arguments.of("True", true),
        Arguments.of("on", true), Arguments.of("1", true), Arguments.of(1L, true), Arguments.of("y", true),
        Arguments.of("t", true), Arguments.of(1.0, true), Arguments.of(false, false), Arguments.of("no", false),
        Arguments.of("off", false), Arguments.of("0", false), Arguments.of(0L, false), Arguments.of("FALSE", false));
  }

  @Test
  void becomePassPasswordAliasIsAccepted() {
    assertThat(spec(vars("ansible_become_pass", BECOME)).becomePassword()).contains(BECOME);
  }

  @Test
  void plainBecomePasswordIsRefusedWithoutShowingIt() {
    List<String> problems = problems(vars("ansible_become_password", "hunter2"));
    assertThat(problems).containsExactly("mac-lab-01: ansible_become_password: is a plain value; "
        + "secrets must be typed: use !vault or !secret (e.g. ansible_become_password: !secret env:BECOME_PASSWORD)");
    assertThat(String.join("\n", problems)).doesNotContain("hunter2");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(problems(vars("ansible_port", "ssh", "ansible_become", "maybe", "ansible_timeout", 0L,
        "ansible_connection", "winrm", "ansible_become_method", "su", "ansible_become_user", "alice",
        "ansible_host", "", "ansible_user", List.of("a"))))
        .containsExactlyInAnyOrder(
            "mac-lab-01: ansible_port: must be a whole number between 1 and 65535, got \"ssh\"",
            "mac-lab-01: ansible_become: must be true or false (yes/no, on/off, 1/0), got \"maybe\"",
            "mac-lab-01: ansible_timeout: must be a whole number between 1 and 86400, got 0",
            "mac-lab-01: ansible_connection: trustchain connects over SSH, or runs here with local (pull mode), got"
                + " \"winrm\"",
            "mac-lab-01: ansible_become_method: trustchain becomes root with sudo only, got \"su\"",
            "mac-lab-01: ansible_become_user: trustchain becomes root only, got \"alice\"",
            "mac-lab-01: ansible_host: must not be empty",
            "mac-lab-01: ansible_user: must be a single value, got a list");
  }

  @Test
  void portOutOfRangeIsAProblem() {
    assertThat(problems(vars("ansible_port", 70000L)))
        .containsExactly("mac-lab-01: ansible_port: must be a whole number between 1 and 65535, got 70000");
  }

  @Test
  void aSecretWhereAPlainValueBelongsIsAProblem() {
    assertThat(problems(vars("ansible_user", BECOME)))
        .containsExactly("mac-lab-01: ansible_user: must be a plain value, not a secret");
  }

  @Test
  void localConnectionIsPullMode_withMacOSToolPathByDefault() {
    ConnectionSpec s = spec(vars("ansible_connection", "local"));
    assertThat(s.isLocal()).isTrue();
    assertThat(s.local()).map(LocalConnection::path).hasValue("/usr/bin:/bin:/usr/sbin:/sbin");
    assertThat(s).hasToString("local");
    assertThat(spec(vars("ansible_connection", "ansible.builtin.local", "trustchain_local_path", "/opt/fake:/bin",
        "ansible_become", "yes")).local()).map(LocalConnection::path).hasValue("/opt/fake:/bin");
    assertThat(problems(vars("ansible_connection", "local", "ansible_become_method", "su", "ansible_become_user",
        "alice", "trustchain_local_path", ""))).containsExactlyInAnyOrder(
            "mac-lab-01: ansible_become_method: trustchain becomes root with sudo only, got \"su\"",
            "mac-lab-01: ansible_become_user: trustchain becomes root only, got \"alice\"",
            "mac-lab-01: trustchain_local_path: must be a PATH such as /usr/bin:/bin:/usr/sbin:/sbin");
  }

  @Test
  void sshConnectionNamesAreAccepted() {
    assertThat(ConnectionSpecs.from("h", vars("ansible_connection", "ssh"), LOCAL).ok()).isTrue();
    assertThat(ConnectionSpecs.from("h", vars("ansible_connection", "ansible.builtin.ssh"), LOCAL).spec())
        .map(ConnectionSpec::host).isEqualTo(Optional.of("h"));
  }

  @Test
  void proxyJump_fromSshArgs_parsesEveryHop_andNoneMeansDirect() {
    ConnectionSpec s = spec(vars("ansible_ssh_common_args",
        "-o StrictHostKeyChecking=no -o ProxyJump=ops@bastion.example:2222,[fe80::1]:22,ssh://core"));
    assertThat(s.jumps()).containsExactly(
        new JumpHost("bastion.example", 2222, "ops", Optional.empty()),
        new JumpHost("fe80::1", 22, "localadmin", Optional.empty()),
        new JumpHost("core", 22, "localadmin", Optional.empty()));
    assertThat(spec(vars("ansible_ssh_extra_args", "-J jump")).jumps())
        .containsExactly(new JumpHost("jump", 22, "localadmin", Optional.empty()));
    assertThat(spec(vars("ansible_ssh_common_args", "-o ProxyJump=none")).jumps()).isEmpty();
    assertThat(problems(vars("ansible_ssh_common_args", "-o ProxyJump=a@:x")))
        .containsExactly("mac-lab-01: ansible_ssh_common_args: cannot read the jump host \"a@:x\": expected "
            + "[user@]host[:port]");
  }

  @Test
  void sshConfig_fillsOnlyWhatTheInventoryLeavesOut_andCommandLineDefaultsSitBetween() throws Exception {
    SshClientConfig config = SshClientConfig.parse(String.join("\n",
        "Host mac-*", "  HostName %h.corp.example", "  User cfguser", "  Port 2200", "  ProxyJump gw",
        "Host gw", "  HostName gw.corp.example", "  User gwuser", ""), Path.of("/home/localadmin/.ssh/config"));
    ConnectionDefaults local = new ConnectionDefaults("localadmin", Path.of("/home/localadmin"), Path.of("/work/fleet"),
        config, Optional.empty(), Optional.empty());
    ConnectionSpec fromConfig = ConnectionSpecs.from("mac-01", vars(), local).spec().orElseThrow();
    assertThat(fromConfig.toString()).isEqualTo("cfguser@mac-01.corp.example:2200");
    assertThat(fromConfig.jumps()).containsExactly(new JumpHost("gw.corp.example", 22, "gwuser", Optional.empty()));

    ConnectionSpec inventoryWins = ConnectionSpecs.from("mac-01",
        vars("ansible_user", "inv", "ansible_port", 22L, "ansible_ssh_common_args", "-o ProxyJump=none"), local)
        .spec().orElseThrow();
    assertThat(inventoryWins.toString()).isEqualTo("inv@mac-01.corp.example:22");
    assertThat(inventoryWins.jumps()).isEmpty();

    ConnectionDefaults dashU = local.withCommandLine(Optional.of("cli"), Optional.of(Path.of("keys/id_cli")));
    ConnectionSpec withCli = ConnectionSpecs.from("mac-01", vars(), dashU).spec().orElseThrow();
    assertThat(withCli.user()).isEqualTo("cli");
    assertThat(withCli.privateKeyFile()).contains(Path.of("/work/fleet/keys/id_cli"));
    assertThat(ConnectionSpecs.from("mac-01", vars("ansible_user", "inv"), dashU).spec().orElseThrow().user())
        .isEqualTo("inv");
  }
}
