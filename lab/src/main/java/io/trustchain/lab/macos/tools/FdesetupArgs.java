package io.trustchain.lab.macos.tools;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** fdesetup's command line: the verb, then options (some with a value). */
record FdesetupArgs(String verb, Map<String, String> options, Set<String> flags) {

  static final Set<String> VALUED = Set.of("defer", "forceatlogin", "user", "usertoadd", "certificate", "keychain",
      "outputplistpath", "device");
  static final Set<String> FLAGS = Set.of("dontaskatlogout", "showrecoverykey", "inputplist", "outputplist",
      "personal", "institutional", "extended", "verbose", "offline", "authrestart", "norecoverykey", "prompt");

  /** The parsed line; empty with the offending word when an option is unknown or lacks its value. */
  static Result parse(List<String> args) {
    if (args.isEmpty()) {
      return new Result(null, "");
    }
    Map<String, String> options = new HashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      String name = a.replaceFirst("^--?", "");
      if (!a.startsWith("-")) {
        return new Result(null, a);
      }
      if (VALUED.contains(name)) {
        if (i + 1 >= args.size()) {
          return new Result(null, a);
        }
        options.put(name, args.get(++i));
      } else if (FLAGS.contains(name)) {
        flags.add(name);
      } else {
        return new Result(null, a);
      }
    }
    return new Result(new FdesetupArgs(args.get(0), Map.copyOf(options), Set.copyOf(flags)), null);
  }

  /** A parsed line, or the word that made it unparsable. */
  record Result(FdesetupArgs args, String offending) {}

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  boolean flag(String name) {
    return flags.contains(name);
  }
}
