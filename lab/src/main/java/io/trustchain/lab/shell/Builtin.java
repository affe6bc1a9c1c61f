package io.trustchain.lab.shell;

import java.io.IOException;
import java.util.List;

/** A command the shell runs itself; {@code argv} starts with the name it was called by. */
@FunctionalInterface
interface Builtin {

  int run(Shell sh, List<String> argv, Io io) throws IOException;
}
