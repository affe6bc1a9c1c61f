package io.trustchain.facts;

import io.trustchain.secret.SecretRef;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the plays need read beyond the fixed facts: accounts named by the documents (read even when
 * their uid is below 500), passwords to check with {@code dscl . -authonly} (sent on stdin), and
 * the path where a deferred FileVault enablement writes its recovery-key plist (only its existence
 * is tested, never its content).
 */
public record FactsRequest(Set<String> namedUsers, Map<String, SecretRef> passwordsToCheck, String recoveryPlist) {

  /** Where trustchain's deferred enablements write their output plist ({@code fdesetup enable -defer PATH}). */
  public static final String DEFAULT_RECOVERY_PLIST = "/var/db/trustchain-filevault.plist";

  public FactsRequest {
    namedUsers = Set.copyOf(namedUsers);
    passwordsToCheck = Map.copyOf(passwordsToCheck);
    Objects.requireNonNull(recoveryPlist, "recoveryPlist == null");
    if (!recoveryPlist.startsWith("/")) {
      throw new IllegalArgumentException("recoveryPlist must be an absolute path: " + recoveryPlist);
    }
  }

  /** A request with the default recovery plist path. */
  public FactsRequest(Set<String> namedUsers, Map<String, SecretRef> passwordsToCheck) {
    this(namedUsers, passwordsToCheck, DEFAULT_RECOVERY_PLIST);
  }

  public static FactsRequest none() {
    return new FactsRequest(Set.of(), Map.of());
  }
}
