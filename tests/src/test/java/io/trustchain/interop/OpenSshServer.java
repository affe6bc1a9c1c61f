package io.trustchain.interop;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real OpenSSH sshd on 127.0.0.1 and a random free port, configured entirely in a temp
 * directory: an ed25519 host key and a client key made with ssh-keygen, AuthorizedKeysFile there,
 * no PAM, no StrictModes, and {@code SetEnv PATH=<fakebin>:/usr/bin:/bin} so the macOS tool names
 * resolve to POSIX sh fakes that print reference samples. Runs {@code sshd -D -e} until closed.
 */
final class OpenSshServer implements AutoCloseable {

  static final Path SSHD = Path.of("/usr/sbin/sshd");
  static final List<String> FAKE_TOOLS = List.of("sw_vers", "uname", "dscl", "sysadminctl", "dseditgroup",
      "diskutil", "fdesetup", "profiles", "defaults", "sudo", "osascript");

  final Path dir;
  final Path fakeBin;
  final Path clientKey;
  final Path hostKeyPub;
  final int port;
  private final Process sshd;
  private final Path log;

  private OpenSshServer(Path dir, Path fakeBin, Path clientKey, Path hostKeyPub, int port, Process sshd, Path log) {
    this.dir = dir;
    this.fakeBin = fakeBin;
    this.clientKey = clientKey;
    this.hostKeyPub = hostKeyPub;
    this.port = port;
    this.sshd = sshd;
    this.log = log;
  }

  /** The processes sshd started for the connections open now (its privilege-separated and session children). */
  List<ProcessHandle> connectionProcesses() {
    return sshd.toHandle().descendants().toList();
  }

  static OpenSshServer start() throws Exception {
    return start(FAKE_TOOLS);
  }

  /** The same server with Debian's real {@code /usr/bin/sudo} instead of the fake one. */
  static OpenSshServer withRealSudo() throws Exception {
    return start(FAKE_TOOLS.stream().filter(t -> !t.equals("sudo")).toList());
  }

  private static OpenSshServer start(List<String> fakeTools) throws Exception {
    if (!Files.isExecutable(SSHD)) {
      throw new AssertionError("the OpenSSH interop test needs Debian's sshd at " + SSHD
          + ": install it with scripts/install-test-deps.sh (apt-get install openssh-server)");
    }
    InteropAccount.ensure();
    Path dir = Files.createTempDirectory("tc-interop-");
    readableByAll(dir, true);
    Path fakeBin = Files.createDirectory(dir.resolve("fakebin"));
    readableByAll(fakeBin, true);
    for (String tool : fakeTools) {
      try (InputStream in = OpenSshServer.class.getResourceAsStream("/interop/fakebin/" + tool)) {
        if (in == null) {
          throw new AssertionError("missing test resource interop/fakebin/" + tool);
        }
        Path f = fakeBin.resolve(tool);
        Files.copy(in, f);
        readableByAll(f, true);
      }
    }
    Path hostKey = dir.resolve("ssh_host_ed25519_key");
    keygen(hostKey);
    Path clientKey = dir.resolve("id_ed25519");
    keygen(clientKey);
    Path authorized = dir.resolve("authorized_keys");
    Files.copy(dir.resolve("id_ed25519.pub"), authorized);
    readableByAll(authorized, false);
    if (InteropAccount.isRoot()) {
      Files.createDirectories(Path.of("/run/sshd"));
    }
    int port = freePort();
    Path config = dir.resolve("sshd_config");
    Files.writeString(config, String.join("\n",
        "ListenAddress 127.0.0.1",
        "Port " + port,
        "HostKey " + hostKey,
        "PidFile " + dir.resolve("sshd.pid"),
        "AuthorizedKeysFile " + authorized,
        "AllowUsers " + InteropAccount.NAME,
        "PermitRootLogin no",
        "UsePAM no",
        "StrictModes no",
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PrintMotd no",
        "SetEnv PATH=" + fakeBin + ":/usr/bin:/bin",
        "LogLevel VERBOSE",
        ""));
    Path log = dir.resolve("sshd.log");
    Process sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    OpenSshServer server = new OpenSshServer(dir, fakeBin, clientKey, dir.resolve("ssh_host_ed25519_key.pub"), port,
        sshd, log);
    server.awaitListening();
    return server;
  }

  /** The known_hosts line for this server, as {@code ssh-keyscan} would print it. */
  String knownHostsLine() throws IOException {
    String[] pub = Files.readString(hostKeyPub).strip().split(" ");
    return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1] + "\n";
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no sshd log: " + e.getMessage() + ")";
    }
  }

  private void awaitListening() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!sshd.isAlive()) {
        throw new AssertionError("sshd exited with " + sshd.exitValue() + " before listening:\n" + log());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    close();
    throw new AssertionError("sshd did not listen on 127.0.0.1:" + port + " within 10 s:\n" + log());
  }

  static void keygen(Path key) throws IOException, InterruptedException {
    InteropAccount.must(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "tc-interop", "-f",
        key.toString()));
  }

  private static int freePort() throws IOException {
    return io.trustchain.testing.Ports.free();
  }

  private static void readableByAll(Path p, boolean executable) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
  }

  @Override
  public void close() {
    sshd.destroy();
    try {
      if (!sshd.waitFor(5, TimeUnit.SECONDS)) {
        sshd.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sshd.destroyForcibly();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
