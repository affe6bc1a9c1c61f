package io.trustchain.transport.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** A command running on one channel: its three streams, its end, and its exit status. */
interface RemoteProcess {

  OutputStream stdin();

  InputStream stdout();

  InputStream stderr();

  /** Waits up to {@code timeout} for the channel to close; false when it is still open. */
  boolean awaitClosed(Duration timeout);

  /** The exit status the remote side reported, or null when it sent none. */
  Integer exitStatus();

  /** Why there is no exit status, when the remote side said (e.g. {@code signal KILL}); else null. */
  String exitSignal();

  /** Closes the channel without waiting for the remote side to confirm. */
  void abort();
}
