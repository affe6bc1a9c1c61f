package io.trustchain.lab.macos.state;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Preference domains for {@code defaults} ({@code /Library/Preferences/com.apple.MCX} → key → value).
 * Values are Boolean, Long, Double or String.
 */
public final class Preferences {

  private TreeMap<String, TreeMap<String, Object>> domains = new TreeMap<>();

  public Preferences() {}

  /** The domain's canonical name: a path without {@code .plist}, or a bundle identifier. */
  public static String domain(String name) {
    return name.endsWith(".plist") ? name.substring(0, name.length() - ".plist".length()) : name;
  }

  public Optional<Map<String, Object>> read(String domain) {
    return Optional.ofNullable(domains.get(domain(domain)));
  }

  public Optional<Object> read(String domain, String key) {
    return read(domain).map(d -> d.get(key));
  }

  public void write(String domain, String key, Object value) {
    domains.computeIfAbsent(domain(domain), d -> new TreeMap<>()).put(key, value);
  }

  public boolean delete(String domain, String key) {
    TreeMap<String, Object> d = domains.get(domain(domain));
    return d != null && d.remove(key) != null;
  }

  public boolean deleteDomain(String domain) {
    return domains.remove(domain(domain)) != null;
  }

  @Override
  public String toString() {
    return domains.toString();
  }
}
