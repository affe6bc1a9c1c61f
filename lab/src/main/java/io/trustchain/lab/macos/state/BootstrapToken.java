package io.trustchain.lab.macos.state;

/**
 * The Bootstrap Token: whether its APFS record exists on the volume (the {@code MDM Bootstrap Token
 * External Key} crypto user) and whether the MDM server holds it (escrowed).
 */
public final class BootstrapToken {

  private boolean escrowed;
  private boolean onVolume;

  public BootstrapToken() {}

  public boolean escrowed() {
    return escrowed;
  }

  public boolean onVolume() {
    return onVolume;
  }

  /** Created on the volume and sent to the server. */
  public void escrow() {
    escrowed = true;
    onVolume = true;
  }

  public void remove() {
    escrowed = false;
    onVolume = false;
  }

  @Override
  public String toString() {
    return escrowed ? "escrowed" : onVolume ? "on volume, not escrowed" : "none";
  }
}
