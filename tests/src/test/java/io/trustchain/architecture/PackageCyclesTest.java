package io.trustchain.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of engine, modules and lab depend on each other without cycles (the README lists the
 * engine's allowed dependencies). Built from the sources: every {@code io.trustchain.x.Y} reference,
 * imported or written in full, is an edge from the file's package to x.
 */
class PackageCyclesTest {

  private static final Pattern PACKAGE = Pattern.compile("^package (io\\.trustchain[\\w.]*);", Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.trustchain((?:\\.[a-z]\\w*)+)\\.[A-Z]");

  @Test
  void noPackageCycles() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String module : List.of("engine", "cli", "modules", "lab")) {
      try (Stream<Path> files = Files.walk(Path.of(module, "src/main/java"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(f);
          Matcher p = PACKAGE.matcher(text);
          if (!p.find()) {
            continue;
          }
          String from = p.group(1);
          Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
          Matcher r = REFERENCE.matcher(text);
          while (r.find()) {
            String target = "io.trustchain" + r.group(1);
            if (!target.equals(from)) {
              to.add(target);
            }
          }
        }
      }
    }
    assertThat(graph).as("packages found").containsKeys("io.trustchain.plan", "io.trustchain.spi",
        "io.trustchain.macos.user", "io.trustchain.lab.shell");
    assertThat(cycles(graph)).as("package cycles").isEmpty();
  }

  /** Strongly connected components with more than one package (Tarjan). */
  private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    List<Set<String>> found = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    List<String> stack = new ArrayList<>();
    Set<String> onStack = new HashSet<>();
    int[] counter = {0};
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, graph, index, low, stack, onStack, counter, found);
      }
    }
    return found;
  }

  private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
      Map<String, Integer> low, List<String> stack, Set<String> onStack, int[] counter, List<Set<String>> found) {
    index.put(v, counter[0]);
    low.put(v, counter[0]++);
    stack.add(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, counter, found);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.remove(stack.size() - 1);
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        found.add(component);
      }
    }
  }
}
