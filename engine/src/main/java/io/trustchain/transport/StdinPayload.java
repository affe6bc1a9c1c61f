package io.trustchain.transport;

import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.SecretRef;
import io.trustchain.secret.SecretResolver;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bytes an exec writes to the remote stdin (the wire format of {@link RemoteScript}): the sudo
 * password line (become with a password), then, when the script has secrets, two filler lines (with
 * become), the sentinel line and one line per secret value. Every secret is resolved before anything is sent,
 * so a secret that cannot be had stops the exec before it starts. The caller clears the returned array after
 * use. Every transport (SSH, local) writes the same bytes.
 */
public final class StdinPayload {

  /** A line that is no password, after the become password (see {@link #build}). */
  public static final String FILLER = "@@tc-not-a-password";

  private StdinPayload() {}

  public static byte[] build(RemoteScript script, Optional<SecretRef> becomePassword, SecretResolver resolver)
      throws TransportException {
    List<char[]> lines = new ArrayList<>();
    try {
      if (becomePassword.isPresent()) {
        lines.add(reveal(becomePassword.get(), resolver, "the become (sudo) password"));
        if (!script.secrets().isEmpty()) {
          // Should sudo refuse the password anyway (changed since BecomeCheck), its next two attempts read these
          // and it gives up (passwd_tries defaults to 3) before any secret; the preamble discards them.
          lines.add(FILLER.toCharArray());
          lines.add(FILLER.toCharArray());
        }
      }
      if (!script.secrets().isEmpty()) {
        lines.add(script.stdinSentinel().toCharArray());
        for (SecretRef ref : script.secrets()) {
          lines.add(reveal(ref, resolver, "secret"));
        }
      }
      return encode(lines);
    } finally {
      for (char[] line : lines) {
        Arrays.fill(line, '\0');
      }
    }
  }

  /** Only the become password's line: what {@link BecomeCheck} sends. */
  public static byte[] becomeOnly(SecretRef becomePassword, SecretResolver resolver) throws TransportException {
    char[] line = reveal(becomePassword, resolver, "the become (sudo) password");
    try {
      return encode(List.of(line));
    } finally {
      Arrays.fill(line, '\0');
    }
  }

  private static char[] reveal(SecretRef ref, SecretResolver resolver, String what)
      throws TransportException {
    Secret secret;
    try {
      secret = resolver.resolve(ref);
    } catch (SecretException e) {
      throw new TransportException(TransportException.Kind.SECRET,
          "cannot resolve " + what + " " + ref.describe() + ": " + e.getMessage());
    }
    if (secret == null) {
      throw new TransportException(TransportException.Kind.SECRET,
          "cannot resolve " + what + " " + ref.describe() + ": the resolver returned nothing");
    }
    if (!secret.isSingleLine()) {
      throw new TransportException(TransportException.Kind.SECRET,
          what + " " + ref.describe() + " contains a line break, so it cannot be sent as one stdin line");
    }
    return secret.reveal();
  }

  private static byte[] encode(List<char[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (char[] line : lines) {
      ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(line));
      byte[] chunk = new byte[bytes.remaining()];
      bytes.get(chunk);
      out.write(chunk, 0, chunk.length);
      out.write('\n');
      Arrays.fill(chunk, (byte) 0);
      if (bytes.hasArray()) {
        Arrays.fill(bytes.array(), (byte) 0);
      }
    }
    return out.toByteArray();
  }
}
