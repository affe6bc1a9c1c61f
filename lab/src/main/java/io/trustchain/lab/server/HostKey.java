package io.trustchain.lab.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.locks.ReentrantLock;

/** A lab host's key pair, read from its file at the host's first login (a fleet starts without reading them all). */
final class HostKey {

  private final Path file;
  private final ReentrantLock reading = new ReentrantLock();
  private volatile KeyPair pair;

  HostKey(Path file) {
    this.file = file;
  }

  KeyPair pair() {
    KeyPair p = pair;
    if (p == null) {
      reading.lock();
      try {
        if (pair == null) {
          pair = OpenSshKeys.load(file);
        }
        p = pair;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the lab host key " + file + ": " + e.getMessage(), e);
      } finally {
        reading.unlock();
      }
    }
    return p;
  }

  @Override
  public String toString() {
    return "host key " + file;
  }
}
