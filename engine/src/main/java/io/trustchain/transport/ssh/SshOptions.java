package io.trustchain.transport.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SshConnector} connects: whether host keys of hosts seen for the first time are
 * trusted and appended to known_hosts (OpenSSH's {@code StrictHostKeyChecking=accept-new}; off by
 * default), the command timeout used when a script carries none, and the keepalive interval.
 *
 * @param acceptNewHostKeys append unknown host keys instead of refusing them (a changed key is
 *     always refused)
 * @param commandTimeout used for a {@link io.trustchain.transport.RemoteScript} whose timeout is
 *     zero or negative
 * @param keepAliveInterval how often an idle connection sends {@code keepalive@openssh.com}; a
 *     connection that misses five answers is dropped (and reopened at the next exec)
 */
public record SshOptions(boolean acceptNewHostKeys, Duration commandTimeout, Duration keepAliveInterval) {

  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(15);

  public SshOptions {
    Objects.requireNonNull(commandTimeout, "commandTimeout == null");
    Objects.requireNonNull(keepAliveInterval, "keepAliveInterval == null");
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("commandTimeout must be positive: " + commandTimeout);
    }
    if (keepAliveInterval.isNegative()) {
      throw new IllegalArgumentException("keepAliveInterval is negative: " + keepAliveInterval);
    }
  }

  /** Strict host key checking, a 5 minute command timeout, a keepalive every 15 seconds. */
  public static SshOptions defaults() {
    return new SshOptions(false, DEFAULT_COMMAND_TIMEOUT, DEFAULT_KEEPALIVE);
  }

  public SshOptions withAcceptNewHostKeys(boolean accept) {
    return new SshOptions(accept, commandTimeout, keepAliveInterval);
  }

  public SshOptions withCommandTimeout(Duration timeout) {
    return new SshOptions(acceptNewHostKeys, timeout, keepAliveInterval);
  }

  public SshOptions withKeepAliveInterval(Duration interval) {
    return new SshOptions(acceptNewHostKeys, commandTimeout, interval);
  }
}
