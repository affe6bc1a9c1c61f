package io.trustchain.lab.macos;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reads and writes one host's {@code state.json}: Jackson over the state's fields, written to a
 * temporary file and renamed into place, so a reader never sees half a file.
 */
final class StateStore {

  static final ObjectMapper JSON = new ObjectMapper()
      .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
      .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
      .setVisibility(PropertyAccessor.CREATOR, Visibility.ANY)
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;

  StateStore(Path hostDir) {
    this.file = hostDir.resolve("state.json");
  }

  Path file() {
    return file;
  }

  Optional<MacState> load() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    MacState state;
    try {
      state = JSON.readValue(file.toFile(), MacState.class);
    } catch (IOException e) {
      throw new IOException("cannot read the lab state " + file + ": " + e.getMessage()
          + " (delete it, or run `lab reset`, to start again from the scenario)", e);
    }
    if (state.formatVersion() != MacState.FORMAT_VERSION) {
      throw new IOException("lab state " + file + " has format version " + state.formatVersion()
          + "; this lab reads version " + MacState.FORMAT_VERSION + " (delete it to start again from the scenario)");
    }
    return Optional.of(state);
  }

  void save(MacState state) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "state", ".json.tmp");
    try {
      JSON.writeValue(tmp.toFile(), state);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  /** A deep copy (for tools that must not change anything, see {@code SilentRefusal}). */
  static MacState copy(MacState state) {
    try {
      return JSON.readValue(JSON.writeValueAsBytes(state), MacState.class);
    } catch (IOException e) {
      throw new IllegalStateException("the lab state does not round-trip through JSON: " + e.getMessage(), e);
    }
  }
}
