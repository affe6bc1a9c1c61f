package io.trustchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustchain.facts.FactsJson;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.NotUnderstood;
import io.trustchain.facts.Unmatched;
import io.trustchain.plan.UnmanagedToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facts as a person reads them: one block per host, one line per user; a fact the Mac's output
 * did not make certain reads {@code not understood}, and the host ends with what was not understood,
 * in the device's own words, and the listing rows that name no account. Drawn from the facts JSON
 * (what was read), never from the records' accessors (which refuse unknown facts).
 */
final class FactsText {

  private static final String UNKNOWN = "not understood";

  private FactsText() {}

  static String render(Map<String, HostFacts> hosts) {
    return render(hosts, Map.of());
  }

  /** With the Secure Token holders no document manages, per host (when facts were read for documents). */
  static String render(Map<String, HostFacts> hosts, Map<String, List<UnmanagedToken>> unmanaged) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, HostFacts> e : hosts.entrySet()) {
      host(b, e.getKey(), e.getValue(), unmanaged.getOrDefault(e.getKey(), List.of()));
    }
    return b.toString();
  }

  /** One host's block, with the blank line that ends it; {@code holders}: the token holders no document manages. */
  static String host(String name, HostFacts f, List<UnmanagedToken> holders) {
    StringBuilder b = new StringBuilder();
    host(b, name, f, holders);
    return b.toString();
  }

  private static void host(StringBuilder b, String name, HostFacts f, List<UnmanagedToken> holders) {
    b.append(name);
    if (!f.reachable()) {
      // "unreachable" only when it was: a refused sudo or a changed host key say so in their own words
      boolean unreachable = f.errorKind() == null || f.errorKind() == io.trustchain.facts.HostErrorKind.UNREACHABLE;
      b.append(unreachable ? ": unreachable: " : ": ").append(f.error()).append("\n\n");
      return;
    }
    if (f.error() != null) {
      b.append(": ").append(f.error()).append('\n');
      notUnderstood(b, f);
      b.append('\n');
      return;
    }
    JsonNode j = FactsJson.host(f);
    Facts k = new Facts(f, j);
    b.append(": ").append(os(k)).append('\n');
    JsonNode users = j.path("users");
    int width = 4;
    for (JsonNode u : users) {
      width = Math.max(width, u.path("name").asText().length());
    }
    for (JsonNode u : users) {
      String user = "users[" + u.path("name").asText() + "]";
      List<String> traits = new ArrayList<>();
      traits.add(k.known(user + ".uid") && !u.path("uid").isNull() ? "uid " + u.path("uid").asText() : "uid " + UNKNOWN);
      traits.add(k.flag(user + ".admin", u.path("admin"), "admin", "standard", "admin: " + UNKNOWN));
      traits.add(k.flag(user + ".secure_token", u.path("secure_token"), "secure token", "no secure token",
          "secure token: " + UNKNOWN));
      if (!u.path("volume_owner").isNull() || !k.known(user + ".volume_owner")) {
        traits.add(k.flag(user + ".volume_owner", u.path("volume_owner"), "volume owner", "not a volume owner",
            "volume owner: " + UNKNOWN));
      }
      optional(traits, k, user + ".secure_token_disabled_tag", u.path("secure_token_disabled_tag"),
          "DisabledTags;SecureToken");
      optional(traits, k, user + ".hidden", u.path("hidden"), "hidden");
      optional(traits, k, user + ".disabled", u.path("disabled"), "disabled");
      b.append("  ").append(String.format("%-" + width + "s", u.path("name").asText())).append("  ")
          .append(String.join(", ", traits)).append('\n');
    }
    fileVault(b, k, j.path("filevault"));
    JsonNode bt = j.path("bootstrap_token");
    if (!bt.isMissingNode() && !bt.isNull()) {
      b.append("  Bootstrap Token: ");
      if (!k.known("bootstrap_token.supported")) {
        b.append(UNKNOWN);
      } else if (!bt.path("supported").asBoolean()) {
        b.append("not supported by the MDM");
      } else {
        b.append(k.flag("bootstrap_token.escrowed", bt.path("escrowed"), "escrowed", "supported, not escrowed",
            "supported, escrow " + UNKNOWN));
      }
      b.append('\n');
    }
    JsonNode mdm = j.path("mdm");
    if (!mdm.isMissingNode() && !mdm.isNull()) {
      b.append("  MDM: ");
      if (!k.known("mdm.enrolled")) {
        b.append(UNKNOWN);
      } else if (mdm.path("enrolled").asBoolean()) {
        b.append("enrolled").append(k.known("mdm.dep") ? (mdm.path("dep").asBoolean() ? " (ADE)" : "") : " (ADE: "
            + UNKNOWN + ")").append(!k.known("mdm.user_approved") ? ", approval " + UNKNOWN
            : mdm.path("user_approved").asBoolean() ? ", user approved" : "");
      } else {
        b.append("not enrolled");
      }
      b.append('\n');
    }
    if (!holders.isEmpty()) {
      b.append("  Secure Token holders no document manages: ")
          .append(String.join(", ", holders.stream().map(UnmanagedToken::toString).toList())).append('\n');
    }
    notUnderstood(b, f);
    b.append('\n');
  }

  private static String os(Facts k) {
    JsonNode os = k.json.path("os");
    return value(k, "os.product_name", os) + " " + value(k, "os.version", os) + " (" + value(k, "os.build", os) + ", "
        + value(k, "os.arch", os) + ")";
  }

  private static String value(Facts k, String path, JsonNode os) {
    JsonNode v = os.path(path.substring("os.".length()));
    return v.isNull() || v.isMissingNode() ? "?" : v.asText() + (k.known(path) ? "" : " (" + UNKNOWN + ")");
  }

  private static void fileVault(StringBuilder b, Facts k, JsonNode fv) {
    if (fv.isMissingNode() || fv.isNull()) {
      return;
    }
    b.append("  FileVault: ");
    if (!k.known("filevault.status") || fv.path("status").isNull()) {
      b.append(UNKNOWN).append(fv.path("status").isNull() ? "" : " (it said " + fv.path("status").asText() + ")");
    } else {
      b.append(fv.path("status").asText());
      if (!fv.path("progress_percent").isNull()) {
        b.append(" (").append(fv.path("progress_percent").asText()).append("%)");
      }
    }
    if (!k.known("filevault.unlock_users")) {
      b.append("; unlock users: ").append(UNKNOWN);
    } else if (!fv.path("unlock_users").isEmpty()) {
      List<String> names = new ArrayList<>();
      fv.path("unlock_users").forEach(n -> names.add(n.asText()));
      b.append("; unlock users: ").append(String.join(", ", names));
    }
    b.append("; personal recovery key: ").append(k.flag("filevault.personal_recovery_key",
        fv.path("personal_recovery_key"), "yes", "no", UNKNOWN));
    if (!k.known("filevault.deferral")) {
      b.append("; deferred enablement: ").append(UNKNOWN);
    } else if (!fv.path("deferral").isNull()) {
      b.append("; deferred enablement for ").append(fv.path("deferral").path("user").asText("?"));
    }
    b.append('\n');
  }

  private static void optional(List<String> traits, Facts k, String path, JsonNode v, String word) {
    if (!k.known(path)) {
      traits.add(word + ": " + UNKNOWN);
    } else if (v.asBoolean(false)) {
      traits.add(word);
    }
  }

  private static void notUnderstood(StringBuilder b, HostFacts f) {
    if (!f.notUnderstood().isEmpty()) {
      b.append("  NOT UNDERSTOOD (").append(f.notUnderstood().size())
          .append("): the Mac printed what no parser knows; the rest of the facts stand\n");
      for (NotUnderstood n : f.notUnderstood()) {
        b.append("    ").append(n.section()).append(": ").append(n.words()).append('\n');
        b.append("      ").append(n.facts().isEmpty() ? "leaves no fact unknown"
            : "leaves unknown: " + String.join(", ", n.facts())).append('\n');
      }
    }
    if (!f.unmatched().isEmpty()) {
      b.append("  UNMATCHED (").append(f.unmatched().size()).append("): rows that name no local account\n");
      for (Unmatched u : f.unmatched()) {
        b.append("    ").append(u.section()).append(": ").append(u).append('\n');
      }
    }
  }

  /** The host's facts as JSON, and which of them are known. */
  private record Facts(HostFacts facts, JsonNode json) {

    boolean known(String path) {
      return facts.notUnderstood().stream().noneMatch(n -> n.touches(path));
    }

    String flag(String path, JsonNode v, String yes, String no, String unknown) {
      if (!known(path) || v.isNull() || v.isMissingNode()) {
        return unknown;
      }
      return v.asBoolean() ? yes : no;
    }
  }
}
