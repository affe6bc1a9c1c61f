package io.trustchain.lab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claim a running {@code lab serve} holds on a state directory: an exclusive lock on {@code
 * stateDir/serve.lock} (released by the OS if the process dies) and the ports it serves in {@code
 * stateDir/serve.json}, so that in-process labs leave those hosts to it.
 */
public final class LabServeLock implements AutoCloseable {

  static final String LOCK_FILE = "serve.lock";
  static final String STATE_FILE = "serve.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** State directories locked by this JVM: a second channel on a locked file could release the lock. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path stateDir;
  private final FileChannel channel;
  private final FileLock lock;

  private LabServeLock(Path stateDir, FileChannel channel, FileLock lock) {
    this.stateDir = stateDir;
    this.channel = channel;
    this.lock = lock;
  }

  /** Claims {@code stateDir} for this process, or says which {@code lab serve} already has it. */
  public static LabServeLock acquire(Path stateDir) throws IOException {
    Path dir = stateDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    if (!HELD.add(dir)) {
      throw alreadyRunning(dir, ProcessHandle.current().pid());
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l = ch.tryLock();
      if (l == null) {
        throw alreadyRunning(dir, readState(dir).map(ServedFleet::pid).orElse(-1L));
      }
      return new LabServeLock(dir, ch, l);
    } catch (IOException | RuntimeException e) {
      HELD.remove(dir);
      if (ch != null) {
        ch.close();
      }
      throw e;
    }
  }

  /** The fleet a running {@code lab serve} serves from {@code stateDir}, if one is running. */
  public static Optional<ServedFleet> running(Path stateDir) throws IOException {
    Path dir = stateDir.toAbsolutePath().normalize();
    Path lockFile = dir.resolve(LOCK_FILE);
    if (!HELD.contains(dir)) {
      if (!Files.exists(lockFile)) {
        return Optional.empty();
      }
      try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
        FileLock l = ch.tryLock();
        if (l != null) {
          l.release();
          return Optional.empty();
        }
      } catch (OverlappingFileLockException e) {
        // held in this JVM through another path spelling
      }
    }
    return Optional.of(readState(dir).orElse(new ServedFleet(-1, List.of())));
  }

  /** Publishes the endpoints this {@code lab serve} serves from this state directory. */
  public void publish(List<LabEndpoint> endpoints) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("pid", ProcessHandle.current().pid());
    root.put("started", Instant.now().toString());
    ArrayNode hosts = root.putArray("hosts");
    for (LabEndpoint e : endpoints) {
      hosts.addObject().put("name", e.name()).put("address", e.address()).put("port", e.port());
    }
    Path tmp = Files.createTempFile(stateDir, ".serve", ".json");
    Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    Files.move(tmp, stateDir.resolve(STATE_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public Path stateDir() {
    return stateDir;
  }

  /** Forgets the published ports and releases the claim. */
  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(stateDir.resolve(STATE_FILE));
    } finally {
      try {
        lock.release();
        channel.close();
      } finally {
        HELD.remove(stateDir);
      }
    }
  }

  private static Optional<ServedFleet> readState(Path dir) {
    try {
      JsonNode root = JSON.readTree(dir.resolve(STATE_FILE).toFile());
      List<ServedFleet.Entry> hosts = new ArrayList<>();
      for (JsonNode h : root.path("hosts")) {
        hosts.add(new ServedFleet.Entry(h.path("name").asText(), h.path("address").asText(), h.path("port").asInt()));
      }
      return Optional.of(new ServedFleet(root.path("pid").asLong(-1), hosts));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static IOException alreadyRunning(Path dir, long pid) {
    return new IOException("lab serve is already running for the state directory " + dir
        + (pid > 0 ? " (pid " + pid + ")" : "") + "; stop it first, or use another state directory");
  }

  @Override
  public String toString() {
    return "lab serve lock on " + stateDir;
  }
}
