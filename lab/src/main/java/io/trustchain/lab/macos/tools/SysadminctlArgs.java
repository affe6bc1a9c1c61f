package io.trustchain.lab.macos.tools;

import io.trustchain.lab.macos.state.MacVersion;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * sysadminctl's command line: options in any order (S15), one verb with its target, options with a
 * value, flags, and the bare word {@code interactive}. Other bare words are ignored (S5 passes an empty
 * one). Options that only exist from macOS 13 (S22) are usage errors before.
 */
record SysadminctlArgs(String verb, String target, Map<String, String> options, Set<String> flags) {

  static final Set<String> VERBS = Set.of("addUser", "deleteUser", "secureTokenStatus", "secureTokenOn",
      "secureTokenOff", "resetPasswordFor", "guestAccount", "afpGuestAccess", "smbGuestAccess", "automaticTime",
      "filesystem", "autologin", "screenLock");
  static final Set<String> OPTIONS = Set.of("fullName", "UID", "GID", "shell", "password", "hint", "home",
      "picture", "adminUser", "adminPassword", "newPassword", "oldPassword", "passwordHint", "userName");
  static final Set<String> FLAGS = Set.of("admin", "secure", "keepHome", "roleAccount", "force");
  static final Set<String> SINCE_13 = Set.of("GID", "roleAccount", "autologin", "screenLock", "userName");

  /** The parsed line, or empty when sysadminctl would print its usage. */
  static Optional<SysadminctlArgs> parse(List<String> args, MacVersion version) {
    if (args.isEmpty()) {
      return Optional.empty();
    }
    String verb = null;
    String target = null;
    Map<String, String> options = new HashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("interactive")) {
        flags.add("interactive");
        continue;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        continue;
      }
      String name = arg.substring(1);
      if (SINCE_13.contains(name) && !version.atLeast(13, 0)) {
        return Optional.empty();
      }
      if (FLAGS.contains(name)) {
        flags.add(name);
      } else if (VERBS.contains(name) || OPTIONS.contains(name)) {
        if (i + 1 >= args.size()) {
          return Optional.empty();
        }
        String value = args.get(++i);
        if (VERBS.contains(name)) {
          if (verb == null) {
            verb = name;
            target = value;
          }
        } else {
          options.put(name, value);
        }
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new SysadminctlArgs(verb, target, Map.copyOf(options), Set.copyOf(flags)));
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  boolean hasAdminCredentials() {
    return options.containsKey("adminUser") && options.containsKey("adminPassword");
  }

  @Override
  public String toString() {
    return "sysadminctl -" + verb + " " + target + " (options " + options.keySet() + ", flags " + flags + ")";
  }
}
