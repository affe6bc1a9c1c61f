package io.trustchain.lab.exec;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The process a program runs in.
 *
 * @param user the effective user ({@code root} under sudo)
 * @param env the exported variables
 */
public record ProgramContext(InputStream stdin, PrintStream stdout, PrintStream stderr, String user,
    Map<String, String> env) {

  public boolean isRoot() {
    return "root".equals(user);
  }
}
