package io.trustchain.lab.shell;

import io.trustchain.lab.exec.Machine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The streams of one command after its redirections, applied left to right: {@code >} and
 * {@code >>} write a machine file when the command ends (a new file gets mode {@code 0666 & ~umask},
 * an existing one keeps its mode), {@code <} reads one, {@code >&N} copies a
 * descriptor; {@code /dev/null}, {@code /dev/stdout} and {@code /dev/stderr} are special.
 */
final class Redirections {

  private final Io io;
  private final List<FileSink> sinks;

  private Redirections(Io io, List<FileSink> sinks) {
    this.io = io;
    this.sinks = sinks;
  }

  Io io() {
    return io;
  }

  /** The redirected streams, or null after printing why one could not be opened. */
  static Redirections open(Shell sh, List<Ast.Redirect> redirects, Io io) throws IOException {
    if (redirects.isEmpty()) {
      return new Redirections(io, List.of());
    }
    InputStream in = io.in();
    OutputStream[] out = {null, io.out(), io.err()};
    List<FileSink> sinks = new ArrayList<>();
    for (Ast.Redirect r : redirects) {
      if (r.kind() == Ast.Redirect.Kind.DUP) {
        out[r.fd()] = out[Integer.parseInt(r.target().literal())];
        continue;
      }
      String path = sh.resolve(Expansion.single(sh, r.target(), io));
      Machine m = sh.machine;
      if (r.kind() == Ast.Redirect.Kind.IN) {
        if (path.equals("/dev/null")) {
          in = InputStream.nullInputStream();
        } else if (m.isDirectory(path)) {
          return fail(io, "sh: " + path + ": Is a directory", sinks);
        } else {
          String content = m.readFile(path).orElse(null);
          if (content == null) {
            return fail(io, "sh: " + path + ": No such file or directory", sinks);
          }
          in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        }
        continue;
      }
      OutputStream target = switch (path) {
        case "/dev/null" -> OutputStream.nullOutputStream();
        case "/dev/stdout" -> out[1];
        case "/dev/stderr" -> out[2];
        default -> {
          if (m.isDirectory(path)) {
            yield null;
          }
          FileSink sink = new FileSink(m, path,
              r.kind() == Ast.Redirect.Kind.APPEND ? m.readFile(path).orElse("") : "", 0666 & ~sh.umask);
          sinks.add(sink);
          yield sink;
        }
      };
      if (target == null) {
        return fail(io, "sh: " + path + ": Is a directory", sinks);
      }
      out[r.fd()] = target;
    }
    return new Redirections(new Io(in, out[1], out[2]), sinks);
  }

  private static Redirections fail(Io io, String message, List<FileSink> sinks) throws IOException {
    io.error(message);
    new Redirections(io, sinks).close();
    return null;
  }

  /** Writes the files this command's redirections created. */
  void close() {
    for (FileSink s : sinks) {
      s.commit();
    }
  }

  /** Output bound for a machine file, written when the command ends. */
  private static final class FileSink extends ByteArrayOutputStream {
    private final Machine machine;
    private final String path;
    private final int modeIfNew;

    FileSink(Machine machine, String path, String initial, int modeIfNew) {
      this.machine = machine;
      this.path = path;
      this.modeIfNew = modeIfNew;
      writeBytes(initial.getBytes(StandardCharsets.UTF_8));
    }

    void commit() {
      machine.writeFile(path, toString(StandardCharsets.UTF_8), modeIfNew);
    }
  }
}
