package io.trustchain.transport.ssh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A {@link Link} whose one process behaves as scripted: normal, without exit status, or dropping. */
final class ScriptedLink implements Link {

  enum Behaviour {
    OK, NO_EXIT_STATUS, SIGNAL, DROP
  }

  /** The stdin of the last exec; {@link #stdins} has every exec's, {@link #commandLines} every command line. */
  ByteArrayOutputStream stdin = new ByteArrayOutputStream();
  final java.util.List<ByteArrayOutputStream> stdins = new java.util.ArrayList<>();
  final java.util.List<String> commandLines = new java.util.ArrayList<>();
  /** What sudo says to {@link BecomeCheck#COMMAND}: null accepts the password (exit 0). */
  String sudoRefusal;
  private final Behaviour behaviour;
  private boolean open = true;
  int starts;

  ScriptedLink(Behaviour behaviour) {
    this.behaviour = behaviour;
  }

  /** sudo validating the become password: exit 0, or 1 with {@link #sudoRefusal} on stderr. */
  private RemoteProcess becomeCheck(ByteArrayOutputStream in) {
    return new RemoteProcess() {
      @Override
      public OutputStream stdin() {
        return in;
      }

      @Override
      public InputStream stdout() {
        return new ByteArrayInputStream(new byte[0]);
      }

      @Override
      public InputStream stderr() {
        return new ByteArrayInputStream(sudoRefusal == null ? new byte[0] : sudoRefusal.getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public boolean awaitClosed(Duration timeout) {
        return true;
      }

      @Override
      public Integer exitStatus() {
        return sudoRefusal == null ? 0 : 1;
      }

      @Override
      public String exitSignal() {
        return null;
      }

      @Override
      public void abort() {}
    };
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public RemoteProcess start(String commandLine) {
    starts++;
    commandLines.add(commandLine);
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    stdin = in;
    stdins.add(in);
    if (commandLine.equals(BecomeCheck.COMMAND)) {
      return becomeCheck(in);
    }
    return new RemoteProcess() {
      @Override
      public OutputStream stdin() {
        return in;
      }

      @Override
      public InputStream stdout() {
        if (behaviour == Behaviour.DROP) {
          return new InputStream() {
            @Override
            public int read() throws IOException {
              open = false;
              throw new IOException("Broken transport; encountered EOF");
            }
          };
        }
        return new ByteArrayInputStream("out\n".getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public InputStream stderr() {
        return new ByteArrayInputStream(new byte[0]);
      }

      @Override
      public boolean awaitClosed(Duration timeout) {
        return true;
      }

      @Override
      public Integer exitStatus() {
        return behaviour == Behaviour.OK ? 3 : null;
      }

      @Override
      public String exitSignal() {
        return behaviour == Behaviour.SIGNAL ? "signal KILL" : null;
      }

      @Override
      public void abort() {}
    };
  }

  @Override
  public void close() {
    open = false;
  }
}
