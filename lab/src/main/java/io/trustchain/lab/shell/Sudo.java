package io.trustchain.lab.shell;

import io.trustchain.lab.exec.Program;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sudo [-S] [-n] [-H] [-p PROMPT] [-u root] [--] command…}, worded as real sudo: the password
 * of the calling user is read from stdin one byte at a time up to the newline (so the rest of stdin
 * stays for the command), checked with {@code Machine.authenticate}, up to three attempts as real sudo
 * makes; the user must be an admin, and the command runs as root.
 */
final class Sudo {

  private Sudo() {}

  static int run(Shell sh, List<String> argv, Io io) throws IOException {
    boolean fromStdin = false;
    boolean nonInteractive = false;
    boolean setHome = false;
    String prompt = "Password:";
    int i = 1;
    for (; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("--")) {
        i++;
        break;
      }
      if (!a.startsWith("-") || a.length() < 2) {
        break;
      }
      for (int j = 1; j < a.length(); j++) {
        char f = a.charAt(j);
        if (f == 'S') {
          fromStdin = true;
        } else if (f == 'n') {
          nonInteractive = true;
        } else if (f == 'H') {
          setHome = true;
        } else if (f == 'p' || f == 'u') {
          String value = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < argv.size() ? argv.get(++i) : null;
          if (value == null) {
            io.error("sudo: option requires an argument -- '" + f + "'");
            return 1;
          }
          if (f == 'p') {
            prompt = value;
          } else if (!value.equals("root")) {
            io.error("sh: unsupported: sudo -u " + value + " (only root) " + SyntaxException.SUBSET);
            return 2;
          }
          break;
        } else {
          io.error("sh: unsupported: sudo -" + f + " " + SyntaxException.SUBSET);
          return 2;
        }
      }
    }
    List<String> command = argv.subList(i, argv.size());
    if (command.isEmpty()) {
      io.error("usage: sudo [-HnS] [-p prompt] [-u user] command [arg ...]");
      return 1;
    }
    if (!sh.user.equals("root")) {
      Integer refused = authenticate(sh, io, fromStdin, nonInteractive, prompt);
      if (refused != null) {
        return refused;
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("USER", "root");
    env.put("LOGNAME", "root");
    env.put("SUDO_USER", sh.user);
    if (setHome) {
      env.put("HOME", "/var/root");
    }
    return asRoot(sh, command, env, io);
  }

  /**
   * Null when the user may proceed, else the exit status after printing why not. As sudo 1.9 does (observed on
   * Debian 12's sudo 1.9.13, the same upstream code as macOS's): up to three attempts, each one stdin line read
   * byte by byte (what follows stays for the command); "Sorry, try again." after each wrong one but the last;
   * at end of input an empty line, "sudo: no password was provided", and the count of wrong attempts (or "a
   * password is required" when there was none); a right password of a user who may not use sudo: "USER is not
   * in the sudoers file." Exit status 1.
   */
  private static Integer authenticate(Shell sh, Io io, boolean fromStdin, boolean nonInteractive, String prompt)
      throws IOException {
    if (nonInteractive) {
      io.error("sudo: a password is required");
      return 1;
    }
    if (!fromStdin) {
      io.error("sudo: a terminal is required to read the password; either use the -S option to read from"
          + " standard input or configure an askpass helper");
      io.error("sudo: a password is required");
      return 1;
    }
    int wrong = 0;
    while (wrong < TRIES) {
      if (!prompt.isEmpty()) {
        io.err().write(prompt.getBytes(StandardCharsets.UTF_8));
        io.err().flush(); // the prompt must reach a waiting client (Ansible waits for it) before sudo reads
      }
      char[] password = readPassword(io.in());
      if (password == null) {
        io.error("");
        io.error("sudo: no password was provided");
        io.error(wrong == 0 ? "sudo: a password is required" : attempts(wrong));
        return 1;
      }
      boolean ok;
      try {
        ok = sh.machine.authenticate(sh.user, password);
      } finally {
        Arrays.fill(password, '\0');
      }
      if (ok) {
        if (!sh.machine.isAdmin(sh.user)) {
          io.error(sh.user + " is not in the sudoers file.");
          return 1;
        }
        return null;
      }
      wrong++;
      if (wrong < TRIES) {
        io.error("Sorry, try again.");
      }
    }
    io.error(attempts(wrong));
    return 1;
  }

  /** sudo's default {@code passwd_tries}. */
  static final int TRIES = 3;

  private static String attempts(int n) {
    return "sudo: " + n + " incorrect password attempt" + (n == 1 ? "" : "s");
  }

  /** One line of stdin, read byte by byte; null at end of input before anything was read. */
  private static char[] readPassword(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    boolean any = false;
    while ((b = in.read()) >= 0) {
      any = true;
      if (b == '\n') {
        break;
      }
      bytes.write(b);
    }
    if (!any) {
      return null;
    }
    byte[] raw = bytes.toByteArray();
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw));
    Arrays.fill(raw, (byte) 0);
    char[] password = new char[chars.remaining()];
    chars.get(password);
    Arrays.fill(chars.array(), '\0');
    return password;
  }

  private static int asRoot(Shell sh, List<String> command, Map<String, String> env, Io io) throws IOException {
    String name = command.get(0);
    if (name.equals("sh") || name.equals("/bin/sh")) {
      return ShCommand.run(sh, "root", env, command, io);
    }
    if (Builtins.ALSO_PROGRAMS.contains(name)) {
      Shell root = sh.child("root", env, "sh", List.of());
      return Builtins.find(name).run(root, command, io);
    }
    Optional<Program> program = sh.machine.program(name);
    if (program.isEmpty()) {
      io.error("sudo: " + name + ": command not found");
      return 1;
    }
    Map<String, String> full = sh.environment();
    full.putAll(env);
    return sh.runProgram(program.get(), command, full, io, "root");
  }
}
