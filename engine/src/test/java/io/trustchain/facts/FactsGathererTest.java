package io.trustchain.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.facts.FakeMacTransport.Answer;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.RemoteScript;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whole gather, one exec against an in-memory Mac answering the generated sections. */
class FactsGathererTest {

  static final String ALICE_GUID = "DA145BD0-81C7-41AA-9676-794E0A14B63D"; // S58
  static final String BOB_GUID = "243C08D5-4A0D-45BE-8C99-8795BD52DBBB"; // S64
  static final String SVC_GUID = "0E4B8D8E-8C9B-4F55-A1B6-3A9F1C2D7E01";
  static final String TOKEN_AA = ";ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2,SRP-RFC5054-4096-SHA512-PBKDF2> ;SecureToken;";
  static final SecretRef ALICE_PW = new SecretRef.Env("ALICE_PW");
  static final SecretRef SVC_PW = new SecretRef.Env("SVC_PW");

  private final FactsGatherer gatherer = new FactsGatherer();

  /** Apple silicon, macOS 15.7.1, encrypting, Bootstrap Token escrowed, ADE-enrolled. */
  static FakeMacTransport sequoia() {
    return new FakeMacTransport()
        .user("root", 0).user("daemon", 1).user("nobody", -2).user("_mbsetupuser", 248)
        .user("alice", 501).user("bob", 502).user("svc", 401)
        .answer(FactsScript.SW_VERS, "ProductName:\t\tmacOS\nProductVersion:\t\t15.7.1\nBuildVersion:\t\t24G231\n")
        .answer(FactsScript.UNAME, "arm64\n")
        .answer(FactsScript.USERS, """
            _mbsetupuser             248
            alice                    501
            bob                      502
            daemon                   1
            nobody                   -2
            root                     0
            svc                      401
            """)
        .answer(FactsScript.ADMINS, "GroupMembership: root alice\n")
        .answer("user:alice", """
            AuthenticationAuthority: %s ;Kerberosv5;;alice@LKDC:SHA1.9B55;LKDC:SHA1.9B55;
            GeneratedUID: %s
            NFSHomeDirectory: /Users/alice
            RealName:
             Alice Appleseed
            RecordName: alice
            UniqueID: 501
            UserShell: /bin/zsh
            No such key: IsHidden
            """.formatted(TOKEN_AA, ALICE_GUID))
        .answer("token:alice", new Answer(0, "",
            "2026-09-23 10:10:38.619 sysadminctl[1053:11513] Secure token is ENABLED for user Alice Appleseed\n"))
        .answer("user:bob", """
            No such key: IsHidden
            AuthenticationAuthority: ;ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2,SRP-RFC5054-4096-SHA512-PBKDF2> ;DisabledTags;SecureToken
            GeneratedUID: %s
            NFSHomeDirectory: /Users/bob
            RealName: Bob
            RecordName: bob
            UniqueID: 502
            UserShell: /bin/zsh
            """.formatted(BOB_GUID))
        .answer("token:bob", new Answer(0, "",
            "2026-09-23 09:41:40.102 sysadminctl[1290:12512] Secure token is DISABLED for user Bob\n"))
        .answer("user:svc", """
            dsAttrTypeNative:IsHidden: 1
            AuthenticationAuthority: ;ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2> ;DisabledUser;
            GeneratedUID: %s
            NFSHomeDirectory: /var/empty
            RealName:
             Service Account
            RecordName: svc
            UniqueID: 401
            UserShell: /usr/bin/false
            """.formatted(SVC_GUID))
        .answer("token:svc", new Answer(0, "",
            "2026-09-23 09:41:40.200 sysadminctl[1291:12513] Secure token is DISABLED for user Service Account\n"))
        .answer("auth:alice", new Answer(0, "verified\n", ""))
        .answer("auth:svc", new Answer(1, "",
            "trustchain: refused: Credentials could not be verified, account is disabled. (5301)\n"))
        .answer(FactsScript.CRYPTO, """
            Cryptographic users for disk3s1s1 (3 found)
            |
            +-- %s
            |   Type: Local Open Directory User
            |   Volume Owner: Yes
            |
            +-- 2457711A-523C-4604-B75A-F48A571D5036
            |   Type: MDM Bootstrap Token External Key
            |   Volume Owner: Yes
            |
            +-- EBC6C064-0000-11AA-AA11-00306543ECAC
                Type: Personal Recovery User
                Volume Owner: Yes
            """.formatted(ALICE_GUID))
        .answer(FactsScript.FV_STATUS, new Answer(2, "FileVault is On.\nEncryption in progress: Percent completed = 42.5\n", ""))
        .answer(FactsScript.FV_ACTIVE, "true\n")
        .answer(FactsScript.FV_LIST, "alice," + ALICE_GUID + "\nC22BDCD3-1A2B-4C3D-9E4F-65D3332605C3\n")
        .answer(FactsScript.FV_DEFERRAL, new Answer(20, "Not found.\n", ""))
        .answer(FactsScript.FV_PRK, "true\n")
        .answer(FactsScript.FV_IRK, "false\n")
        .answer(FactsScript.BOOTSTRAP, "profiles: Bootstrap Token supported on server: YES\n"
            + "profiles: Bootstrap Token escrowed to server: YES\n")
        .answer(FactsScript.ENROLLMENT, "Enrolled via DEP: Yes\nMDM enrollment: Yes\nMDM server: https://mdm.example.com\n")
        .answer(FactsScript.MCX, new Answer(1, "", "\nThe domain/default pair of (/Library/Preferences/com.apple.MCX, "
            + "cachedaccounts.askForSecureTokenAuthBypass) does not exist\n"))
        .answer(FactsScript.RECOVERY_PLIST, new Answer(1, "", ""))
        .answer(FactsScript.CLOCK, "2025-10-06T08:00:00Z\n")
        .answer(FactsScript.DEFERRAL_SINCE, NO_MARKER);
  }

