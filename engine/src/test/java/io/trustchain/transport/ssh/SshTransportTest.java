package io.trustchain.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.SecretResolver;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import io.trustchain.transport.TransportException;
import io.trustchain.transport.TransportException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine side of an SSH exec, against a local sh (as sshd would run it) and scripted links. */
class SshTransportTest {

  static final SecretRef TRICKY = new SecretRef.Env("TRICKY");
  static final SecretRef SPACES = new SecretRef.Env("SPACES");
  static final SecretRef SUDO = new SecretRef.Env("SUDO_PW");
  static final SecretRef MULTILINE = new SecretRef.Env("MULTILINE");
  static final SecretRef MISSING = new SecretRef.Env("MISSING");
  static final SecretRef MISSING_SUDO = new SecretRef.Env("WRONG_SUDO");
  static final String TRICKY_VALUE = "it's \"quoted\" $HOME `id` \\ & ; | * é";
  static final String SPACES_VALUE = "  lead and trail  ";
  static final String SUDO_VALUE = "sudo pässword";

  static final SecretResolver RESOLVER = ref -> {
    Map<SecretRef, String> values = Map.of(TRICKY, TRICKY_VALUE, SPACES, SPACES_VALUE, SUDO, SUDO_VALUE,
        MULTILINE, "line one\nline two", MISSING_SUDO, "not the sudo password");
    String v = values.get(ref);
    if (v == null) {
      throw new SecretException(ref.describe() + ": the environment variable is not set");
    }
    return Secret.of(v);
  };

  @TempDir
  Path tmp;

  static ConnectionSpec spec(boolean become, Optional<SecretRef> becomePassword) {
    return new ConnectionSpec("mac-1", "10.0.0.1", 22, "admin", Optional.empty(), Path.of("/dev/null"), become,
        becomePassword, Duration.ofSeconds(5));
  }

  static SshTransport transport(ConnectionSpec spec, Link first, Link.Opener reopen) {
    return new SshTransport(spec, RESOLVER, Duration.ofSeconds(20), reopen, first);
  }

  static Link.Opener noReopen() {
    return () -> {
      throw new AssertionError("no reconnect expected");
    };
  }

  private static RemoteScript echoSecrets(Duration timeout) {
    ScriptBuilder b = new ScriptBuilder();
    b.step("echo", Command.of("printf", "[%s][%s]").withSecret(TRICKY).withSecret(SPACES));
    return b.build(timeout);
  }

  private static SectionResult section(ExecResult result, RemoteScript script, String key) {
    return Sections.parse(result, script.nonce()).get(key);
  }

  @Test
  void exec_secretsTravelOnStdin_andNeverInTheCommandString() throws Exception {
    LocalShellLink link = new LocalShellLink(null);
    RemoteScript script = echoSecrets(Duration.ofSeconds(20));

    ExecResult result = transport(spec(false, Optional.empty()), link, noReopen()).exec(script);

    assertThat(result.exitStatus()).isZero();
    assertThat(section(result, script, "echo").stdout()).isEqualTo("[" + TRICKY_VALUE + "][" + SPACES_VALUE + "]");
    assertThat(link.commandLines).singleElement().asString()
        .startsWith("perl -e '# " + Watchdog.MARKER).contains(" " + script.nonce() + " 20 sh -c '")
        .doesNotContain("quoted").doesNotContain("lead and trail");
  }

  @Test
  void exec_become_sendsTheSudoPasswordLineFirst() throws Exception {
    Path bin = fakeSudo();
    LocalShellLink link = new LocalShellLink(bin);
    RemoteScript script = echoSecrets(Duration.ofSeconds(20));

    ExecResult result = transport(spec(true, Optional.of(SUDO)), link, noReopen()).exec(script);

    assertThat(result.stderr()).doesNotContain("fake sudo").doesNotContain("Sorry");
    assertThat(section(result, script, "echo").stdout()).isEqualTo("[" + TRICKY_VALUE + "][" + SPACES_VALUE + "]");
    assertThat(link.commandLines).as("the become password is validated alone first").hasSize(2);
    assertThat(link.commandLines.get(0)).isEqualTo("sudo -S -p '' true");
    assertThat(link.commandLines.get(1)).startsWith("sudo -S -p '' perl -e '").contains(" 20 sh -c '")
        .doesNotContain("pässword");
  }

