package io.trustchain.lab.macos;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
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
import java.time.Duration;
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
 * (a parse per exec was a tenth of the lab's CPU for a facts script).
 *
 * <p>{@link #save} writes only what changed the Mac. Almost every command moves the clock and the
 * process counter ({@link MacState.Counters}), most change nothing else (every look of a facts
 * script): such moves stay in the kept state, and the file is written when something else changed, when
 * the clock ran {@link #MAX_CLOCK_LAG} ahead of the file, or at {@link #flush} (the lab stops serving).
 * Writing the file was the largest single cost of a facts script on the simulated Mac (≈0.6 ms
 * against ≈45 µs for the compact JSON image that tells whether anything else changed). What another
 * process sees meanwhile is the clock and pids of the last write: if it changes the Mac, this store
 * notices the new file and takes its state, counters included (the Mac's clock then stands up to
 * {@link #MAX_CLOCK_LAG} earlier than it last showed, and process ids may repeat, as after a restart).
 */
final class StateStore {

  static final ObjectMapper JSON = new ObjectMapper()
      .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
      .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
      .setVisibility(PropertyAccessor.CREATOR, Visibility.ANY)
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** How far the Mac's clock may run ahead of the file before a save writes it anyway. */
  static final Duration MAX_CLOCK_LAG = Duration.ofSeconds(60);

  private static final ObjectWriter COMPACT = JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

  /**
   * The file as this store last saw it: its identity, the compact JSON of what it holds, the counters
   * written in it, and the state (whose counters may have moved on since).
   */
  private record Kept(Object fileKey, FileTime modified, long size, byte[] compact, MacState.Counters written,
      MacState state) {
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
    kept = new SoftReference<>(new Kept(now.fileKey(), now.lastModifiedTime(), now.size(),
        COMPACT.writeValueAsBytes(state), state.counters(), state));
    return Optional.of(state);
  }

  /**
   * Saves {@code state}: writes the file unless {@code state} is the kept one, the file still holds it,
   * and nothing but its counters moved, by less than {@link #MAX_CLOCK_LAG}.
   */
  void save(MacState state) throws IOException {
    Kept k = kept.get();
    kept.clear(); // until this save succeeds, the next load reads the file
    if (k != null && k.state() == state && isStill(k) && onlyCountersMoved(k)) {
      kept = new SoftReference<>(k);
      return;
    }
    write(state);
  }

  private static boolean onlyCountersMoved(Kept k) throws IOException {
    MacState state = k.state();
    MacState.Counters now = state.counters();
    if (now.clockMillis() - k.written().clockMillis() >= MAX_CLOCK_LAG.toMillis()) {
      return false;
    }
    byte[] compact;
    state.counters(k.written());
    try {
      compact = COMPACT.writeValueAsBytes(state);
    } finally {
      state.counters(now);
    }
    return Arrays.equals(compact, k.compact());
  }

  /** Writes the counters that moved since the file was written, if any (callers hold the host's lock). */
  void flush() throws IOException {
    Kept k = kept.get();
    if (k != null && !k.written().equals(k.state().counters()) && isStill(k)) {
      write(k.state());
    }
  }

  private void write(MacState state) throws IOException {
    byte[] json = JSON.writeValueAsBytes(state);
    if (!Files.isDirectory(file.getParent())) {
      Files.createDirectories(file.getParent());
    }
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
    kept = new SoftReference<>(new Kept(now.fileKey(), now.lastModifiedTime(), now.size(),
        COMPACT.writeValueAsBytes(state), state.counters(), state));
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
