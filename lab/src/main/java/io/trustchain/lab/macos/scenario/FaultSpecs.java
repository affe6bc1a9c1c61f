package io.trustchain.lab.macos.scenario;

import io.trustchain.lab.exec.NetworkFault;
import io.trustchain.lab.macos.state.MacState;
import io.trustchain.lab.macos.state.NetFault;
import io.trustchain.lab.macos.state.ToolFault;
import io.trustchain.lab.macos.state.VarianceFault;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.nodes.Node;

/** The {@code faults:} section: network faults for the SSH side, tool faults for the programs. */
final class FaultSpecs {

  static final Set<String> FAULTS = Set.of("network", "refuse_silently", "no_full_disk_access", "variance");
  static final Set<String> NETWORK = Set.of("id", "kind", "match", "delay_ms", "times", "survives_kill");
  static final Set<String> REFUSE = Set.of("match", "times");
  static final Set<String> VARIANCE = Set.of("match", "before", "after", "stderr", "exit", "replace", "times");

  private FaultSpecs() {}

  static void load(Fields top, MacState state) {
    Optional<Fields> of = top.node("faults")
        .flatMap(n -> Fields.of(n, top.file(), top.diagnostics(), "faults", FAULTS));
    if (of.isEmpty()) {
      return;
    }
    Fields f = of.get();
    state.faults().noFullDiskAccess(f.bool("no_full_disk_access", false));
    int i = 0;
    for (Node item : f.list("network")) {
      i++;
      Optional<Fields> nf = Fields.of(item, top.file(), top.diagnostics(), "a network fault", NETWORK);
      if (nf.isEmpty()) {
        continue;
      }
      Fields n = nf.get();
      Optional<NetworkFault.Kind> kind = n.text("kind").flatMap(k -> kind(n, k));
      if (kind.isEmpty()) {
        if (!n.has("kind")) {
          n.error("kind", "a network fault needs kind: unreachable, slow, drop or hang", null);
        }
        continue;
      }
      String match = n.text("match").orElse(null);
      if (!validRegex(n, match)) {
        continue;
      }
      if (kind.get() == NetworkFault.Kind.SLOW && !n.has("delay_ms")) {
        n.error("kind", "a slow fault needs delay_ms", "for example delay_ms: 1500");
      }
      if (n.has("survives_kill") && kind.get() != NetworkFault.Kind.HANG) {
        n.error("survives_kill", "survives_kill is for kind: hang only", null);
      }
      state.faults().network().add(new NetFault(n.text("id").orElse(kind.get().name().toLowerCase(Locale.ROOT) + "-" + i),
          kind.get(), match, n.integer("delay_ms").orElse(0), n.integer("times").orElse(-1),
          n.bool("survives_kill", false)));
    }
    variance(f, top, state);
    for (Node item : f.list("refuse_silently")) {
      Fields.of(item, top.file(), top.diagnostics(), "a refuse_silently fault", REFUSE).ifPresent(r -> {
        Optional<String> match = r.text("match");
        if (match.isEmpty()) {
          r.error("match", "refuse_silently needs match: a regex found in the tool's command line",
              "for example match: \"sysadminctl .*-secureTokenOn\"");
        } else if (validRegex(r, match.get())) {
          state.faults().refuseSilently().add(new ToolFault(match.get(), r.integer("times").orElse(-1)));
        }
      });
    }
  }

  /** {@code variance}: lines nobody documented around a tool's output, or another exit status. */
  private static void variance(Fields f, Fields top, MacState state) {
    for (Node item : f.list("variance")) {
      Fields.of(item, top.file(), top.diagnostics(), "a variance fault", VARIANCE).ifPresent(v -> {
        Optional<String> match = v.text("match");
        if (match.isEmpty()) {
          v.error("match", "variance needs match: a regex found in the tool's command line",
              "for example match: \"^fdesetup status\"");
        } else if (validRegex(v, match.get())) {
          state.faults().variance().add(new VarianceFault(match.get(), v.texts("before"), v.texts("after"),
              v.texts("stderr"), v.integer("exit").orElse(null), v.bool("replace", false),
              v.integer("times").orElse(-1)));
        }
      });
    }
  }

  private static Optional<NetworkFault.Kind> kind(Fields n, String text) {
    try {
      return Optional.of(NetworkFault.Kind.valueOf(text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      n.error("kind", "unknown fault kind \"" + text + "\"", "use unreachable, slow, drop or hang");
      return Optional.empty();
    }
  }

  private static boolean validRegex(Fields f, String regex) {
    if (regex == null) {
      return true;
    }
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      f.error("match", "match is not a valid regex: " + e.getDescription(), null);
      return false;
    }
  }
}
