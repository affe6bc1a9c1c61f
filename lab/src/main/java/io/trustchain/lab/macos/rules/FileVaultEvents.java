package io.trustchain.lab.macos.rules;

import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.MacState;
import java.util.List;

/** FileVault's part in login-window events: deferred enablement and encryption progress. */
final class FileVaultEvents {

  private FileVaultEvents() {}

  static List<String> atLogin(MacState state, Account u) {
    return List.of();
  }

  static List<String> atLogout(MacState state, Account u) {
    return List.of();
  }

  static List<String> atReboot(MacState state) {
    return List.of();
  }

  static List<String> afterDays(MacState state, int days) {
    return List.of();
  }
}
