package io.trustchain.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the CLI may know of the world it runs in, passed in explicitly so tests can fake it.
 *
 * @param terminal whether a person is at the keyboard (stdin and stdout are a TTY)
 */
public record CliEnvironment(Map<String, String> env, Path cwd, InputStream stdin, boolean terminal) {

  public static CliEnvironment system() {
    return new CliEnvironment(System.getenv(), Path.of("").toAbsolutePath(), System.in, System.console() != null);
  }

  public boolean colorAllowed() {
    return terminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }
}
