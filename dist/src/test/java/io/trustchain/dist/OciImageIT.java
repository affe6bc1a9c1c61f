package io.trustchain.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI image tar Jib builds (no Docker daemon), read as a registry or a runtime would: the index,
 * the manifest, the config's entrypoint and user, and what each layer holds.
 */
class OciImageIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void entrypointIsTheLauncherAndTheLayersHoldJavaTheJarsAndNoLab() throws Exception {
    Release.untar(Release.ociImage(), dir);
    JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
    assertThat(Files.readString(dir.resolve("oci-layout"))).contains("\"imageLayoutVersion\"");
    JsonNode manifest = blob(index.at("/manifests/0/digest").asText());
    assertThat(manifest.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    JsonNode config = blob(manifest.at("/config/digest").asText());
    assertThat(config.at("/config/Entrypoint").toString()).isEqualTo("[\"/opt/trustchain/bin/trustchain\"]");
    assertThat(config.at("/config/User").asText()).isEqualTo("10001");
    assertThat(config.at("/config/WorkingDir").asText()).isEqualTo("/work");
    assertThat(config.at("/config/Env").toString()).contains("JAVA_HOME=/opt/java");
    assertThat(config.at("/architecture").asText()).isNotBlank();

    List<List<String>> layers = new ArrayList<>();
    for (JsonNode layer : manifest.get("layers")) {
      assertThat(layer.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
      layers.add(Release.list(path(layer.get("digest").asText())));
    }
    assertThat(layers.size()).as("base, then Jib's layers: libraries, our snapshot jars, resources, extra files")
        .isGreaterThanOrEqualTo(4);
    assertThat(config.at("/rootfs/diff_ids").size()).isEqualTo(layers.size());
    List<String> base = layers.get(0);
    assertThat(base).contains("./opt/java/bin/java", "./bin/bash", "./bin/busybox", "./etc/passwd")
        .anyMatch(n -> n.contains("libc.so.6"));
    List<String> all = layers.stream().flatMap(List::stream).toList();
    assertThat(all).contains("opt/trustchain/bin/trustchain", "opt/trustchain/lib/jvm.options",
            "opt/trustchain/libs/trustchain-cli-" + Release.VERSION + ".jar",
            "opt/trustchain/libs/trustchain-modules-" + Release.VERSION + ".jar",
            "opt/trustchain/libs/sshj-0.40.0.jar", "opt/trustchain/jib-classpath-file")
        .noneMatch(n -> n.contains("trustchain-lab") || n.contains("sshd-core") || n.startsWith("opt/trustchain/lab/"));
    // the libraries and our own jars sit in different layers, so a new version re-sends only ours
    int libraries = layerOf(layers, "opt/trustchain/libs/sshj-0.40.0.jar");
    int ours = layerOf(layers, "opt/trustchain/libs/trustchain-cli-" + Release.VERSION + ".jar");
    assertThat(libraries).isNotEqualTo(ours).isPositive();
  }

  private int layerOf(List<List<String>> layers, String name) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).contains(name)) {
        return i;
      }
    }
    return -1;
  }

  private Path path(String digest) {
    return dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  private JsonNode blob(String digest) throws Exception {
    return JSON.readTree(path(digest).toFile());
  }
}
