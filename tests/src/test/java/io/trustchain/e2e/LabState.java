package io.trustchain.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a simulated Mac holds, read from its state file (the Mac's own disk, so to speak), and the
 * escrow store's files opened with the real ansible-vault: the ground truth the end-to-end tests
 * check trustchain against.
 */
final class LabState {

  private LabState() {}

  static JsonNode of(LabWorkspace ws, String host) throws IOException {
    return new ObjectMapper().readTree(ws.state.resolve(host).resolve("state.json").toFile());
  }

  /** The Mac's current (only valid) personal recovery key, or null. */
  static String recoveryKey(LabWorkspace ws, String host) throws IOException {
    JsonNode key = of(ws, host).path("fileVault").path("personalRecoveryKey");
    return key.isTextual() ? key.asText() : null;
  }

  /** Whether the Mac has a file at {@code path}. */
  static boolean hasFile(LabWorkspace ws, String host, String path) throws IOException {
    return of(ws, host).path("files").path("files").has(path);
  }

  /** {@code ansible-vault view} of an escrow file with the lab's vault password file (fails, never skips). */
  static String ansibleVaultView(Path file) throws Exception {
    Path tool = Path.of("/usr/bin/ansible-vault");
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "ansible-vault"))) {
        tool = Path.of(entry, "ansible-vault");
        break;
      }
    }
    if (!Files.isExecutable(tool)) {
      throw new AssertionError("ansible-vault must be installed (apt-get install ansible-core)");
    }
    Path home = Files.createTempDirectory("ansible-home");
    List<String> argv = new ArrayList<>(List.of(tool.toString(), "view", "--vault-password-file",
        LabWorkspace.REPO.resolve("lab/secrets/vault-password").toString(), file.toString()));
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().keySet().removeIf(k -> k.startsWith("ANSIBLE_"));
    pb.environment().put("HOME", home.toString());
    pb.environment().put("ANSIBLE_LOCAL_TEMP", home.resolve("tmp").toString());
    pb.environment().put("ANSIBLE_CONFIG", home.resolve("none.cfg").toString());
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.redirectError(home.resolve("stderr").toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("ansible-vault view " + file + " failed: " + Files.readString(home.resolve("stderr")));
    }
    return out;
  }

  /** The {@code value} line of an escrow file's plaintext. */
  static String escrowedValue(String plaintext) {
    for (String line : plaintext.split("\n")) {
      if (line.startsWith("value: ")) {
        return line.substring("value: ".length()).replace("\"", "");
      }
    }
    throw new AssertionError("no value in the escrow entry");
  }
}
