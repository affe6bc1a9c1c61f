package io.trustchain.hostile;

import io.trustchain.hostile.Doc.Kind;
import io.trustchain.hostile.Doc.Slot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Inventories from Ansible's two grammars (YAML and INI) with one planted fault each: host names that
 * would become paths or options, ports and addresses of the wrong kind, cycles, range bombs, deep
 * nesting, and the byte-level faults. The playbook beside them is valid.
 */
final class InventoryGrammar {

  static final String PLAYBOOK = "playbooks/inventory-check.yml";
  static final String PLAYBOOK_TEXT = """
      - name: Inventory check
        hosts: all
        credential: {user: tcadmin, password: !secret env:TC_TCADMIN}
        resources:
          - user: {name: alice, secure_token: true}
      """;

  private static final List<String> HOST_NAMES = List.of("\"../../etc/passwd\"", "\"mac/01\"", "\"..\"", "\".\"",
      "\"mac\\u000001\"", "\"mac\\n01\"", "\"-oProxyCommand=id\"", "\"mac 01\"", "\"mac\\u001b[2J\"", "\"mac;id\"",
      "\"mac\\\\01\"");
  private static final List<String> PORTS = List.of("abc", "70000", "0", "-1", "[22]", "\"22; id\"", "2.5", "{p: 22}");
  private static final List<String> ADDRESSES = List.of("\"-oProxyCommand=id\"", "\"host name\"", "\"10.0.0.1\\n\"",
      "\"\"", "[10.0.0.1]", "\"10.0.0.1;id\"", "\"mac\\u0000\"");
  private static final List<String> SSH_USERS = List.of("\"-oProxyCommand=x\"", "\"ladmin\\n\"", "\"l admin\"", "\"\"",
      "[ladmin]", "\"ladmin\\u0007\"");

  private InventoryGrammar() {}

  static void cases(Random r, int count, List<Corpus.Base> bases, List<HostileCase> cases) {
    Doc yaml = null;
    List<String> ini = null;
    for (int i = 0; i < count; i++) {
      boolean useIni = i % 3 == 2;
      if (i % Corpus.CASES_PER_BASE == 0) {
        yaml = yaml(r);
        ini = ini(r);
        bases.add(new Corpus.Base("i-base" + (i / Corpus.CASES_PER_BASE), files("inventory.yml", yaml.text()),
            args("inventory.yml")));
        bases.add(new Corpus.Base("i-base-ini" + (i / Corpus.CASES_PER_BASE),
            files("inventory.ini", String.join("\n", ini) + "\n"), args("inventory.ini")));
      }
      String id = String.format("i%04d", i);
      if (useIni) {
        IniFault f = iniFault(ini, r, i);
        cases.add(new HostileCase(id, f.fault, f.note, files("inventory.ini", f.bytes).map(), args("inventory.ini"),
            Optional.of(new HostileCase.Place("inventory.ini", f.from, f.to, f.column))));
      } else {
        Faults.Planted p = yamlFault(yaml, r, i);
        cases.add(new HostileCase(id, p.fault(), p.note(), files("inventory.yml", p.bytes()).map(),
            args("inventory.yml"), Optional.of(new HostileCase.Place("inventory.yml", p.fromLine(), p.toLine(),
                p.column()))));
      }
    }
  }

  private static HostileCase.FileSet files(String inventory, String text) {
    return files(inventory, text.getBytes(StandardCharsets.UTF_8));
  }

  private static HostileCase.FileSet files(String inventory, byte[] bytes) {
    return new HostileCase.FileSet().text("ansible.cfg", "[defaults]\n").text(PLAYBOOK, PLAYBOOK_TEXT)
        .bytes(inventory, bytes);
  }

  private static String[] args(String inventory) {
    return new String[] {"validate", "-i", inventory, PLAYBOOK};
  }

