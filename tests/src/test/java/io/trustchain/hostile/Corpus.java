package io.trustchain.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The hostile-documents corpus: grammar-written playbooks and inventories with one planted fault
 * each, and the shipped playbooks and inventories mutated by one operator each. Deterministic for a
 * seed, so a failing case comes back with the same id.
 */
final class Corpus {

  /** The seed the suite uses; {@code -Dtrustchain.hostile.seed=N} tries another. */
  static final long SEED = 20_261_203L;

  static final int GRAMMAR_PLAYBOOK_CASES = 480;
  static final int GRAMMAR_INVENTORY_CASES = 160;
  static final int MUTATIONS_PER_FILE = 80;
  static final int CASES_PER_BASE = 8;

  private Corpus() {}

  /** A valid document set a group of cases starts from (checked to validate before its faults count). */
  record Base(String id, HostileCase.FileSet files, String[] args) {}

  record Generated(List<Base> bases, List<HostileCase> cases) {}

  static Generated generate(long seed) {
    List<Base> bases = new ArrayList<>();
    List<HostileCase> cases = new ArrayList<>();
    grammarPlaybooks(seed, bases, cases);
    InventoryGrammar.cases(new Random(seed ^ 0x1a7e5L), GRAMMAR_INVENTORY_CASES, bases, cases);
    mutations(seed, bases, cases);
    return new Generated(bases, cases);
  }

  private static void grammarPlaybooks(long seed, List<Base> bases, List<HostileCase> cases) {
    Random r = new Random(seed);
    Doc doc = null;
    String playbook = "playbooks/generated.yml";
    for (int i = 0; i < GRAMMAR_PLAYBOOK_CASES; i++) {
      if (i % CASES_PER_BASE == 0) {
        doc = PlaybookGrammar.playbook(r);
        bases.add(new Base("g-base" + (i / CASES_PER_BASE), Fixture.base().text(playbook, doc.text()),
            Fixture.validate(playbook)));
      }
      Optional<Faults.Planted> planted = Optional.empty();
      for (int k = 0; planted.isEmpty(); k++) {
        planted = Faults.plant(Faults.KINDS.get((i + k) % Faults.KINDS.size()), doc, r);
      }
      Faults.Planted p = planted.get();
      cases.add(new HostileCase(String.format("g%04d", i), p.fault(), p.note(),
          Fixture.base().bytes(playbook, p.bytes()).map(), Fixture.validate(playbook),
          Optional.of(new HostileCase.Place(playbook, p.fromLine(), p.toLine(), p.column()))));
    }
  }

  private static void mutations(long seed, List<Base> bases, List<HostileCase> cases) {
    Random r = new Random(seed ^ 0x5eedL);
    int n = 0;
    for (String shipped : Fixture.SHIPPED_PLAYBOOKS) {
      String text = Fixture.shipped(shipped);
      bases.add(new Base("m-base-" + shipped, Fixture.base().text(shipped, text), Fixture.validate(shipped)));
      for (int i = 0; i < MUTATIONS_PER_FILE; i++, n++) {
        Mutations.Mutant m = mutant(text, i, r);
        cases.add(new HostileCase(String.format("m%04d", n), m.operator(), shipped + ": " + m.note(),
            Fixture.base().bytes(shipped, m.bytes()).map(), Fixture.validate(shipped),
            Optional.of(new HostileCase.Place(shipped, m.fromLine(), m.toLine(), m.column()))));
      }
    }
    String[] labArgs = {"validate", "-i", "inventory/lab.yml", "playbooks/site.yml"};
    bases.add(new Base("m-base-lab", lab(), labArgs));
    for (String shipped : Fixture.SHIPPED_INVENTORY) {
      String text = Fixture.shipped(shipped);
      for (int i = 0; i < MUTATIONS_PER_FILE; i++, n++) {
        Mutations.Mutant m = mutant(text, i, r);
        cases.add(new HostileCase(String.format("m%04d", n), m.operator(), shipped + ": " + m.note(),
            lab().bytes(shipped, m.bytes()).map(), labArgs,
            Optional.of(new HostileCase.Place(shipped, m.fromLine(), m.toLine(), m.column()))));
      }
    }
  }

  private static Mutations.Mutant mutant(String text, int i, Random r) {
    for (int k = 0; ; k++) {
      String operator = Mutations.OPERATORS.get((i + k) % Mutations.OPERATORS.size());
      Optional<Mutations.Mutant> m = Mutations.mutate(operator, text, r);
      if (m.isPresent()) {
        return m.get();
      }
    }
  }

  /** The repository's lab inventory with its vault-encrypted group_vars, scenarios and site playbook. */
  static HostileCase.FileSet lab() {
    HostileCase.FileSet files = new HostileCase.FileSet()
        .text("ansible.cfg", "[defaults]\nvault_password_file = vault-password\n")
        .text("vault-password", Fixture.shipped("lab/secrets/vault-password"))
        .text("playbooks/site.yml", Fixture.shipped("playbooks/site.yml"));
    for (String inv : Fixture.SHIPPED_INVENTORY) {
      files.text(inv, Fixture.shipped(inv));
    }
    try (Stream<Path> scenarios = Files.list(Fixture.REPO.resolve("lab/scenarios"))) {
      scenarios.filter(p -> p.toString().endsWith(".yml"))
          .forEach(p -> files.text("lab/scenarios/" + p.getFileName(), Fixture.shipped("lab/scenarios/" + p.getFileName())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