  @Test
  void exec_wrongBecomePassword_isRefusedByTheCheck_beforeAnyExecCarriesSecrets() throws Exception {
    ScriptedLink link = new ScriptedLink(ScriptedLink.Behaviour.OK);
    link.sudoRefusal = "Sorry, try again.\n\nsudo: no password was provided\nsudo: 1 incorrect password attempt\n";
    SshTransport t = transport(spec(true, Optional.of(SUDO)), link, noReopen());

    assertThatThrownBy(() -> t.exec(echoSecrets(Duration.ofSeconds(5))))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SUDO_REFUSED))
        .hasMessage("mac-1 (10.0.0.1:22): sudo refused the become password (sudo: 1 incorrect password attempt);"
            + " check ansible_become_password for admin");
    assertThat(link.commandLines).containsExactly("sudo -S -p '' true");
    assertThat(link.stdins.get(0).toString(StandardCharsets.UTF_8)).as("sudo saw only the become password")
        .isEqualTo(SUDO_VALUE + "\n");
  }

  @Test
  void exec_theBecomeCheckRunsOncePerConnection() throws Exception {
    ScriptedLink link = new ScriptedLink(ScriptedLink.Behaviour.OK);
    SshTransport t = transport(spec(true, Optional.of(SUDO)), link, noReopen());
    t.exec(echoSecrets(Duration.ofSeconds(5)));
    t.exec(echoSecrets(Duration.ofSeconds(5)));
    assertThat(link.commandLines).filteredOn(BecomeCheck.COMMAND::equals).hasSize(1);
    assertThat(link.commandLines.get(0)).isEqualTo(BecomeCheck.COMMAND);
  }

  @Test
  void exec_anExecWithoutSecretsThatSudoRan_isTheCheck_soNoExtraExecIsNeeded() throws Exception {
    LocalShellLink link = new LocalShellLink(fakeSudo());
    SshTransport t = transport(spec(true, Optional.of(SUDO)), link, noReopen());
    t.exec(new ScriptBuilder().step("x", Command.of("true")).build(Duration.ofSeconds(5)));
    t.exec(echoSecrets(Duration.ofSeconds(5)));
    assertThat(link.commandLines).hasSize(2).noneMatch(BecomeCheck.COMMAND::equals);
  }

  @Test
  void exec_anExecThatSudoRefused_isSudoRefused_notAGarbledResult() throws Exception {
    Path bin = fakeSudo();
    LocalShellLink link = new LocalShellLink(bin);
    SshTransport t = transport(spec(true, Optional.of(MISSING_SUDO)), link, noReopen());
    assertThatThrownBy(() -> t.exec(new ScriptBuilder().step("x", Command.of("true")).build(Duration.ofSeconds(5))))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SUDO_REFUSED))
        .hasMessageContaining("sudo refused the become password (sudo: 1 incorrect password attempt)");
  }

  @Test
  void exec_becomeWithoutPassword_usesNonInteractiveSudo() throws Exception {
    LocalShellLink link = new LocalShellLink(fakeSudo());
    RemoteScript script = echoSecrets(Duration.ofSeconds(20));

    ExecResult result = transport(spec(true, Optional.empty()), link, noReopen()).exec(script);

    assertThat(section(result, script, "echo").stdout()).isEqualTo("[" + TRICKY_VALUE + "][" + SPACES_VALUE + "]");
    assertThat(link.commandLines).singleElement().asString().startsWith("sudo -n perl -e '");
  }

  @Test
  void exec_stdinBytes_areThePasswordLineTwoFillersTheSentinelAndOneLinePerSecret() throws Exception {
    ScriptedLink link = new ScriptedLink(ScriptedLink.Behaviour.OK);
    RemoteScript script = echoSecrets(Duration.ofSeconds(20));

    ExecResult result = transport(spec(true, Optional.of(SUDO)), link, noReopen()).exec(script);

    assertThat(result.exitStatus()).isEqualTo(3);
    assertThat(link.stdin.toString(StandardCharsets.UTF_8)).isEqualTo(SUDO_VALUE + "\n"
        + "@@tc-not-a-password\n@@tc-not-a-password\n" + script.stdinSentinel() + "\n" + TRICKY_VALUE + "\n"
        + SPACES_VALUE + "\n");
  }

  @Test
  void exec_withoutSecretsOrBecome_sendsNothing() throws Exception {
    ScriptedLink link = new ScriptedLink(ScriptedLink.Behaviour.OK);
    transport(spec(false, Optional.of(SUDO)), link, noReopen())
        .exec(new ScriptBuilder().step("x", Command.of("true")).build(Duration.ofSeconds(5)));
    assertThat(link.stdin.size()).isZero();
  }

  @Test
  void exec_exitStatusAndBothLargeStreams_areReturnedInFull() throws Exception {
    RemoteScript script = new RemoteScript("head -c 3000000 /dev/zero | tr '\\0' a; "
        + "head -c 2000000 /dev/zero | tr '\\0' b >&2; exit 7", List.of(), Duration.ofSeconds(20), "n");

    ExecResult result = transport(spec(false, Optional.empty()), new LocalShellLink(null), noReopen()).exec(script);

    assertThat(result.exitStatus()).isEqualTo(7);
    assertThat(result.stdout()).hasSize(3_000_000).matches("a+");
    assertThat(result.stderr()).hasSize(2_000_000).matches("b+");
  }

  @Test
  void exec_thatOutlivesItsTimeout_isKilledOnTheHostWithWhatItStarted_knownDead_andTheConnectionIsKept()
      throws Exception {
    LocalShellLink link = new LocalShellLink(null);
    SshTransport t = transport(spec(false, Optional.empty()), link, noReopen());
    String marker = "31" + ProcessHandle.current().pid() % 1000; // sleep arguments no other process uses

    assertThatThrownBy(() -> t.exec(new RemoteScript("echo started; sleep " + marker + "1 & sleep " + marker + "2", List.of(),
        Duration.ofMillis(300), "n")))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
          assertThat(e.knownDead()).as("the watchdog confirmed the process group gone").isTrue();
        })
        .hasMessageStartingWith("mac-1 (10.0.0.1:22): the remote command did not finish within 300 ms; trustchain's"
            + " watchdog on the host killed its process group ")
        .hasMessageEndingWith(", and it is gone");
    assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains("sleep " + marker))).as("the script and the sleep it left in the background").isEmpty();
    assertThat(t.exec(new RemoteScript("exit 0", List.of(), Duration.ofSeconds(20), "n")).exitStatus()).isZero();
  }

  @Test
  void exec_whoseHostNeverAnswers_isTimeoutAtItsTime_notKnownDead() throws Exception {
    SshTransport t = transport(spec(false, Optional.empty()), new LocalShellLink(mutePerl("exec sleep 30")), noReopen());

    assertThatThrownBy(() -> t.exec(new RemoteScript("true", List.of(), Duration.ofMillis(300), "n")))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
          assertThat(e.knownDead()).isFalse();
        })
        .hasMessage("mac-1 (10.0.0.1:22): the remote command did not answer within 300 ms; its channel was closed,"
            + " and whether it still runs on the host is not known");
  }

  @Test
  void exec_thatStartedButWhoseWatchdogNeverSpeaks_isWaitedForTheGrace_thenTimeout_notKnownDead() throws Exception {
    SshTransport t = transport(spec(false, Optional.empty()),
        new LocalShellLink(mutePerl("echo started; exec sleep 30")), noReopen()).withGrace(Duration.ofMillis(400));

    long start = System.nanoTime();
    assertThatThrownBy(() -> t.exec(new RemoteScript("true", List.of(), Duration.ofMillis(300), "n")))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.knownDead()).isFalse())
        .hasMessage("mac-1 (10.0.0.1:22): the remote command did not finish within 300 ms, and trustchain's watchdog"
            + " on the host said nothing within 400 ms more; its channel was closed, and whether it still runs on the"
            + " host is not known");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the grace was given").isGreaterThan(Duration.ofMillis(650));
  }

  /** A directory whose {@code perl} stands for a host whose watchdog never says anything: it runs {@code body}. */
  private Path mutePerl(String body) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("mute-bin"));
    Path perl = bin.resolve("perl");
    Files.writeString(perl, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(perl, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void exec_withoutATimeout_usesTheConnectorDefault() {
    SshTransport t = new SshTransport(spec(false, Optional.empty()), RESOLVER, Duration.ofMillis(250),
        noReopen(), new LocalShellLink(null));
    assertThatThrownBy(() -> t.exec(new RemoteScript("sleep 10", List.of(), Duration.ZERO, "n")))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT))
        .hasMessageContaining("within 250 ms");
  }

  @Test
  void exec_unresolvableSecret_isSecret_andNothingRuns() {
    LocalShellLink link = new LocalShellLink(null);
    ScriptBuilder b = new ScriptBuilder();
    b.step("x", Command.of("dscl", ".", "-authonly", "alice").withSecret(MISSING));
    assertThatThrownBy(() -> transport(spec(false, Optional.empty()), link, noReopen())
        .exec(b.build(Duration.ofSeconds(5))))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SECRET))
        .hasMessage("cannot resolve secret env:MISSING: env:MISSING: the environment variable is not set");
    assertThat(link.commandLines).isEmpty();
  }

  @Test
  void exec_unresolvableBecomePassword_isSecret() {
    assertThatThrownBy(() -> transport(spec(true, Optional.of(MISSING)), new LocalShellLink(null), noReopen())
        .exec(new RemoteScript("true", List.of(), Duration.ofSeconds(5), "n")))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SECRET))
        .hasMessageStartingWith("cannot resolve the become (sudo) password env:MISSING");
  }

  @Test
  void exec_secretWithALineBreak_isSecret_withoutItsValue() {
    ScriptBuilder b = new ScriptBuilder();
    b.step("x", Command.of("dscl", ".", "-authonly", "alice").withSecret(MULTILINE));
    assertThatThrownBy(() -> transport(spec(false, Optional.empty()), new LocalShellLink(null), noReopen())
        .exec(b.build(Duration.ofSeconds(5))))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SECRET))
        .hasMessage("secret env:MULTILINE contains a line break, so it cannot be sent as one stdin line")
        .message().doesNotContain("line one");
  }

  @Test
  void exec_withoutExitStatus_isDropped() {
    assertThatThrownBy(() -> transport(spec(false, Optional.empty()),
        new ScriptedLink(ScriptedLink.Behaviour.NO_EXIT_STATUS), noReopen())
        .exec(new RemoteScript("true", List.of(), Duration.ofSeconds(5), "n")))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DROPPED))
        .hasMessage("mac-1 (10.0.0.1:22): the remote command ended without an exit status");
  }

  @Test
  void exec_endedBySignal_isDropped_sayingWhich() {
    assertThatThrownBy(() -> transport(spec(false, Optional.empty()),
        new ScriptedLink(ScriptedLink.Behaviour.SIGNAL), noReopen())
        .exec(new RemoteScript("true", List.of(), Duration.ofSeconds(5), "n")))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DROPPED))
        .hasMessageContaining("was ended by signal KILL without an exit status");
  }

  @Test
  void exec_afterADrop_isNotRetried_andTheNextExecReconnects() throws Exception {
    ScriptedLink dropping = new ScriptedLink(ScriptedLink.Behaviour.DROP);
    ScriptedLink fresh = new ScriptedLink(ScriptedLink.Behaviour.OK);
    Deque<Link> reopened = new ArrayDeque<>(List.of(fresh));
    SshTransport t = transport(spec(false, Optional.empty()), dropping, reopened::pop);
    RemoteScript script = new RemoteScript("true", List.of(), Duration.ofSeconds(5), "n");

    assertThatThrownBy(() -> t.exec(script))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DROPPED))
        .hasMessage("mac-1 (10.0.0.1:22): the connection dropped during the remote command: Broken transport; "
            + "encountered EOF (the connection is down; the next exec reconnects)");
    assertThat(dropping.starts).isEqualTo(1);

    assertThat(t.exec(script).exitStatus()).isEqualTo(3);
    assertThat(fresh.starts).isEqualTo(1);
    assertThat(reopened).isEmpty();
  }

  @Test
  void exec_afterClose_isRefused() {
    SshTransport t = transport(spec(false, Optional.empty()), new ScriptedLink(ScriptedLink.Behaviour.OK), noReopen());
    t.close();
    assertThatThrownBy(() -> t.exec(new RemoteScript("true", List.of(), Duration.ofSeconds(5), "n")))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DROPPED));
  }

  @Test
  void close_closesTheLinkAndRunsTheCloseActionOnce() {
    ScriptedLink link = new ScriptedLink(ScriptedLink.Behaviour.OK);
    int[] runs = {0};
    SshTransport t = transport(spec(false, Optional.empty()), link, noReopen()).whenClosed(() -> runs[0]++);
    t.close();
    t.close();
    assertThat(link.isOpen()).isFalse();
    assertThat(runs[0]).isEqualTo(1);
  }

  @Test
  void host_isTheInventoryName() {
    assertThat(transport(spec(false, Optional.empty()), new ScriptedLink(ScriptedLink.Behaviour.OK), noReopen())
        .host()).isEqualTo("mac-1");
  }

  /**
   * A POSIX sh stand-in for sudo that behaves as sudo 1.9 does: {@code -n} runs; {@code -S -p ''} reads up to
   * three stdin lines as attempts, with sudo's own messages and exit status.
   */
  private Path fakeSudo() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path sudo = bin.resolve("sudo");
    Files.writeString(sudo, """
        #!/bin/sh
        if [ "$1" = -n ]; then shift; exec "$@"; fi
        [ "$1" = -S ] && [ "$2" = -p ] && [ "$3" = "" ] || { echo "fake sudo: -S -p '' expected" >&2; exit 90; }
        shift 3
        n=0
        while [ $n -lt 3 ]; do
          if ! IFS= read -r tc_pw; then
            echo >&2; echo "sudo: no password was provided" >&2
            if [ $n -eq 0 ]; then echo "sudo: a password is required" >&2
            elif [ $n -eq 1 ]; then echo "sudo: 1 incorrect password attempt" >&2
            else echo "sudo: $n incorrect password attempts" >&2; fi
            exit 1
          fi
          [ "$tc_pw" = '%s' ] && exec "$@"
          n=$((n + 1))
          [ $n -lt 3 ] && echo "Sorry, try again." >&2
        done
        echo "sudo: 3 incorrect password attempts" >&2
        exit 1
        """.formatted(SUDO_VALUE), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }
}