  static Doc yaml(Random r) {
    Doc doc = new Doc();
    doc.line("all:");
    doc.line("  children:");
    String[] groups = {"engineering", "design", "headless"};
    for (int g = 0; g < groups.length; g++) {
      doc.slot(4, groups[g], "", Kind.MAPPING);
      doc.line("      hosts:");
      int hosts = 1 + r.nextInt(3);
      for (int h = 1; h <= hosts; h++) {
        doc.slot(8, "mac-" + groups[g].substring(0, 3) + "-0" + h, "", Kind.HOSTS);
        doc.slot(10, "ansible_host", "10.0." + g + "." + h, Kind.PATH);
        if (r.nextBoolean()) {
          doc.slot(10, "ansible_port", Integer.toString(22 + r.nextInt(2) * 2200), Kind.INT);
        }
        doc.slot(10, "ansible_user", "ladmin", Kind.USER_NAME);
      }
      doc.line("      vars:");
      doc.slot(8, "ansible_become", "true", Kind.BOOL);
      doc.slot(8, "site_label", "\"" + groups[g] + " wave " + r.nextInt(5) + "\"", Kind.VAR);
    }
    return doc;
  }

  private static Faults.Planted yamlFault(Doc doc, Random r, int i) {
    String[] kinds = {"host-name", "port", "address", "ssh-user", "range-bomb", "group-cycle", "deep-children",
      "become", "duplicate-key", "raw-control", "bad-utf8", "huge-scalar", "wrong-tag", "group-key-typo",
      "undefined-alias", "recursive-alias"};
    String kind = kinds[i % kinds.length];
    List<Slot> hostSlots = doc.slots(Kind.HOSTS);
    return switch (kind) {
      case "host-name" -> rekey(kind, doc, Faults.pick(r, hostSlots), Faults.pick(r, HOST_NAMES));
      case "range-bomb" -> rekey(kind, doc, Faults.pick(r, hostSlots), Faults.pick(r, List.of("mac-[0:99999999]",
          "mac-[0:2147483647]", "m[0:999]-[0:999]-[0:999]", "mac-[00000000:99999999]", "mac-[a:z][0:99999][0:99]")));
      case "group-cycle" -> {
        Slot design = doc.slots(Kind.MAPPING).get(1);
        String cycle = "      children:\n        engineering:\n          children:\n            design:";
        yield new Faults.Planted(kind, "design > engineering > design", Faults.utf8(doc.inserted(design.line(), cycle)),
            design.line() + 1, design.line() + 5, 0);
      }
      case "deep-children" -> {
        Slot first = doc.slots(Kind.MAPPING).get(0);
        int depth = 33 + r.nextInt(200);
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < depth; d++) {
          String pad = " ".repeat(6 + 4 * d);
          b.append(pad).append("children:\n").append(pad).append("  g").append(d).append(":\n");
        }
        yield new Faults.Planted(kind, "children nested " + depth + " groups deep",
            Faults.utf8(doc.inserted(first.line(), b.toString().stripTrailing())), first.line() + 2,
            first.line() + 1 + 2 * depth, 0);
      }
      case "port" -> value(kind, doc, r, doc.slots(Kind.INT), PORTS);
      case "address" -> value(kind, doc, r, doc.slots(Kind.PATH), ADDRESSES);
      case "ssh-user" -> value(kind, doc, r, doc.slots(Kind.USER_NAME), SSH_USERS);
      case "become" -> value(kind, doc, r, doc.slots(Kind.BOOL), List.of("maybe", "[true]", "{x: 1}", "2"));
      case "group-key-typo" -> {
        int line = doc.lines.indexOf("      hosts:");
        String typo = Faults.pick(r, List.of("      host:", "      hostss:", "      childrn:", "      var:"));
        yield new Faults.Planted(kind, typo.strip(), Faults.utf8(doc.replaced(line, typo)), line + 1, line + 1, 0);
      }
      default -> {
        Optional<Faults.Planted> p = Faults.plant(switch (kind) {
          case "raw-control", "bad-utf8", "huge-scalar", "wrong-tag", "duplicate-key", "undefined-alias",
              "recursive-alias" -> kind;
          default -> throw new IllegalArgumentException(kind);
        }, doc, r);
        yield p.orElseThrow();
      }
    };
  }

  private static Faults.Planted rekey(String kind, Doc doc, Slot slot, String key) {
    return new Faults.Planted(kind, "host " + Faults.abbreviate(key),
        Faults.utf8(doc.replaced(slot.line(), " ".repeat(slot.indent()) + key + ":")), slot.line() + 1,
        slot.line() + 1, 0);
  }

  private static Faults.Planted value(String kind, Doc doc, Random r, List<Slot> slots, List<String> values) {
    Slot s = Faults.pick(r, slots);
    String v = Faults.pick(r, values);
    return new Faults.Planted(kind, s.key() + ": " + Faults.abbreviate(v), Faults.utf8(doc.replaced(s.line(),
        s.render(v))), s.line() + 1, s.line() + 1, 0);
  }

  static List<String> ini(Random r) {
    List<String> lines = new ArrayList<>();
    lines.add("# generated by the hostile-documents grammar");
    for (String g : List.of("engineering", "design")) {
      lines.add("[" + g + "]");
      int hosts = 1 + r.nextInt(3);
      for (int h = 1; h <= hosts; h++) {
        lines.add("mac-" + g.substring(0, 3) + "-0" + h + " ansible_host=10.0." + g.length() + "." + h
            + " ansible_user=ladmin" + (r.nextBoolean() ? " ansible_port=22" : ""));
      }
      lines.add("");
    }
    lines.add("[fleet:children]");
    lines.add("engineering");
    lines.add("design");
    lines.add("");
    lines.add("[fleet:vars]");
    lines.add("ansible_become=true");
    return lines;
  }

  private record IniFault(String fault, String note, byte[] bytes, int from, int to, int column) {}

  private static IniFault iniFault(List<String> base, Random r, int i) {
    String[] kinds = {"ini-section", "ini-cycle", "ini-range-bomb", "ini-port", "ini-host-name", "ini-no-equals",
      "ini-section-type", "ini-raw-control", "ini-bad-utf8", "ini-unterminated-quote", "ini-address"};
    String kind = kinds[(i / 3) % kinds.length];
    List<String> lines = new ArrayList<>(base);
    int host = 2;
    return switch (kind) {
      case "ini-section" -> set(kind, lines, 1, "[engineering");
      case "ini-cycle" -> {
        lines.add("");
        lines.add("[engineering:children]");
        lines.add("fleet");
        yield new IniFault(kind, "fleet > engineering > fleet", text(lines), lines.size() - 1, lines.size(), 0);
      }
      case "ini-range-bomb" -> set(kind, lines, host, Faults.pick(r, List.of("mac-[0:99999999]",
          "mac-[0:2147483647] ansible_user=ladmin", "m[0:999]x[0:999]y[0:999]")));
      case "ini-port" -> set(kind, lines, host, "mac-eng-09 ansible_port=" + Faults.pick(r, List.of("abc", "70000",
          "-1", "22;id", "0")));
      case "ini-host-name" -> set(kind, lines, host, Faults.pick(r, List.of("../../etc/passwd", "mac/01",
          "-oProxyCommand=id", "\"mac 01\"", "..")) + " ansible_user=ladmin");
      case "ini-no-equals" -> set(kind, lines, lines.size() - 1, "ansible_become");
      case "ini-section-type" -> set(kind, lines, lines.indexOf("[fleet:vars]"), "[fleet:kids]");
      case "ini-raw-control" -> {
        String line = lines.get(host);
        int at = r.nextInt(line.length());
        lines.set(host, line.substring(0, at) + (char) Hostile.rawControl(r) + line.substring(at));
        yield new IniFault(kind, "control character at column " + (at + 1), text(lines), host + 1, host + 1, at + 1);
      }
      case "ini-bad-utf8" -> {
        String before = String.join("\n", lines.subList(0, host)) + "\n" + lines.get(host).substring(0, 4);
        byte[] bad = Faults.pick(r, Hostile.BAD_UTF8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(Faults.utf8(before));
        out.writeBytes(bad);
        out.writeBytes(Faults.utf8(lines.get(host).substring(4) + "\n"
            + String.join("\n", lines.subList(host + 1, lines.size())) + "\n"));
        yield new IniFault(kind, Faults.hex(bad) + " in a host line", out.toByteArray(), host + 1, host + 1, 5);
      }
      case "ini-unterminated-quote" -> set(kind, lines, host, "mac-eng-09 ansible_user=\"ladmin");
      case "ini-address" -> set(kind, lines, host, "mac-eng-09 ansible_host=" + Faults.pick(r,
          List.of("-oProxyCommand=id", "'host name'", "10.0.0.1;id")));
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static IniFault set(String kind, List<String> lines, int index, String line) {
    lines.set(index, line);
    return new IniFault(kind, "line " + (index + 1) + ": " + Faults.abbreviate(line), text(lines), index + 1, index + 1,
        0);
  }

  private static byte[] text(List<String> lines) {
    return Faults.utf8(String.join("\n", lines) + "\n");
  }
}
