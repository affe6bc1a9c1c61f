package io.trustchain.run;

import io.trustchain.diag.Diagnostic;
import io.trustchain.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mistake in a playbook, bound for many hosts, is one diagnostic: the copies that differ only
 * in their {@code (host NAME)} ending are merged into one that names every host it affects
 * ({@code (hosts mac-01, mac-02 and mac-03)}; past {@value #SHOWN} hosts, the first ones and a count).
 */
final class HostDiagnostics {

  static final int SHOWN = 5;
  private static final Pattern HOST = Pattern.compile("(?s)(.*) \\(host ([^()]+)\\)");

  private HostDiagnostics() {}

  static void merge(Diagnostics perHost, Diagnostics into) {
    Map<Diagnostic, List<String>> hosts = new LinkedHashMap<>();
    for (Diagnostic d : perHost.all()) {
      Matcher m = HOST.matcher(d.message());
      if (!m.matches()) {
        into.add(d);
        continue;
      }
      Diagnostic key = new Diagnostic(d.severity(), m.group(1), d.at(), d.hint(), d.showSnippet());
      hosts.computeIfAbsent(key, k -> new ArrayList<>()).add(m.group(2));
    }
    hosts.forEach((d, names) -> into.add(new Diagnostic(d.severity(), d.message() + " (" + describe(names) + ")",
        d.at(), d.hint(), d.showSnippet())));
  }

  static String describe(List<String> names) {
    if (names.size() == 1) {
      return "host " + names.get(0);
    }
    if (names.size() <= SHOWN) {
      return "hosts " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
    return names.size() + " hosts: " + String.join(", ", names.subList(0, SHOWN)) + ", …";
  }
}
