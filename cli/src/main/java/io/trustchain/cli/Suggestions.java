package io.trustchain.cli;

import io.trustchain.diag.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * "Did you mean" for a mistyped subcommand ({@code paln}) or option ({@code --limt}): the closest
 * names the command knows, by edit distance (the same measure as the documents' hints).
 */
final class Suggestions {

  private Suggestions() {}

  static List<String> closest(CommandLine.UnmatchedArgumentException e) {
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    List<String> out = new ArrayList<>();
    for (String arg : e.getUnmatched()) {
      String word = arg.contains("=") && arg.startsWith("-") ? arg.substring(0, arg.indexOf('=')) : arg;
      List<String> names = new ArrayList<>();
      if (word.startsWith("-")) {
        for (OptionSpec o : spec.options()) {
          for (String n : o.names()) {
            if (n.startsWith("--")) {
              names.add(n);
            }
          }
        }
      } else {
        names.addAll(spec.subcommands().keySet());
      }
      DidYouMean.closest(word, names).filter(n -> !out.contains(n)).ifPresent(out::add);
      if (out.isEmpty()) {
        e.getSuggestions().stream().filter(n -> !n.isBlank()).limit(1).forEach(out::add);
      }
    }
    return out;
  }
}