  static final Answer NO_MARKER =
      new Answer(1, "", "cat: /var/db/trustchain-filevault-deferral: No such file or directory\n");

  static FactsRequest sequoiaRequest() {
    return new FactsRequest(Set.of("svc", "ghost"), Map.of("alice", ALICE_PW, "svc", SVC_PW));
  }

  @Test
  void gather_appleSilicon_readsEveryFact() throws Exception {
    HostFacts facts = gatherer.gather(sequoia(), sequoiaRequest(), Duration.ofSeconds(30));

    assertThat(facts.reachable()).isTrue();
    assertThat(facts.error()).isNull();
    assertThat(facts.os()).isEqualTo(new OsFacts("macOS", "15.7.1", "24G231", "arm64"));
    assertThat(facts.users()).containsExactly(
        new UserFacts("alice", 501, "Alice Appleseed", ALICE_GUID, true, true, false, true, "/bin/zsh", "/Users/alice",
            false, false, List.of(";ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2,SRP-RFC5054-4096-SHA512-PBKDF2>",
                ";SecureToken;", ";Kerberosv5;;alice@LKDC:SHA1.9B55;LKDC:SHA1.9B55;"), true),
        new UserFacts("bob", 502, "Bob", BOB_GUID, false, false, true, false, "/bin/zsh", "/Users/bob", false, false,
            List.of(";ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2,SRP-RFC5054-4096-SHA512-PBKDF2>",
                ";DisabledTags;SecureToken"), null),
        new UserFacts("svc", 401, "Service Account", SVC_GUID, false, false, false, false, "/usr/bin/false",
            "/var/empty", true, true, List.of(";ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2>", ";DisabledUser;"), false));
    assertThat(facts.filevault()).as("a FileVault row that names no account is no unlock user")
        .isEqualTo(new FileVaultFacts("encrypting", 42.5, null, List.of("alice"), true, false, false));
    assertThat(facts.unmatched()).containsExactly(new Unmatched("filevault", "fdesetup list",
        "C22BDCD3-1A2B-4C3D-9E4F-65D3332605C3", "is a FileVault user whose UUID is no account trustchain read"));
    assertThat(facts.notUnderstood()).isEmpty();
    assertThat(facts.bootstrapToken()).isEqualTo(new BootstrapTokenFacts(true, true));
    assertThat(facts.mdm()).isEqualTo(new MdmFacts(true, true, true));
    assertThat(facts.mobileAccounts()).isEqualTo(new MobileAccountsFacts(true));
  }

