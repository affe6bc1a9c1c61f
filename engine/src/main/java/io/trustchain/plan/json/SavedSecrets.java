package io.trustchain.plan.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustchain.secret.SecretRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Plans written as JSON (saved with {@code --out}, printed with {@code --format json}, kept as CI artifacts)
 * carry references to secrets only, never secret material: a vault value is written as where it was written
 * ({@code vault:FILE:LINE:COL}) and the SHA-256 of its ciphertext, a {@code command:} secret as the SHA-256 of
 * its command (its text may hold what it fetches). {@code apply PLANFILE} reloads the documents and puts each
 * reference back from them, matched by that digest; a reference the documents no longer have refuses the plan.
 *
 * <pre>
 * {"secret": "vault:playbooks/site.yml:7:15", "sha256": "…"}
 * {"secret": "command", "sha256": "…"}
 * </pre>
 */
public final class SavedSecrets {

  private SavedSecrets() {}

  /** The digest a saved plan identifies {@code ref} by, or empty for references that carry nothing secret. */
  public static Optional<String> digest(SecretRef ref) {
    return switch (ref) {
      case SecretRef.Vault v -> Optional.of(sha256(v.envelope()));
      case SecretRef.Command c -> Optional.of(sha256(c.command()));
      case SecretRef.Xml x -> digest(x.of());
      default -> Optional.empty();
    };
  }

  /** The documents' secret references by digest: what {@link #restore} matches saved references with. */
  public static Map<String, SecretRef> table(Collection<SecretRef> refs) {
    Map<String, SecretRef> byDigest = new LinkedHashMap<>();
    for (SecretRef r : refs) {
      SecretRef plain = r instanceof SecretRef.Xml x ? x.of() : r;
      digest(plain).ifPresent(d -> byDigest.putIfAbsent(d, plain));
    }
    return byDigest;
  }

  /** Replaces, everywhere in {@code node}, vault ciphertexts and command texts by their digests. */
  static void strip(JsonNode node) {
    walk(node, n -> {
      String secret = n.get("secret").asText();
      if (secret.startsWith("vault:") && n.has("envelope")) {
        n.put("sha256", sha256(n.get("envelope").asText()));
        n.remove("envelope");
      } else if (secret.startsWith("command:")) {
        n.put("secret", "command");
        n.put("sha256", sha256(secret.substring("command:".length())));
        n.remove("work_dir");
      }
    });
  }

  /**
   * Puts back, everywhere in {@code node}, the references {@link #strip} left, from {@code byDigest} (the
   * documents'); with no table (showing a plan), placeholders that resolve to nothing.
   */
  static void restore(JsonNode node, Map<String, SecretRef> byDigest) throws PlanFormatException {
    PlanFormatException[] missing = new PlanFormatException[1];
    walk(node, n -> {
      if (!n.has("sha256")) {
        return;
      }
      String secret = n.get("secret").asText();
      String digest = n.get("sha256").asText();
      SecretRef ref = byDigest == null ? null : byDigest.get(digest);
      if (byDigest != null && ref == null) {
        missing[0] = new PlanFormatException("the saved plan's secret " + (secret.equals("command")
            ? "command:… (sha256 " + digest.substring(0, Math.min(12, digest.length())) + ")" : secret)
            + " is not in the documents any more: plan again");
        return;
      }
      n.remove("sha256");
      if (ref != null) {
        ObjectNode full = CommandCodec.writeSecret(ref);
        full.fieldNames().forEachRemaining(f -> n.set(f, full.get(f)));
      } else if (secret.startsWith("vault:")) {
        n.put("envelope", "");
      } else {
        n.put("secret", "command:(not saved)");
        n.put("work_dir", ".");
      }
    });
    if (missing[0] != null) {
      throw missing[0];
    }
  }

  private static void walk(JsonNode node, java.util.function.Consumer<ObjectNode> onSecret) {
    if (node instanceof ObjectNode o && o.has("secret") && o.get("secret").isTextual()) {
      onSecret.accept(o);
      return;
    }
    node.forEach(child -> walk(child, onSecret));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
