package io.trustchain.playbook;

import io.trustchain.spi.Required;
import io.trustchain.spi.Sensitive;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A params record read as an argument spec: each component is a YAML key (camelCase component,
 * snake_case key), with its type, whether it is {@link Required} and whether it is
 * {@link Sensitive}. Specs are computed once per record class.
 */
final class ParamsSpec {

  private static final ClassValue<ParamsSpec> SPECS = new ClassValue<>() {
    @Override
    protected ParamsSpec computeValue(Class<?> type) {
      return new ParamsSpec(type.asSubclass(Record.class));
    }
  };

  /** One component. */
  record Component(String name, String key, Type type, Class<?> raw, boolean required, boolean sensitive) {}

  private final Class<? extends Record> type;
  private final Map<String, Component> byKey = new LinkedHashMap<>();
  private final List<Component> components = new ArrayList<>();
  private final Constructor<? extends Record> constructor;

  private ParamsSpec(Class<? extends Record> type) {
    this.type = type;
    RecordComponent[] rc = type.getRecordComponents();
    Class<?>[] types = new Class<?>[rc.length];
    for (int i = 0; i < rc.length; i++) {
      RecordComponent c = rc[i];
      types[i] = c.getType();
      Component component = new Component(c.getName(), snakeCase(c.getName()), c.getGenericType(), c.getType(),
          c.isAnnotationPresent(Required.class), c.isAnnotationPresent(Sensitive.class));
      components.add(component);
      byKey.put(component.key(), component);
    }
    try {
      constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new IllegalStateException("params record " + type.getName() + " has no usable canonical constructor", e);
    }
  }

  static ParamsSpec of(Class<?> recordType) {
    if (!recordType.isRecord()) {
      throw new IllegalArgumentException(recordType.getName() + " is not a record");
    }
    return SPECS.get(recordType);
  }

  Class<? extends Record> type() {
    return type;
  }

  List<Component> components() {
    return components;
  }

  Optional<Component> component(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  List<String> keys() {
    return List.copyOf(byKey.keySet());
  }

  /**
   * Calls the canonical constructor.
   *
   * @throws IllegalArgumentException the compact constructor rejected the values (its message)
   */
  Record construct(Object[] args) {
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw new IllegalArgumentException(re.getMessage() == null ? re.getClass().getSimpleName() : re.getMessage(), re);
      }
      throw new IllegalStateException("constructor of " + type.getName() + " failed", cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call the constructor of " + type.getName(), e);
    }
  }

  /** {@code unlockUsers} → {@code unlock_users}. */
  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0 && !Character.isUpperCase(camel.charAt(i - 1))) {
          out.append('_');
        } else if (i > 0 && i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1))) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return type.getSimpleName() + byKey.keySet();
  }
}
