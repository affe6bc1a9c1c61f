package io.trustchain.hostile;

import io.trustchain.hostile.Doc.Kind;
import io.trustchain.hostile.Doc.Slot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Plants one fault into a grammar-written document. Each fault makes the document invalid by itself:
 * the document without it validates (the test checks that too).
 */
final class Faults {

  /** A document with its fault, and where the fault sits (line range, 1-based; column when known). */
  record Planted(String fault, String note, byte[] bytes, int fromLine, int toLine, int column) {}

  /** Every fault this class plants, each a function of (document, random). */
  static final List<String> KINDS = List.of(
      "long-short-name", "bad-short-name", "long-full-name", "bad-full-name", "bad-shell", "control-in-name",
      "huge-scalar", "deep-flow", "deep-block", "type-swap", "wrong-tag", "duplicate-key", "undefined-alias",
      "recursive-alias", "alias-bomb", "merge-key", "unknown-key", "bad-secret", "template", "raw-control",
      "bad-utf8", "tab-indent", "second-document", "long-name-list");

  private Faults() {}

  static Optional<Planted> plant(String kind, Doc doc, Random r) {
    return switch (kind) {
      case "long-short-name" -> replace(kind, doc, r, pick(r, doc.slots(Kind.USER_NAME)),
          s -> Hostile.repeat(r, "abcdefghijklmnopqrstuvwxyz0123456789", 256 + r.nextInt(6000)));
      case "bad-short-name" -> replace(kind, doc, r, pick(r, doc.slots(Kind.USER_NAME)),
          s -> pick(r, Hostile.SHORT_NAMES));
      case "long-full-name" -> replace(kind, doc, r, pick(r, doc.slots(Kind.FULL_NAME)),
          s -> r.nextBoolean() ? Hostile.repeat(r, "Alice Appleseed ", 256 + r.nextInt(4000)).strip() + "x"
              : "\"" + "漢".repeat(86 + r.nextInt(500)) + "\"");
      case "bad-full-name" -> replace(kind, doc, r, pick(r, doc.slots(Kind.FULL_NAME)),
          s -> pick(r, Hostile.FULL_NAMES));
      case "bad-shell" -> replace(kind, doc, r, pick(r, doc.slots(Kind.SHELL)), s -> switch (r.nextInt(3)) {
        case 0 -> "/usr/" + "a".repeat(256 + r.nextInt(100)) + "/zsh";
        case 1 -> ("/" + "b".repeat(200)).repeat(6) + "/zsh";
        default -> pick(r, Hostile.SHELLS);
      });
      case "control-in-name" -> replace(kind, doc, r, pick(r, doc.slots(Kind.PLAY_NAME)),
          s -> "\"" + s.value() + Hostile.controlEscape(r) + "x\"");
      case "huge-scalar" -> replace(kind, doc, r, pick(r, doc.slots(Kind.PLAY_NAME, Kind.FULL_NAME, Kind.VAR,
          Kind.PATH, Kind.SHELL)), s -> "\"" + Hostile.repeat(r, "xyz ", 65 * 1024 + r.nextInt(1 << 18)) + "\"");
      case "deep-flow" -> replace(kind, doc, r, pick(r, doc.slots(Kind.VAR, Kind.NAME_LIST, Kind.USER_NAME,
          Kind.BOOL)), s -> {
            int depth = 65 + r.nextInt(r.nextBoolean() ? 200 : 20000);
            return r.nextBoolean() ? Hostile.flowNesting(depth, "[", "]") : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
          });
      case "deep-block" -> deepBlock(doc, r);
      case "type-swap" -> typeSwap(doc, r);
      case "wrong-tag" -> replace(kind, doc, r, pick(r, doc.slots(Kind.USER_NAME, Kind.BOOL, Kind.INT, Kind.ENUM,
          Kind.FULL_NAME, Kind.SHELL)), s -> pick(r, List.of("!!binary aGVsbG8=", "!!timestamp 2001-12-14",
              "!!set {a, b}", "!unknown " + s.value(), "!!python/object/apply:os.system [id]", "!secret env:TC_ALICE",
              "!vault notanenvelope", "!!map {a: 1}", "!!seq [a]", "!<tag:example.com,2000:x> " + s.value())));
      case "duplicate-key" -> {
        Slot s = pick(r, doc.slots.stream().filter(x -> !x.key().startsWith("- ")).toList());
        yield Optional.of(new Planted(kind, "duplicated " + s.key(), utf8(doc.inserted(s.line(), doc.lines.get(s.line()))),
            s.line() + 2, s.line() + 2, 0));
      }
      case "undefined-alias" -> replace(kind, doc, r, pick(r, doc.slots(Kind.VAR, Kind.USER_NAME, Kind.BOOL)),
          s -> "*nowhere");
      case "recursive-alias" -> replace(kind, doc, r, pick(r, doc.slots(Kind.VAR, Kind.NAME_LIST)),
          s -> r.nextBoolean() ? "&loop [*loop]" : "&loop {again: *loop}");
      case "alias-bomb" -> aliasBomb(doc, r);
      case "merge-key" -> mergeKey(doc, r);
      case "unknown-key" -> unknownKey(doc, r);
      case "bad-secret" -> replace(kind, doc, r, pick(r, doc.slots(Kind.SECRET)), s -> pick(r, List.of(
          "!secret nope:X", "!secret env:", "!secret \"file:a\\u0000b\"", "!vault not-an-envelope",
          "!secret file:/nonexistent/hostile/secret", "!secret {env: X}", "plain-text-password", "[x]",
          "!secret env:TC_NOT_SET_ANYWHERE", "!secret \"env:A\\nB\"")));
      case "template" -> replace(kind, doc, r, pick(r, doc.slots(Kind.USER_NAME, Kind.FULL_NAME)),
          s -> pick(r, Hostile.templates(r)));
      case "raw-control" -> bytesInValue(kind, doc, r, new byte[] {Hostile.rawControl(r)});
      case "bad-utf8" -> bytesInValue(kind, doc, r, pick(r, Hostile.BAD_UTF8));
      case "tab-indent" -> {
        Slot s = pick(r, doc.slots.stream().filter(x -> x.indent() >= 2 && !x.key().startsWith("- ")).toList());
        String line = "\t" + doc.lines.get(s.line()).stripLeading();
        yield Optional.of(new Planted(kind, "tab before " + s.key(), utf8(doc.replaced(s.line(), line)),
            s.line() + 1, s.line() + 1, 0));
      }
      case "second-document" -> Optional.of(new Planted(kind, "two documents in one file",
          utf8(doc.text() + "---\n" + doc.text()), doc.lines.size() + 1, doc.lines.size() + 3, 0));
      case "long-name-list" -> replace(kind, doc, r, pick(r, doc.slots(Kind.NAME_LIST)),
          s -> "[tcadmin, " + Hostile.repeat(r, "abcdefghij", 256 + r.nextInt(3000)) + "]");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private interface Value {
    String of(Slot slot);
  }

  private static Optional<Planted> replace(String kind, Doc doc, Random r, Slot slot, Value value) {
    if (slot == null) {
      return Optional.empty();
    }
    String v = value.of(slot);
    String note = slot.key() + ": " + abbreviate(v);
    return Optional.of(new Planted(kind, note, utf8(doc.replaced(slot.line(), slot.render(v))), slot.line() + 1,
        slot.line() + 1, 0));
  }

  private static Optional<Planted> deepBlock(Doc doc, Random r) {
    Slot s = pick(r, doc.slots(Kind.VAR));
    int depth = 65 + r.nextInt(400);
    StringBuilder b = new StringBuilder(s.render(""));
    for (int i = 1; i <= depth; i++) {
      b.append('\n').append(" ".repeat(s.indent() + i)).append(r.nextBoolean() ? "k:" : "- ");
    }
    b.append(" leaf");
    return Optional.of(new Planted("deep-block", s.key() + " nested " + depth + " levels in block style",
        utf8(doc.replaced(s.line(), b.toString())), s.line() + 1, s.line() + depth + 1, 0));
  }

  private static Optional<Planted> typeSwap(Doc doc, Random r) {
    Slot s = pick(r, doc.slots(Kind.BOOL, Kind.INT, Kind.USER_NAME, Kind.ENUM, Kind.NAME_LIST, Kind.HOSTS,
        Kind.PLAY_NAME, Kind.FULL_NAME, Kind.SHELL, Kind.PATH));
    List<String> options = switch (s.kind()) {
      case BOOL -> List.of("[true]", "{x: 1}", "\"maybe\"", "3", "2025-01-01");
      case INT -> List.of("\"ninety\"", "[1]", "{d: 1}", "1.5", "99999999999999999999", "true");
      case USER_NAME -> List.of("[alice]", "{n: alice}", "~", "!!int 42");
      case FULL_NAME, SHELL, PATH, PLAY_NAME -> List.of("[alice]", "{n: alice}");
      case ENUM -> List.of("sometimes", "[vault]", "{x: y}", "42");
      case NAME_LIST -> List.of("{a: b}", "[[tcadmin]]", "[{u: tcadmin}]");
      case HOSTS -> List.of("{a: b}", "[[engineering]]");
      default -> List.of("[x]");
    };
    return replace("type-swap", doc, r, s, x -> pick(r, options));
  }

  private static Optional<Planted> aliasBomb(Doc doc, Random r) {
    Slot s = pick(r, doc.slots(Kind.VAR));
    int width = 3 + r.nextInt(2);
    int levels = 48 / width;
    StringBuilder b = new StringBuilder(s.render("&b0 [" + "lol, ".repeat(width - 1) + "lol]"));
    for (int i = 1; i < levels; i++) {
      b.append('\n').append(" ".repeat(s.indent())).append("bomb").append(i).append(": &b").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(width, "*b" + (i - 1)))).append(']');
    }
    return Optional.of(new Planted("alias-bomb", width + "^" + levels + " values from " + (levels - 1) * width
        + " aliases", utf8(doc.replaced(s.line(), b.toString())), s.line() + 1, s.line() + levels, 0));
  }

