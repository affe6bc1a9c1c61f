package io.trustchain.run;

import io.trustchain.escrow.EscrowStore;
import io.trustchain.plan.Change;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.SectionResult;
import io.trustchain.transport.Sections;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs one change's commands: consecutive ordinary commands in one exec that stops at the first
 * non-zero exit, and each capture command ({@link Command#isCapture()}) in an exec of its own through
 * {@link CaptureStep}, so that a connection dropped between a tool that made a secret (fdesetup) and
 * the escrow write loses nothing, and the commands after a capture (removing the Mac's copy) run
 * only once the secret is escrowed and read back.
 */
final class ChangeRun {

  private final Transport transport;
  private final Duration timeout;
  private final String host;
  private final EscrowStore escrow;

  ChangeRun(Transport transport, Duration timeout, String host, EscrowStore escrow) {
    this.transport = transport;
    this.timeout = timeout;
    this.host = host;
    this.escrow = escrow;
  }

  ChangeOutcome run(Change planned) throws TransportException {
    List<Command> commands = planned.commands();
    StringBuilder said = new StringBuilder();
    int i = 0;
    while (i < commands.size()) {
      if (commands.get(i).isCapture()) {
        CaptureStep.Result r = new CaptureStep(transport, timeout, host, escrow).run(commands.get(i));
        if (!r.ok()) {
          return new ChangeOutcome(planned, ChangeOutcome.Status.FAILED, r.words(), said.toString().strip());
        }
        said.append(r.words()).append('\n');
        i++;
        continue;
      }
      int end = i;
      while (end < commands.size() && !commands.get(end).isCapture()) {
        end++;
      }
      String failure = batch(commands, i, end, said);
      if (failure != null) {
        return new ChangeOutcome(planned, ChangeOutcome.Status.FAILED, failure, said.toString().strip());
      }
      i = end;
    }
    return new ChangeOutcome(planned, ChangeOutcome.Status.APPLIED, "applied", said.toString().strip());
  }

  /** Commands {@code from} (inclusive) to {@code to} in one exec; null when all exited 0, else why not. */
  private String batch(List<Command> commands, int from, int to, StringBuilder said) throws TransportException {
    ScriptBuilder script = new ScriptBuilder().stopOnFailure(true);
    for (int i = from; i < to; i++) {
      script.step(Integer.toString(i), commands.get(i));
    }
    RemoteScript remote = script.build(timeout);
    ExecResult result = transport.exec(remote);
    Map<String, SectionResult> sections = Sections.parse(result, remote.nonce());
    for (int i = from; i < to; i++) {
      SectionResult s = sections.get(Integer.toString(i));
      if (s == null) {
        return "`" + commands.get(i).display() + "` did not complete (exec exit status " + result.exitStatus() + ")";
      }
      if (!s.output().isEmpty()) {
        said.append(s.output()).append('\n');
      }
      if (s.exitCode() != 0) {
        return "`" + commands.get(i).display() + "` exited " + s.exitCode();
      }
    }
    return null;
  }
}
