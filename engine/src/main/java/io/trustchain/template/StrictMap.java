package io.trustchain.template;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/** A mapping variable as Jinjava sees it: a missing key is {@link Undefined}, not null. */
final class StrictMap extends AbstractMap<String, Object> {

  private final RenderSession session;
  private final String path;
  private final Map<String, Object> entries;
  private final String via;

  StrictMap(RenderSession session, String path, Map<String, Object> entries, String via) {
    this.session = session;
    this.path = path;
    this.entries = entries;
    this.via = via;
  }

  @Override
  public Object get(Object key) {
    Object value = entries.get(key);
    if (value == null && !entries.containsKey(key)) {
      return new Undefined(session, path + "." + key, via);
    }
    return value;
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return entries.entrySet();
  }
}
