package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The pull-mode example (examples/pull/): the LaunchDaemon is a well-formed property list that runs the script
 * where the README installs it, and the script pulls the repository before it applies, with exactly the options
 * PullModeEndToEndTest runs against the lab ({@code --limit HOST -e ansible_connection=local}).
 */
class PullExampleTest {

  private static final Path EXAMPLE = LabWorkspace.REPO.resolve("examples/pull");

  @TempDir Path dir;

  @Test
  void theLaunchDaemonRunsTheScriptHourlyAndAtBoot() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Element dict = (Element) f.newDocumentBuilder().parse(EXAMPLE.resolve("io.trustchain.pull.plist").toFile())
        .getDocumentElement().getElementsByTagName("dict").item(0);
    Map<String, Node> keys = new java.util.LinkedHashMap<>();
    NodeList children = dict.getChildNodes();
    Node key = null;
    for (int i = 0; i < children.getLength(); i++) {
      Node n = children.item(i);
      if (n instanceof Element e) {
        if (e.getTagName().equals("key")) {
          key = e;
        } else {
          keys.put(key.getTextContent(), e);
        }
      }
    }
    assertThat(keys.get("Label").getTextContent()).isEqualTo("io.trustchain.pull");
    assertThat(((Element) keys.get("ProgramArguments")).getElementsByTagName("string").item(0).getTextContent())
        .isEqualTo("/usr/local/libexec/trustchain-pull");
    assertThat(Integer.parseInt(keys.get("StartInterval").getTextContent())).isEqualTo(3600);
    assertThat(((Element) keys.get("RunAtLoad")).getTagName()).isEqualTo("true");
    assertThat(Files.readString(EXAMPLE.resolve("README.md")))
        .contains("install -m 755 trustchain-pull /usr/local/libexec/trustchain-pull");
  }

  @Test
  void theScriptPullsFirst_thenAppliesThisMacsEntryHere() throws Exception {
    Path origin = dir.resolve("origin");
    Path clone = dir.resolve("clone");
    git(dir, "init", "-q", "-b", "main", origin.toString());
    Files.writeString(origin.resolve("site.yml"), "v1\n");
    git(origin, "add", ".");
    git(origin, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "v1");
    git(dir, "clone", "-q", origin.toString(), clone.toString());
    Files.writeString(origin.resolve("site.yml"), "v2\n");
    git(origin, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "v2");
    Path fake = dir.resolve("trustchain");
    Files.writeString(fake, "#!/bin/sh\n{ pwd; cat site.yml; printf '%s\\n' \"$@\"; } > " + dir.resolve("ran") + "\n");
    assertThat(fake.toFile().setExecutable(true)).isTrue();

    ProcessBuilder pb = new ProcessBuilder("/bin/sh", EXAMPLE.resolve("trustchain-pull").toString());
    pb.environment().putAll(Map.of("TRUSTCHAIN_REPO", clone.toString(), "TRUSTCHAIN_HOST", "mac-alice",
        "TRUSTCHAIN", fake.toString(), "TRUSTCHAIN_PLAYBOOK", "site.yml"));
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("trustchain-pull: mac-alice from " + clone);
    assertThat(Files.readAllLines(dir.resolve("ran"))).containsExactly(clone.toString(), "v2", "apply", "--yes",
        "--limit", "mac-alice", "-e", "ansible_connection=local", "--audit-log", "/var/log/trustchain-audit.jsonl",
        "site.yml");
  }

  private static void git(Path in, String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("git", "-C", in.toString()));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", argv) + ": " + out).isZero();
  }
}
