package io.trustchain.lab.macos;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes one host's {@code state.json}: Jackson over the state's fields, written to a
 * temporary file and renamed into place, so a reader never sees half a file.
 *
 * <p>The state last read or written is kept (softly) with the file's identity: while the file is
 * the one this store wrote or read (same inode, time and size: every writer replaces it by a rename,
 * under the host's lock), {@link #load()} returns the kept state instead of parsing the file again
 * (a parse per exec was a tenth of the lab's CPU for a facts script). {@link #save} writes nothing
 * when the state's JSON did not change; most commands do change it, as the Mac's clock and process
 * ids move on.
 */
final class StateStore {

  static final ObjectMapper JSON = new ObjectMapper()
      .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
      .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
      .setVisibility(PropertyAccessor.CREATOR, Visibility.ANY)
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The file as this store last saw it, and the state it holds. */
  private record Kept(Object fileKey, FileTime modified, long size, byte[] json, MacState state) {
    boolean isStill(BasicFileAttributes now) {
      return fileKey != null && fileKey.equals(now.fileKey()) && modified.equals(now.lastModifiedTime())
          && size == now.size();
    }
  }

  private final Path file;
  private SoftReference<Kept> kept = new SoftReference<>(null);

  StateStore(Path hostDir) {
    this.file = hostDir.resolve("state.json");
  }

  Path file() {
    return file;
  }

  /** The saved state (callers hold the host's lock). */
  Optional<MacState> load() throws IOException {
    BasicFileAttributes now;
    try {
      now = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      kept.clear();
      return Optional.empty();
    }
    Kept k = kept.get();
    if (k != null && k.isStill(now)) {
      return Optional.of(k.state());
    }
    byte[] json = Files.readAllBytes(file);
    MacState state;
    try {
      state = JSON.readValue(json, MacState.class);
    } catch (IOException e) {
      throw new IOException("cannot read the lab state " + file + ": " + e.getMessage()
          + " (delete it, or run `lab reset`, to start again from the scenario)", e);
    }
    if (state.formatVersion() != MacState.FORMAT_VERSION) {
      throw new IOException("lab state " + file + " has format version " + state.formatVersion()
          + "; this lab reads version " + MacState.FORMAT_VERSION + " (delete it to start again from the scenario)");
    }
    kept = new SoftReference<>(new Kept(now.fileKey(), now.lastModifiedTime(), now.size(), json, state));
    return Optional.of(state);
  }

  /** Saves {@code state}, unless it is the kept one, unchanged, and the file still holds it. */
  void save(MacState state) throws IOException {
    Kept k = kept.get();
    kept.clear(); // until this save succeeds, the next load reads the file
    byte[] json = JSON.writeValueAsBytes(state);
    if (k != null && k.state() == state && Arrays.equals(k.json(), json) && isStill(k)) {
      kept = new SoftReference<>(k);
      return;
    }
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "state", ".json.tmp");
    try {
      Files.write(tmp, json);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
    kept = new SoftReference<>(new Kept(now.fileKey(), now.lastModifiedTime(), now.size(), json, state));
  }

  private boolean isStill(Kept k) throws IOException {
    try {
      return k.isStill(Files.readAttributes(file, BasicFileAttributes.class));
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  void delete() throws IOException {
    kept.clear();
    Files.deleteIfExists(file);
  }

  /** A deep copy (for tools that must not change anything, see {@code SilentRefusal}). */
  static MacState copy(MacState state) {
    Objects.requireNonNull(state, "state == null");
    try {
      return JSON.readValue(JSON.writeValueAsBytes(state), MacState.class);
    } catch (IOException e) {
      throw new IllegalStateException("the lab state does not round-trip through JSON: " + e.getMessage(), e);
    }
  }
}
