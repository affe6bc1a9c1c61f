package io.trustchain.diag;

import java.nio.file.Path;
import java.util.Objects;
import org.snakeyaml.engine.v2.exceptions.Mark;

/** A position in a document, 1-based. {@code toString()} is the GNU form {@code file:line:col}. */
public record SourceRange(Path file, int line, int column) {

  public SourceRange {
    Objects.requireNonNull(file, "file == null");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** snakeyaml-engine marks are 0-based; this is the one place that converts them. */
  public static SourceRange of(Path file, Mark mark) {
    return new SourceRange(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  public static SourceRange of(Path file, int line, int column) {
    return new SourceRange(file, line, column);
  }

  /** The file name as a user would type it: relative to the working directory when under it. */
  public String displayFile() {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : file.toString();
  }

  @Override
  public String toString() {
    return displayFile() + ":" + line + ":" + column;
  }
}
