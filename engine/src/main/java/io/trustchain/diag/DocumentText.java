package io.trustchain.diag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reading a document the way every loader must: a regular file of at most {@value #MAX_BYTES}
 * bytes (a device, a pipe or a runaway file never fills the memory), strictly UTF-8 (a byte that is
 * not is reported at its {@code line:col}, never replaced), a leading byte-order mark dropped.
 */
public final class DocumentText {

  /** The largest document read: far above any inventory of thousands of hosts. */
  public static final int MAX_BYTES = 8 << 20;

  private DocumentText() {}

  /**
   * The bytes of {@code file}; empty with a diagnostic when it is not a regular file or is too
   * large. A missing file throws {@link java.nio.file.NoSuchFileException} so callers keep their
   * own wording for it.
   */
  public static Optional<byte[]> read(Path file, Diagnostics diagnostics) throws IOException {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      diagnostics.error(null, file + " is not a regular file", "name a YAML or INI file");
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        diagnostics.error(SourceRange.of(file, 1, 1), file.getFileName() + " is larger than " + (MAX_BYTES >> 20)
            + " MiB", "split it (group_vars/ and host_vars/ files, several playbooks)");
        return Optional.empty();
      }
      return Optional.of(bytes);
    }
  }

  /** The UTF-8 text of {@code bytes}, or empty with a diagnostic at the first byte that is not UTF-8. */
  public static Optional<String> decode(Path file, byte[] bytes, Diagnostics diagnostics) {
    return decode(file, bytes, diagnostics, true);
  }

  /**
   * Like {@link #decode(Path, byte[], Diagnostics)}; {@code showSnippet} false keeps the offending line
   * off the terminal (decrypted vault text).
   */
  public static Optional<String> decode(Path file, byte[] bytes, Diagnostics diagnostics, boolean showSnippet) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      int bad = in.position();
      String before = out.toString();
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      String last = before.substring(before.lastIndexOf('\n') + 1);
      int column = last.codePointCount(0, last.length()) + 1;
      String hint = bytes.length >= 2 && ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe
          || (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)
          ? "the file looks like UTF-16; save it as UTF-8" : "save the file as UTF-8";
      Diagnostic d = Diagnostic.error(SourceRange.of(file, line, column), String.format(
          "%s is not UTF-8 text: byte 0x%02X cannot start or continue a character here", file.getFileName(),
          bad < bytes.length ? bytes[bad] & 0xff : 0), hint);
      diagnostics.add(showSnippet ? d : d.withoutSnippet());
      return Optional.empty();
    }
    String text = out.toString();
    return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }
}
