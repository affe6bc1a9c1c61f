package io.trustchain.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FactsJsonTest {

  static HostFacts sample(Double progress, Deferral deferral) {
    return new HostFacts(true, null, new OsFacts("macOS", "15.7.1", "24G231", "arm64"),
        List.of(new UserFacts("alice", 501, "Alice Appleseed", "DA145BD0-81C7-41AA-9676-794E0A14B63D", true, true,
            false, null, "/bin/zsh", "/Users/alice", false, false, List.of(";SecureToken;"), null)),
        new FileVaultFacts("encrypting", progress, deferral, List.of("alice"), true, false, false),
        new BootstrapTokenFacts(true, false), new MdmFacts(true, false, true), new MobileAccountsFacts(true));
  }

  @Test
  void write_isTheVersionedContract_snakeCaseInRecordOrder() {
    Map<String, HostFacts> hosts = new LinkedHashMap<>();
    hosts.put("mac-1", sample(42.5, new Deferral("alice", "/var/db/trustchain-filevault.plist", 3, null)));
    hosts.put("mac-2", HostFacts.unreachable(HostErrorKind.UNREACHABLE, "mac-2 (10.0.0.2:22): cannot connect: connection refused"));

    assertThat(FactsJson.write(hosts)).isEqualTo("""
        {
          "format_version": 1,
          "hosts": {
            "mac-1": {
              "reachable": true,
              "error": null,
              "error_kind": null,
              "os": {
                "product_name": "macOS",
                "version": "15.7.1",
                "build": "24G231",
                "arch": "arm64"
              },
              "users": [
                {
                  "name": "alice",
                  "uid": 501,
                  "real_name": "Alice Appleseed",
                  "generated_uid": "DA145BD0-81C7-41AA-9676-794E0A14B63D",
                  "admin": true,
                  "secure_token": true,
                  "secure_token_disabled_tag": false,
                  "volume_owner": null,
                  "shell": "/bin/zsh",
                  "home": "/Users/alice",
                  "hidden": false,
                  "disabled": false,
                  "authentication_authority": [
                    ";SecureToken;"
                  ],
                  "password_authenticates": null
                }
              ],
              "filevault": {
                "status": "encrypting",
                "progress_percent": 42.5,
                "deferral": {
                  "user": "alice",
                  "output_path": "/var/db/trustchain-filevault.plist",
                  "force_at_login": 3,
                  "age_days": null,
                  "ask_at_logout": null,
                  "set_up_at": null,
                  "set_up_with": null
                },
                "unlock_users": [
                  "alice"
                ],
                "personal_recovery_key": true,
                "institutional_recovery_key": false,
                "pending_recovery_plist": false
              },
              "bootstrap_token": {
                "supported": true,
                "escrowed": false
              },
              "mdm": {
                "enrolled": true,
                "dep": false,
                "user_approved": true
              },
              "mobile_accounts": {
                "secure_token_prompt": true
              },
              "not_understood": [],
              "unmatched": []
            },
            "mac-2": {
              "reachable": false,
              "error": "mac-2 (10.0.0.2:22): cannot connect: connection refused",
              "error_kind": "unreachable",
              "os": null,
              "users": [],
              "filevault": null,
              "bootstrap_token": null,
              "mdm": null,
              "mobile_accounts": null,
              "not_understood": [],
              "unmatched": []
            }
          }
        }""");
  }

  @Test
  void read_givesBackWhatWriteWrote_skippingFieldsItDoesNotKnow() throws Exception {
    Map<String, HostFacts> hosts = new LinkedHashMap<>();
    HostFacts one = sample(42.5, new Deferral("alice", "/p", 3, 4, false, "2026-01-01T00:00:00Z",
        new DeferralOptions(3, false)));
    hosts.put("mac-1", new HostFacts(true, null, one.os(), one.users(), one.filevault(), one.bootstrapToken(),
        one.mdm(), one.mobileAccounts(), new EscrowFacts("vault escrow store /e", Map.of("personal_recovery_key",
            new EscrowedItem(true, "2026-01-02T00:00:00Z", "2025-12-31 10:00:00 +0000", 2))), "2026-01-05T10:00:00Z"));
    hosts.put("mac-2", HostFacts.unreachable(HostErrorKind.UNREACHABLE, "no route"));
    NotUnderstood odd = new NotUnderstood("filevault", List.of("filevault.status"), "fdesetup status", 0, "stdout",
        List.of("FileVault is paused."), "unknown line");
    hosts.put("mac-3", one.notUnderstood(List.of(odd)));
    String json = FactsJson.write(hosts, Map.of("mac-1", Map.of("unmanaged_tokens", List.of("x"))));
    Map<String, HostFacts> back = FactsJson.read(json);
    assertThat(back).isEqualTo(hosts);
    assertThat(back.get("mac-2").errorKind()).isEqualTo(HostErrorKind.UNREACHABLE);
    assertThat(back.get("mac-3").notUnderstood()).containsExactly(odd);
    assertThatThrownBy(() -> back.get("mac-3").filevault().status()).as("read back, it still refuses")
        .isInstanceOf(NotUnderstoodException.class);
    assertThat(back.get("mac-3").filevault().unlockUsers()).isEqualTo(one.filevault().unlockUsers());
    assertThatThrownBy(() -> FactsJson.read("{\"format_version\": 2, \"hosts\": {}}"))
        .hasMessageContaining("unsupported facts format_version 2");
    assertThatThrownBy(() -> FactsJson.read("[]")).hasMessageContaining("not trustchain facts");
  }

  @Test
  void digest_ignoresVolatileFields() {
    String base = FactsJson.digest(sample(10.0, new Deferral("alice", "/p", 3, 1)));
    assertThat(base).matches("[0-9a-f]{64}");
    assertThat(FactsJson.digest(sample(90.5, new Deferral("alice", "/p", 3, 12)))).isEqualTo(base);
    assertThat(FactsJson.digest(sample(null, new Deferral("alice", "/p", 3, null)))).isEqualTo(base);
    HostFacts withClock = sample(10.0, new Deferral("alice", "/p", 3, 1));
    withClock = new HostFacts(true, null, withClock.os(), withClock.users(), withClock.filevault(),
        withClock.bootstrapToken(), withClock.mdm(), withClock.mobileAccounts(), null, "2026-01-02T03:04:05Z");
    assertThat(FactsJson.digest(withClock)).as("the Mac's clock moves at every read").isEqualTo(base);
    assertThat(FactsJson.write(Map.of("h", withClock))).contains("\"clock\": \"2026-01-02T03:04:05Z\"");
  }

  @Test
  void digest_isTheOneEarlierVersionsMade() {
    // saved plans keep this digest: a change to how it is computed must not change its value
    assertThat(FactsJson.digest(sample(10.0, new Deferral("alice", "/p", 3, 1))))
        .isEqualTo("4ee1840f14dfbcab5ce7bb1ab6421aa58fcdf6e8ba7edad9dbdb65fb9794ff6b");
  }

  @Test
  void digest_isTheSortedTreeWithoutTheVolatileFields() throws Exception {
    HostFacts one = sample(42.5, new Deferral("alice", "/p", 3, 4, false, "2026-01-01T00:00:00Z",
        new DeferralOptions(3, false)));
    HostFacts escrowed = new HostFacts(true, null, one.os(), one.users(), one.filevault(), one.bootstrapToken(),
        one.mdm(), one.mobileAccounts(), new EscrowFacts("vault escrow store /e", Map.of("personal_recovery_key",
            new EscrowedItem(true, "2026-01-02T00:00:00Z", "2025-12-31 10:00:00 +0000", 2),
            "bootstrap", new EscrowedItem(false, null, null, null))), "2026-01-05T10:00:00Z");
    NotUnderstood odd = new NotUnderstood("filevault", List.of("filevault.status"), "fdesetup status", 0, "stdout",
        List.of("FileVault is paused."), "unknown line");
    for (HostFacts facts : List.of(one, escrowed, escrowed.notUnderstood(List.of(odd)), sample(null, null),
        HostFacts.unreachable(HostErrorKind.UNREACHABLE, "no route"))) {
      assertThat(FactsJson.digest(facts)).isEqualTo(treeDigest(facts));
    }
  }

  /** The digest as it was first made: the contract's tree, volatile fields removed, keys sorted, compact. */
  private static String treeDigest(HostFacts facts) throws Exception {
    ObjectNode tree = (ObjectNode) FactsJson.host(facts);
    tree.remove("clock");
    if (tree.get("filevault") instanceof ObjectNode fv) {
      fv.remove("progress_percent");
      if (fv.get("deferral") instanceof ObjectNode deferral) {
        deferral.remove("age_days");
      }
    }
    if (tree.get("escrow") instanceof ObjectNode escrow && escrow.get("items") instanceof ObjectNode items) {
      items.forEach(item -> {
        ((ObjectNode) item).remove("age_days");
        ((ObjectNode) item).remove("rotation_requested");
      });
    }
    byte[] canonical = new ObjectMapper().writeValueAsBytes(sorted(tree));
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      new TreeSet<>(object.properties().stream().map(Map.Entry::getKey).toList())
          .forEach(name -> out.set(name, sorted(object.get(name))));
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      array.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }

  @Test
  void digest_changesWithWhatAPlanDependsOn() {
    HostFacts facts = sample(10.0, null);
    String base = FactsJson.digest(facts);
    assertThat(FactsJson.digest(facts.withUser(facts.users().get(0).withSecureToken(false)))).isNotEqualTo(base);
    assertThat(FactsJson.digest(facts.withBootstrapToken(new BootstrapTokenFacts(true, true)))).isNotEqualTo(base);
    assertThat(FactsJson.digest(sample(10.0, new Deferral("alice", "/p", 3, null)))).isNotEqualTo(base);
    assertThat(FactsJson.digest(sample(10.0, new Deferral("alice", "/p", 2, null))))
        .isNotEqualTo(FactsJson.digest(sample(10.0, new Deferral("alice", "/p", 3, null))));
    assertThat(FactsJson.digest(sample(10.0, new Deferral("alice", "/p", 3, null, false, "2026-01-01T00:00:00Z",
        new DeferralOptions(3, false))))).as("the options a deferral was set up with")
        .isNotEqualTo(FactsJson.digest(sample(10.0, new Deferral("alice", "/p", 3, null, false, "2026-01-01T00:00:00Z",
            new DeferralOptions(0, false)))));
  }

  @Test
  void digest_isStableAcrossCalls() {
    assertThat(FactsJson.digest(sample(1.0, null))).isEqualTo(FactsJson.digest(sample(1.0, null)));
  }
}
