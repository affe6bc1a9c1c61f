package io.trustchain.inventory;

import io.trustchain.secret.SecretRef;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a host's {@link ConnectionSpec} from its (already templated) variables, with Ansible's
 * names, aliases and defaults. Where Ansible accepts both a name and its legacy alias
 * ({@code ansible_host}/{@code ansible_ssh_host}, …), the alias wins when both are set, as it does
 * in Ansible's ssh connection plugin.
 */
public final class ConnectionSpecs {

  static final String SECRET_HINT = "secrets must be typed: use !vault or !secret";
  private static final Set<String> LOCAL_CONNECTIONS = Set.of("local", "ansible.builtin.local");
  private static final Set<String> SSH_CONNECTIONS = Set.of("ssh", "smart", "paramiko", "paramiko_ssh",
      "ansible.builtin.ssh", "ansible.builtin.paramiko_ssh");
  private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t");
  private static final Set<String> FALSE = Set.of("n", "no", "off", "0", "false", "f");

  private ConnectionSpecs() {}

  /** The connection for {@code host} from its templated variables, or every problem with them. */
  public static ConnectionSpecResult from(String host, Map<String, Object> renderedVars) {
    return from(host, renderedVars, ConnectionDefaults.plain(System.getenv(), Path.of("").toAbsolutePath()));
  }

  /**
   * The connection for {@code host}: its variables first, then the command line's {@code -u} and
   * {@code --private-key}, then {@code ~/.ssh/config} for the alias ssh would look up
   * ({@code ansible_host}, else the inventory name), then the controller's user and port 22.
   */
  public static ConnectionSpecResult from(String host, Map<String, Object> vars, ConnectionDefaults local) {
    Reader r = new Reader(host, vars);
    String connection = r.text("ansible_connection");
    if (connection != null && LOCAL_CONNECTIONS.contains(connection)) {
      return local(host, r, local);
    }
    if (connection != null && !SSH_CONNECTIONS.contains(connection)) {
      r.problem("ansible_connection", "trustchain connects over SSH, or runs here with local (pull mode), got \""
          + connection + "\"");
    }
    String address = r.text("ansible_host", "ansible_ssh_host");
    if (address != null && address.isBlank()) {
      r.problem(r.last("ansible_host", "ansible_ssh_host"), "must not be empty");
    } else if (address != null) {
      HostNames.addressProblem(address).ifPresent(p -> r.problem(r.last("ansible_host", "ansible_ssh_host"),
          "must be a host name or an IP address: " + p));
    }
    String alias = address == null || address.isBlank() ? host : address;
    SshClientConfig.Entry config = local.sshConfig().lookup(alias);
    int port = r.number(config.port().orElse(22), 65535, "ansible_port", "ansible_ssh_port");
    String user = r.text("ansible_user", "ansible_ssh_user");
    if (user != null) {
      HostNames.userProblem(user).ifPresent(p -> r.problem(r.last("ansible_user", "ansible_ssh_user"), p));
    }
    String key = r.text("ansible_private_key_file", "ansible_ssh_private_key_file");
    boolean become = r.bool("ansible_become");
    Optional<SecretRef> password = r.secret("ansible_become_password", "ansible_become_pass", "ansible_sudo_pass");
    Optional<SecretRef> passphrase = r.secret("trustchain_private_key_passphrase");
    String method = r.text("ansible_become_method");
    if (method != null && !method.equals("sudo") && !method.equals("ansible.builtin.sudo")) {
      r.problem("ansible_become_method", "trustchain becomes root with sudo only, got \"" + method + "\"");
    }
    String becomeUser = r.text("ansible_become_user");
    if (becomeUser != null && !becomeUser.equals("root")) {
      r.problem("ansible_become_user", "trustchain becomes root only, got \"" + becomeUser + "\"");
    }
    int timeout = r.number(10, 86400, "ansible_timeout", "ansible_ssh_timeout");
    Path knownHosts;
    Optional<Path> explicitKey;
    try {
      knownHosts = knownHosts(r, local);
      explicitKey = Optional.ofNullable(key).map(k -> path(k, local));
    } catch (InvalidPathException e) {
      r.problem(r.last("ansible_private_key_file", "ansible_ssh_private_key_file"),
          "names a path the system cannot use (" + e.getReason() + ")");
      return ConnectionSpecResult.rejected(r.problems);
    }
    List<JumpHost> jumps = jumps(r, config, local);
    if (!r.problems.isEmpty()) {
      return ConnectionSpecResult.rejected(r.problems);
    }
    String resolvedUser = user != null ? user : local.remoteUser().or(config::user).orElse(local.localUser());
    Optional<Path> resolvedKey = explicitKey.isPresent() ? explicitKey
        : local.privateKeyFile().map(k -> path(k.toString(), local)).or(() -> identityFile(config, local));
    return ConnectionSpecResult.of(new ConnectionSpec(host, config.hostName().orElse(alias), port, resolvedUser,
        resolvedKey, knownHosts, become, password.or(local::becomePassword), Duration.ofSeconds(timeout), jumps,
        passphrase));
  }

