package io.trustchain.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.secret.SecretRef;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facts sections made once per shape and taken as they are by the next host's script. */
class FactsScriptShapesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Map<String, String> made = new HashMap<>();

  private static FactsRequest named(String... users) {
    return new FactsRequest(Set.of(users), Map.of());
  }

  /** The script as it is built without a map of made sections. */
  private static String fresh(String nonce, FactsRequest request, boolean stop) {
    return FactsScript.build(ScriptBuilder.withNonce(nonce).stopOnFailure(stop), request, TIMEOUT).script().text();
  }

  private String kept(String nonce, FactsRequest request, boolean stop) {
    return FactsScript.build(ScriptBuilder.withNonce(nonce).stopOnFailure(stop), request, TIMEOUT, Map.of(), made)
        .script().text();
  }

  @Test
  void theSecondHostsScript_isTheOneBuiltFresh_withItsOwnNonce() {
    FactsRequest request = named("svc", "alice");
    String first = kept("aaaaaaaaaaaa", request, false);
    String second = kept("bbbbbbbbbbbb", request, false);

    assertThat(made).hasSize(1);
    assertThat(first).isEqualTo(fresh("aaaaaaaaaaaa", request, false));
    assertThat(second).isEqualTo(fresh("bbbbbbbbbbbb", request, false))
        .contains("tc_b='\\n@@tc:bbbbbbbbbbbb:b:%s\\n'")
        .doesNotContain("aaaaaaaaaaaa")
        .contains("for tc_n in alice svc; do\n");
  }

  @Test
  void theSectionsAreTakenFromTheMap_notMadeAgain() {
    FactsRequest request = named("alice");
    kept("aaaaaaaaaaaa", request, false);
    String shape = made.keySet().iterator().next();
    assertThat(shape).isEqualTo(FactsScript.shape(List.of("alice"), FactsRequest.DEFAULT_RECOVERY_PLIST, false));
    made.put(shape, "tc_begin marked\n: ; tc_rc=$?\ntc_end marked");

    assertThat(kept("bbbbbbbbbbbb", request, false)).contains("tc_begin marked").doesNotContain("sw_vers");
  }

  @Test
  void eachShapeHasItsOwnSections() {
    FactsRequest alice = named("alice");
    FactsRequest bob = named("bob");
    FactsRequest otherPlist = new FactsRequest(Set.of("alice"), Map.of(), "/private/var/db/other.plist", Set.of(),
        null);
    for (int round = 0; round < 2; round++) {
      assertThat(kept("aaaaaaaaaaaa", alice, false)).isEqualTo(fresh("aaaaaaaaaaaa", alice, false));
      assertThat(kept("aaaaaaaaaaaa", bob, false)).isEqualTo(fresh("aaaaaaaaaaaa", bob, false));
      assertThat(kept("aaaaaaaaaaaa", alice, true)).isEqualTo(fresh("aaaaaaaaaaaa", alice, true))
          .contains("[ \"$tc_rc\" -eq 0 ] || exit \"$tc_rc\"");
      assertThat(kept("aaaaaaaaaaaa", otherPlist, false)).isEqualTo(fresh("aaaaaaaaaaaa", otherPlist, false))
          .contains("[ -s /private/var/db/other.plist ]");
      assertThat(kept("aaaaaaaaaaaa", named(), false)).isEqualTo(fresh("aaaaaaaaaaaa", named(), false));
    }
    assertThat(made).hasSize(5);
  }

  @Test
  void aScriptThatChecksPasswords_isBuiltEachTime_withItsSecretVariables() {
    SecretRef pw = new SecretRef.Env("ALICE_PW");
    FactsRequest request = new FactsRequest(Set.of("alice"), Map.of("alice", pw));
    RemoteScript script = FactsScript.build(ScriptBuilder.withNonce("aaaaaaaaaaaa"), request, TIMEOUT, Map.of(), made)
        .script();

    assertThat(made).isEmpty();
    assertThat(script.secrets()).containsExactly(pw);
    assertThat(script.text()).isEqualTo(fresh("aaaaaaaaaaaa", request, false)).contains("\"$tc_s1\"");
  }

  @Test
  void anAccountNameThatIsNoShortName_isRefused_andNothingIsKept() {
    assertThatThrownBy(() -> kept("aaaaaaaaaaaa", named("bad name; rm"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad name; rm'");
    assertThat(made).isEmpty();
  }

  @Test
  void atMostSoManyShapesAreKept_andTheOthersAreStillBuilt() {
    for (int i = 0; i < FactsScript.SHAPES_KEPT + 5; i++) {
      FactsRequest request = named("user" + i);
      assertThat(kept("aaaaaaaaaaaa", request, false)).isEqualTo(fresh("aaaaaaaaaaaa", request, false));
    }
    assertThat(made).hasSize(FactsScript.SHAPES_KEPT);
  }

  @Test
  void noTwoShapesShareAKey() {
    assertThat(FactsScript.shape(List.of("b", "a"), "/p", false)).isEqualTo(FactsScript.shape(List.of("a", "b"), "/p", false));
    assertThat(java.util.stream.Stream.of(
        FactsScript.shape(List.of("a", "b"), "/p", false),
        FactsScript.shape(List.of("a b"), "/p", false),
        FactsScript.shape(List.of("a 1:b"), "/p", false),
        FactsScript.shape(List.of("b"), "/p 1:a", false),
        FactsScript.shape(List.of("a", "b"), "/p", true),
        FactsScript.shape(List.of(), "/p", false),
        FactsScript.shape(List.of(""), "/p", false))).doesNotHaveDuplicates();
  }

  @Test
  void aBodyWithSecretVariables_cannotBeTakenOut() {
    ScriptBuilder b = ScriptBuilder.withNonce("aaaaaaaaaaaa");
    b.secretVar(new SecretRef.Env("X"));
    assertThatThrownBy(b::bodyText).isInstanceOf(IllegalStateException.class);
  }
}
