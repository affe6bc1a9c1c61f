package io.trustchain.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for test servers. Not {@code new ServerSocket(0)}: that hands out a port from the
 * kernel's ephemeral range, which the tests' own outgoing connections (SSH clients) also draw their
 * local ports from, so the port can be taken between "free" and the server's bind. These come from
 * below the ephemeral range, are checked bindable, and are never handed out twice in one JVM.
 */
public final class Ports {

  private static final Set<Integer> GIVEN = new HashSet<>();

  private Ports() {}

  public static synchronized int free() throws IOException {
    int low = 20000;
    int high = Math.max(low + 1000, ephemeralLow() - 1);
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(low, high);
      if (GIVEN.contains(port)) {
        continue;
      }
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        GIVEN.add(port);
        return port;
      } catch (IOException busy) {
        // taken: try another
      }
    }
    throw new IOException("no free loopback port between " + low + " and " + high);
  }

  private static int ephemeralLow() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip();
      return Integer.parseInt(range.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32768;
    }
  }
}
