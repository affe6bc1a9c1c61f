package io.trustchain.template;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * What a name that is not defined evaluates to inside Jinjava (Ansible's strict undefined): it may
 * be tested ({@code is defined}) or replaced ({@code default}), and its attributes are undefined
 * too; turning it into text reports {@code undefined variable "name"} to the session. It is an
 * empty map so that Jinjava treats it as false and never as a bean.
 */
final class Undefined extends AbstractMap<String, Object> {

  private final RenderSession session;
  private final String name;
  private final String via;

  Undefined(RenderSession session, String name, String via) {
    this.session = session;
    this.name = name;
    this.via = via;
  }

  String name() {
    return name;
  }

  /** The error this value stands for. */
  TemplateException error() {
    return new TemplateException("undefined variable \"" + name + "\"" + via, session.hintFor(name));
  }

  @Override
  public Object get(Object key) {
    return new Undefined(session, name + "." + key, via);
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return Set.of();
  }

  /** Used as text: the template needed a value that is not there. */
  @Override
  public String toString() {
    session.fail(error());
    return "";
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
