package io.trustchain.facts;

import io.trustchain.secret.SecretRef;
import java.util.Map;
import java.util.Set;

/**
 * What the plays need read beyond the fixed facts: accounts named by the documents (read even when
 * their uid is below 500) and passwords to check with {@code dscl . -authonly} (sent on stdin).
 */
public record FactsRequest(Set<String> namedUsers, Map<String, SecretRef> passwordsToCheck) {

  public FactsRequest {
    namedUsers = Set.copyOf(namedUsers);
    passwordsToCheck = Map.copyOf(passwordsToCheck);
  }

  public static FactsRequest none() {
    return new FactsRequest(Set.of(), Map.of());
  }
}