  @Test
  void gather_isOneExec_withPasswordsOnlyAsStdinVariables() throws Exception {
    FakeMacTransport mac = sequoia();
    gatherer.gather(mac, sequoiaRequest(), Duration.ofSeconds(7));

    assertThat(mac.scripts()).hasSize(1);
    RemoteScript script = mac.scripts().get(0);
    assertThat(script.timeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(script.secrets()).containsExactly(ALICE_PW, SVC_PW);
    assertThat(script.text())
        .contains("printf '%s' \"$tc_s1\" | osascript -l JavaScript -e '// trustchain-password v1")
        .contains("verify alice")
        .contains("printf '%s' \"$tc_s2\" | osascript")
        .doesNotContain("-authonly")
        .satisfies(t -> assertThat(t.split("dscl \\. -list", -1)).as("dscl . -list runs once").hasSize(2))
        .contains("IFS= read -r tc_s1\nIFS= read -r tc_s2\n")
        .contains("tc_begin users\ntc_users=$(dscl . -list /Users UniqueID); tc_rc=$?\n"
            + "[ -z \"$tc_users\" ] || printf '%s\\n' \"$tc_users\"\ntc_end users\n")
        .contains("printf '%s\\n' \"$tc_users\" | while read -r tc_n tc_id; do\nif [ \"$tc_id\" -ge 500 ]; then\n"
            + "tc_named=0\nfor tc_x in alice ghost svc; do if [ \"$tc_x\" = \"$tc_n\" ]; then tc_named=1; fi; done\n"
            + "if [ \"$tc_named\" = 0 ]; then\n")
        .contains("for tc_n in alice ghost svc; do\n")
        .contains("dscl . -read \"/Users/$tc_n\" RecordName UniqueID RealName GeneratedUID NFSHomeDirectory UserShell "
            + "AuthenticationAuthority IsHidden")
        .contains("sysadminctl -secureTokenStatus \"$tc_n\"")
        .contains("defaults read /Library/Preferences/com.apple.MCX cachedaccounts.askForSecureTokenAuthBypass")
        .contains("[ -s /var/db/trustchain-filevault.plist ]")
        .contains("date -u +%Y-%m-%dT%H:%M:%SZ")
        .contains("cat /var/db/trustchain-filevault-deferral")
        .doesNotContain("ALICE_PW")
        .doesNotContain("SVC_PW");
  }

  @Test
  void gather_namedUserThatDoesNotExist_isLeftOut() throws Exception {
    HostFacts facts = gatherer.gather(sequoia(), sequoiaRequest(), Duration.ofSeconds(30));
    assertThat(facts.user("ghost")).isEmpty();
    assertThat(facts.users()).extracting(UserFacts::name).doesNotContain("root", "daemon", "nobody", "_mbsetupuser");
  }

  /** Intel, 10.15.7 (S83), no Volume Owner lines (S57), a user listed by UUID, a key waiting on disk. */
  @Test
  void gather_intelCatalina_volumeOwnerUnknownAndUuidMapped() throws Exception {
    String fred = "FB756838-0A1B-4C2D-8E3F-40FB5E7D5D3F";
    String ttg = "C22BDCD3-1A2B-4C3D-9E4F-65D3332605C3";
    FakeMacTransport mac = new FakeMacTransport()
        .user("frederick", 501).user("ttg", 502)
        .answer(FactsScript.SW_VERS, "ProductName:\tMac OS X\nProductVersion:\t10.15.7\nBuildVersion:\t19H15\n")
        .answer(FactsScript.UNAME, "x86_64\n")
        .answer(FactsScript.USERS, "frederick                501\nttg                      502\n")
        .answer(FactsScript.ADMINS, "GroupMembership: root frederick ttg\n")
        .answer("user:frederick", record("frederick", 501, fred))
        .answer("token:frederick", stToken("ENABLED", "frederick"))
        .answer("user:ttg", record("ttg", 502, ttg))
        .answer("token:ttg", stToken("ENABLED", "ttg"))
        .answer(FactsScript.CRYPTO, """
            Cryptographic users for disk1s5 (4 found)
            |
            +-- %s
            |   Type: Local Open Directory User
            |
            +-- EBC6C064-0000-11AA-AA11-00306543ECAC
            |   Type: Personal Recovery User
            |
            +-- %s
            |   Type: Local Open Directory User
            |
            +-- 2457711A-523C-4604-B75A-F48A571D5036
                Type: MDM Bootstrap Token External Key
            """.formatted(fred, ttg))
        .answer(FactsScript.FV_STATUS, "FileVault is On.\n")
        .answer(FactsScript.FV_ACTIVE, "true\n")
        .answer(FactsScript.FV_LIST, "frederick," + fred + "\n" + ttg + "," + ttg + "\n")
        .answer(FactsScript.FV_DEFERRAL, new Answer(20, "Not found.\n", ""))
        .answer(FactsScript.FV_PRK, "false\n")
        .answer(FactsScript.FV_IRK, "false\n")
        .answer(FactsScript.BOOTSTRAP, "profiles: Bootstrap Token supported on server: NO\n")
        .answer(FactsScript.ENROLLMENT, "Enrolled via DEP: No\nMDM enrollment: No\n")
        .answer(FactsScript.MCX, "1\n")
        .answer(FactsScript.RECOVERY_PLIST, new Answer(0, "", ""))
        .answer(FactsScript.CLOCK, "2025-03-03T08:00:00Z\n")
        .answer(FactsScript.DEFERRAL_SINCE, NO_MARKER);

    HostFacts facts = gatherer.gather(mac, FactsRequest.none(), Duration.ofSeconds(30));

    assertThat(facts.os()).hasToString("Mac OS X 10.15.7 (19H15, x86_64)");
    assertThat(facts.users()).extracting(UserFacts::name, UserFacts::secureToken, UserFacts::volumeOwner)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("frederick", true, null),
            org.assertj.core.groups.Tuple.tuple("ttg", true, null));
    assertThat(facts.filevault()).isEqualTo(new FileVaultFacts("on", null, null, List.of("frederick", "ttg"),
        true, false, true));
    assertThat(facts.bootstrapToken()).isEqualTo(new BootstrapTokenFacts(false, false));
    assertThat(facts.mdm()).isEqualTo(new MdmFacts(false, false, false));
    assertThat(facts.mobileAccounts()).isEqualTo(new MobileAccountsFacts(false));
    assertThat(mac.scripts().get(0).text()).doesNotContain("for tc_n in").doesNotContain("case \"$tc_n\"")
        .doesNotContain("@@tc-stdin-");
  }

