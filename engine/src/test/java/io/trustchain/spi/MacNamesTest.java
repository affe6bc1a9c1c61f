package io.trustchain.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** macOS's limits for short names, full names and paths (sources in MacNames). */
class MacNamesTest {

  @Test
  void shortNames_upTo255AsciiBytesOfLettersDigitsUnderscoreDotHyphen() {
    assertThat(MacNames.shortName("alice")).isEmpty();
    assertThat(MacNames.shortName("_svc.build-1")).isEmpty();
    assertThat(MacNames.shortName("a".repeat(255))).isEmpty();
    assertThat(MacNames.shortName("a".repeat(256))).contains("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" (256 characters)"
        + " is longer than the 255 bytes macOS allows for a short name");
    for (String bad : new String[] {"-deleteUser", "1234", "alice bob", "alice;id", "$(reboot)", "../etc", "alicé",
      "ａｌｉｃｅ", "alice\u200b", ".hidden"}) {
      assertThat(MacNames.shortName(bad)).as(bad).isPresent();
    }
    assertThat(MacNames.shortName("alice\nUniqueID: 0")).contains("\"alice\\u000aUniqueID: 0\" is not a macOS short name");
    assertThat(MacNames.shortName("")).contains("a short name cannot be empty");
  }

  @Test
  void fullNames_areOneTo255BytesOfUtf8WithoutControlCharacters() {
    assertThat(MacNames.fullName("Zoë Ångström")).isEmpty();
    assertThat(MacNames.fullName("漢".repeat(85))).as("255 bytes").isEmpty();
    assertThat(MacNames.fullName("漢".repeat(86))).as("258 bytes").get().asString()
        .endsWith("is longer than the 255 bytes macOS allows for a full name");
    assertThat(MacNames.fullName("Alice\nRealName: root")).contains(
        "\"Alice\\u000aRealName: root\" holds the control character U+000A");
    assertThat(MacNames.fullName("")).isPresent();
  }

  @Test
  void paths_areAbsoluteWithinPathMaxAndNameMax() {
    assertThat(MacNames.absolutePath("/bin/zsh")).isEmpty();
    assertThat(MacNames.absolutePath("bin/zsh")).contains("\"bin/zsh\" is not an absolute path");
    assertThat(MacNames.absolutePath(("/" + "b".repeat(200)).repeat(6))).get().asString()
        .endsWith("is longer than the 1024 bytes of a macOS path");
    assertThat(MacNames.absolutePath("/usr/" + "a".repeat(256) + "/zsh")).get().asString()
        .endsWith("has a component longer than the 255 bytes of a macOS file name");
    assertThat(MacNames.absolutePath("/bin/zsh\u001b[2J")).get().asString().contains("U+001B");
  }
}
