package io.trustchain.lab.macos.state;

/**
 * FileVault on the boot volume. On APFS the unlock users are the Secure Token holders, so they are not
 * stored here.
 */
public final class FileVaultState {

  private FvStatus status = FvStatus.OFF;
  private double percent;
  private String decryptingFirstLine = "On";
  private String personalRecoveryKey;
  private boolean institutionalRecoveryKey;
  private Deferral deferral;
  private String enabledUser;
  private long enabledMillis;
  private Boolean enableAuthorized;
  private boolean dontAllowFdeEnable;
  private boolean recoveryPartition = true;

  public FileVaultState() {}

  public FvStatus status() {
    return status;
  }

  /** Percent completed while encrypting or decrypting. */
  public double percent() {
    return percent;
  }

  /** First line of {@code fdesetup status} while decrypting: {@code On} or {@code Off} (S30 is unresolved). */
  public String decryptingFirstLine() {
    return decryptingFirstLine;
  }

  public String personalRecoveryKey() {
    return personalRecoveryKey;
  }

  public boolean institutionalRecoveryKey() {
    return institutionalRecoveryKey;
  }

  public Deferral deferral() {
    return deferral;
  }

  public String enabledUser() {
    return enabledUser;
  }

  public long enabledMillis() {
    return enabledMillis;
  }

  /**
   * The 10.15 authorization policy (fdesetup(8)): null = decided by the MDM (user approved or DEP),
   * true = Full Disk Access / SIP off / user confirmed, false = refused.
   */
  public Boolean enableAuthorized() {
    return enableAuthorized;
  }

  /** The MDM option {@code dontAllowFDEEnable} (exit 31). */
  public boolean dontAllowFdeEnable() {
    return dontAllowFdeEnable;
  }

  public boolean recoveryPartition() {
    return recoveryPartition;
  }

  public void status(FvStatus value, double percentCompleted) {
    this.status = value;
    this.percent = percentCompleted;
  }

  public void decryptingFirstLine(String value) {
    if (!"On".equals(value) && !"Off".equals(value)) {
      throw new IllegalArgumentException("decrypting first line must be On or Off, not \"" + value + "\"");
    }
    this.decryptingFirstLine = value;
  }

  public void personalRecoveryKey(String key) {
    this.personalRecoveryKey = key;
  }

  public void institutionalRecoveryKey(boolean value) {
    this.institutionalRecoveryKey = value;
  }

  public void deferral(Deferral value) {
    this.deferral = value;
  }

  public void enabled(String user, long millis) {
    this.enabledUser = user;
    this.enabledMillis = millis;
  }

  public void enableAuthorized(Boolean value) {
    this.enableAuthorized = value;
  }

  public void dontAllowFdeEnable(boolean value) {
    this.dontAllowFdeEnable = value;
  }

  public void recoveryPartition(boolean value) {
    this.recoveryPartition = value;
  }

  @Override
  public String toString() {
    return status + (status.busy() ? " " + percent + "%" : "") + (deferral != null ? ", " + deferral : "");
  }
}
