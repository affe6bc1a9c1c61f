package io.trustchain.lab.shell;

import java.util.List;

/**
 * Watches the simulated programs a script runs (not the builtins). The lab's SSH server uses it to
 * play network faults; an observer may stop the script by throwing an unchecked exception, which
 * the interpreter lets through untouched.
 */
public interface ProgramObserver {

  /** Observes nothing. */
  ProgramObserver NONE = new ProgramObserver() {};

  /** Before {@code commandLine} (the program as named, then its arguments) runs. */
  default void beforeProgram(List<String> commandLine) {}

  /** After {@code commandLine} returned {@code status}; its output has been flushed. */
  default void afterProgram(List<String> commandLine, int status) {}
}
