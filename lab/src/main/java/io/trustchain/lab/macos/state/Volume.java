package io.trustchain.lab.macos.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The APFS boot volume: its device name in {@code diskutil} reports, whether a Secure Token was ever
 * granted on it (automatic first-token paths only exist before that), and the order in which crypto
 * users were added (listCryptoUsers is not sorted, S57/S58).
 */
public final class Volume {

  private String device;
  private boolean tokenEverGranted;
  private List<String> cryptoOrder = new ArrayList<>();

  private Volume() {}

  public Volume(String device) {
    this.device = Objects.requireNonNull(device, "device == null");
  }

  /** The device a report for {@code /} names: {@code disk1s5} (Catalina, S57), {@code disk3s1s1} (S58). */
  public String device() {
    return device;
  }

  public boolean tokenEverGranted() {
    return tokenEverGranted;
  }

  public void tokenGranted() {
    tokenEverGranted = true;
  }

  public void tokenEverGranted(boolean value) {
    tokenEverGranted = value;
  }

  /** Records that a crypto user with {@code uuid} was added (kept when it already was). */
  public void cryptoUserAdded(String uuid) {
    if (!cryptoOrder.contains(uuid)) {
      cryptoOrder.add(uuid);
    }
  }

  public void cryptoUserRemoved(String uuid) {
    cryptoOrder.remove(uuid);
  }

  /** Position of {@code uuid} in insertion order; unknown ones sort last. */
  public int position(String uuid) {
    int i = cryptoOrder.indexOf(uuid);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** The default device for a version and architecture. */
  public static String defaultDevice(OsInfo os) {
    MacVersion v = os.version();
    if (os.appleSilicon()) {
      return "disk3s1s1";
    }
    if (v.isTen()) {
      return v.minor() >= 15 ? "disk1s5" : "disk1s1";
    }
    return "disk1s5s1";
  }

  @Override
  public String toString() {
    return device + (tokenEverGranted ? " (token granted)" : " (no token yet)");
  }
}
