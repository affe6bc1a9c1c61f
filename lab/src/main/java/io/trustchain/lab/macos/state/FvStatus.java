package io.trustchain.lab.macos.state;

/** The FileVault state of the boot volume. */
public enum FvStatus {
  OFF, ON, ENCRYPTING, DECRYPTING;

  /** On, or on its way between states (anything but off). */
  public boolean active() {
    return this != OFF;
  }

  public boolean busy() {
    return this == ENCRYPTING || this == DECRYPTING;
  }
}
