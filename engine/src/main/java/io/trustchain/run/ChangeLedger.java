package io.trustchain.run;

import io.trustchain.plan.Change;
import io.trustchain.run.ChangeScript.Piece;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.Guard;
import io.trustchain.transport.SectionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What happened to each change of a host, exec by exec: read from the framed sections of the execs
 * {@link ChangeScript} wrote. A change whose exec never answered (the connection dropped) is unknown
 * until verify tells whether it took effect.
 */
final class ChangeLedger {

  enum State {
    WAITING, APPLIED, FAILED, NOT_RUN, UNKNOWN
  }

  private final ChangeScript script;
  private final State[] state;
  private final String[] message;
  private final StringBuilder[] words;
  private final boolean[] aborted;
  private boolean stopped;

  ChangeLedger(ChangeScript script) {
    this.script = script;
    int n = script.changes().size();
    this.state = new State[n];
    this.message = new String[n];
    this.words = new StringBuilder[n];
    this.aborted = new boolean[n];
    for (int i = 0; i < n; i++) {
      state[i] = State.WAITING;
      words[i] = new StringBuilder();
    }
  }

  /** Whether a change failed, or its guards did not hold, so nothing more runs. */
  boolean stopped() {
    return stopped;
  }

  /** Reads exec {@code index}; a capture section is left to the caller ({@link #captured}). */
  void read(int index, ExecResult result, Map<String, SectionResult> sections) {
    for (Piece p : script.segment(index)) {
      int i = p.change();
      Change change = script.changes().get(i);
      if (stopped) {
        notRun(i, "not run: the host stopped earlier");
        continue;
      }
      if (p.from() == 0 && !change.guards().isEmpty() && guardsFailed(i, change, sections)) {
        continue;
      }
      for (int k = p.from(); k < p.to() && !stopped; k++) {
        Command command = change.commands().get(k);
        if (command.isEscrowStep()) {
          continue; // done by the controller after this exec: reported through captured()
        }
        SectionResult s = sections.get(ChangeScript.commandKey(i, k));
        if (s == null) {
          fail(i, "`" + command.display() + "` did not complete (exec exit status " + result.exitStatus() + ")");
        } else {
          String said = command.isCapture() ? s.stderr().strip() : s.output();
          if (!said.isEmpty()) {
            words[i].append(said).append('\n');
          }
          if (s.exitCode() != 0) {
            fail(i, "`" + command.display() + "` exited " + s.exitCode()
                + (command.isCapture() ? "; the Mac's copy is kept" : ""));
          }
        }
      }
      if (!stopped && p.to() == change.commands().size()) {
        state[i] = State.APPLIED;
        message[i] = "applied";
      }
    }
  }

  /**
   * The capture or escrow step ending exec {@code index} went to escrow ({@code ok}), or not; {@code said} what
   * happened.
   */
  void captured(int index, boolean ok, String said) {
    List<Piece> pieces = script.segment(index);
    int i = pieces.get(pieces.size() - 1).change();
    if (ok) {
      words[i].append(said).append('\n');
    } else {
      fail(i, said);
    }
  }

  /** Exec {@code index} never answered: its changes may or may not have run. */
  void lost(int index, String why) {
    for (Piece p : script.segment(index)) {
      int i = p.change();
      if (state[i] == State.WAITING) {
        state[i] = State.UNKNOWN;
        message[i] = why;
      }
    }
    stopped = true;
  }

  /** Whatever has not run by now does not run. */
  void skipRest(String why) {
    for (int i = 0; i < state.length; i++) {
      if (state[i] == State.WAITING) {
        notRun(i, why);
      }
    }
    stopped = true;
  }

  State state(int i) {
    return state[i];
  }

  String message(int i) {
    return message[i];
  }

  String words(int i) {
    return words[i].toString().strip();
  }

  /** Whether change {@code i} was stopped by its guards (nothing of it ran). */
  boolean aborted(int i) {
    return aborted[i];
  }

  private boolean guardsFailed(int i, Change change, Map<String, SectionResult> sections) {
    SectionResult abort = sections.get(ChangeScript.abortKey(i));
    if (abort == null) {
      return false;
    }
    List<String> failed = new ArrayList<>();
    List<String> passwords = new ArrayList<>();
    List<String> keys = List.of(abort.stdout().strip().split("\\s+"));
    for (int j = 0; j < change.guards().size(); j++) {
      String key = ChangeScript.guardKey(i, j);
      if (!keys.contains(key)) {
        continue;
      }
      Guard guard = change.guards().get(j);
      SectionResult probe = sections.get(key);
      String now = probe == null ? "" : probe.stdout().strip();
      if (guard.checksPassword()) {
        passwords.add(guard.fact().replace(" authenticates", " does not authenticate")
            + (now.isEmpty() ? "" : " (" + oneLine(now) + ")"));
        continue;
      }
      failed.add(guard.fact() + " no longer holds (`" + guard.probe().display() + "`"
          + (now.isEmpty() ? " exited " + (probe == null ? "?" : probe.exitCode()) : " says: " + oneLine(now)) + ")");
    }
    aborted[i] = true;
    if (!passwords.isEmpty() && failed.isEmpty()) {
      fail(i, "not applied, nothing of it ran: " + String.join("; ", passwords));
      return true;
    }
    failed.addAll(passwords);
    fail(i, "not applied: the Mac changed since the plan was made: " + (failed.isEmpty()
        ? "a guard did not hold" : String.join("; ", failed)));
    return true;
  }

  private void fail(int i, String why) {
    state[i] = State.FAILED;
    message[i] = why;
    stopped = true;
  }

  private void notRun(int i, String why) {
    if (state[i] == State.WAITING) {
      state[i] = State.NOT_RUN;
      message[i] = why;
    }
  }

  private static String oneLine(String text) {
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return String.join(" / ", lines.subList(0, Math.min(3, lines.size())));
  }
}
