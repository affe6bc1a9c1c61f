package io.trustchain.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/** PBKDF2-HMAC-SHA256 gives RFC 7914's test vector and what the JDK's own implementation gives. */
class Pbkdf2Test {

  @Test
  void rfc7914TestVector() {
    assertThat(HexFormat.of().formatHex(Pbkdf2.hmacSha256(bytes("passwd"), bytes("salt"), 1, 64)))
        .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  }

  @Test
  void sameAsTheJdksForLongPasswordsOddLengthsAndManyIterations() throws Exception {
    String longPassword = "é".repeat(40) + "x";   // 81 UTF-8 bytes: longer than SHA-256's block, hashed first
    // salts of 1 to 120 bytes: salt || INT(i) in one SHA-256 block, at the edge of two (55, 56 bytes with the
    // index), in two and in three
    Object[][] cases = {{"vault", "0123456789abcdef0123456789abcdef", 10_000, 80}, {longPassword, "s", 3, 33},
        {"", "salt", 2, 1}, {"p", "y", 2, 32}, {"p", "x".repeat(51), 2, 64}, {"p", "x".repeat(52), 2, 64},
        {"p", "x".repeat(60), 1, 96}, {"p", "x".repeat(120), 5, 65}, {"x".repeat(64), "salt", 4, 32}};
    for (Object[] c : cases) {
      String password = (String) c[0];
      byte[] salt = bytes((String) c[1]);
      int iterations = (Integer) c[2];
      int length = (Integer) c[3];
      byte[] jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, length * 8)).getEncoded();
      assertThat(Pbkdf2.hmacSha256(bytes(password), salt, iterations, length)).as(password + "/" + iterations)
          .isEqualTo(jdk);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
