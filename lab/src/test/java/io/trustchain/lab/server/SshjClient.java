package io.trustchain.lab.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/** An sshj client as the engine uses it: strict known_hosts, the lab's client key, one exec at a time. */
public final class SshjClient implements AutoCloseable {

  /** What an exec returned; {@code exitStatus} is null when the server sent none. */
  public record Result(Integer exitStatus, String stdout, String stderr) {}

  /** A thread per task: the common pool has one thread on two cores, and a hung exec would hold it. */
  public static final java.util.concurrent.Executor THREADS = task -> Thread.ofVirtual().start(task);

  private final SSHClient ssh = new SSHClient();

  public SshjClient(Path knownHosts, Path clientKey, String user, int port) throws IOException {
    ssh.loadKnownHosts(knownHosts.toFile());
    ssh.connect("127.0.0.1", port);
    ssh.getSocket().setTcpNoDelay(true);
    ssh.getConnection().getKeepAlive().setKeepAliveInterval(0);
    ssh.authPublickey(user, ssh.loadKeys(clientKey.toString()));
  }

  public Result exec(String command, String stdin) throws IOException {
    try (Session session = ssh.startSession()) {
      Session.Command cmd = session.exec(command);
      try (OutputStream in = cmd.getOutputStream()) {
        if (!stdin.isEmpty()) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // the command ended without reading all of its stdin, as on a real sshd
      }
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(cmd.getErrorStream()), THREADS);
      try {
        String out = read(cmd.getInputStream());
        cmd.join(30, TimeUnit.SECONDS);
        return new Result(cmd.getExitStatus(), out, err.join());
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
      }
    }
  }

  private static String read(InputStream in) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isConnected() {
    return ssh.isConnected();
  }

  @Override
  public void close() throws IOException {
    ssh.close();
  }
}
