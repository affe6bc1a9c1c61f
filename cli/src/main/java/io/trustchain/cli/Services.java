package io.trustchain.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.name.Names;
import java.io.PrintWriter;
import java.lang.reflect.AccessibleObject;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The commands' collaborators: one Guice injector from the engine's module and every plugin module on the
 * classpath ({@link ServiceLoader} of {@link Module}), made when the first command that has {@code @Inject}
 * members is about to run, not when the command line is built. {@code --help}, {@code help}, {@code --version},
 * {@code completion}, {@code man} and every usage error therefore never start Guice (start-up time, see
 * docs/performance.md). Used from the main thread only.
 */
final class Services {

  private final CliEnvironment environment;
  private final PrintWriter out;
  private final PrintWriter err;
  private Injector injector;

  Services(CliEnvironment environment, PrintWriter out, PrintWriter err) {
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  /** Injects {@code command}'s {@code @Inject} members, if it has any; true when it had some. */
  boolean inject(Object command) {
    if (!wantsInjection(command.getClass())) {
      return false;
    }
    injector().injectMembers(command);
    return true;
  }

  /** The run's shared context (the injector is made if it was not yet). */
  Context context() {
    return injector().getInstance(Context.class);
  }

  private Injector injector() {
    if (injector == null) {
      reflectiveInjection();
      List<Module> modules = new ArrayList<>();
      modules.add(new EngineModule(environment));
      ServiceLoader.load(Module.class).forEach(modules::add);
      modules.add(new AbstractModule() {
        @Override
        protected void configure() {
          bind(PrintWriter.class).annotatedWith(Names.named("out")).toInstance(out);
          bind(PrintWriter.class).annotatedWith(Names.named("err")).toInstance(err);
        }
      });
      injector = Guice.createInjector(modules);
    }
    return injector;
  }

  /** The system property Guice reads, once, when it first needs it: whether it generates classes at run time. */
  static final String GUICE_BYTECODE = "guice_bytecode_gen_option";

  /**
   * Guice's injection through reflection instead of a class it generates for each injected type (its default:
   * bytecode defined through Unsafe at run time, which no start-up cache can hold). trustchain's injector makes
   * a few dozen objects once per run, so the generated classes never paid for themselves: without them no class
   * is defined at run time for injection, and {@code validate} is 0–40 ms faster, at the edge of what this
   * machine can measure (docs/performance.md, eighth pass). Method interception, the one Guice feature
   * that needs them, is used by nothing in trustchain; a plugin module that intercepts can have them back with
   * {@code TRUSTCHAIN_JAVA_OPTS=-Dguice_bytecode_gen_option=ENABLED}, which this leaves alone.
   */
  static void reflectiveInjection() {
    if (System.getProperty(GUICE_BYTECODE) == null) {
      System.setProperty(GUICE_BYTECODE, "DISABLED");
    }
  }

  /** Whether a field or method of {@code type} or a superclass is annotated {@code @Inject} (Guice's or jakarta's). */
  static boolean wantsInjection(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (Stream.concat(Stream.of(c.getDeclaredFields()), Stream.of(c.getDeclaredMethods()))
          .anyMatch(Services::annotatedInject)) {
        return true;
      }
    }
    return false;
  }

  private static boolean annotatedInject(AccessibleObject member) {
    return member.isAnnotationPresent(com.google.inject.Inject.class)
        || member.isAnnotationPresent(jakarta.inject.Inject.class);
  }
}
