package io.trustchain.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.secret.SecretRef;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A password that cannot travel safely is refused at validate, at its position, its value never shown. */
class SecretTravelTest {

  private static final SourceRange AT = SourceRange.of(Path.of("play.yml"), 7, 33);

  private static String check(String value) {
    SecretCheck check = new SecretCheck(Map.of("PW", value), null);
    Diagnostics d = new Diagnostics();
    check.check(new SecretRef.Env("PW"), AT, d);
    return d.all().stream().map(Diagnostic::toString).findFirst().orElse("fine");
  }

  @Test
  void lineBreaksNulAndCdataEnds_areRefusedWithWhereTheyAre() {
    assertThat(check("two\nlines")).isEqualTo("play.yml:7:33: error: secret env:PW holds a line break (character 4):"
        + " it cannot travel as one line of the exec's stdin");
    assertThat(check("cr\rhere")).contains("holds a line break (character 3)");
    assertThat(check("nul\0x")).contains("holds a NUL character (character 4)");
    assertThat(check("a]]>b")).contains("holds \"]]>\" (characters 2-4)");
    for (String bad : new String[] {"two\nlines", "nul\0x", "a]]>b"}) {
      assertThat(check(bad)).doesNotContain(bad);
    }
  }

  @Test
  void everythingElseTravels() {
    assertThat(check("it's \"quoted\" $HOME `id` \\ & ; | * é <x> ]] >")).isEqualTo("fine");
    assertThat(check("")).isEqualTo("play.yml:7:33: warning: secret env:PW is empty");
  }
}
