package io.trustchain.lab.macos;

import java.nio.file.Path;

/** Run in a child JVM by {@link StateStoreTest}: holds a host's lock until its stdin closes. */
public final class LockHolderMain {

  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    try (HostLock held = HostLock.acquire(Path.of(args[0]))) {
      assert held != null;
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
  }
}
