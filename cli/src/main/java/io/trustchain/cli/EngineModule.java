package io.trustchain.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import io.trustchain.config.AnsibleConfig;
import io.trustchain.spi.DocumentValidator;
import io.trustchain.spi.PlanValidator;
import io.trustchain.spi.ResourceModule;
import io.trustchain.template.JinjavaTemplater;
import io.trustchain.template.Templater;

/**
 * The engine's bindings. Plugins (the macOS modules) contribute to the same sets from their own
 * Guice modules; this one only declares the sets so an engine without plugins still starts.
 */
final class EngineModule extends AbstractModule {

  private final CliEnvironment environment;

  EngineModule(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  protected void configure() {
    bind(CliEnvironment.class).toInstance(environment);
    Multibinder.newSetBinder(binder(), new TypeLiteral<ResourceModule<?>>() {});
    Multibinder.newSetBinder(binder(), PlanValidator.class);
    Multibinder.newSetBinder(binder(), DocumentValidator.class);
    bind(Templater.class).to(JinjavaTemplater.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  AnsibleConfig ansibleConfig() {
    return AnsibleConfig.find(environment.env(), environment.cwd());
  }
}
