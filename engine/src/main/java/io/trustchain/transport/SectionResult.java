package io.trustchain.transport;

/** One framed section of an exec: its key, exit status and own streams. */
public record SectionResult(String key, int exitCode, String stdout, String stderr) {

  /** Both streams, for messages quoting the device's words. */
  public String output() {
    if (stdout.isBlank()) {
      return stderr.strip();
    }
    if (stderr.isBlank()) {
      return stdout.strip();
    }
    return (stdout.strip() + "\n" + stderr.strip());
  }
}
