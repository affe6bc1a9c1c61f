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

  final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
  private final Behaviour behaviour;
  private boolean open = true;
  int starts;

  ScriptedLink(Behaviour behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public RemoteProcess start(String commandLine) {
    starts++;
    return new RemoteProcess() {
      @Override
      public OutputStream stdin() {
        return stdin;
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
