package io.trustchain.lab.macos.tools;

import io.trustchain.lab.macos.state.MacState;
import java.io.PrintStream;

/**
 * NSLog as Apple's admin tools use it: every line on stderr, prefixed
 * {@code YYYY-MM-DD HH:MM:SS.mmm tool[PID:TID] } (§0.1). One instance is one process: a pid and a
 * thread id for all its lines; the simulated clock advances a little per line.
 */
final class NsLog {

  private final MacState state;
  private final PrintStream err;
  private final String tool;
  private final int pid;
  private final int tid;
  private int lines;

  private NsLog(MacState state, PrintStream err, String tool) {
    this.state = state;
    this.err = err;
    this.tool = tool;
    this.pid = state.allocatePid();
    this.tid = pid * 11 + 3_371;
  }

  static NsLog open(MacState state, PrintStream err, String tool) {
    state.clock().advanceMillis(180);
    return new NsLog(state, err, tool);
  }

  /** One prefixed line. */
  void line(String message) {
    lines++;
    state.clock().advanceMillis((pid + lines * 131L) % 97);
    err.print(prefix() + message + "\n");
    err.flush();
  }

  /** Text without the prefix (a prompt to the terminal, continuation lines of a multi-line message). */
  void raw(String text) {
    err.print(text);
    err.flush();
  }

  String prefix() {
    return state.clock().nslogTimestamp() + " " + tool + "[" + pid + ":" + tid + "] ";
  }

  int pid() {
    return pid;
  }
}
