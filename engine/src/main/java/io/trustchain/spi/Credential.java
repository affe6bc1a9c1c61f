package io.trustchain.spi;

import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretRef;
import java.util.Objects;

/** The Secure Token management credential of a play: an admin holding a token. Never modified. */
public record Credential(String user, SecretRef password, SourceRange at) {

  public Credential {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
  }
}
