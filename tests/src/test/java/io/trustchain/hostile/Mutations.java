package io.trustchain.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates a shipped document (a playbook or an inventory file) with one operator that makes it
 * invalid whatever the line it lands on: every operator picks only lines where that holds.
 */
final class Mutations {

  /** The mutated text or bytes, and where the fault is (1-based lines; column when known). */
  record Mutant(String operator, String note, byte[] bytes, int fromLine, int toLine, int column) {}

  static final List<String> OPERATORS = List.of(
      "duplicate-line", "raw-control", "bad-utf8", "type-swap", "deep-flow", "huge-scalar", "wrong-tag",
      "undefined-alias", "unclosed-quote", "key-typo", "hostile-name", "tab-indent", "second-document",
      "utf16", "vault-envelope", "recursive-alias");

  /** {@code key: value} at any indentation, not a list item, not a comment. */
  private static final Pattern KEY_LINE = Pattern.compile("^( *)([A-Za-z_][A-Za-z0-9_-]*):( +(.*))?$");

  private static final List<String> STRUCTURAL = List.of("hosts", "name", "credential", "resources", "escrow",
      "children", "vars", "user", "password", "store", "path", "enabled", "enable_with", "unlock_users",
      "personal_recovery_key", "deferred", "full_name", "admin", "secure_token", "escrowed", "state",
      "hidden", "shell", "secure_token_prompt");

  private static final List<String> TYPED = List.of("name", "hosts", "user", "full_name", "admin", "hidden",
      "shell", "enabled", "enable_with", "escrowed", "secure_token", "secure_token_prompt", "store", "path",
      "force_at_login", "ask_at_logout", "overdue_after_days", "escrow", "rotate_after_days", "state",
      "ansible_port", "ansible_user", "ansible_host", "ansible_become");

  private Mutations() {}