  private static Optional<Planted> mergeKey(Doc doc, Random r) {
    Slot var = doc.slots(Kind.VAR).get(0);
    Slot target = pick(r, doc.slots(Kind.USER_NAME, Kind.BOOL).stream().filter(x -> x.indent() >= 8).toList());
    if (target == null) {
      return Optional.empty();
    }
    Doc copy = new Doc();
    copy.lines.addAll(doc.lines);
    copy.lines.set(var.line(), var.render("&defaults {admin: true, hiddn: true}"));
    copy.lines.add(target.line() + 1, " ".repeat(target.indent()) + "<<: *defaults");
    return Optional.of(new Planted("merge-key", "<<: *defaults (with the unknown key hiddn) among " + target.key()
        + "'s siblings", utf8(copy.text()), var.line() + 1, var.line() + 1, 0));
  }

  private static Optional<Planted> unknownKey(Doc doc, Random r) {
    Slot s = pick(r, doc.slots.stream().filter(x -> x.kind() != Kind.VAR && !x.key().startsWith("- ")).toList());
    String key = s.key();
    int at = r.nextInt(key.length());
    String typo = switch (r.nextInt(3)) {
      case 0 -> key.substring(0, at) + key.substring(at + 1);
      case 1 -> key.substring(0, at) + "x" + key.substring(at);
      default -> key + "_";
    };
    if (typo.isEmpty() || typo.equals(key)) {
      typo = key + "z";
    }
    String line = " ".repeat(s.indent()) + typo + ": " + s.value();
    return Optional.of(new Planted("unknown-key", key + " misspelt " + typo, utf8(doc.replaced(s.line(), line)),
        s.line() + 1, s.line() + 1, 0));
  }