  @Test
  void gather_activeDeferral_fromStatusAndShowDeferralInfo() throws Exception {
    FakeMacTransport mac = sequoia()
        .answer(FactsScript.FV_STATUS, new Answer(1, "FileVault is Off.\n"
            + "Deferred enablement appears to be active for user 'alice'.\n", ""))
        .answer(FactsScript.FV_ACTIVE, new Answer(1, "false\n", ""))
        .answer(FactsScript.FV_LIST, new Answer(1, "", ""))
        .answer(FactsScript.FV_PRK, "false\n")
        .answer(FactsScript.FV_DEFERRAL, """
            {
                Defer = 1;
                DeferForceAtUserLoginMaxBypassAttempts = 3;
                OutputPath = "/var/db/trustchain-filevault.plist";
                Usernames =     (
                    alice
                );
            }
            """);

    FileVaultFacts fv = gatherer.gather(mac, sequoiaRequest(), Duration.ofSeconds(30)).filevault();

    assertThat(fv.status()).isEqualTo("off");
    assertThat(fv.deferral()).isEqualTo(new Deferral("alice", "/var/db/trustchain-filevault.plist", 3, null));
    assertThat(fv.unlockUsers()).isEmpty();
    assertThat(fv.personalRecoveryKey()).as("the PRK crypto user is listed (S58)").isTrue();
  }

  @Test
  void gather_scriptStoppedEarly_keepsWhatRan_andNamesWhatDidNot() throws Exception {
    FakeMacTransport mac = sequoia().stopBefore(FactsScript.CRYPTO);
    HostFacts facts = gatherer.gather(mac, sequoiaRequest(), Duration.ofSeconds(30));

    assertThat(facts.reachable()).isTrue();
    assertThat(facts.os().version()).isEqualTo("15.7.1");
    assertThat(facts.user("alice").orElseThrow().secureToken()).isTrue();
    assertThat(facts.notUnderstood()).first().satisfies(n -> {
      assertThat(n.command()).isEqualTo("diskutil apfs listCryptoUsers /");
      assertThat(n.problem()).startsWith("no result: the facts script (exit 1) ended before this command ran");
    });
    assertThatThrownBy(() -> facts.filevault().status()).isInstanceOf(NotUnderstoodException.class)
        .hasMessageStartingWith("filevault.status not understood: fdesetup status (exit 1) printed nothing: no result");
    assertThatThrownBy(() -> facts.bootstrapToken().escrowed()).isInstanceOf(NotUnderstoodException.class);
  }

  @Test
  void gather_unrecognisedOutput_keepsTheRest_andQuotesTheDevicesWords() throws Exception {
    FakeMacTransport mac = sequoia().answer(FactsScript.BOOTSTRAP, "profiles: something new\n");
    HostFacts facts = gatherer.gather(mac, sequoiaRequest(), Duration.ofSeconds(30));

    assertThat(facts.reachable()).isTrue();
    assertThat(facts.error()).isNull();
    assertThat(facts.users()).extracting(UserFacts::name).containsExactly("alice", "bob", "svc");
    assertThat(facts.filevault().status()).isEqualTo("encrypting");
    assertThat(facts.mdm().enrolled()).isTrue();
    assertThat(facts.notUnderstood()).containsExactly(new NotUnderstood("bootstrap_token", List.of("bootstrap_token"),
        "profiles status -type bootstraptoken", 0, "stdout", List.of("profiles: something new"), "unknown line"));
    assertThatThrownBy(() -> facts.bootstrapToken().supported()).isInstanceOf(NotUnderstoodException.class)
        .hasMessage("bootstrap_token.supported not understood: profiles status -type bootstraptoken (exit 0) printed"
            + " \"profiles: something new\" on stdout: unknown line");
    assertThat(FactsJson.write(Map.of("mac", facts))).contains("\"bootstrap_token\": {\n        \"supported\": null,");
  }

