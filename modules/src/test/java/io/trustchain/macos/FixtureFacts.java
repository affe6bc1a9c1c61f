package io.trustchain.macos;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustchain.facts.Deferral;
import io.trustchain.facts.DeferralOptions;
import io.trustchain.facts.EscrowFacts;
import io.trustchain.facts.EscrowedItem;
import io.trustchain.facts.FileVaultFacts;
import io.trustchain.facts.MdmFacts;
import io.trustchain.facts.MobileAccountsFacts;
import io.trustchain.facts.NotUnderstood;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FileVault, MDM, mobile-account and escrow facts of a fixture, snake_case as in
 * {@code facts --format json}; absent sections are null (as the facts of a Mac that lacks them).
 * {@code escrow: {}} is a configured store that holds nothing the resources asked about; an item is a
 * mapping ({@code escrowed}, {@code escrowed_at}, {@code created_at}, {@code age_days}; for a managed password
 * {@code authenticates}, {@code rotation_requested}) or the words
 * {@code missing} / {@code unknown}.
 */
public final class FixtureFacts {

  public static final String STORE = "vault escrow store /srv/escrow";

  private static final Set<String> FV_KEYS = Set.of("status", "progress_percent", "deferral", "unlock_users",
      "personal_recovery_key", "institutional_recovery_key", "pending_recovery_plist");

  private FixtureFacts() {}

  static FileVaultFacts fileVault(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    n.fieldNames().forEachRemaining(k -> {
      if (!FV_KEYS.contains(k)) {
        throw new IllegalArgumentException("unknown filevault fact \"" + k + "\"; known: " + FV_KEYS);
      }
    });
    List<String> unlock = new ArrayList<>();
    n.path("unlock_users").forEach(u -> unlock.add(u.asText()));
    JsonNode d = n.get("deferral");
    Deferral deferral = d == null || d.isNull() ? null : new Deferral(d.path("user").asText(null),
        d.path("output_path").asText(null), d.hasNonNull("force_at_login") ? d.get("force_at_login").asInt() : null,
        d.hasNonNull("age_days") ? d.get("age_days").asInt() : null,
        d.hasNonNull("ask_at_logout") ? d.get("ask_at_logout").asBoolean() : null, d.path("set_up_at").asText(null),
        d.hasNonNull("set_up_with") ? new DeferralOptions(d.get("set_up_with").hasNonNull("force_at_login")
            ? d.get("set_up_with").get("force_at_login").asInt() : null,
            d.get("set_up_with").path("ask_at_logout").asBoolean(true)) : null);
    return new FileVaultFacts(n.path("status").asText("off"),
        n.hasNonNull("progress_percent") ? n.get("progress_percent").asDouble() : null, deferral, unlock,
        n.path("personal_recovery_key").asBoolean(false), n.path("institutional_recovery_key").asBoolean(false),
        n.path("pending_recovery_plist").asBoolean(false));
  }

  static MdmFacts mdm(JsonNode n) {
    return n == null || n.isNull() ? null : new MdmFacts(n.path("enrolled").asBoolean(false),
        n.path("dep").asBoolean(false), n.path("user_approved").asBoolean(false));
  }

  static MobileAccountsFacts mobileAccounts(JsonNode n) {
    return n == null || n.isNull() ? null : new MobileAccountsFacts(n.path("secure_token_prompt").asBoolean(true));
  }

  /**
   * What the Mac printed that was not understood, as in {@code facts --format json}: {@code section},
   * {@code facts} (the fact paths it leaves unknown), {@code command}, {@code exit}, {@code stream},
   * {@code lines}, {@code problem}.
   */
  static List<NotUnderstood> notUnderstood(JsonNode n) {
    List<NotUnderstood> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    for (JsonNode e : n) {
      List<String> facts = new ArrayList<>();
      e.path("facts").forEach(f -> facts.add(f.asText()));
      List<String> lines = new ArrayList<>();
      e.path("lines").forEach(l -> lines.add(l.asText()));
      out.add(new NotUnderstood(e.path("section").asText(), facts, e.path("command").asText(),
          e.path("exit").asInt(0), e.path("stream").asText("stdout"), lines, e.path("problem").asText("unknown line")));
    }
    return out;
  }

  static EscrowFacts escrow(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    Map<String, EscrowedItem> items = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> items.put(e.getKey(), item(e.getValue())));
    return new EscrowFacts(STORE, items);
  }

  private static EscrowedItem item(JsonNode n) {
    if (n.isTextual()) {
      return switch (n.asText()) {
        case "missing" -> EscrowedItem.missing();
        case "unknown" -> EscrowedItem.unknown();
        default -> throw new IllegalArgumentException("an escrow item is a mapping, missing or unknown");
      };
    }
    return new EscrowedItem(n.path("escrowed").asBoolean(true), n.path("escrowed_at").asText(null),
        n.path("created_at").asText(null), n.hasNonNull("age_days") ? n.get("age_days").asInt() : null,
        n.hasNonNull("authenticates") ? n.get("authenticates").asBoolean() : null,
        n.path("rotation_requested").asBoolean(false));
  }
}
