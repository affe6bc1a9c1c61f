package io.trustchain.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A managed account that holds a Secure Token on some hosts and not on others, while no document says whether
 * it must: the fleet is not in one state, and nothing will make it so.
 *
 * @param withToken hosts where it holds one, in plan order
 * @param withoutToken hosts where it does not
 */
public record MixedTokens(String user, List<String> withToken, List<String> withoutToken) {

  public MixedTokens {
    withToken = List.copyOf(withToken);
    withoutToken = List.copyOf(withoutToken);
  }

  /** Every account of {@code hosts}' undeclared tokens that differs between hosts, by name. */
  public static List<MixedTokens> of(List<HostPlan> hosts) {
    Map<String, List<List<String>>> byUser = new TreeMap<>();
    for (HostPlan h : hosts) {
      h.tokens().undeclared().forEach((user, holds) -> {
        List<List<String>> sides = byUser.computeIfAbsent(user, u -> List.of(new ArrayList<>(), new ArrayList<>()));
        sides.get(holds ? 0 : 1).add(h.host());
      });
    }
    List<MixedTokens> mixed = new ArrayList<>();
    byUser.forEach((user, sides) -> {
      if (!sides.get(0).isEmpty() && !sides.get(1).isEmpty()) {
        mixed.add(new MixedTokens(user, sides.get(0), sides.get(1)));
      }
    });
    return mixed;
  }

  /** {@code alice holds a Secure Token on mac-a, mac-b but not on mac-c}. */
  @Override
  public String toString() {
    return user + " holds a Secure Token on " + String.join(", ", withToken) + " but not on "
        + String.join(", ", withoutToken);
  }
}