  /**
   * Pull mode: the scripts run on this machine as the controller's user (sudo with become), with
   * {@code trustchain_local_path} as PATH (default: macOS's tool directories) and
   * {@code ansible_shell_executable} as the shell (default {@code /bin/sh}).
   */
  private static ConnectionSpecResult local(String host, Reader r, ConnectionDefaults local) {
    boolean become = r.bool("ansible_become");
    Optional<SecretRef> password = r.secret("ansible_become_password", "ansible_become_pass", "ansible_sudo_pass");
    String method = r.text("ansible_become_method");
    if (method != null && !method.equals("sudo") && !method.equals("ansible.builtin.sudo")) {
      r.problem("ansible_become_method", "trustchain becomes root with sudo only, got \"" + method + "\"");
    }
    String becomeUser = r.text("ansible_become_user");
    if (becomeUser != null && !becomeUser.equals("root")) {
      r.problem("ansible_become_user", "trustchain becomes root only, got \"" + becomeUser + "\"");
    }
    String path = r.text("trustchain_local_path");
    if (path != null && (path.isBlank() || path.contains("\n"))) {
      r.problem("trustchain_local_path", "must be a PATH such as " + LocalConnection.MACOS_PATH);
    }
    String shell = r.text("ansible_shell_executable");
    if (shell != null && !shell.startsWith("/")) {
      r.problem("ansible_shell_executable", "must be an absolute path, such as /bin/sh");
    }
    if (!r.problems.isEmpty()) {
      return ConnectionSpecResult.rejected(r.problems);
    }
    return ConnectionSpecResult.of(new ConnectionSpec(host, "localhost", 0, local.localUser(), Optional.empty(),
        local.home().resolve(".ssh").resolve("known_hosts"), become, password.or(local::becomePassword),
        Duration.ofSeconds(10), List.of(), Optional.empty(),
        Optional.of(new LocalConnection(path == null ? LocalConnection.MACOS_PATH : path,
            shell == null ? "/bin/sh" : shell))));
  }

  /** The first {@code IdentityFile} of the config that exists (ssh skips missing ones). */
  private static Optional<Path> identityFile(SshClientConfig.Entry config, ConnectionDefaults local) {
    return config.identityFiles().stream().map(f -> path(f, local)).filter(java.nio.file.Files::isRegularFile)
        .findFirst();
  }

  /**
   * The jump hosts: {@code -J}/{@code -o ProxyJump=} in the ssh args, else the config's ProxyJump;
   * {@code none} means none. Each hop is looked up in the config too (its HostName, User, Port and
   * IdentityFile), as ssh does.
   */
  private static List<JumpHost> jumps(Reader r, SshClientConfig.Entry config, ConnectionDefaults local) {
    String spec = null;
    String from = null;
    for (String var : List.of("ansible_ssh_common_args", "ansible_ssh_extra_args")) {
      String args = r.text(var);
      Optional<String> found = args == null ? Optional.empty() : SshArgs.proxyJump(args);
      if (found.isPresent()) {
        spec = found.get();
        from = var;
        break;
      }
    }
    if (spec == null) {
      spec = config.proxyJump().orElse(null);
      from = "ProxyJump in " + local.sshConfig().file().map(Path::toString).orElse("~/.ssh/config");
    }
    if (spec == null || spec.equalsIgnoreCase("none")) {
      return List.of();
    }
    List<JumpHost> hops = new ArrayList<>();
    for (String hop : spec.split(",")) {
      Optional<JumpHost> parsed = jumpHost(hop.strip(), local);
      if (parsed.isEmpty()) {
        r.problem(from, "cannot read the jump host \"" + hop.strip() + "\": expected [user@]host[:port]");
        return List.of();
      }
      hops.add(parsed.get());
    }
    return hops;
  }

