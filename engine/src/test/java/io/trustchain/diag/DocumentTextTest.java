package io.trustchain.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict UTF-8 with the bad byte's place, a size bound, regular files only, the BOM dropped. */
class DocumentTextTest {

  private static final Path FILE = Path.of("/docs/x.yml");

  @TempDir Path dir;

  @Test
  void aByteThatIsNotUtf8IsReportedAtItsLineAndColumn() {
    byte[] text = "a: 1\nname: zoë\u00e9".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[text.length + 1];
    System.arraycopy(text, 0, bad, 0, text.length);
    bad[text.length] = (byte) 0xff;
    Diagnostics d = new Diagnostics();
    assertThat(DocumentText.decode(FILE, bad, d)).isEmpty();
    assertThat(d.all()).hasSize(1);
    assertThat(d.all().get(0).at().orElseThrow().line()).isEqualTo(2);
    assertThat(d.all().get(0).at().orElseThrow().column()).isEqualTo(11);
    assertThat(d.all().get(0).message()).isEqualTo(
        "x.yml is not UTF-8 text: byte 0xFF cannot start or continue a character here");
    assertThat(d.all().get(0).hint()).contains("save the file as UTF-8");
  }

  @Test
  void utf16IsRecognisedInTheHint_andAUtf8ByteOrderMarkIsDropped() {
    Diagnostics d = new Diagnostics();
    assertThat(DocumentText.decode(FILE, "all:\n".getBytes(StandardCharsets.UTF_16), d)).isEmpty();
    assertThat(d.all().get(0).hint()).contains("the file looks like UTF-16; save it as UTF-8");
    assertThat(DocumentText.decode(FILE, "\uFEFFall:\n".getBytes(StandardCharsets.UTF_8), new Diagnostics()))
        .contains("all:\n");
  }

  @Test
  void aDirectoryOrAnOversizedFileIsRefusedWithoutReadingItAll() throws Exception {
    Diagnostics d = new Diagnostics();
    assertThat(DocumentText.read(dir, d)).isEmpty();
    assertThat(d.all().get(0).message()).endsWith("is not a regular file");

    Path big = dir.resolve("big.yml");
    Files.write(big, new byte[DocumentText.MAX_BYTES + 1]);
    Diagnostics d2 = new Diagnostics();
    assertThat(DocumentText.read(big, d2)).isEmpty();
    assertThat(d2.all().get(0).message()).isEqualTo("big.yml is larger than 8 MiB");
  }
}