  /** Raw bytes inside a slot's value: the reader must name that line and column. */
  private static Optional<Planted> bytesInValue(String kind, Doc doc, Random r, byte[] bad) {
    Slot s = pick(r, doc.slots.stream().filter(x -> !x.value().startsWith("\"{{") && !x.value().startsWith("[")).toList());
    String line = doc.lines.get(s.line());
    int valueStart = line.length() - s.value().length();
    int at = valueStart + r.nextInt(s.value().length() + 1);
    String before = String.join("\n", doc.lines.subList(0, s.line())) + (s.line() > 0 ? "\n" : "") + line.substring(0, at);
    String after = line.substring(at) + "\n" + String.join("\n", doc.lines.subList(s.line() + 1, doc.lines.size())) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(before));
    out.writeBytes(bad);
    out.writeBytes(utf8(after));
    int column = line.substring(0, at).codePointCount(0, at) + 1;
    return Optional.of(new Planted(kind, hex(bad) + " in " + s.key() + " at column " + column, out.toByteArray(),
        s.line() + 1, s.line() + 1, column));
  }

  static <T> T pick(Random r, List<T> options) {
    return options.isEmpty() ? null : options.get(r.nextInt(options.size()));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String hex(byte[] bytes) {
    StringBuilder b = new StringBuilder();
    for (byte x : bytes) {
      b.append(String.format("%02x ", x & 0xff));
    }
    return b.toString().strip();
  }

  static String abbreviate(String s) {
    String shown = s.length() > 60 ? s.substring(0, 40) + "…(" + s.length() + " chars)" : s;
    StringBuilder b = new StringBuilder();
    shown.codePoints().forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : Character.toString(c)));
    return b.toString();
  }
}