  @Test
  void gather_tokenUnknownButRecordPresent_leavesThatTokenUnknown() throws Exception {
    FakeMacTransport mac = sequoia().answer("token:bob", new Answer(0, "",
        "2026-09-23 10:10:38.638 sysadminctl[1056:11522] Unknown user bob\n"));
    HostFacts facts = gatherer.gather(mac, sequoiaRequest(), Duration.ofSeconds(30));

    UserFacts bob = facts.user("bob").orElseThrow();
    assertThat(bob.realName()).isEqualTo("Bob");
    assertThatThrownBy(bob::secureToken).isInstanceOf(NotUnderstoodException.class)
        .hasMessageContaining("users[bob].secure_token not understood: sysadminctl -secureTokenStatus bob (exit 0)")
        .hasMessageContaining("sysadminctl does not know bob but dscl has its record");
    assertThat(facts.user("alice").orElseThrow().secureToken()).isTrue();
  }

  @Test
  void gather_noSwVers_isNotAMac() throws Exception {
    FakeMacTransport mac = sequoia().answer(FactsScript.SW_VERS, new Answer(127, "", "sh: 1: sw_vers: not found\n"));
    HostFacts facts = gatherer.gather(mac, sequoiaRequest(), Duration.ofSeconds(30));

    assertThat(facts.reachable()).isTrue();
    assertThat(facts.errorKind()).isEqualTo(HostErrorKind.NOT_A_MAC);
    assertThat(facts.error()).isEqualTo("not a Mac: it has no sw_vers (sh: 1: sw_vers: not found)");
    assertThat(facts.usable()).isFalse();
  }

  @Test
  void gather_anotherSystemsSwVers_isNotAMac() throws Exception {
    FakeMacTransport mac = sequoia().answer(FactsScript.SW_VERS,
        "ProductName:\tiPhone OS\nProductVersion:\t17.0\nBuildVersion:\t21A329\n");
    HostFacts facts = gatherer.gather(mac, sequoiaRequest(), Duration.ofSeconds(30));

    assertThat(facts.errorKind()).isEqualTo(HostErrorKind.NOT_A_MAC);
    assertThat(facts.error()).isEqualTo("not a Mac: sw_vers says ProductName: iPhone OS");
  }

  @Test
  void gather_scriptThatDidNotRun_isUnreachable_sudoRefusedWhenSudoSaysSo() throws Exception {
    FakeMacTransport mac = sequoia().stopBefore(FactsScript.SW_VERS)
        .stderr("Sorry, try again.\nsudo: 1 incorrect password attempt\n");
    HostFacts facts = gatherer.gather(mac, sequoiaRequest(), Duration.ofSeconds(30));

    assertThat(facts.reachable()).isFalse();
    assertThat(facts.errorKind()).isEqualTo(HostErrorKind.SUDO_REFUSED);
    assertThat(facts.error()).startsWith("sudo refused the become password (exit 1)");
  }

  @Test
  void gather_accountNameThatIsNotAShortName_isRefusedBeforeAnyExec() {
    FakeMacTransport mac = sequoia();
    assertThatThrownBy(() -> gatherer.gather(mac, new FactsRequest(Set.of("bad name; rm"), Map.of()),
        Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad name; rm'");
    assertThat(mac.scripts()).isEmpty();
  }

  private static String record(String name, int uid, String guid) {
    return """
        AuthenticationAuthority: %s
        GeneratedUID: %s
        NFSHomeDirectory: /Users/%s
        RealName: %s
        RecordName: %s
        UniqueID: %d
        UserShell: /bin/zsh
        No such key: IsHidden
        """.formatted(TOKEN_AA, guid, name, name, name, uid);
  }

  private static Answer stToken(String state, String realName) {
    return new Answer(0, "", "2020-07-21 14:15:34.072 sysadminctl[527:5170] Secure token is " + state
        + " for user " + realName + "\n");
  }
}
