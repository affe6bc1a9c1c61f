package io.trustchain.run;

import io.trustchain.plan.Change;
import io.trustchain.transport.Command;
import io.trustchain.transport.Guard;
import io.trustchain.transport.ScriptBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A host's changes cut into the execs that run them. Each change runs behind its guards, checked on
 * the Mac right before its first command; the commands stop at the first non-zero exit. A capture
 * command ({@link Command#isCapture()}) ends its exec, because its output (a secret) must reach the
 * escrow store before the commands after it run; so does the last change's last command when there is
 * no capture, so that verify and the lock's release always have an exec after the changes. An escrow step
 * ({@link Command#isEscrowStep()}: the controller writes a secret to escrow, or promotes one) ends its exec the
 * same way and sends nothing to the Mac: the controller does it once the exec's Mac commands have run.
 *
 * <p>Section keys: {@code g:I:J} guard J of change I, {@code x:I} the guards of change I that failed,
 * {@code c:I:K} command K of change I. {@code tc_stop} becomes 1 at the first failure; what follows
 * is skipped (the verify sections, added after, still run).
 */
final class ChangeScript {

  /** Commands {@code from} (inclusive) to {@code to} of change {@code change}, guarded when {@code from} is 0. */
  record Piece(int change, int from, int to) {}

  private final List<Change> changes;
  private final List<List<Piece>> segments;

  private ChangeScript(List<Change> changes, List<List<Piece>> segments) {
    this.changes = changes;
    this.segments = segments;
  }

  /** {@code changes}, in order: only changes with commands (create, update, delete). */
  static ChangeScript of(List<Change> changes) {
    List<List<Piece>> segments = new ArrayList<>();
    List<Piece> current = new ArrayList<>();
    segments.add(current);
    for (int i = 0; i < changes.size(); i++) {
      List<Command> commands = changes.get(i).commands();
      int start = 0;
      for (int k = 0; k < commands.size(); k++) {
        if (commands.get(k).endsExec()) {
          current.add(new Piece(i, start, k + 1));
          current = new ArrayList<>();
          segments.add(current);
          start = k + 1;
        }
      }
      if (start < commands.size() || commands.isEmpty()) {
        current.add(new Piece(i, start, commands.size()));
      }
    }
    if (segments.size() == 1) {
      segments.add(new ArrayList<>());
    }
    return new ChangeScript(List.copyOf(changes), segments.stream().map(List::copyOf).toList());
  }

  List<Change> changes() {
    return changes;
  }

  /** How many execs run the changes; the last one also verifies and releases the lock. */
  int execs() {
    return segments.size();
  }

  List<Piece> segment(int index) {
    return segments.get(index);
  }

  /** The indexes of the changes exec {@code index} runs (some, or all, of their commands), in order. */
  List<Integer> changesIn(int index) {
    return segments.get(index).stream().map(Piece::change).distinct().toList();
  }

  /** The capture or escrow step that ends exec {@code index}, when one does. */
  Command captureEnding(int index) {
    List<Piece> pieces = segments.get(index);
    if (pieces.isEmpty()) {
      return null;
    }
    Piece last = pieces.get(pieces.size() - 1);
    Command c = last.to() == 0 ? null : changes.get(last.change()).commands().get(last.to() - 1);
    return c != null && c.endsExec() ? c : null;
  }

  /**
   * Adds exec {@code index}'s guards and commands to {@code b}, which has set {@code tc_stop} (0 to run
   * them); with {@code skip}, none of them runs.
   */
  /** Password guards already written: each password is tried once (an authentication attempt each time). */
  private final java.util.Set<Guard> triedPasswords = new java.util.HashSet<>();

  void write(int index, ScriptBuilder b, boolean skip) {
    if (skip) {
      b.raw("tc_stop=1");
    }
    for (Piece p : segments.get(index)) {
      Change change = changes.get(p.change());
      if (p.from() == 0 && !change.guards().isEmpty()) {
        StringBuilder g = new StringBuilder("if [ \"$tc_stop\" = 0 ]; then\ntc_bad=''\n");
        for (int j = 0; j < change.guards().size(); j++) {
          Guard guard = change.guards().get(j);
          if (guard.checksPassword() && !triedPasswords.add(guard)) {
            continue; // a password is tried once per apply, at the first change that needs it
          }
          g.append(b.guardText(guardKey(p.change(), j), guard)).append('\n');
        }
        g.append("if [ -n \"$tc_bad\" ]; then\n")
            .append(b.sectionText(abortKey(p.change()), "printf '%s\\n' \"$tc_bad\"")).append('\n')
            .append("tc_stop=1\nfi\nfi");
        b.raw(g.toString());
      }
      for (int k = p.from(); k < p.to(); k++) {
        if (change.commands().get(k).isEscrowStep()) {
          continue; // the controller's work, after this exec (Applying)
        }
        b.raw("if [ \"$tc_stop\" = 0 ]; then\n" + b.stepText(commandKey(p.change(), k), change.commands().get(k))
            + "\n[ \"$tc_rc\" -eq 0 ] || tc_stop=1\nfi");
      }
    }
  }

  static String guardKey(int change, int guard) {
    return "g:" + change + ":" + guard;
  }

  static String abortKey(int change) {
    return "x:" + change;
  }

  static String commandKey(int change, int command) {
    return "c:" + change + ":" + command;
  }
}
