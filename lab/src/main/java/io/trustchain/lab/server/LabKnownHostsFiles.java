package io.trustchain.lab.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The known_hosts files outside its state directory that the lab created, listed one absolute path
 * a line in {@code stateDir/known_hosts.created}: the only ones besides its own it ever edits.
 */
final class LabKnownHostsFiles {

  private static final java.util.concurrent.locks.ReentrantLock FILE_LOCK =
      new java.util.concurrent.locks.ReentrantLock();

  private LabKnownHostsFiles() {}

  /**
   * Whether the lab may write {@code file}: it created it before, or the file does not exist and is
   * not under the user's {@code ~/.ssh} (then it is recorded as created by the lab, here).
   */
  @SuppressWarnings("try") // the lock is held for the block
  static boolean mayEdit(Path stateDir, Path file) throws IOException {
    Path record = stateDir.resolve(LabKeys.CREATED_KNOWN_HOSTS);
    Files.createDirectories(stateDir);
    String line = file.toAbsolutePath().normalize() + "\n";
    FILE_LOCK.lock(); // a ReentrantLock: it waits on a file lock another process may hold (JDK 21 pinning)
    try {
      try (FileChannel ch = FileChannel.open(record, StandardOpenOption.CREATE, StandardOpenOption.READ,
              StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
          // read all
        }
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        if (("\n" + text).contains("\n" + line)) {
          return true;
        }
        if (Files.exists(file) || underUserSsh(file)) {
          return false;
        }
        ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), ch.size());
        return true;
      }
    } finally {
      FILE_LOCK.unlock();
    }
  }

  private static boolean underUserSsh(Path file) {
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh").toAbsolutePath().normalize();
    return file.toAbsolutePath().normalize().startsWith(ssh);
  }
}
