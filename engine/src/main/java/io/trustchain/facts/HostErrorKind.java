package io.trustchain.facts;

import com.fasterxml.jackson.annotation.JsonValue;
import io.trustchain.transport.TransportException;
import java.util.Locale;

/**
 * Why a host has no facts (or no plan), for machines: the {@code error_kind} of the facts JSON and
 * of the plan JSON, next to the human {@code error}. Written in snake_case.
 */
public enum HostErrorKind {
  /** No TCP connection, or DNS failed. */
  UNREACHABLE,
  /** SSH refused the key or the user. */
  AUTH,
  /** The host offers another key than the one known_hosts records for it. */
  HOST_KEY_CHANGED,
  /** The host's key is not in known_hosts (and new keys are not accepted), or it was refused. */
  HOST_KEY_UNKNOWN,
  /** SSH worked, but the host has no {@code sw_vers} that says macOS. */
  NOT_A_MAC,
  /** sudo did not accept the become password (or needs one and none is configured). */
  SUDO_REFUSED,
  /** The remote command did not finish in time. */
  TIMEOUT,
  /** The connection dropped during the exec. */
  DROPPED,
  /** A secret the host needs could not be resolved on the controller. */
  SECRET_UNAVAILABLE,
  /** Another SSH protocol failure. */
  SSH_ERROR,
  /** The facts script did not run (no section came back). */
  FACTS_SCRIPT_FAILED;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of a transport failure. */
  public static HostErrorKind of(TransportException e) {
    return switch (e.kind()) {
      case UNREACHABLE -> UNREACHABLE;
      case AUTH -> AUTH;
      case HOST_KEY_CHANGED -> HOST_KEY_CHANGED;
      case HOST_KEY -> HOST_KEY_UNKNOWN;
      case TIMEOUT -> TIMEOUT;
      case DROPPED -> DROPPED;
      case SECRET -> SECRET_UNAVAILABLE;
      case PROTOCOL -> SSH_ERROR;
      case SUDO_REFUSED -> SUDO_REFUSED;
    };
  }

  /** The kind named {@code json} in a saved plan, or null. */
  public static HostErrorKind parse(String json) {
    for (HostErrorKind k : values()) {
      if (k.json().equals(json)) {
        return k;
      }
    }
    return null;
  }
}
