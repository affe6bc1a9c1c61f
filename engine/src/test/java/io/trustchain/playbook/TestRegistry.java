package io.trustchain.playbook;

import io.trustchain.spi.ModuleRegistry;

/** The test modules' registry, for tests in other packages. */
public final class TestRegistry {

  private TestRegistry() {}

  public static ModuleRegistry registry() {
    return TestModules.registry();
  }
}
