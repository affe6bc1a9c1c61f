package io.trustchain.lab.server;

import io.trustchain.spi.LabHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The lab accepts password logins and runs whatever it is sent: it listens on loopback only. Any
 * other bind address (a LAN address, {@code 0.0.0.0}, a name that resolves elsewhere) is refused
 * before anything listens.
 */
final class Loopback {

  private Loopback() {}

  static void require(LabHost host) throws IOException {
    String address = host.bindAddress();
    InetAddress[] resolved;
    try {
      resolved = InetAddress.getAllByName(address);
    } catch (UnknownHostException e) {
      throw new IOException(refusal(host, "cannot be resolved"));
    }
    for (InetAddress a : resolved) {
      if (!a.isLoopbackAddress()) {
        throw new IOException(refusal(host, a.isAnyLocalAddress() ? "means every interface"
            : "is not a loopback address"));
      }
    }
  }

  private static String refusal(LabHost host, String why) {
    return "lab host " + host.name() + ": address \"" + host.bindAddress() + "\" " + why
        + "; the lab listens on loopback only (set ansible_host to 127.0.0.1, ::1 or localhost)";
  }
}
