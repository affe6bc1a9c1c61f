package io.trustchain.transport;

import io.trustchain.secret.SecretRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A POSIX sh script for one SSH exec, built by {@link ScriptBuilder}. {@code text} holds no secret
 * value. The transport runs it as {@code sh -c '<text>'} (or {@code sudo -S -p '' sh -c '<text>'}
 * when the inventory asks for become) and writes to stdin: the sudo password line (become only),
 * the line {@code @@tc-stdin-<nonce>}, then each of {@code secrets}' values on its own line
 * (only when {@code secrets} is not empty).
 */
public record RemoteScript(String text, List<SecretRef> secrets, Duration timeout, String nonce) {

  public RemoteScript {
    Objects.requireNonNull(text, "text == null");
    secrets = List.copyOf(secrets);
    Objects.requireNonNull(timeout, "timeout == null");
    Objects.requireNonNull(nonce, "nonce == null");
  }

  public String stdinSentinel() {
    return "@@tc-stdin-" + nonce;
  }
}
