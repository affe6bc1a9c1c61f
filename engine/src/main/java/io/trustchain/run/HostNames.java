package io.trustchain.run;

import io.trustchain.diag.DidYouMean;
import io.trustchain.inventory.Host;
import io.trustchain.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** "Did you mean" for host pattern terms that matched nothing, from the inventory's group and host names. */
final class HostNames {

  private HostNames() {}

  /** {@code did you mean "engineering"?} (one suggestion per term that has one), or null. */
  static String hint(Inventory inventory, List<String> unmatched) {
    TreeSet<String> names = new TreeSet<>(inventory.groups().keySet());
    inventory.hosts().stream().map(Host::name).forEach(names::add);
    List<String> suggestions = new ArrayList<>();
    for (String term : unmatched) {
      String bare = term.replaceFirst("^[!&]", "");
      DidYouMean.closest(bare, names).ifPresent(c -> suggestions.add("\"" + c + "\" for \"" + bare + "\""));
    }
    if (suggestions.isEmpty()) {
      return null;
    }
    return suggestions.size() == 1 && unmatched.size() == 1
        ? "did you mean " + suggestions.get(0).substring(0, suggestions.get(0).indexOf(" for ")) + "?"
        : "did you mean " + String.join(", ", suggestions) + "?";
  }
}