  static Optional<Mutant> mutate(String operator, String text, Random r) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    List<Integer> keyLines = matching(lines, m -> true);
    List<Integer> valueLines = matching(lines, m -> m.group(4) != null && !m.group(4).isEmpty()
        && !m.group(4).startsWith("#"));
    List<Integer> plainValues = matching(lines, m -> m.group(4) != null && m.group(4).matches("[A-Za-z0-9_./-]+"));
    return switch (operator) {
      case "duplicate-line" -> at(keyLines, r).map(i -> {
        List<String> copy = new ArrayList<>(lines);
        copy.add(i + 1, lines.get(i));
        return mutant(operator, "duplicated line " + (i + 1), copy, i + 2, i + 2, 0);
      });
      case "raw-control" -> anyLine(lines, r).map(i -> bytesAt(operator, lines, i, r,
          new byte[] {Hostile.rawControl(r)}));
      case "bad-utf8" -> anyLine(lines, r).map(i -> bytesAt(operator, lines, i, r, Faults.pick(r, Hostile.BAD_UTF8)));
      case "type-swap" -> at(filter(plainValues, lines, TYPED), r).map(i -> withValue(operator, lines, i,
          "{x: " + value(lines.get(i)) + "}"));
      case "deep-flow" -> at(valueLines, r).map(i -> withValue(operator, lines, i,
          Hostile.flowNesting(65 + r.nextInt(r.nextBoolean() ? 100 : 8000), "[", "]")));
      case "huge-scalar" -> at(valueLines, r).map(i -> withValue(operator, lines, i,
          Hostile.repeat(r, "abc", 65 * 1024 + r.nextInt(1 << 18))));
      case "wrong-tag" -> at(plainValues, r).map(i -> withValue(operator, lines, i,
          Faults.pick(r, List.of("!!binary ", "!unknown ", "!!timestamp ", "!!python/name:os.system ", "!!omap "))
              + value(lines.get(i))));
      case "undefined-alias" -> at(valueLines, r).map(i -> withValue(operator, lines, i, "*nowhere"));
      case "recursive-alias" -> at(valueLines, r).map(i -> withValue(operator, lines, i, "&self [*self]"));
      case "unclosed-quote" -> at(indexes(lines, l -> !l.stripLeading().startsWith("#") && l.indexOf('"') >= 0), r)
          .map(i -> {
            List<String> copy = new ArrayList<>(lines.subList(0, i));
            copy.add(lines.get(i).substring(0, lines.get(i).indexOf('"') + 1) + "never closed");
            return mutant(operator, "truncated after the quote on line " + (i + 1), copy, i + 1, i + 2, 0);
          });
      case "key-typo" -> at(filter(keyLines, lines, STRUCTURAL), r).map(i -> {
        Matcher m = KEY_LINE.matcher(lines.get(i));
        m.matches();
        String key = m.group(2);
        String typo = key.length() > 3 ? key.substring(0, key.length() - 2) + key.charAt(key.length() - 1)
            + key.charAt(key.length() - 2) : key + "s";
        if (typo.equals(key)) {
          typo = key + "s";
        }
        List<String> copy = new ArrayList<>(lines);
        copy.set(i, m.group(1) + typo + ":" + (m.group(3) == null ? "" : m.group(3)));
        return mutant(operator, key + " misspelt " + typo, copy, i + 1, i + 1, 0);
      });
      case "hostile-name" -> at(filter(plainValues, lines, List.of("name", "user")), r).map(i -> withValue(operator,
          lines, i, Faults.pick(r, Hostile.SHORT_NAMES)));
      case "tab-indent" -> at(indexes(lines, l -> l.startsWith("  ") && !l.stripLeading().startsWith("#")
          && !l.stripLeading().startsWith("-") && KEY_LINE.matcher(l).matches()), r).map(i -> {
            List<String> copy = new ArrayList<>(lines);
            copy.set(i, "\t" + lines.get(i).stripLeading());
            return mutant(operator, "tab indents line " + (i + 1), copy, i + 1, i + 1, 0);
          });
      case "second-document" -> {
        int first = indexes(lines, l -> !l.isBlank() && !l.stripLeading().startsWith("#")).get(0);
        yield Optional.of(mutant(operator, "a second document", concat(lines, List.of("---"), lines),
            lines.size() + 1, lines.size() + 2 + first, 0));
      }
      case "utf16" -> Optional.of(new Mutant(operator, "the file in UTF-16 with a byte-order mark",
          (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_16), 1, 1, 0));
      case "vault-envelope" -> at(indexes(lines, l -> l.strip().startsWith("$ANSIBLE_VAULT;")), r).map(i -> {
        List<String> copy = new ArrayList<>(lines);
        String indent = lines.get(i).substring(0, lines.get(i).indexOf('$'));
        copy.set(i, indent + Faults.pick(r, List.of("$ANSIBLE_VAULT;9.9;ROT13", "$ANSIBLE_VAULT;1.1;AES128",
            "$ANSIBLE_VAULT;1.1")));
        if (r.nextBoolean() && i + 1 < copy.size()) {
          copy.set(i + 1, indent + "zz" + copy.get(i + 1).strip().substring(2));
        }
        return mutant(operator, "vault header on line " + (i + 1), copy, i, i + 1, 0);
      });
      default -> throw new IllegalArgumentException(operator);
    };
  }

  private interface LineTest {
    boolean test(Matcher m);
  }

  private static List<Integer> matching(List<String> lines, LineTest test) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = KEY_LINE.matcher(lines.get(i));
      if (m.matches() && test.test(m)) {
        out.add(i);
      }
    }
    return out;
  }

  private static List<Integer> indexes(List<String> lines, java.util.function.Predicate<String> test) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (test.test(lines.get(i))) {
        out.add(i);
      }
    }
    return out;
  }

  private static List<Integer> filter(List<Integer> candidates, List<String> lines, List<String> keys) {
    return candidates.stream().filter(i -> {
      Matcher m = KEY_LINE.matcher(lines.get(i));
      return m.matches() && keys.contains(m.group(2));
    }).toList();
  }

  private static Optional<Integer> at(List<Integer> candidates, Random r) {
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(r.nextInt(candidates.size())));
  }

  private static Optional<Integer> anyLine(List<String> lines, Random r) {
    return at(indexes(lines, l -> !l.isEmpty()), r);
  }

  private static String value(String line) {
    Matcher m = KEY_LINE.matcher(line);
    m.matches();
    return m.group(4);
  }

  private static Mutant withValue(String operator, List<String> lines, int i, String newValue) {
    Matcher m = KEY_LINE.matcher(lines.get(i));
    m.matches();
    List<String> copy = new ArrayList<>(lines);
    copy.set(i, m.group(1) + m.group(2) + ": " + newValue);
    return mutant(operator, m.group(2) + ": " + Faults.abbreviate(newValue), copy, i + 1, i + 1, 0);
  }

  private static Mutant bytesAt(String operator, List<String> lines, int i, Random r, byte[] bad) {
    String line = lines.get(i);
    int at = r.nextInt(line.length() + 1);
    while (at > 0 && at < line.length() && Character.isLowSurrogate(line.charAt(at))) {
      at--;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Faults.utf8(String.join("\n", lines.subList(0, i)) + (i > 0 ? "\n" : "") + line.substring(0, at)));
    out.writeBytes(bad);
    out.writeBytes(Faults.utf8(line.substring(at) + "\n" + String.join("\n", lines.subList(i + 1, lines.size()))
        + (i + 1 < lines.size() ? "\n" : "")));
    int column = line.codePointCount(0, at) + 1;
    return new Mutant(operator, Faults.hex(bad) + " at line " + (i + 1) + " column " + column, out.toByteArray(),
        i + 1, i + 1, column);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) {
      all.addAll(p);
    }
    return all;
  }

  private static Mutant mutant(String operator, String note, List<String> lines, int from, int to, int column) {
    return new Mutant(operator, note, Faults.utf8(String.join("\n", lines) + "\n"), from, to, column);
  }
}
