package io.trustchain.inventory;

import io.trustchain.diag.DidYouMean;
import io.trustchain.diag.Diagnostics;
import io.trustchain.diag.SourceRange;
import io.trustchain.inventory.InventoryGraph.GroupNode;
import io.trustchain.inventory.InventoryGraph.HostNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an INI inventory into the graph as Ansible's {@code ini} plugin does: {@code [group]},
 * {@code [group:vars]} and {@code [group:children]} sections; host lines {@code name key=value ...}
 * split like a shell line; values typed by {@link PythonLiteral}; hosts before any section go to
 * {@code ungrouped}. Unlike Ansible it keeps going after a bad line, so every problem is reported.
 */
final class IniInventoryParser {

  private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$");
  private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");
  private static final List<String> SECTION_TYPES = List.of("hosts", "children", "vars");

  private final InventoryGraph graph;
  private final Path file;
  private final Diagnostics diagnostics;
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private GroupNode group;
  private String state = "hosts";

  /** A group named before it is declared: by {@code [g:vars]} or as a child. */
  private static final class Pending {
    final String state;
    final SourceRange at;
    final List<GroupNode> parents = new ArrayList<>();
    final List<SourceRange> references = new ArrayList<>();

    Pending(String state, SourceRange at) {
      this.state = state;
      this.at = at;
    }
  }

  private IniInventoryParser(InventoryGraph graph, Path file, Diagnostics diagnostics) {
    this.graph = graph;
    this.file = file;
    this.diagnostics = diagnostics;
    this.group = graph.groups.get(InventoryGraph.UNGROUPED);
  }

