package io.trustchain.lab.macos.scenario;

import io.trustchain.lab.macos.rules.RecoveryKeys;
import io.trustchain.lab.macos.state.Deferral;
import io.trustchain.lab.macos.state.FileVaultState;
import io.trustchain.lab.macos.state.FvStatus;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.yaml.YamlValues;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** The bootstrap_token, filevault, mcx, preferences and files sections of a scenario. */
final class StateSpecs {

  /** The MCX domain and key of the mobile-account token prompt (product: mobile_accounts). */
  static final String MCX_DOMAIN = "/Library/Preferences/com.apple.MCX";
  static final String MCX_BYPASS = "cachedaccounts.askForSecureTokenAuthBypass";

  static final Set<String> FILEVAULT = Set.of("status", "percent", "decrypting_first_line",
      "personal_recovery_key", "institutional_recovery_key", "enabled_user", "enabled_days_ago", "authorized",
      "dont_allow_fde_enable", "recovery_partition", "deferral");
  static final Set<String> DEFERRAL = Set.of("user", "output_path", "force_at_login", "dont_ask_at_logout",
      "show_recovery_key", "days_ago");

  private StateSpecs() {}

  static void bootstrap(Fields top, MacState state) {
    top.node("bootstrap_token")
        .flatMap(n -> Fields.of(n, top.file(), top.diagnostics(), "bootstrap_token", Set.of("escrowed")))
        .ifPresent(b -> {
          if (b.bool("escrowed", false)) {
            if (!state.mdm().bootstrapAvailable() || !state.mdm().supervised()) {
              b.error("escrowed", "a Bootstrap Token can only be escrowed to a supervised MDM enrollment whose "
                  + "server supports it", "set mdm: {enrolled: true, supervised: true, server_supports_bootstrap: true}");
            }
            state.bootstrapToken().escrow();
            state.volume().cryptoUserAdded(RecoveryKeys.BOOTSTRAP_UUID);
          }
        });
  }

  static void fileVault(Fields top, MacState state) {
    Optional<Fields> of = top.node("filevault")
        .flatMap(n -> Fields.of(n, top.file(), top.diagnostics(), "filevault", FILEVAULT));
    if (of.isEmpty()) {
      return;
    }
    Fields f = of.get();
    FileVaultState fv = state.fileVault();
    FvStatus status = f.text("status").map(s -> status(f, s)).orElse(FvStatus.OFF);
    double percent = f.number("percent").orElse(status.busy() ? 50.0 : 0.0);
    fv.status(status, percent);
    f.text("decrypting_first_line").ifPresent(line -> {
      try {
        fv.decryptingFirstLine(line);
      } catch (IllegalArgumentException e) {
        f.error("decrypting_first_line", e.getMessage(), "S30 leaves it open; pick On or Off");
      }
    });
    f.node("personal_recovery_key").ifPresent(n -> {
      String key = n instanceof ScalarNode s && !"true".equals(s.getValue()) && !"false".equals(s.getValue())
          ? s.getValue() : f.bool("personal_recovery_key", false) ? RecoveryKeys.generate(state) : null;
      if (key != null && !RecoveryKeys.wellFormed(key)) {
        f.error("personal_recovery_key", "a personal recovery key looks like XXXX-XXXX-XXXX-XXXX-XXXX-XXXX",
            "or write true to let the lab make one");
      }
      fv.personalRecoveryKey(key);
    });
    fv.institutionalRecoveryKey(f.bool("institutional_recovery_key", false));
    f.bool("authorized").ifPresent(fv::enableAuthorized);
    fv.dontAllowFdeEnable(f.bool("dont_allow_fde_enable", false));
    fv.recoveryPartition(f.bool("recovery_partition", true));
    if (status.active()) {
      if (state.tokenHolders().isEmpty()) {
        f.error("status", "FileVault on APFS needs at least one Secure Token holder to unlock it",
            "give a user secure_token: true");
      }
      long daysAgo = f.integer("enabled_days_ago").orElse(0);
      String user = f.text("enabled_user")
          .orElse(state.tokenHolders().isEmpty() ? "" : state.tokenHolders().get(0).name());
      fv.enabled(user, state.clock().nowMillis() - Duration.ofDays(daysAgo).toMillis());
      if (fv.personalRecoveryKey() != null) {
        state.volume().cryptoUserAdded(RecoveryKeys.PERSONAL_UUID);
      }
    } else if (fv.personalRecoveryKey() != null) {
      f.error("personal_recovery_key", "a personal recovery key exists only while FileVault is on", null);
    }
    f.node("deferral").flatMap(n -> Fields.of(n, top.file(), top.diagnostics(), "filevault.deferral", DEFERRAL))
        .ifPresent(d -> deferral(d, state));
  }

  private static void deferral(Fields d, MacState state) {
    Optional<String> user = d.text("user");
    if (user.isEmpty() || state.user(user.get()).isEmpty()) {
      d.error("user", "a deferral names an existing user (the one whose login enables FileVault)", null);
      return;
    }
    long created = state.clock().nowMillis() - Duration.ofDays(d.integer("days_ago").orElse(0)).toMillis();
    state.fileVault().deferral(new Deferral(user.get(), d.text("output_path").orElse("/var/db/fdesetup.plist"),
        d.integer("force_at_login").orElse(Deferral.NEVER_FORCE), d.bool("dont_ask_at_logout", false),
        d.bool("show_recovery_key", false), created));
  }

  private static FvStatus status(Fields f, String text) {
    try {
      return FvStatus.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      f.error("status", "filevault.status is off, on, encrypting or decrypting, not \"" + text + "\"", null);
      return FvStatus.OFF;
    }
  }

  static void preferences(Fields top, MacState state) {
    top.node("mcx").flatMap(n -> Fields.of(n, top.file(), top.diagnostics(), "mcx",
        Set.of("ask_for_secure_token_auth_bypass"))).flatMap(m -> m.bool("ask_for_secure_token_auth_bypass"))
        .ifPresent(v -> state.preferences().write(MCX_DOMAIN, MCX_BYPASS, v));
    for (Map.Entry<String, Node> domain : top.entries("preferences").entrySet()) {
      Object values = YamlValues.toValue(domain.getValue(), top.file(), top.diagnostics());
      if (!(values instanceof Map<?, ?> map)) {
        top.error("preferences", "preferences." + domain.getKey() + " must map keys to values", null);
        continue;
      }
      map.forEach((k, v) -> state.preferences().write(domain.getKey(), String.valueOf(k), v));
    }
  }

  static void files(Fields top, MacState state) {
    for (Map.Entry<String, Node> file : top.entries("files").entrySet()) {
      if (!file.getKey().startsWith("/") || !(file.getValue() instanceof ScalarNode s)) {
        top.error("files", "files maps absolute paths to text content (" + file.getKey() + ")", null);
        continue;
      }
      state.files().write(file.getKey(), s.getValue());
    }
  }
}
