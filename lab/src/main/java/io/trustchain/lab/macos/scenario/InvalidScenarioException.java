package io.trustchain.lab.macos.scenario;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import java.io.IOException;
import java.util.stream.Collectors;

/** A scenario file has errors; the message lists them all as {@code file:line:col: error: …}. */
public final class InvalidScenarioException extends IOException {

  private final transient Diagnostics diagnostics;

  public InvalidScenarioException(Diagnostics diagnostics) {
    super(diagnostics.all().stream().filter(Diagnostic::isError)
        .map(d -> d + d.hint().map(h -> " (" + h + ")").orElse(""))
        .collect(Collectors.joining("\n")));
    this.diagnostics = diagnostics;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }
}
