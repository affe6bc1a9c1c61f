package io.trustchain.run.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void recoveryKeysPasswordsAndTerminalEscapesNeverPassThrough() {
    assertThat(Redactor.text("Recovery key = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX'"))
        .isEqualTo("Recovery key = '(redacted recovery key)'");
    assertThat(Redactor.text("sysadminctl -secureTokenOn alice -password s3cret -adminPassword 'a b'"))
        .isEqualTo("sysadminctl -secureTokenOn alice -password (redacted) -adminPassword (redacted)");
    assertThat(Redactor.text("Password: hunter2\nok")).isEqualTo("Password: (redacted)\nok");
    assertThat(Redactor.text("-password (sensitive) stays")).isEqualTo("-password (sensitive) stays");
    assertThat(Redactor.text("\u001b[31mred\u001b[0m\u0007")).isEqualTo("red");
    assertThat(Redactor.text("")).isEmpty();
  }
}
