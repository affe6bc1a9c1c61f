package io.trustchain.lab.server;

import io.trustchain.lab.shell.Interpreter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A minimal login shell, for people exploring the lab with {@code ssh} (with a terminal) or
 * {@code ssh -T} (lines on stdin): each complete command (continued over lines until it parses) runs
 * like an exec, in its own transaction, with no stdin. Network faults apply to execs only.
 */
final class ShellChannel implements Command {

  private static final Pattern EXIT = Pattern.compile("\\s*(?:exit|logout)(?:\\s+(\\d+))?\\s*;?\\s*");

  private final ServedHost host;
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;

  ShellChannel(ServedHost host) {
    this.host = host;
  }

  @Override
  public void setInputStream(InputStream stream) {
    this.in = stream;
  }

  @Override
  public void setOutputStream(OutputStream stream) {
    this.out = stream;
  }

  @Override
  public void setErrorStream(OutputStream stream) {
    this.err = stream;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    String user = channel.getSession().getUsername();
    boolean terminal = env.getEnv().containsKey(Environment.ENV_TERM);
    Thread.ofVirtual().name("lab-shell-" + host.name()).start(() -> loop(user, terminal));
  }

  @Override
  public void destroy(ChannelSession channel) {
    // the reader sees the end of input
  }

  private void loop(String user, boolean terminal) {
    OutputStream o = terminal ? new CrLf(out) : out;
    OutputStream e = terminal ? new CrLf(err) : err;
    LineReader reader = new LineReader(in, terminal ? out : null);
    int status = 0;
    try {
      StringBuilder pending = new StringBuilder();
      while (true) {
        if (terminal) {
          prompt(pending.isEmpty() ? user + "@" + host.name() + " ~ " + (user.equals("root") ? "# " : "% ") : "> ");
        }
        String line = reader.readLine();
        if (line == null) {
          break;
        }
        pending.append(pending.isEmpty() ? "" : "\n").append(line);
        String script = pending.toString();
        Optional<String> problem = Interpreter.check(script);
        if (problem.isPresent() && problem.get().contains("unexpected end of file")) {
          continue;
        }
        pending.setLength(0);
        Matcher m = EXIT.matcher(script);
        if (m.matches()) {
          status = m.group(1) == null ? status : Integer.parseInt(m.group(1)) & 0xff;
          break;
        }
        if (script.isBlank()) {
          continue;
        }
        status = host.mac().transact(machine ->
            Interpreter.forUser(machine, user).run(script, InputStream.nullInputStream(), o, e));
        o.flush();
        e.flush();
      }
      exit.onExit(status);
    } catch (IOException | RuntimeException ex) {
      try {
        e.write(("lab: " + host.name() + ": " + ex + "\n").getBytes(StandardCharsets.UTF_8));
        e.flush();
      } catch (IOException ignored) {
        // the client is gone
      }
      exit.onExit(255);
    }
  }

  private void prompt(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** A terminal's output processing: newline becomes carriage return and newline. */
  private static final class CrLf extends FilterOutputStream {
    CrLf(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      if (b == '\n') {
        out.write('\r');
      }
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }
  }
}
