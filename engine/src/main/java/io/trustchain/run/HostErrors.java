package io.trustchain.run;

import io.trustchain.transport.TransportException;

/** How host-level failures are worded for people. */
final class HostErrors {

  private HostErrors() {}

  static String describe(TransportException e) {
    return switch (e.kind()) {
      case UNREACHABLE -> "unreachable: " + e.getMessage();
      case HOST_KEY -> "host key not trusted: " + e.getMessage();
      case HOST_KEY_CHANGED -> "host key changed: " + e.getMessage();
      case AUTH -> "authentication failed: " + e.getMessage();
      case TIMEOUT -> "timed out: " + e.getMessage();
      case DROPPED -> "connection dropped: " + e.getMessage();
      case SECRET -> "secret unavailable: " + e.getMessage();
      case PROTOCOL -> "SSH error: " + e.getMessage();
      case SUDO_REFUSED -> e.getMessage();
    };
  }
}
