package io.trustchain.transport.ssh;

import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ShellQuote;
import java.time.Duration;

/**
 * The exec command string of a script. It holds the script text (which holds no secret value) under
 * trustchain's {@link Watchdog}, and nothing else: {@code perl -e WATCHDOG NONCE SECONDS sh -c '<text>'};
 * with become and a password {@code sudo -S -p '' perl …} (the password is the first stdin line); with become
 * and no password {@code sudo -n perl …}, so that a sudo that unexpectedly wants a password fails at once
 * instead of reading the stdin lines meant for the script.
 */
final class RemoteCommandLine {

  private RemoteCommandLine() {}

  static String of(RemoteScript script, Duration timeout, boolean become, boolean becomeWithPassword) {
    String sh = Watchdog.wrap(script.nonce(), timeout, "sh -c " + ShellQuote.quote(script.text()));
    if (!become) {
      return sh;
    }
    return becomeWithPassword ? "sudo -S -p '' " + sh : "sudo -n " + sh;
  }
}
