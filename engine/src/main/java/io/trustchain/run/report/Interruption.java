package io.trustchain.run.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change a killed run announced in the audit log (its intent) and never reported verified: the next
 * run finds it and says what the Mac shows by then.
 *
 * @param runId the killed run
 * @param who who ran it
 * @param host the host it was sent to
 * @param change the resource address ({@code user[alice]})
 * @param action {@code create}, {@code update} or {@code delete}
 * @param commands its commands as the intent recorded them (secrets masked)
 * @param at when the intent was written
 * @param result what its exec said, when it answered before the run died ({@code applied}, {@code failed}, …)
 */
public record Interruption(String runId, String who, String host, String change, String action,
    List<String> commands, String at, Optional<String> result) {

  public Interruption {
    Objects.requireNonNull(runId, "runId == null");
    commands = List.copyOf(commands);
    Objects.requireNonNull(result, "result == null");
  }

  /** {@code ~ user[alice] (update)}. */
  public String describeChange() {
    String symbol = switch (action) {
      case "create" -> "+";
      case "delete" -> "-";
      default -> "~";
    };
    return symbol + " " + change + " (" + action + ")";
  }
}
