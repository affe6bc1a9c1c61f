package io.trustchain.lab.macos.tools;

import io.trustchain.lab.exec.Program;
import io.trustchain.lab.exec.ProgramContext;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.OsInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sysctl [-n] [-q] [-i] NAME…} for the keys admin scripts read (S85): {@code hw.optional.arm64} and
 * {@code sysctl.proc_translated} exist only on Apple silicon; an unknown key is an error unless {@code -q}
 * or {@code -i}.
 */
final class Sysctl implements Program {

  private final MacState state;

  Sysctl(MacState state) {
    this.state = state;
  }

  @Override
  public int run(ProgramContext ctx, List<String> args) {
    boolean valueOnly = false;
    boolean quiet = false;
    List<String> names = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("-") && a.length() > 1) {
        for (char c : a.substring(1).toCharArray()) {
          switch (c) {
            case 'n' -> valueOnly = true;
            case 'q', 'i' -> quiet = true;
            default -> {
              ctx.stderr().print("lab: sysctl -" + c + " is not simulated\n");
              return 70;
            }
          }
        }
      } else {
        names.add(a);
      }
    }
    if (names.isEmpty()) {
      ctx.stderr().print("lab: sysctl without a name (-a) is not simulated\n");
      return 70;
    }
    Map<String, String> keys = keys();
    int status = 0;
    for (String name : names) {
      String value = keys.get(name);
      if (value == null) {
        if (!quiet) {
          ctx.stderr().print("sysctl: unknown oid '" + name + "'\n");
        }
        status = quiet ? status : 1;
        continue;
      }
      ctx.stdout().print((valueOnly ? value : name + ": " + value) + "\n");
    }
    return status;
  }

  private Map<String, String> keys() {
    OsInfo os = state.os();
    Map<String, String> k = new LinkedHashMap<>();
    k.put("kern.ostype", "Darwin");
    k.put("kern.osrelease", os.kernelRelease());
    k.put("kern.version", os.kernelVersion());
    k.put("kern.osversion", os.build());
    k.put("kern.osproductversion", os.versionString());
    k.put("kern.hostname", os.hostname());
    k.put("hw.machine", os.arch());
    k.put("hw.model", os.model());
    k.put("machdep.cpu.brand_string", os.appleSilicon() ? "Apple M2" : "Intel(R) Core(TM) i7-9750H CPU @ 2.60GHz");
    if (os.appleSilicon()) {
      k.put("hw.optional.arm64", "1");
      k.put("sysctl.proc_translated", "0");
    }
    return k;
  }
}
