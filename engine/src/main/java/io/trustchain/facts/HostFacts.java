package io.trustchain.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything trustchain knows about one Mac, gathered in one exec. Serialized (snake_case) as the
 * host entry of {@code facts --format json}: the versioned facts contract of product.md.
 *
 * @param escrow what the play's escrow store holds for this host: local information, filled on the
 *     controller when the resources ask for it ({@link FactsRequest#escrowItems()}); null (and left
 *     out of the JSON) otherwise
 * @param clock the Mac's clock when the facts were read (ISO-8601, UTC: {@code date -u}); null (and
 *     left out of the JSON) when unknown. Ages and dates in the documents are judged on it.
 */
public record HostFacts(
    boolean reachable,
    String error,
    OsFacts os,
    List<UserFacts> users,
    FileVaultFacts filevault,
    BootstrapTokenFacts bootstrapToken,
    MdmFacts mdm,
    MobileAccountsFacts mobileAccounts,
    @JsonInclude(JsonInclude.Include.NON_NULL) EscrowFacts escrow,
    @JsonInclude(JsonInclude.Include.NON_NULL) String clock) {

  public static final int FORMAT_VERSION = 1;

  public HostFacts {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /** Facts without the Mac's clock. */
  public HostFacts(boolean reachable, String error, OsFacts os, List<UserFacts> users, FileVaultFacts filevault,
      BootstrapTokenFacts bootstrapToken, MdmFacts mdm, MobileAccountsFacts mobileAccounts, EscrowFacts escrow) {
    this(reachable, error, os, users, filevault, bootstrapToken, mdm, mobileAccounts, escrow, null);
  }

  /** Facts read from the Mac only (no escrow information, no clock). */
  public HostFacts(boolean reachable, String error, OsFacts os, List<UserFacts> users, FileVaultFacts filevault,
      BootstrapTokenFacts bootstrapToken, MdmFacts mdm, MobileAccountsFacts mobileAccounts) {
    this(reachable, error, os, users, filevault, bootstrapToken, mdm, mobileAccounts, null);
  }

  public static HostFacts unreachable(String error) {
    return new HostFacts(false, error, null, List.of(), null, null, null, null, null, null);
  }

  public Optional<UserFacts> user(String name) {
    return users.stream().filter(u -> u.name().equals(name)).findFirst();
  }

  /** These facts with {@code user} added or replaced (by name). */
  public HostFacts withUser(UserFacts user) {
    List<UserFacts> next = new ArrayList<>();
    boolean replaced = false;
    for (UserFacts u : users) {
      if (u.name().equals(user.name())) {
        next.add(user);
        replaced = true;
      } else {
        next.add(u);
      }
    }
    if (!replaced) {
      next.add(user);
    }
    return new HostFacts(reachable, error, os, next, filevault, bootstrapToken, mdm, mobileAccounts, escrow, clock);
  }

  /** These facts without the user named {@code name}. */
  public HostFacts withoutUser(String name) {
    return new HostFacts(reachable, error, os,
        users.stream().filter(u -> !u.name().equals(name)).toList(),
        filevault, bootstrapToken, mdm, mobileAccounts, escrow, clock);
  }

  public HostFacts withFileVault(FileVaultFacts fv) {
    return new HostFacts(reachable, error, os, users, fv, bootstrapToken, mdm, mobileAccounts, escrow, clock);
  }

  public HostFacts withBootstrapToken(BootstrapTokenFacts bt) {
    return new HostFacts(reachable, error, os, users, filevault, bt, mdm, mobileAccounts, escrow, clock);
  }

  public HostFacts withMobileAccounts(MobileAccountsFacts ma) {
    return new HostFacts(reachable, error, os, users, filevault, bootstrapToken, mdm, ma, escrow, clock);
  }

  /** The Mac's clock, when known. */
  public java.util.Optional<java.time.Instant> macClock() {
    return clock == null ? java.util.Optional.empty() : java.util.Optional.of(java.time.Instant.parse(clock));
  }

  public HostFacts withEscrow(EscrowFacts e) {
    return new HostFacts(reachable, error, os, users, filevault, bootstrapToken, mdm, mobileAccounts, e, clock);
  }
}
