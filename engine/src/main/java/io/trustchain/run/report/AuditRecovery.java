package io.trustchain.run.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustchain.run.RunIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds what killed runs left in the audit log: each run writes a marker beside the log when it starts
 * ({@code audit.jsonl.runs/RUN_ID}: its controller, pid, process start and where its lines begin) and
 * removes it when it ends. A marker whose run was on this controller and whose process is gone (no such
 * pid, or the pid now names a process started at another time) is a killed run: its intents that no
 * verified {@code change} line followed are interruptions. Only that run's part of the log is read.
 */
final class AuditRecovery {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A killed run's marker and what it left. */
  record Dead(Path marker, List<Interruption> interruptions) {}

  private AuditRecovery() {}

  static Path markers(Path log) {
    return log.resolveSibling(log.getFileName() + ".runs");
  }

  static List<Dead> find(Path log, RunIdentity me) {
    Path dir = markers(log);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Dead> dead = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path marker : files.sorted().toList()) {
        if (marker.getFileName().toString().equals(me.runId())) {
          continue;
        }
        readDead(log, marker, me).ifPresent(dead::add);
      }
    } catch (IOException e) {
      return dead; // the log's own problems are reported when it is written
    }
    return dead;
  }

  private static Optional<Dead> readDead(Path log, Path marker, RunIdentity me) {
    JsonNode m;
    try {
      m = JSON.readTree(Files.readString(marker));
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!m.path("controller").asText("").equals(me.controller()) || alive(m.path("pid").asLong(-1),
        m.path("pid_start").asLong(0))) {
      return Optional.empty();
    }
    String runId = m.path("run_id").asText(marker.getFileName().toString());
    try {
      return Optional.of(new Dead(marker, interruptions(log, runId, m.path("offset").asLong(0))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code pid} runs, started at {@code startMillis} (give or take a second) when that is known. */
  static boolean alive(long pid, long startMillis) {
    Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (p.isEmpty()) {
      return false;
    }
    Optional<Instant> started = p.get().info().startInstant();
    return startMillis <= 0 || started.isEmpty() || Math.abs(started.get().toEpochMilli() - startMillis) <= 1000;
  }

  private static List<Interruption> interruptions(Path log, String runId, long offset) throws IOException {
    Map<String, JsonNode> intents = new LinkedHashMap<>();
    Map<String, String> results = new LinkedHashMap<>();
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
      ch.position(Math.min(offset, ch.size()));
      InputStream in = Channels.newInputStream(ch);
      BufferedReader lines = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (IOException e) {
          continue; // a line the kill cut short
        }
        if (n == null || !runId.equals(n.path("run_id").asText())) {
          continue;
        }
        String key = n.path("host").asText() + " " + n.path("change").asText();
        switch (n.path("event").asText()) {
          case "intent" -> {
            intents.put(key, n);
            results.remove(key);
          }
          case "result" -> results.put(key, n.path("result").asText());
          case "change" -> intents.remove(key);
          default -> { }
        }
      }
    }
    List<Interruption> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : intents.entrySet()) {
      JsonNode n = e.getValue();
      List<String> commands = new ArrayList<>();
      n.path("commands").forEach(c -> commands.add(c.asText()));
      out.add(new Interruption(runId, n.path("who").asText(), n.path("host").asText(), n.path("change").asText(),
          n.path("action").asText(), commands, n.path("time").asText(), Optional.ofNullable(results.get(e.getKey()))));
    }
    return out;
  }
}
