package io.trustchain.macos.passwords;

import io.trustchain.spi.Credential;
import io.trustchain.transport.Arg;
import io.trustchain.transport.Command;
import java.util.List;

/**
 * {@code profiles install -type bootstraptoken} without the credential on its command line: run without
 * {@code -user}/{@code -password} it prompts for both (S51, S88), and {@code expect} answers each prompt with the
 * next line of its own stdin. freegeek-pdx/mkuser (mkuser.sh) escrows the Bootstrap Token exactly so, "so that
 * the password is never visible in the process list", and notes the limits this way has: the interactive prompt
 * refuses passwords over 128 bytes, and expect mangles emoji.
 */
public final class BootstrapTokenPrompt {

  /** Marks the script; the lab's expect runs this script and nothing else. */
  public static final String MARKER = "trustchain-prompts v1";

  /** trustchain's own expect script: every prompt (a line ending in ':') gets the next stdin line. */
  public static final String SCRIPT = String.join("\n",
      "# " + MARKER + ": answers each prompt of the spawned command with the next line of stdin",
      "set timeout 120",
      "spawn profiles install -type bootstraptoken",
      "expect {",
      "  -re {:\\s*$} { send -- \"[gets stdin]\\r\"; exp_continue }",
      "  eof",
      "  timeout { exit 124 }",
      "}",
      "catch wait result",
      "exit [lindex $result 3]");

  private BootstrapTokenPrompt() {}

  /** Escrows the Bootstrap Token with {@code credential}: its user name, then its password, on stdin. */
  public static Command install(Credential credential) {
    return Command.of("expect", "-c", SCRIPT).withStdin(List.of(Arg.literal(credential.user() + "\n"),
        Arg.secret(credential.password()), Arg.literal("\n")));
  }
}
