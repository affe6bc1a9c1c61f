package io.trustchain.playbook;

import io.trustchain.spi.Credential;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretRef;
import java.util.Objects;

/**
 * The management credential as written in a play, before a host's variables are known: the user
 * (possibly templated) and the password, either a secret reference or a {@code "{{ var }}"}
 * template naming a variable that holds one. {@link ResourceBinder} turns it into a
 * {@link Credential} per host.
 *
 * @param password the secret when written with {@code !secret}/{@code !vault}, else null
 * @param passwordTemplate the {@code "{{ var }}"} template when the password comes from a variable, else null
 */
public record CredentialSpec(String user, SecretRef password, String passwordTemplate, SourceRange userAt,
    SourceRange passwordAt, SourceRange at) {

  public CredentialSpec {
    Objects.requireNonNull(user, "user == null");
    if ((password == null) == (passwordTemplate == null)) {
      throw new IllegalArgumentException("exactly one of password and passwordTemplate must be given");
    }
  }

  /** A credential with no templates. */
  public static CredentialSpec of(Credential credential) {
    return new CredentialSpec(credential.user(), credential.password(), null, credential.at(), credential.at(),
        credential.at());
  }

  /** Whether the credential is the same for every host. */
  public boolean isStatic() {
    return password != null && !io.trustchain.template.Templater.isTemplated(user);
  }

  @Override
  public String toString() {
    return "CredentialSpec[user=" + user + ", password=" + (password != null ? password.describe() : passwordTemplate)
        + "]";
  }
}
