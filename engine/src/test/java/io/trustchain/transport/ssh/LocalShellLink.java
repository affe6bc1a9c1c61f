package io.trustchain.transport.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Link} that runs the exec command string with the local {@code /bin/sh -c}, as sshd runs
 * it with the login shell, optionally with a directory of fake tools first on PATH.
 */
final class LocalShellLink implements Link {

  final List<String> commandLines = new ArrayList<>();
  private final Path fakeBin;
  private boolean open = true;

  LocalShellLink(Path fakeBin) {
    this.fakeBin = fakeBin;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public RemoteProcess start(String commandLine) throws IOException {
    commandLines.add(commandLine);
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", commandLine);
    if (fakeBin != null) {
      pb.environment().put("PATH", fakeBin + ":/usr/bin:/bin");
    }
    Process p = pb.start();
    return new RemoteProcess() {
      @Override
      public OutputStream stdin() {
        return p.getOutputStream();
      }

      @Override
      public InputStream stdout() {
        return p.getInputStream();
      }

      @Override
      public InputStream stderr() {
        return p.getErrorStream();
      }

      @Override
      public boolean awaitClosed(Duration timeout) {
        try {
          return p.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }

      @Override
      public Integer exitStatus() {
        return p.isAlive() ? null : p.exitValue();
      }

      @Override
      public String exitSignal() {
        return null;
      }

      @Override
      public void abort() {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    };
  }

  @Override
  public void close() {
    open = false;
  }
}
