package io.trustchain.cli;

import io.trustchain.facts.FileVaultFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.plan.UnmanagedToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The facts as a person reads them: one block per host, one line per user. */
final class FactsText {

  private FactsText() {}

  static String render(Map<String, HostFacts> hosts) {
    return render(hosts, Map.of());
  }

  /** With the Secure Token holders no document manages, per host (when facts were read for documents). */
  static String render(Map<String, HostFacts> hosts, Map<String, List<UnmanagedToken>> unmanaged) {
    StringBuilder b = new StringBuilder();
    hosts.forEach((name, facts) -> b.append(host(name, facts, unmanaged.getOrDefault(name, List.of()))));
    return b.toString();
  }

  /** One host's block, with the blank line that ends it; {@code holders}: the token holders no document manages. */
  static String host(String name, HostFacts f, List<UnmanagedToken> holders) {
    StringBuilder b = new StringBuilder();
    b.append(name);
    if (!f.reachable()) {
      return b.append(": unreachable: ").append(f.error()).append("\n\n").toString();
    }
    b.append(": ").append(f.os()).append('\n');
    int width = f.users().stream().mapToInt(u -> u.name().length()).max().orElse(4);
    for (UserFacts u : f.users()) {
      List<String> traits = new ArrayList<>();
      traits.add("uid " + u.uid());
      traits.add(u.admin() ? "admin" : "standard");
      traits.add(u.secureToken() ? "secure token" : "no secure token");
      if (u.volumeOwner() != null) {
        traits.add(u.volumeOwner() ? "volume owner" : "not a volume owner");
      }
      if (u.secureTokenDisabledTag()) {
        traits.add("DisabledTags;SecureToken");
      }
      if (u.hidden()) {
        traits.add("hidden");
      }
      if (u.disabled()) {
        traits.add("disabled");
      }
      b.append("  ").append(String.format("%-" + width + "s", u.name())).append("  ")
          .append(String.join(", ", traits)).append('\n');
    }
    FileVaultFacts fv = f.filevault();
    if (fv != null) {
      b.append("  FileVault: ").append(fv.status());
      if (fv.progressPercent() != null) {
        b.append(" (").append(fv.progressPercent()).append("%)");
      }
      if (!fv.unlockUsers().isEmpty()) {
        b.append("; unlock users: ").append(String.join(", ", fv.unlockUsers()));
      }
      b.append("; personal recovery key: ").append(fv.personalRecoveryKey() ? "yes" : "no");
      if (fv.deferral() != null) {
        b.append("; deferred enablement for ").append(fv.deferral().user());
      }
      b.append('\n');
    }
    if (f.bootstrapToken() != null) {
      b.append("  Bootstrap Token: ").append(f.bootstrapToken().supported()
          ? (f.bootstrapToken().escrowed() ? "escrowed" : "supported, not escrowed") : "not supported by the MDM")
          .append('\n');
    }
    if (f.mdm() != null) {
      b.append("  MDM: ").append(f.mdm().enrolled()
          ? "enrolled" + (f.mdm().dep() ? " (ADE)" : "") + (f.mdm().userApproved() ? ", user approved" : "")
          : "not enrolled").append('\n');
    }
    if (!holders.isEmpty()) {
      b.append("  Secure Token holders no document manages: ")
          .append(String.join(", ", holders.stream().map(UnmanagedToken::toString).toList())).append('\n');
    }
    b.append('\n');
    return b.toString();
  }
}
