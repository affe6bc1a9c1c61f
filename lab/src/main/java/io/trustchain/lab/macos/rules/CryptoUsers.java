package io.trustchain.lab.macos.rules;

import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.MacState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The crypto users of the boot volume (rules 8, 9): every Secure Token holder, the personal and institutional
 * recovery keys while FileVault has them, and the Bootstrap Token's key while it is on the volume, in the
 * order they were added.
 */
public final class CryptoUsers {

  /** One crypto user, with its names in diskutil and in {@code fdesetup list -extended} (S63 mapping). */
  public record Entry(String uuid, String diskutilType, String fdesetupType, String user, boolean volumeOwner) {}

  private CryptoUsers() {}

  public static List<Entry> list(MacState state) {
    List<Entry> out = new ArrayList<>();
    for (Account a : state.tokenHolders()) {
      out.add(new Entry(a.generatedUid(), "Local Open Directory User", "OS User", a.name(), a.volumeOwner()));
    }
    if (state.fileVault().status().active() && state.fileVault().personalRecoveryKey() != null) {
      out.add(new Entry(RecoveryKeys.PERSONAL_UUID, "Personal Recovery User", "Personal Recovery Record", "", true));
    }
    if (state.fileVault().status().active() && state.fileVault().institutionalRecoveryKey()) {
      out.add(new Entry(RecoveryKeys.INSTITUTIONAL_USER_UUID, "Institutional Recovery User",
          "Institutional Recovery Record", "", true));
      out.add(new Entry(RecoveryKeys.INSTITUTIONAL_UUID, "Institutional Recovery External Key", "", "", true));
    }
    if (state.bootstrapToken().onVolume()) {
      out.add(new Entry(RecoveryKeys.BOOTSTRAP_UUID, "MDM Bootstrap Token External Key", "Bootstrap Token", "", true));
    }
    out.sort(Comparator.comparingInt(e -> state.volume().position(e.uuid())));
    return out;
  }
}
