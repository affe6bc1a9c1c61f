package io.trustchain.hostile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One hostile document set: a playbook and an inventory (and whatever files they name) with exactly
 * one planted fault, and where that fault sits when it has a place.
 *
 * @param id stable within a seed: {@code g0042} (grammar) or {@code m0311} (mutation)
 * @param fault the kind of fault, e.g. {@code deep-nesting}, {@code bad-utf8}
 * @param note what exactly was planted, for the failure message
 * @param files relative path → bytes, written into the case's folder
 * @param args the validate command line, relative to the case's folder
 * @param place where validate must point, or empty when the fault has no single place
 */
record HostileCase(String id, String fault, String note, Map<String, byte[]> files, String[] args,
    Optional<Place> place) {

  /** Lines {@code from..to} (1-based, inclusive) of {@code file}; column 0 means any column. */
  record Place(String file, int from, int to, int column) {
    static Place line(String file, int line) {
      return new Place(file, line, line, 0);
    }

    static Place at(String file, int line, int column) {
      return new Place(file, line, line, column);
    }

    @Override
    public String toString() {
      return file + ":" + (from == to ? from : from + "-" + to) + (column > 0 ? ":" + column : "");
    }
  }

  HostileCase {
    Objects.requireNonNull(id);
    files = Map.copyOf(files);
  }

  /** Builds a case's files in order. */
  static final class FileSet {
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    FileSet text(String path, String text) {
      files.put(path, text.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    FileSet bytes(String path, byte[] bytes) {
      files.put(path, bytes);
      return this;
    }

    Map<String, byte[]> map() {
      return files;
    }
  }

  @Override
  public String toString() {
    return id + " " + fault + ": " + note;
  }
}
