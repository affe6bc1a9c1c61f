package io.trustchain.macos;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustchain.diag.SourceRange;
import io.trustchain.facts.BootstrapTokenFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.OsFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.spi.Credential;
import io.trustchain.secret.SecretRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facts, credentials and secret references as fixtures write them. Operating systems are named
 * after the sw_vers captures of macos-reference.md (S79–S83).
 */
public final class Fixtures {

  public static final Map<String, OsFacts> OS = Map.of(
      "catalina", new OsFacts("Mac OS X", "10.15.7", "19H15", "x86_64"),      // S83
      "bigsur", new OsFacts("macOS", "11.7.2", "20G1020", "x86_64"),          // S79
      "monterey-arm", new OsFacts("macOS", "12.7.6", "21H1320", "arm64"),     // S80
      "sequoia", new OsFacts("macOS", "15.1", "24B83", "x86_64"),             // S81
      "sequoia-arm", new OsFacts("macOS", "15.7.1", "24G231", "arm64"));      // S81

  public static final SourceRange AT = SourceRange.of(Path.of("playbooks/site.yml"), 14, 9);
  public static final SourceRange CREDENTIAL_AT = SourceRange.of(Path.of("playbooks/site.yml"), 4, 5);
  public static final Credential TCADMIN = new Credential("tcadmin", new SecretRef.Env("TC_PW"), CREDENTIAL_AT);

  private static final Set<String> USER_KEYS = Set.of("name", "uid", "real_name", "admin", "secure_token",
      "secure_token_disabled_tag", "volume_owner", "shell", "hidden", "disabled", "authentication_authority",
      "password_authenticates", "generated_uid");

  private Fixtures() {}

  /** {@code env:NAME}, {@code file:PATH}, {@code escrow:KEY}. */
  public static SecretRef secret(String text) {
    int colon = text.indexOf(':');
    String rest = text.substring(colon + 1);
    return switch (text.substring(0, Math.max(colon, 0))) {
      case "env" -> new SecretRef.Env(rest);
      case "file" -> new SecretRef.File(Path.of(rest));
      case "escrow" -> new SecretRef.Escrow(rest);
      default -> throw new IllegalArgumentException("fixture secret must be env:, file: or escrow:, not " + text);
    };
  }

  public static Credential credential(JsonNode n) {
    if (n == null || n.isNull()) {
      return TCADMIN;
    }
    return new Credential(n.get("user").asText(), secret(n.get("password").asText()), CREDENTIAL_AT);
  }

  public static HostFacts facts(JsonNode n) {
    JsonNode os = n.get("os");
    OsFacts osFacts = os.isTextual() ? require(OS.get(os.asText()), "os preset " + os.asText())
        : new OsFacts(os.get("product_name").asText(), os.get("version").asText(), os.get("build").asText(),
            os.get("arch").asText());
    List<UserFacts> users = new ArrayList<>();
    for (JsonNode u : n.path("users")) {
      users.add(user(u));
    }
    JsonNode bt = n.path("bootstrap_token");
    BootstrapTokenFacts bootstrap = new BootstrapTokenFacts(bt.path("supported").asBoolean(false),
        bt.path("escrowed").asBoolean(false));
    return new HostFacts(true, null, null, osFacts, users, FixtureFacts.fileVault(n.get("filevault")), bootstrap,
        FixtureFacts.mdm(n.get("mdm")), FixtureFacts.mobileAccounts(n.get("mobile_accounts")),
        FixtureFacts.escrow(n.get("escrow")), n.path("clock").asText(null), List.of(), List.of(), null)
        .notUnderstood(FixtureFacts.notUnderstood(n.get("not_understood")));
  }

  public static UserFacts user(JsonNode u) {
    u.fieldNames().forEachRemaining(k -> {
      if (!USER_KEYS.contains(k)) {
        throw new IllegalArgumentException("unknown user fact \"" + k + "\"; known: " + USER_KEYS);
      }
    });
    String name = u.get("name").asText();
    List<String> authority = new ArrayList<>();
    u.path("authentication_authority").forEach(a -> authority.add(a.asText()));
    return new UserFacts(name, require(u.get("uid"), "uid of " + name).asInt(),
        u.path("real_name").asText(name), u.path("generated_uid").asText(null), u.path("admin").asBoolean(false),
        u.path("secure_token").asBoolean(false), u.path("secure_token_disabled_tag").asBoolean(false),
        bool(u.get("volume_owner")), u.path("shell").asText("/bin/zsh"), "/Users/" + name,
        u.path("hidden").asBoolean(false), u.path("disabled").asBoolean(false), authority,
        bool(u.get("password_authenticates")));
  }

  private static Boolean bool(JsonNode n) {
    return n == null || n.isNull() ? null : n.asBoolean();
  }

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("fixture lacks " + what);
    }
    return value;
  }
}
