package io.trustchain.lab.server;

import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.nio.file.Path;

/** Lab hosts for tests, all under one state directory. */
public final class Lab {

  private Lab() {}

  public static LabHost host(Path dir, String name, int port) {
    return new LabHost(name, "127.0.0.1", port, dir.resolve("scenarios/" + name + ".yml"), dir.resolve("state"),
        dir.resolve("known_hosts"), dir.resolve("keys/id_lab"), "admin");
  }

  /** A port nothing listens on right now. */
  public static int freePort() throws IOException {
    return io.trustchain.testing.Ports.free();
  }
}
