package io.trustchain.cli;

import io.trustchain.plan.HostPlan;
import io.trustchain.plan.Plan;
import io.trustchain.plan.json.PlanFormatException;
import io.trustchain.plan.json.PlanJson;
import io.trustchain.plan.json.SavedSecrets;
import io.trustchain.secret.SecretRef;
import io.trustchain.plan.json.PlanSource;
import io.trustchain.plan.json.SavedPlan;
import io.trustchain.playbook.Playbook;
import io.trustchain.run.DesiredDigest;
import io.trustchain.run.Loaded;
import io.trustchain.run.RunIdentity;
import io.trustchain.run.Shard;
import io.trustchain.run.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved plans on the command line: what {@code plan --out} records, how {@code apply PLANFILE}
 * recognises and reads one, and the check that the documents it reloads are the ones the plan was
 * made from (the playbooks' bytes, the host selection, each host's desired state).
 */
final class SavedPlans {

  private SavedPlans() {}

  static SavedPlan of(Plan plan, Loaded loaded, Path inventory, Optional<String> limit, Optional<Shard> shard,
      RunIdentity me, Path cwd) {
    List<PlanSource.Document> playbooks = new ArrayList<>();
    for (Playbook p : loaded.playbooks()) {
      playbooks.add(new PlanSource.Document(relative(cwd, p.file()), p.sha256()));
    }
    Map<String, String> digests = new LinkedHashMap<>();
    for (Target t : loaded.targets()) {
      digests.put(t.host(), DesiredDigest.of(t, cwd));
    }
    PlanSource source = new PlanSource(cwd.toAbsolutePath().normalize().toString(), relative(cwd, inventory), playbooks,
        limit, shard.map(Shard::toString), digests,
        new PlanSource.MadeBy(me.runId(), me.who(), me.controller(), me.ci()));
    return new SavedPlan(plan, source);
  }

  /** Whether the single argument of {@code apply} is a saved plan (a JSON object) rather than a playbook. */
  static boolean looksSaved(Path file) {
    try (var in = Files.newInputStream(file)) {
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xEF || c == 0xBB || c == 0xBF);
      return c == '{';
    } catch (IOException e) {
      return false;
    }
  }

  static SavedPlan read(Path file, String shown, Path cwd) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException(ExitCodes.INVALID_DOCUMENTS, "cannot read the saved plan " + shown + ": " + e.getMessage());
    }
    try {
      return PlanJson.readSaved(text, cwd);
    } catch (PlanFormatException e) {
      throw new UserException(ExitCodes.INVALID_DOCUMENTS, "cannot apply " + shown + ": " + e.getMessage());
    }
  }

  /**
   * The saved plan read again with its secret references put back from the reloaded documents (a saved plan
   * holds references only: vault values by position and digest, command secrets by digest).
   */
  static SavedPlan withDocumentSecrets(Path file, String shown, Path cwd, Loaded loaded) {
    java.util.List<SecretRef> refs = new java.util.ArrayList<>();
    for (Target t : loaded.targets()) {
      t.connection().becomePassword().ifPresent(refs::add);
      for (io.trustchain.spi.BoundResource<?> r : t.resources()) {
        collect(r.params(), refs);
        if (r.credential() != null) {
          refs.add(r.credential().password());
        }
      }
    }
    try {
      return PlanJson.readSaved(Files.readString(file, StandardCharsets.UTF_8), cwd, SavedSecrets.table(refs));
    } catch (IOException e) {
      throw new UserException(ExitCodes.INVALID_DOCUMENTS, "cannot read the saved plan " + shown + ": " + e.getMessage());
    } catch (PlanFormatException e) {
      throw new UserException(ExitCodes.INVALID_DOCUMENTS, "cannot apply " + shown + ": " + e.getMessage());
    }
  }

  /** Every secret reference in a module's parameters (records, lists, maps, optionals). */
  private static void collect(Object value, java.util.List<SecretRef> out) {
    switch (value) {
      case null -> { }
      case SecretRef ref -> out.add(ref);
      case Record rec -> {
        for (java.lang.reflect.RecordComponent c : rec.getClass().getRecordComponents()) {
          try {
            collect(c.getAccessor().invoke(rec), out);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
          }
        }
      }
      case java.util.Collection<?> list -> list.forEach(v -> collect(v, out));
      case java.util.Map<?, ?> map -> map.values().forEach(v -> collect(v, out));
      case java.util.Optional<?> opt -> opt.ifPresent(v -> collect(v, out));
      default -> { }
    }
  }

  /** Whether the plan was made in another directory (its paths were then moved here when read). */
  static boolean moved(SavedPlan saved, Path cwd) {
    return !Path.of(saved.source().workingDir()).toAbsolutePath().normalize().equals(cwd.toAbsolutePath().normalize());
  }

  /** Refuses the whole plan when the reloaded documents are not those it was made from. */
  static void checkDocuments(SavedPlan saved, Loaded loaded, String shown, Path cwd) {
    List<String> changed = new ArrayList<>();
    List<PlanSource.Document> recorded = saved.source().playbooks();
    List<Playbook> now = loaded.playbooks();
    for (int i = 0; i < recorded.size(); i++) {
      if (i >= now.size() || !now.get(i).sha256().equals(recorded.get(i).sha256())) {
        changed.add(recorded.get(i).path() + " changed");
      }
    }
    Map<String, String> digests = saved.source().desiredDigests();
    List<String> hostsNow = loaded.targets().stream().map(Target::host).toList();
    List<String> hostsThen = saved.plan().hosts().stream().map(HostPlan::host).toList();
    if (!hostsNow.equals(hostsThen)) {
      changed.add("the hosts differ (planned: " + String.join(", ", hostsThen) + "; now: "
          + String.join(", ", hostsNow) + ")");
    } else {
      for (Target t : loaded.targets()) {
        if (!DesiredDigest.of(t, cwd).equals(digests.get(t.host()))) {
          changed.add("the desired state of " + t.host() + " changed (inventory, vars or playbooks)");
        }
      }
    }
    if (!changed.isEmpty()) {
      throw new UserException(ExitCodes.FAILED, "saved plan " + shown + " cannot be applied: the documents changed "
          + "since the plan was made: " + String.join("; ", changed) + " (run plan again)");
    }
  }

  private static String relative(Path cwd, Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path base = cwd.toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }
}
