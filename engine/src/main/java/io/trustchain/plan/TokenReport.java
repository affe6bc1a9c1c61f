package io.trustchain.plan;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who holds a Secure Token on a host beyond what the documents decide: the unmanaged holders, and for the
 * accounts the documents manage without saying {@code secure_token}, whether each holds one here (compared
 * across the fleet by {@link MixedTokens}).
 *
 * @param undeclared account → holds a token, for managed accounts whose token no document declares
 */
public record TokenReport(List<UnmanagedToken> unmanaged, Map<String, Boolean> undeclared) {

  public static final TokenReport NONE = new TokenReport(List.of(), Map.of());

  public TokenReport {
    unmanaged = unmanaged == null ? List.of() : List.copyOf(unmanaged);
    undeclared = undeclared == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(undeclared));
  }
}
