package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.macos.state.MacState;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The programs of a simulated Mac, by bare name and by their absolute path on macOS. */
public final class Tools {

  private record Tool(String path, Function<MacState, Program> factory) {}

  private static final Map<String, Tool> TOOLS = new TreeMap<>(Map.ofEntries(
      Map.entry("sysadminctl", new Tool("/usr/sbin/sysadminctl", Sysadminctl::new)),
      Map.entry("dscl", new Tool("/usr/bin/dscl", Dscl::new)),
      Map.entry("dseditgroup", new Tool("/usr/sbin/dseditgroup", Dseditgroup::new)),
      Map.entry("sw_vers", new Tool("/usr/bin/sw_vers", SwVers::new)),
      Map.entry("uname", new Tool("/usr/bin/uname", Uname::new)),
      Map.entry("id", new Tool("/usr/bin/id", Id::new)),
      Map.entry("sysctl", new Tool("/usr/sbin/sysctl", Sysctl::new)),
      Map.entry("arch", new Tool("/usr/bin/arch", Arch::new)),
      Map.entry("cat", new Tool("/bin/cat", Cat::new)),
      Map.entry("rm", new Tool("/bin/rm", Rm::new)),
      Map.entry("mkdir", new Tool("/bin/mkdir", Mkdir::new)),
      Map.entry("mv", new Tool("/bin/mv", Mv::new)),
      Map.entry("date", new Tool("/bin/date", Date::new)),
      Map.entry("profiles", new Tool("/usr/bin/profiles", Profiles::new)),
      Map.entry("fdesetup", new Tool("/usr/bin/fdesetup", Fdesetup::new)),
      Map.entry("diskutil", new Tool("/usr/sbin/diskutil", Diskutil::new)),
      Map.entry("defaults", new Tool("/usr/bin/defaults", Defaults::new)),
      Map.entry("grep", new Tool("/usr/bin/grep", Grep::new)),
      Map.entry("osascript", new Tool("/usr/bin/osascript", Osascript::new)),
      Map.entry("expect", new Tool("/usr/bin/expect", Expect::new))));

  private Tools() {}

  /**
   * The bare name of a simulated program given as a bare name ({@code sysadminctl}) or its absolute path
   * ({@code /usr/sbin/sysadminctl}); empty for anything else (a wrong directory included).
   */
  public static Optional<String> resolve(String nameOrPath) {
    if (nameOrPath == null) {
      return Optional.empty();
    }
    if (TOOLS.containsKey(nameOrPath)) {
      return Optional.of(nameOrPath);
    }
    return TOOLS.entrySet().stream().filter(e -> e.getValue().path().equals(nameOrPath)).map(Map.Entry::getKey)
        .findFirst();
  }

  /** The program {@code name} (a resolved bare name) bound to {@code state}. */
  public static Program create(String name, MacState state) {
    Tool tool = TOOLS.get(name);
    if (tool == null) {
      throw new IllegalArgumentException("no simulated program " + name + "; known: " + TOOLS.keySet());
    }
    return tool.factory().apply(state);
  }

  /** Every simulated program: bare name → absolute path. */
  public static Map<String, String> all() {
    Map<String, String> out = new TreeMap<>();
    TOOLS.forEach((k, v) -> out.put(k, v.path()));
    return out;
  }
}
