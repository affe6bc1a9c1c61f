package io.trustchain.lab.macos;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock on one host's state: a {@link ReentrantLock} inside this JVM (a JVM cannot hold
 * two {@link FileLock}s on one file) and a {@link FileChannel#lock()} on {@code HOSTDIR/lock} across
 * processes. Reentrant for the thread that holds it.
 */
final class HostLock implements AutoCloseable {

  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;
  private final FileLock fileLock;

  private HostLock(ReentrantLock local, FileChannel channel, FileLock fileLock) {
    this.local = local;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  static HostLock acquire(Path hostDir) throws IOException {
    if (!Files.isDirectory(hostDir)) { // createDirectories throws (and catches) when it exists
      Files.createDirectories(hostDir);
    }
    Path lockFile = hostDir.resolve("lock").toAbsolutePath().normalize();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
    local.lock();
    if (local.getHoldCount() > 1) {
      return new HostLock(local, null, null);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new HostLock(local, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      local.unlock();
      throw e;
    }
  }

  /**
   * Only this JVM's lock: enough to read the state, as every writer replaces the file by a rename (a
   * reader sees the old file or the new one, whole), not to write it.
   */
  static HostLock inProcess(Path hostDir) {
    ReentrantLock local = IN_PROCESS.computeIfAbsent(hostDir.resolve("lock").toAbsolutePath().normalize(),
        p -> new ReentrantLock());
    local.lock();
    return new HostLock(local, null, null);
  }

  @Override
  public void close() throws IOException {
    try {
      if (fileLock != null) {
        fileLock.release();
        channel.close();
      }
    } finally {
      local.unlock();
    }
  }
}
