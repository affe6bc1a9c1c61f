package io.trustchain.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sw_vers} (S79–S83): {@code Key:} then one or two TABs (spaces in the man page) then the
 * value; ProductName is {@code Mac OS X} (10.12–10.15), {@code OS X} or {@code macOS} (11+);
 * {@code ProductVersionExtra} (13+, Rapid Security Response) is tolerated.
 */
final class SwVersParser {

  /** What sw_vers says; {@code versionExtra} is null without a Rapid Security Response. */
  record SwVers(String productName, String version, String build, String versionExtra) {}

  private static final Pattern LINE = Pattern.compile("^([A-Za-z]+):[\\t ]+(\\S.*)$");
  private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");

  private SwVersParser() {}

  static SwVers parse(ToolOutput out) throws FactParseException {
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : out.stdoutLines()) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw out.fail("unrecognised line '" + line + "'");
      }
      String key = m.group(1);
      switch (key) {
        case "ProductName", "ProductVersion", "BuildVersion", "ProductVersionExtra" -> values.put(key, m.group(2).strip());
        default -> throw out.fail("unknown key '" + key + "'");
      }
    }
    String name = values.get("ProductName");
    if (name == null || values.get("ProductVersion") == null || values.get("BuildVersion") == null) {
      throw out.fail("ProductName, ProductVersion and BuildVersion are all expected");
    }
    if (!name.equals("macOS") && !name.equals("Mac OS X") && !name.equals("OS X")) {
      throw out.fail("ProductName '" + name + "' is not macOS");
    }
    String version = values.get("ProductVersion");
    if (!VERSION.matcher(version).matches()) {
      throw out.fail("ProductVersion '" + version + "' is not a version number");
    }
    return new SwVers(name, version, values.get("BuildVersion"), values.get("ProductVersionExtra"));
  }
}
