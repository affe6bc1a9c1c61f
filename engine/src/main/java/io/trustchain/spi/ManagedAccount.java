package io.trustchain.spi;

import java.util.Objects;

/**
 * A local account a resource manages, as the documents say: whether it must hold a Secure Token (null when
 * the document does not say), and whether trustchain holds its password (given in the document, or kept in
 * escrow by trustchain). Token holders that no resource manages, and whose password nobody holds, are
 * reported as unmanaged (macOS grants tokens silently at interactive logins).
 */
public record ManagedAccount(String name, Boolean secureToken, boolean passwordHeld) {

  public ManagedAccount {
    Objects.requireNonNull(name, "name == null");
  }
}