  static void parse(InventoryGraph graph, Path file, String text, Diagnostics diagnostics) {
    IniInventoryParser parser = new IniInventoryParser(graph, file, diagnostics);
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      parser.line(lines[i], i + 1);
    }
    parser.finish();
  }

  private SourceRange at(int line, int index) {
    return SourceRange.of(file, line, index + 1);
  }

  private void line(String raw, int lineNo) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
        diagnostics.error(at(lineNo, i), String.format("the line holds the control character U+%04X", (int) c),
            "remove it: an inventory holds printable text");
        return;
      }
    }
    String line = raw.strip();
    if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
      return;
    }
    int indent = raw.indexOf(line);
    Matcher m = SECTION.matcher(line);
    if (m.matches()) {
      section(m, lineNo, indent);
      return;
    }
    if (line.startsWith("[") && line.endsWith("]")) {
      diagnostics.error(at(lineNo, indent), "invalid section header " + line,
          "write [group], [group:vars] or [group:children], with no spaces inside the brackets");
      state = "skip";
      return;
    }
    switch (state) {
      case "hosts" -> hosts(line, lineNo, indent);
      case "vars" -> variable(line, lineNo, indent);
      case "children" -> child(line, lineNo, indent);
      default -> { }
    }
  }

  private void section(Matcher m, int lineNo, int indent) {
    String name = m.group(1);
    String type = m.group(2) == null ? "hosts" : m.group(2);
    if (!SECTION_TYPES.contains(type)) {
      diagnostics.error(at(lineNo, indent + m.start(2)),
          "unknown section type \"" + type + "\" in [" + name + ":" + type + "]",
          hintOr(DidYouMean.hint(type, List.of("vars", "children")), "use [" + name + ":vars] or ["
              + name + ":children]"));
      state = "skip";
      return;
    }
    SourceRange here = at(lineNo, indent);
    if (!graph.groups.containsKey(name) && type.equals("vars") && !pending.containsKey(name)) {
      pending.put(name, new Pending("vars", here));
    }
    group = graph.group(name, here);
    state = type;
    Pending p = pending.get(name);
    if (p != null && !type.equals("vars")) {
      if (p.state.equals("children")) {
        resolvePendingChildren(name);
      } else {
        pending.remove(name);
      }
    }
  }

  private void resolvePendingChildren(String name) {
    Pending p = pending.remove(name);
    if (p == null) {
      return;
    }
    GroupNode child = graph.groups.get(name);
    for (int i = 0; i < p.parents.size(); i++) {
      GroupNode parent = p.parents.get(i);
      graph.addChild(parent, child, p.references.get(i), diagnostics);
      Pending up = pending.get(parent.name);
      if (up != null && up.state.equals("children")) {
        resolvePendingChildren(parent.name);
      }
    }
  }

  private void hosts(String line, int lineNo, int indent) {
    List<ShellWords.Word> words;
    try {
      words = ShellWords.split(line);
    } catch (ShellWords.SplitException e) {
      diagnostics.error(at(lineNo, indent + e.position), "cannot read host line: " + e.getMessage(),
          "close the quote or escape the character");
      return;
    }
    if (words.isEmpty()) {
      return;
    }
    ShellWords.Word first = words.get(0);
    SourceRange hostAt = at(lineNo, indent + first.start());
    Map<String, Object> vars = new LinkedHashMap<>();
    Map<String, SourceRange> positions = new java.util.HashMap<>();
    for (ShellWords.Word w : words.subList(1, words.size())) {
      int eq = w.text().indexOf('=');
      if (eq < 0) {
        diagnostics.error(at(lineNo, indent + w.start()),
            "expected key=value after the host name, got \"" + w.text() + "\"",
            "write variables as name=value; quote values that contain spaces");
        continue;
      }
      vars.put(w.text().substring(0, eq), PythonLiteral.typed(w.text().substring(eq + 1)));
      positions.put(w.text().substring(0, eq), at(lineNo, indent + w.start()));
    }
    HostRanges.Expansion expansion = expand(first.text(), hostAt);
    if (expansion == null) {
      return;
    }
    for (String name : expansion.names()) {
      if (name.isEmpty()) {
        diagnostics.error(hostAt, "empty host name", "remove the empty quotes");
        continue;
      }
      HostNode host = graph.host(name, file, hostAt, expansion.port());
      graph.addHost(group, host);
      host.vars.putAll(vars);
      host.varsAt.putAll(positions);
    }
  }

  private HostRanges.Expansion expand(String pattern, SourceRange at) {
    if (pattern.strip().equals("---")) {
      diagnostics.error(at, "\"---\" is not a host name; this looks like a YAML file",
          "name the file with a .yml or .yaml extension");
      return null;
    }
    java.util.Optional<String> badName = HostNames.problem(pattern);
    if (badName.isPresent()) {
      diagnostics.error(at, badName.get(), HostNames.HINT);
      return null;
    }
    HostRanges.Expansion expansion;
    try {
      expansion = HostRanges.expand(pattern);
    } catch (IllegalArgumentException e) {
      diagnostics.error(at, e.getMessage(), "write ranges as name[01:10] or name[a:f], optionally with a :step");
      return null;
    }
    if (pattern.strip().endsWith(":") && expansion.port() == null) {
      diagnostics.error(at, "host \"" + pattern + "\" ends in \":\", which is reserved for a port",
          "write host:port with a port number, or remove the colon");
      return null;
    }
    return expansion;
  }

  private void variable(String line, int lineNo, int indent) {
    int eq = line.indexOf('=');
    if (eq < 0) {
      diagnostics.error(at(lineNo, indent), "expected key=value in [" + group.name + ":vars], got \"" + line + "\"",
          "write one variable per line as name=value");
      return;
    }
    String key = line.substring(0, eq).strip();
    if (key.isEmpty()) {
      diagnostics.error(at(lineNo, indent), "variable name missing before \"=\"", "write name=value");
      return;
    }
    Object value = PythonLiteral.typed(line.substring(eq + 1).strip());
    graph.setGroupVar(group, key, value, at(lineNo, indent), diagnostics);
  }

  private void child(String line, int lineNo, int indent) {
    Matcher m = GROUP_NAME.matcher(line);
    SourceRange here = at(lineNo, indent);
    if (!m.matches()) {
      diagnostics.error(here, "expected a group name in [" + group.name + ":children], got \"" + line + "\"",
          "list one child group per line; hosts belong in [" + group.name + "]");
      return;
    }
    String name = m.group(1);
    GroupNode existing = graph.groups.get(name);
    if (existing != null) {
      graph.addChild(group, existing, here, diagnostics);
      return;
    }
    Pending p = pending.computeIfAbsent(name, n -> new Pending("children", here));
    p.parents.add(group);
    p.references.add(here);
  }

  private void finish() {
    for (Map.Entry<String, Pending> e : pending.entrySet()) {
      String name = e.getKey();
      Pending p = e.getValue();
      List<String> known = new ArrayList<>(graph.groups.keySet());
      known.remove(name);
      if (p.state.equals("vars")) {
        diagnostics.error(p.at, "[" + name + ":vars] is for group \"" + name + "\", which is never declared",
            hintOr(DidYouMean.hint(name, known), "declare it with a [" + name + "] section (it may be empty)"));
        continue;
      }
      for (int i = 0; i < p.parents.size(); i++) {
        diagnostics.error(p.references.get(i), "[" + p.parents.get(i).name + ":children] names group \""
            + name + "\", which is never declared",
            hintOr(DidYouMean.hint(name, known), "declare it with a [" + name + "] section (it may be empty)"));
      }
    }
  }

  private static String hintOr(String hint, String fallback) {
    return hint != null ? hint : fallback;
  }
}
