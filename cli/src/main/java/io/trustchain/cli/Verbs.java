package io.trustchain.cli;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The root command's verbs, and which of them a command line needs built. picocli reflects over every
 * option of every command it is given, so a command line is built with only the verb it names (or, for
 * {@code completion} and {@code man}, all of them); the other verbs are stand-ins that carry what the root's
 * help and "did you mean" show: name, aliases, header, description, hidden. {@code trustchain --help} builds
 * none (start-up time, docs/performance.md); VerbsTest checks the help and suggestions are unchanged.
 */
final class Verbs {

  /** In the order the root's help lists them. */
  static final List<Class<?>> ALL = List.of(ValidateCommand.class, InventoryCommand.class, PingCommand.class,
      FactsCommand.class, PlanCommand.class, ApplyCommand.class, ShowCommand.class, ReportCommand.class,
      CommandLine.HelpCommand.class, CompletionCommand.class, ManCommand.class);

  private Verbs() {}

  /**
   * The verbs {@code args} needs built: the first word that is not an option (the root's options are all
   * flags), the second too after {@code help}; every verb for {@code completion} and {@code man} (they walk the
   * whole tree), and for a null command line (not known yet).
   */
  static Predicate<String> needed(String[] args) {
    if (args == null) {
      return name -> true;
    }
    List<String> words = Arrays.stream(args).filter(a -> !a.startsWith("-")).limit(2).toList();
    if (words.isEmpty()) {
      return name -> false;
    }
    String first = words.get(0);
    if (first.equals("completion") || first.equals("man")) {
      return name -> true;
    }
    String second = first.equals("help") && words.size() > 1 ? words.get(1) : first;
    return name -> name.equals(first) || name.equals(second);
  }

  /** The name picocli knows {@code type} by. */
  static String name(Class<?> type) {
    return type.getAnnotation(Command.class).name();
  }

  /** A stand-in for the verb {@code type}: what the root's help shows of it, and nothing to run. */
  static CommandSpec standIn(Class<?> type) {
    Command command = type.getAnnotation(Command.class);
    CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
    spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
    return spec;
  }
}
