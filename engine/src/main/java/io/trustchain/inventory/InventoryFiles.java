package io.trustchain.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** File-system facts about inventory sources, with Ansible's naming rules. */
final class InventoryFiles {

  private static final JsonFactory JSON = new JsonFactory();

  private InventoryFiles() {}

  /** The entries of {@code dir} sorted as Python sorts names (by code point); empty when unreadable. */
  static List<Path> sortedEntries(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted((a, b) -> PythonJson.CODE_POINT_ORDER.compare(
          a.getFileName().toString(), b.getFileName().toString())).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Python's {@code os.path.splitext(name)[1]}: from the last dot, unless the name starts with it. */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    for (int i = 0; i < dot; i++) {
      if (name.charAt(i) != '.') {
        return name.substring(dot);
      }
    }
    return "";
  }

  /** Whether {@code text} is one JSON document (Ansible reads such files as JSON, not YAML). */
  static boolean isJson(String text) {
    String t = text.strip();
    if (!t.startsWith("{") && !t.startsWith("[")) {
      return false;
    }
    try (JsonParser parser = JSON.createParser(t)) {
      while (parser.nextToken() != null) {
        // read to the end: any syntax error means it is not JSON
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
