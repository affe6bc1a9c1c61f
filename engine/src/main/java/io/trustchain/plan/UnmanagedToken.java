package io.trustchain.plan;

import java.util.Objects;

/**
 * An account that holds a Secure Token although no document manages it and trustchain holds no password for
 * it: nobody can rotate its password, revoke its token or vouch for it, yet it unlocks the Mac (macOS grants
 * tokens silently at interactive logins, and through an escrowed Bootstrap Token).
 *
 * @param volumeOwner null where macOS does not report ownership
 * @param unlocksFilevault whether {@code fdesetup list} names it
 */
public record UnmanagedToken(String user, boolean admin, Boolean volumeOwner, boolean unlocksFilevault) {

  public UnmanagedToken {
    Objects.requireNonNull(user, "user == null");
  }

  /** {@code carol (admin, volume owner, unlocks FileVault)}. */
  @Override
  public String toString() {
    StringBuilder traits = new StringBuilder(admin ? "admin" : "standard");
    if (Boolean.TRUE.equals(volumeOwner)) {
      traits.append(", volume owner");
    }
    if (unlocksFilevault) {
      traits.append(", unlocks FileVault");
    }
    return user + " (" + traits + ")";
  }
}
