package io.trustchain.transport.ssh;

import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ShellQuote;

/**
 * The exec command string of a script. It holds the script text (which holds no secret value) and
 * nothing else: {@code sh -c '<text>'}; with become and a password {@code sudo -S -p '' sh -c
 * '<text>'} (the password is the first stdin line); with become and no password {@code sudo -n sh
 * -c '<text>'}, so that a sudo that unexpectedly wants a password fails at once instead of reading
 * the stdin lines meant for the script.
 */
final class RemoteCommandLine {

  private RemoteCommandLine() {}

  static String of(RemoteScript script, boolean become, boolean becomeWithPassword) {
    String sh = "sh -c " + ShellQuote.quote(script.text());
    if (!become) {
      return sh;
    }
    return becomeWithPassword ? "sudo -S -p '' " + sh : "sudo -n " + sh;
  }
}
