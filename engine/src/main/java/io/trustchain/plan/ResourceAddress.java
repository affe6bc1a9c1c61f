package io.trustchain.plan;

import java.util.Objects;

/** A resource within a host: {@code user[alice]}, {@code filevault[main]}, {@code credential[tcadmin]}. */
public record ResourceAddress(String module, String name) {

  public ResourceAddress {
    Objects.requireNonNull(module, "module == null");
    Objects.requireNonNull(name, "name == null");
  }

  public static ResourceAddress of(String module, String name) {
    return new ResourceAddress(module, name);
  }

  @Override
  public String toString() {
    return module + "[" + name + "]";
  }
}
