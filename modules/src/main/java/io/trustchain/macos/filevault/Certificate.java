package io.trustchain.macos.filevault;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** An X.509 certificate as a document writes it: PEM, or base64 DER. Public data: shown, never secret. */
record Certificate(byte[] der) {

  /** @throws IllegalArgumentException it is neither */
  static Certificate parse(String text) {
    String body = text.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s+", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the certificate is neither PEM nor base64 DER");
    }
    if (der.length < 32 || (der[0] & 0xff) != 0x30) {
      throw new IllegalArgumentException("the certificate does not decode to DER (an ASN.1 SEQUENCE)");
    }
    return new Certificate(der);
  }

  String base64() {
    return Base64.getEncoder().encodeToString(der);
  }

  /** {@code SHA-256 1a2b3c4d…} (the first 16 hex digits), for the plan. */
  String fingerprint() {
    try {
      return "SHA-256 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
