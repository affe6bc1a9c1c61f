package io.trustchain.facts;

import io.trustchain.escrow.EscrowStore;
import io.trustchain.secret.SecretRef;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the plays need read beyond the fixed facts: accounts named by the documents (read even when
 * their uid is below 500), passwords to check with {@code dscl . -authonly} (sent on stdin), the
 * path where trustchain's FileVault enablements write their recovery-key plist (only its existence
 * is tested in the facts, never its content), and the escrow items whose state the planner needs
 * (read from {@code escrow}, the play's escrow store, on the controller).
 *
 * @param escrowItems escrow items to look up for the host, e.g. {@code personal_recovery_key}
 * @param escrow the store to look them up in; null when no play configures one (or none is needed)
 */
public record FactsRequest(Set<String> namedUsers, Map<String, SecretRef> passwordsToCheck, String recoveryPlist,
    Set<String> escrowItems, EscrowStore escrow, ManagedPasswords managed) {

  /** Where trustchain's FileVault enablements write their output plist (umask 077, read, escrowed, removed). */
  public static final String DEFAULT_RECOVERY_PLIST = "/var/db/trustchain-filevault.plist";

  /**
   * Where trustchain records, on the Mac, when it set up a deferred enablement (the output of
   * {@code date -u +%Y-%m-%dT%H:%M:%SZ}): macOS does not report a deferral's age.
   */
  public static final String DEFERRAL_MARKER = "/var/db/trustchain-filevault-deferral";

  public FactsRequest {
    namedUsers = Set.copyOf(namedUsers);
    passwordsToCheck = Map.copyOf(passwordsToCheck);
    Objects.requireNonNull(recoveryPlist, "recoveryPlist == null");
    if (!recoveryPlist.startsWith("/")) {
      throw new IllegalArgumentException("recoveryPlist must be an absolute path: " + recoveryPlist);
    }
    escrowItems = escrowItems == null ? Set.of() : Set.copyOf(escrowItems);
    managed = managed == null ? ManagedPasswords.NONE : managed;
    if (!managed.users().isEmpty()) {
      Set<String> all = new java.util.TreeSet<>(escrowItems);
      all.addAll(managed.items());
      escrowItems = Set.copyOf(all);
    }
  }

  public FactsRequest(Set<String> namedUsers, Map<String, SecretRef> passwordsToCheck, String recoveryPlist,
      Set<String> escrowItems, EscrowStore escrow) {
    this(namedUsers, passwordsToCheck, recoveryPlist, escrowItems, escrow, ManagedPasswords.NONE);
  }

  public FactsRequest(Set<String> namedUsers, Map<String, SecretRef> passwordsToCheck, String recoveryPlist) {
    this(namedUsers, passwordsToCheck, recoveryPlist, Set.of(), null);
  }

  /** A request with the default recovery plist path. */
  public FactsRequest(Set<String> namedUsers, Map<String, SecretRef> passwordsToCheck) {
    this(namedUsers, passwordsToCheck, DEFAULT_RECOVERY_PLIST);
  }

  public static FactsRequest none() {
    return new FactsRequest(Set.of(), Map.of());
  }

  /** A request that also asks for the escrow state of {@code items}. */
  public static FactsRequest escrowOf(Set<String> items) {
    return new FactsRequest(Set.of(), Map.of(), DEFAULT_RECOVERY_PLIST, items, null);
  }

  /** This request with the escrow items looked up in {@code store}. */
  public FactsRequest withEscrow(EscrowStore store) {
    return new FactsRequest(namedUsers, passwordsToCheck, recoveryPlist, escrowItems, store, managed);
  }

  /** This request managing the passwords of {@code users} too (their escrow items read and checked). */
  public FactsRequest managingPasswords(Set<String> users) {
    return new FactsRequest(namedUsers, passwordsToCheck, recoveryPlist, escrowItems, escrow,
        managed.merge(new ManagedPasswords(users, Set.of(), null, null)));
  }

  /**
   * This request for {@code host}, with {@code rotate} (users) rotated on demand: their passwords escrowed before
   * {@code requestedAt} (when the run began) are due.
   */
  public FactsRequest forHost(String host, Set<String> rotate, java.time.Instant requestedAt) {
    return new FactsRequest(namedUsers, passwordsToCheck, recoveryPlist, escrowItems, escrow,
        new ManagedPasswords(managed.users(), rotate, host, requestedAt));
  }

  /** This request reading {@code user}'s account too (even below uid 500): the account a run connects as. */
  public FactsRequest withUser(String user) {
    if (namedUsers.contains(user)) {
      return this;
    }
    Set<String> all = new java.util.TreeSet<>(namedUsers);
    all.add(user);
    return new FactsRequest(all, passwordsToCheck, recoveryPlist, escrowItems, escrow, managed);
  }

  /** This request asking for {@code items} too. */
  public FactsRequest withEscrowItems(Set<String> items) {
    Set<String> all = new java.util.TreeSet<>(escrowItems);
    all.addAll(items);
    return new FactsRequest(namedUsers, passwordsToCheck, recoveryPlist, all, escrow, managed);
  }

  @Override
  public String toString() {
    return "FactsRequest[users=" + new java.util.TreeSet<>(namedUsers) + ", passwords="
        + new java.util.TreeSet<>(passwordsToCheck.keySet()) + ", recoveryPlist=" + recoveryPlist + ", escrow="
        + escrowItems + (escrow == null ? "" : " in " + escrow.describe()) + "]";
  }
}
