package io.trustchain.secret;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The parts of an Ansible Vault envelope: the header ({@code $ANSIBLE_VAULT;1.2;AES256;label}) and
 * the body, which is hex(hex(salt) \n hex(hmac) \n hex(ciphertext)) cut into 80-column lines.
 *
 * @param vaultId the label of a 1.2 envelope, or null
 */
record VaultEnvelope(String version, String cipher, String vaultId, byte[] salt, byte[] hmac, byte[] ciphertext) {

  static final String HEADER = "$ANSIBLE_VAULT";
  private static final int COLUMNS = 80;
  private static final HexFormat HEX = HexFormat.of();

  VaultEnvelope {
    Objects.requireNonNull(version, "version == null");
    Objects.requireNonNull(cipher, "cipher == null");
    Objects.requireNonNull(salt, "salt == null");
    Objects.requireNonNull(hmac, "hmac == null");
    Objects.requireNonNull(ciphertext, "ciphertext == null");
  }

  /** Parses an envelope as Ansible does; the message of the exception names {@code origin}. */
  static VaultEnvelope parse(String text, String origin) throws SecretException {
    String[] lines = text.strip().split("\\R");
    String[] header = lines[0].strip().split(";");
    if (!HEADER.equals(header[0].strip()) || header.length < 3) {
      throw malformed(origin, "the first line must be $ANSIBLE_VAULT;1.1;AES256");
    }
    String version = header[1].strip();
    if (!version.equals("1.1") && !version.equals("1.2")) {
      throw malformed(origin, "unsupported vault format version " + version + " (1.1 and 1.2 are supported)");
    }
    String cipher = header[2].strip();
    if (!cipher.equals("AES256")) {
      throw malformed(origin, "unsupported vault cipher " + cipher + " (only AES256 is supported)");
    }
    String vaultId = header.length >= 4 ? header[3].strip() : null;
    StringBuilder body = new StringBuilder();
    for (int i = 1; i < lines.length; i++) {
      body.append(lines[i].strip());
    }
    try {
      String inner = new String(HEX.parseHex(body), StandardCharsets.US_ASCII);
      String[] parts = inner.split("\n");
      if (parts.length != 3) {
        throw malformed(origin, "the body must hold a salt, an HMAC and a ciphertext");
      }
      VaultEnvelope envelope = new VaultEnvelope(version, cipher, vaultId,
          HEX.parseHex(parts[0].strip()), HEX.parseHex(parts[1].strip()), HEX.parseHex(parts[2].strip()));
      if (envelope.ciphertext.length == 0 || envelope.ciphertext.length % 16 != 0 || envelope.hmac.length != 32) {
        throw malformed(origin, "the ciphertext or its HMAC has the wrong length (truncated?)");
      }
      return envelope;
    } catch (IllegalArgumentException e) {
      throw malformed(origin, "the body is not hexadecimal (truncated or edited?)");
    }
  }

  /** The envelope as Ansible writes it: header line, 80-column hex lines, final newline. */
  String format() {
    String header = vaultId == null
        ? HEADER + ";1.1;" + cipher
        : HEADER + ";1.2;" + cipher + ";" + vaultId;
    String inner = HEX.formatHex(salt) + "\n" + HEX.formatHex(hmac) + "\n" + HEX.formatHex(ciphertext);
    String body = HEX.formatHex(inner.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(header).append('\n');
    for (int i = 0; i < body.length(); i += COLUMNS) {
      out.append(body, i, Math.min(body.length(), i + COLUMNS)).append('\n');
    }
    return out.toString();
  }

  private static SecretException malformed(String origin, String why) {
    return new SecretException("the vault value at " + origin + " is not a valid Ansible Vault envelope: " + why);
  }

  @Override
  public String toString() {
    return "VaultEnvelope[" + version + ";" + cipher + (vaultId == null ? "" : ";" + vaultId) + "]";
  }
}
