package io.trustchain.facts;

import java.util.List;
import java.util.Objects;

/**
 * Part of a tool's output in the facts that no parser understood, kept in the device's own words:
 * the command, the stream, its exit status and the lines (redacted: no recovery key, no password).
 *
 * @param section the facts section it belongs to: {@code os}, {@code users}, {@code filevault},
 *     {@code bootstrap_token}, {@code mdm}, {@code mobile_accounts} or {@code escrow}
 * @param facts the facts it leaves unknown or ambiguous, as fact paths ({@code filevault.status},
 *     {@code users[alice].secure_token}, {@code users[*].admin}, {@code users[alice]} for a whole
 *     record, {@code users} for which accounts exist); empty when it touches none (an extra line
 *     after everything the parser was sure of)
 * @param command the command as shown to people (secrets masked)
 * @param stream {@code stdout} or {@code stderr}; null when the command printed nothing
 * @param lines the lines not understood (for an unexpected exit status: everything it printed on
 *     that stream)
 * @param problem what was wrong, e.g. {@code unknown line}, {@code unexpected exit status 127}
 */
public record NotUnderstood(String section, List<String> facts, String command, int exit, String stream,
    List<String> lines, String problem) {

  public NotUnderstood {
    Objects.requireNonNull(section, "section == null");
    Objects.requireNonNull(command, "command == null");
    Objects.requireNonNull(problem, "problem == null");
    facts = List.copyOf(facts);
    lines = List.copyOf(lines);
  }

  /** Whether this leaves {@code path} unknown: one of its facts is {@code path} or contains it. */
  public boolean touches(String path) {
    return facts.stream().anyMatch(f -> FactPaths.covers(f, path));
  }

  /** Whether any decision could rest on it (it leaves at least one fact unknown). */
  public boolean touchesAny() {
    return !facts.isEmpty();
  }

  /**
   * The device's words in one line, for plans and messages: {@code fdesetup status (exit 0) printed
   * "FileVault is paused." on stdout: unknown line}.
   */
  public String words() {
    StringBuilder b = new StringBuilder(command).append(" (exit ").append(exit).append(')');
    if (stream == null || lines.isEmpty()) {
      b.append(" printed nothing");
    } else {
      b.append(" printed ");
      for (int i = 0; i < lines.size(); i++) {
        b.append(i == 0 ? "" : " ").append('"').append(lines.get(i)).append('"');
      }
      b.append(" on ").append(stream);
    }
    return b.append(": ").append(problem).toString();
  }

  @Override
  public String toString() {
    return section + ": " + words();
  }
}