  /** {@code [ssh://][user@]host[:port]}, with the config's values for that host filling the gaps. */
  static Optional<JumpHost> jumpHost(String text, ConnectionDefaults local) {
    String t = text.startsWith("ssh://") ? text.substring(6) : text;
    String user = null;
    int at = t.lastIndexOf('@');
    if (at >= 0) {
      user = t.substring(0, at);
      t = t.substring(at + 1);
    }
    Integer port = null;
    if (t.startsWith("[") && t.contains("]")) {
      String rest = t.substring(t.indexOf(']') + 1);
      String h = t.substring(1, t.indexOf(']'));
      if (rest.startsWith(":")) {
        port = portOf(rest.substring(1));
        if (port == null) {
          return Optional.empty();
        }
      } else if (!rest.isEmpty()) {
        return Optional.empty();
      }
      t = h;
    } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
      port = portOf(t.substring(t.indexOf(':') + 1));
      if (port == null) {
        return Optional.empty();
      }
      t = t.substring(0, t.indexOf(':'));
    }
    if (t.isBlank() || (user != null && user.isBlank()) || t.contains("/")) {
      return Optional.empty();
    }
    SshClientConfig.Entry c = local.sshConfig().lookup(t);
    return Optional.of(new JumpHost(c.hostName().orElse(t), port != null ? port : c.port().orElse(22),
        user != null ? user : c.user().orElse(local.localUser()), identityFile(c, local)));
  }

  private static Integer portOf(String s) {
    if (!s.matches("[0-9]{1,5}")) {
      return null;
    }
    int p = Integer.parseInt(s);
    return p >= 1 && p <= 65535 ? p : null;
  }

  /**
   * {@code trustchain_known_hosts_file}, else the first {@code UserKnownHostsFile} given with
   * {@code -o} in {@code ansible_ssh_common_args} then {@code ansible_ssh_extra_args} (ssh keeps
   * the first value it sees), else {@code ~/.ssh/known_hosts}.
   */
  private static Path knownHosts(Reader r, ConnectionDefaults local) {
    String explicit = r.text("trustchain_known_hosts_file");
    if (explicit != null) {
      return path(explicit, local);
    }
    for (String var : List.of("ansible_ssh_common_args", "ansible_ssh_extra_args")) {
      String args = r.text(var);
      if (args == null) {
        continue;
      }
      Optional<String> file = SshArgs.userKnownHostsFile(args);
      if (file.isPresent()) {
        return path(file.get(), local);
      }
    }
    return local.home().resolve(".ssh").resolve("known_hosts");
  }

  /** {@code ~} expanded, then relative paths resolved against the working directory (as ssh does). */
  static Path path(String text, ConnectionDefaults local) {
    String expanded = text.equals("~") ? local.home().toString()
        : text.startsWith("~/") ? local.home() + text.substring(1) : text;
    return local.workingDirectory().resolve(expanded).normalize();
  }

  /** Reads variables, collecting problems. */
  private static final class Reader {
    final String host;
    final Map<String, Object> vars;
    final List<ConnectionProblem> problems = new ArrayList<>();

    Reader(String host, Map<String, Object> vars) {
      this.host = host;
      this.vars = vars;
    }

    void problem(String variable, String message) {
      problems.add(new ConnectionProblem(host, variable, message));
    }

    /** The last of {@code names} that is set (not null), or the first name when none is. */
    String last(String... names) {
      String found = names[0];
      for (String n : names) {
        if (vars.get(n) != null) {
          found = n;
        }
      }
      return found;
    }

    Object value(String... names) {
      return vars.get(last(names));
    }

    String text(String... names) {
      Object v = value(names);
      return switch (v) {
        case null -> null;
        case String s -> s;
        case SecretRef ref -> {
          problem(last(names), "must be a plain value, not a secret");
          yield null;
        }
        case Number n -> n.toString();
        default -> {
          problem(last(names), "must be a single value, got " + PythonJson.describe(v));
          yield null;
        }
      };
    }

    int number(int fallback, int max, String... names) {
      Object v = value(names);
      String name = last(names);
      long n;
      if (v == null) {
        return fallback;
      } else if (v instanceof Long || v instanceof Integer) {
        n = ((Number) v).longValue();
      } else if (v instanceof String s && s.strip().matches("[0-9]+") && s.strip().length() < 10) {
        n = Long.parseLong(s.strip());
      } else {
        problem(name, "must be a whole number between 1 and " + max + ", got " + PythonJson.describe(v));
        return fallback;
      }
      if (n < 1 || n > max) {
        problem(name, "must be a whole number between 1 and " + max + ", got " + n);
        return fallback;
      }
      return (int) n;
    }

    /** Ansible's {@code boolean()}: true/false, yes/no, on/off, y/n, t/f, 1/0, in any case. */
    boolean bool(String name) {
      Object v = vars.get(name);
      if (v == null) {
        return false;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      String t = v instanceof Double d && (d == 0.0 || d == 1.0) ? String.valueOf(d.intValue())
          : String.valueOf(v).strip().toLowerCase(Locale.ROOT);
      if (!(v instanceof SecretRef) && TRUE.contains(t)) {
        return true;
      }
      if (!(v instanceof SecretRef) && FALSE.contains(t)) {
        return false;
      }
      problem(name, "must be true or false (yes/no, on/off, 1/0), got "
          + (v instanceof SecretRef ? "a secret" : PythonJson.describe(v)));
      return false;
    }

    Optional<SecretRef> secret(String... names) {
      Object v = value(names);
      return switch (v) {
        case null -> Optional.empty();
        case SecretRef ref -> Optional.of(ref);
        default -> {
          problem(last(names), "is a plain value; " + SECRET_HINT
              + " (e.g. " + last(names) + ": !secret env:BECOME_PASSWORD)");
          yield Optional.empty();
        }
      };
    }
  }
}
