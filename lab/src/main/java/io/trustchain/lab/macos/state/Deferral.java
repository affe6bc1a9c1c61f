package io.trustchain.lab.macos.state;

import java.util.Objects;

/** A deferred FileVault enablement ({@code fdesetup enable -defer PATH -forceatlogin N}). */
public final class Deferral {

  /** {@code -forceatlogin 9999}: never force. */
  public static final int NEVER_FORCE = 9999;

  private String user;
  private String outputPath;
  private int forceAtLogin;
  private boolean dontAskAtLogout;
  private boolean showRecoveryKey;
  private long createdMillis;

  private Deferral() {}

  public Deferral(String user, String outputPath, int forceAtLogin, boolean dontAskAtLogout,
      boolean showRecoveryKey, long createdMillis) {
    this.user = Objects.requireNonNull(user, "user == null");
    this.outputPath = Objects.requireNonNull(outputPath, "outputPath == null");
    this.forceAtLogin = forceAtLogin;
    this.dontAskAtLogout = dontAskAtLogout;
    this.showRecoveryKey = showRecoveryKey;
    this.createdMillis = createdMillis;
  }

  public String user() {
    return user;
  }

  public String outputPath() {
    return outputPath;
  }

  /** Remaining logins the user may still decline; 0 = the next login is forced; -1 or 9999 = never forced. */
  public int forceAtLogin() {
    return forceAtLogin;
  }

  public boolean dontAskAtLogout() {
    return dontAskAtLogout;
  }

  public boolean showRecoveryKey() {
    return showRecoveryKey;
  }

  public long createdMillis() {
    return createdMillis;
  }

  /** Whether the next login must enable FileVault. */
  public boolean forcedNow() {
    return forceAtLogin == 0;
  }

  /** The user declined at a login: one attempt fewer (never below 0; -1 and 9999 stay). */
  public void declined() {
    if (forceAtLogin > 0 && forceAtLogin != NEVER_FORCE) {
      forceAtLogin--;
    }
  }

  @Override
  public String toString() {
    return "deferral for " + user + " -> " + outputPath + " (forceatlogin " + forceAtLogin + ")";
  }
}
