package io.trustchain.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sw_vers} (S79–S83): {@code Key:} then one or two TABs (spaces in the man page) then the
 * value; ProductName is {@code Mac OS X} (10.12–10.15), {@code OS X} or {@code macOS} (11+);
 * {@code ProductVersionExtra} (13+, Rapid Security Response) is read too. Keys it does not know are
 * kept ({@link SwVers#otherKeys}) and noted, touching nothing; a known key given twice with two values
 * leaves that field ambiguous; a line that is no {@code Key: value} is noted; a ProductVersion that is
 * no version number leaves the version unknown. Exit 127 (no sw_vers at all) is the caller's "not a
 * Mac".
 *
 * <p>Fields: {@code product_name}, {@code version}, {@code build}, {@code version_extra}.
 */
final class SwVersParser {

  /**
   * What sw_vers says; a field is null when it was not read; {@code versionExtra} is null without a
   * Rapid Security Response.
   */
  record SwVers(String productName, String version, String build, String versionExtra, Map<String, String> otherKeys) {

    SwVers {
      otherKeys = Map.copyOf(otherKeys);
    }

    /** Whether the product name is one macOS has printed. */
    boolean isMac() {
      return MAC_NAMES.contains(productName);
    }
  }

  static final Set<String> MAC_NAMES = Set.of("macOS", "Mac OS X", "OS X");
  static final int EXIT_NOT_FOUND = 127;

  private static final Pattern LINE = Pattern.compile("^([A-Za-z]+):[\\t ]+(\\S.*)$");
  private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");
  private static final Map<String, String> FIELDS = Map.of("ProductName", "product_name",
      "ProductVersion", "version", "BuildVersion", "build", "ProductVersionExtra", "version_extra");

  private SwVersParser() {}

  static SwVers parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() != 0) {
      r.unexpectedExit(Reading.ALL);
      return new SwVers(null, null, null, null, Map.of());
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> other = new LinkedHashMap<>();
    for (String line : out.stdoutLines()) {
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        r.line("stdout", line, "unknown line (Key: value expected)");
        continue;
      }
      String key = m.group(1);
      String value = m.group(2).strip();
      String field = FIELDS.get(key);
      if (field == null) {
        other.put(key, value);
        r.line("stdout", line, "unknown key " + key + " (kept)");
      } else if (values.containsKey(key) && !values.get(key).equals(value)) {
        r.line("stdout", line, key + " is given twice with different values", field);
      } else {
        values.put(key, value);
      }
    }
    r.stderrNoise();
    if (values.isEmpty()) {
      r.output("no ProductName, ProductVersion or BuildVersion line", Reading.ALL);
    } else {
      for (String key : new String[] {"ProductName", "ProductVersion", "BuildVersion"}) {
        if (!values.containsKey(key)) {
          r.output("no " + key + " line", FIELDS.get(key));
        }
      }
    }
    String version = values.get("ProductVersion");
    if (version != null && !VERSION.matcher(version).matches()) {
      r.line("stdout", "ProductVersion: " + version, "the version is not a version number", "version");
      version = null;
    }
    return new SwVers(values.get("ProductName"), version, values.get("BuildVersion"),
        values.get("ProductVersionExtra"), other);
  }
}
