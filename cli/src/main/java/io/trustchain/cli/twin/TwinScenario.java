package io.trustchain.cli.twin;

import io.trustchain.facts.Deferral;
import io.trustchain.facts.FactsRequest;
import io.trustchain.facts.FileVaultFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * One host's facts as a lab scenario (lab/scenarios/README.md): the OS and its clock, the users with their
 * tokens and volume ownership (each with a generated password, in {@code ../secrets/HOST/USER}), FileVault with
 * a generated personal recovery key, the deferral and trustchain's marker, a recovery key waiting in
 * trustchain's plist, Bootstrap Token, MDM (supervised as the engine reads it: ADE, or any enrollment on 11+)
 * and the mobile-account prompt.
 *
 * @param recoveryKey the twin's personal recovery key (also what the twin's escrow holds), or null
 * @param extraAdmin a connection account the facts do not list (uid below 500), created as a hidden admin
 */
public record TwinScenario(String host, HostFacts facts, String recoveryKey, String extraAdmin) {

  /** The scenario YAML. */
  public String yaml() {
    StringBuilder y = new StringBuilder();
    y.append("# The twin of ").append(host).append(", from its facts (trustchain lab twin). Passwords and keys are"
        + " generated.\n");
    y.append("description: ").append(q("twin of " + host + ": " + facts.os())).append('\n');
    y.append("os: {version: ").append(q(facts.os().version())).append(", build: ").append(q(facts.os().build()))
        .append(", arch: ").append(facts.os().arch()).append("}\n");
    if (facts.clock() != null) {
      y.append("clock: {start: ").append(q(Instant.parse(facts.clock()).atOffset(ZoneOffset.UTC).toString()))
          .append("}\n");
    }
    y.append("users:\n");
    boolean ownership = facts.os().appleSilicon() && facts.os().atLeast(11, 0);
    for (UserFacts u : facts.users()) {
      y.append("  - {name: ").append(q(u.name())).append(", full_name: ").append(q(u.realName() == null ? u.name()
          : u.realName())).append(", uid: ").append(u.uid());
      if (u.generatedUid() != null) {
        y.append(", generated_uid: ").append(q(u.generatedUid()));
      }
      if (u.shell() != null) {
        y.append(", shell: ").append(q(u.shell()));
      }
      if (u.home() != null) {
        y.append(", home: ").append(q(u.home()));
      }
      y.append(", admin: ").append(u.admin()).append(", secure_token: ").append(u.secureToken());
      if (ownership && u.volumeOwner() != null) {
        y.append(", volume_owner: ").append(u.volumeOwner());
      }
      y.append(flag(", hidden: ", u.hidden())).append(flag(", disabled_tags: ", u.secureTokenDisabledTag()))
          .append(flag(", disabled: ", u.disabled()));
      y.append(", password_file: ").append(q("../secrets/" + host + "/" + u.name())).append("}\n");
    }
    if (extraAdmin != null) {
      y.append("  - {name: ").append(q(extraAdmin)).append(", uid: 499, admin: true, hidden: true, password_file: ")
          .append(q("../secrets/" + host + "/" + extraAdmin)).append("}\n");
    }
    mdm(y);
    fileVault(y);
    if (facts.mobileAccounts() != null && !facts.mobileAccounts().secureTokenPrompt()) {
      y.append("mcx: {ask_for_secure_token_auth_bypass: true}\n");
    }
    return y.toString();
  }

  private void mdm(StringBuilder y) {
    if (facts.mdm() != null) {
      boolean enrolled = facts.mdm().enrolled();
      boolean supervised = enrolled && (facts.mdm().dep() || facts.os().atLeast(11, 0));
      boolean bootstrap = facts.bootstrapToken() != null && facts.bootstrapToken().supported();
      y.append("mdm: {enrolled: ").append(enrolled).append(", dep: ").append(facts.mdm().dep())
          .append(", user_approved: ").append(facts.mdm().userApproved()).append(", supervised: ").append(supervised)
          .append(", server_supports_bootstrap: ").append(bootstrap).append("}\n");
    }
    if (facts.bootstrapToken() != null && facts.bootstrapToken().escrowed()) {
      y.append("bootstrap_token: {escrowed: true}\n");
    }
  }

  private void fileVault(StringBuilder y) {
    FileVaultFacts fv = facts.filevault();
    if (fv == null) {
      return;
    }
    y.append("filevault:\n  status: ").append(q(fv.status())).append('\n');
    if (fv.progressPercent() != null) {
      y.append("  percent: ").append(fv.progressPercent()).append('\n');
    }
    if (recoveryKey != null && !fv.status().equals("off")) {
      y.append("  personal_recovery_key: ").append(recoveryKey).append('\n');
    }
    if (fv.institutionalRecoveryKey()) {
      y.append("  institutional_recovery_key: true\n");
    }
    Deferral d = fv.deferral();
    if (d != null && d.user() != null) {
      boolean ask = d.setUpWith() != null ? d.setUpWith().askAtLogout() : !Boolean.FALSE.equals(d.askAtLogout());
      y.append("  deferral: {user: ").append(q(d.user())).append(", output_path: ")
          .append(q(d.outputPath() == null ? FactsRequest.DEFAULT_RECOVERY_PLIST : d.outputPath()));
      if (d.forceAtLogin() != null) {
        y.append(", force_at_login: ").append(d.forceAtLogin());
      }
      y.append(", dont_ask_at_logout: ").append(!ask);
      if (d.ageDays() != null) {
        y.append(", days_ago: ").append(d.ageDays());
      }
      y.append("}\n");
    }
    List<String> files = new java.util.ArrayList<>();
    if (d != null && d.setUpAt() != null) {
      files.add("  " + q(FactsRequest.DEFERRAL_MARKER) + ": " + q(d.setUpAt()
          + (d.setUpWith() == null ? "" : " " + d.setUpWith().markerWords()) + "\n"));
    }
    if (fv.pendingRecoveryPlist()) {
      String key = recoveryKey != null ? recoveryKey : "";
      files.add("  " + q(FactsRequest.DEFAULT_RECOVERY_PLIST) + ": " + q(plist(key)));
    }
    if (!files.isEmpty()) {
      y.append("files:\n");
      files.forEach(f -> y.append(f).append('\n'));
    }
  }

  /** fdesetup's output plist (S42) holding the twin's key. */
  private String plist(String key) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict>\n\t<key>EnabledDate</key>\n"
        + "\t<string>" + (facts.clock() == null ? "" : Instant.parse(facts.clock()).atOffset(ZoneOffset.UTC)
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx", Locale.ROOT)))
        + "</string>\n\t<key>RecoveryKey</key>\n\t<string>" + key + "</string>\n</dict>\n</plist>\n";
  }

  private static String flag(String key, boolean value) {
    return value ? key + "true" : "";
  }

  /** A double-quoted YAML scalar (JSON escaping, which YAML 1.2 reads). */
  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
