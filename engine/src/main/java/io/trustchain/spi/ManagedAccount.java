package io.trustchain.spi;

import io.trustchain.secret.SecretRef;
import java.util.Objects;

/**
 * A local account a resource manages, as the documents say: whether it must hold a Secure Token (null when
 * the document does not say), and the secret the documents give as its password (null when they give none).
 * Token holders that no resource manages, and whose password nobody holds, are reported as unmanaged (macOS
 * grants tokens silently at interactive logins); the fleet's twin gives each account's secret a generated one.
 */
public record ManagedAccount(String name, Boolean secureToken, SecretRef password) {

  public ManagedAccount {
    Objects.requireNonNull(name, "name == null");
  }

  /** Whether trustchain holds its password. */
  public boolean passwordHeld() {
    return password != null;
  }
}
