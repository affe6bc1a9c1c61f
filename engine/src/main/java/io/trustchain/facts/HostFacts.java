package io.trustchain.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything trustchain knows about one Mac, gathered in one exec. Serialized (snake_case, from the
 * fields) as the host entry of {@code facts --format json}: the versioned facts contract of
 * product.md.
 *
 * <p>Facts degrade per section: what a tool printed that no parser understood is in
 * {@code notUnderstood}, in the device's own words, with the facts it leaves unknown; the rest is
 * kept. Reading an unknown fact through an accessor throws {@link NotUnderstoodException}, so no
 * decision can rest on one (safety invariant 8).
 *
 * @param reachable SSH connected and the facts script ran
 * @param error why the host has no facts (not reachable, or not a Mac); null otherwise
 * @param errorKind the machine-readable kind of {@code error}
 * @param escrow what the play's escrow store holds for this host: local information, filled on the
 *     controller when the resources ask for it ({@link FactsRequest#escrowItems()}); null (and left
 *     out of the JSON) otherwise
 * @param notUnderstood what the Mac printed that no parser understood, per section
 * @param unmatched listing rows that name no local account (never taken for users)
 * @param clock the Mac's clock when the facts were read (ISO-8601, UTC: {@code date -u}); null (and
 *     left out of the JSON) when unknown. Ages and dates in the documents are judged on it.
 */
public record HostFacts(
    boolean reachable,
    String error,
    HostErrorKind errorKind,
    OsFacts os,
    List<UserFacts> users,
    FileVaultFacts filevault,
    BootstrapTokenFacts bootstrapToken,
    MdmFacts mdm,
    MobileAccountsFacts mobileAccounts,
    @JsonInclude(JsonInclude.Include.NON_NULL) EscrowFacts escrow,
    @JsonInclude(JsonInclude.Include.NON_NULL) String clock,
    List<NotUnderstood> notUnderstood,
    List<Unmatched> unmatched,
    @JsonIgnore Unknowns unknowns) {

  public static final int FORMAT_VERSION = 1;

  public HostFacts {
    users = users == null ? List.of() : List.copyOf(users);
    notUnderstood = notUnderstood == null ? List.of() : List.copyOf(notUnderstood);
    unmatched = unmatched == null ? List.of() : List.copyOf(unmatched);
    unknowns = Unknowns.of("", notUnderstood);
  }

  /** Facts all understood, with the Mac's clock. */
  public HostFacts(boolean reachable, String error, OsFacts os, List<UserFacts> users, FileVaultFacts filevault,
      BootstrapTokenFacts bootstrapToken, MdmFacts mdm, MobileAccountsFacts mobileAccounts, EscrowFacts escrow,
      String clock) {
    this(reachable, error, null, os, users, filevault, bootstrapToken, mdm, mobileAccounts, escrow, clock, List.of(),
        List.of(), null);
  }

  /** Facts without the Mac's clock. */
  public HostFacts(boolean reachable, String error, OsFacts os, List<UserFacts> users, FileVaultFacts filevault,
      BootstrapTokenFacts bootstrapToken, MdmFacts mdm, MobileAccountsFacts mobileAccounts, EscrowFacts escrow) {
    this(reachable, error, os, users, filevault, bootstrapToken, mdm, mobileAccounts, escrow, null);
  }

  /** Facts read from the Mac only, all understood (no escrow information, no clock). */
  public HostFacts(boolean reachable, String error, OsFacts os, List<UserFacts> users, FileVaultFacts filevault,
      BootstrapTokenFacts bootstrapToken, MdmFacts mdm, MobileAccountsFacts mobileAccounts) {
    this(reachable, error, os, users, filevault, bootstrapToken, mdm, mobileAccounts, null, null);
  }

  /** A host without facts: not reachable (SSH failed, or the facts script did not run). */
  public static HostFacts unreachable(HostErrorKind kind, String error) {
    return new HostFacts(false, error, kind, null, List.of(), null, null, null, null, null, null, List.of(), List.of(),
        null);
  }

  /** A host SSH reached whose facts say it cannot be managed (e.g. not a Mac). */
  public static HostFacts failed(HostErrorKind kind, String error, List<NotUnderstood> notUnderstood) {
    return new HostFacts(true, error, kind, null, List.of(), null, null, null, null, null, null, notUnderstood,
        List.of(), null);
  }

  /** Whether the host can be planned: reached, and nothing stopped reading it. */
  public boolean usable() {
    return reachable && error == null;
  }

  /**
   * The accounts listed: the human accounts (uid ≥ 500) and those the documents name. Throws when
   * the listing itself was not understood (an account may be missing).
   */
  @Override
  public List<UserFacts> users() {
    unknowns.check("users");
    return users;
  }

  /**
   * The account named {@code name}; empty when the Mac has none. Throws when it is not listed and the
   * listing was not understood (it may exist).
   */
  public Optional<UserFacts> user(String name) {
    Optional<UserFacts> found = users.stream().filter(u -> u.name().equals(name)).findFirst();
    if (found.isEmpty()) {
      unknowns.check("users");
    }
    return found;
  }

  @Override
  public EscrowFacts escrow() {
    unknowns.check("escrow");
    return escrow;
  }

  /**
   * These facts as gathered with {@code entries} not understood (added to those already there): every
   * facts record then refuses reads of the facts they touch. What the assembler returns; tests and
   * fixtures build degraded facts with it. Records that modules make in projections carry no entries:
   * their values are the modules' decisions.
   */
  public HostFacts notUnderstood(List<NotUnderstood> entries) {
    List<NotUnderstood> all = new ArrayList<>(notUnderstood);
    all.addAll(entries);
    Unknowns u = Unknowns.of("", all);
    return new HostFacts(reachable, error, errorKind, os == null ? null : os.attach(u),
        users.stream().map(x -> x.attach(u)).toList(), filevault == null ? null : filevault.attach(u),
        bootstrapToken == null ? null : bootstrapToken.attach(u), mdm == null ? null : mdm.attach(u),
        mobileAccounts == null ? null : mobileAccounts.attach(u), escrow, clock, all, unmatched, null);
  }

  /** Whether {@code other} lists the same accounts with the same facts (a comparison, no fact is read). */
  public boolean sameUsers(HostFacts other) {
    return users.equals(other.users);
  }

  /** The not-understood entries that leave no fact unknown: warnings, whatever is planned. */
  public List<NotUnderstood> warnings() {
    return notUnderstood.stream().filter(n -> !n.touchesAny()).toList();
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
    return with(next, filevault, bootstrapToken, mobileAccounts, escrow);
  }

  /** These facts without the user named {@code name}. */
  public HostFacts withoutUser(String name) {
    return with(users.stream().filter(u -> !u.name().equals(name)).toList(), filevault, bootstrapToken,
        mobileAccounts, escrow);
  }

  public HostFacts withFileVault(FileVaultFacts fv) {
    return with(users, fv, bootstrapToken, mobileAccounts, escrow);
  }

  public HostFacts withBootstrapToken(BootstrapTokenFacts bt) {
    return with(users, filevault, bt, mobileAccounts, escrow);
  }

  public HostFacts withMobileAccounts(MobileAccountsFacts ma) {
    return with(users, filevault, bootstrapToken, ma, escrow);
  }

  /** The Mac's clock, when known. */
  public Optional<java.time.Instant> macClock() {
    unknowns.check("clock");
    return clock == null ? Optional.empty() : Optional.of(java.time.Instant.parse(clock));
  }

  public HostFacts withEscrow(EscrowFacts e) {
    return with(users, filevault, bootstrapToken, mobileAccounts, e);
  }

  private HostFacts with(List<UserFacts> u, FileVaultFacts fv, BootstrapTokenFacts bt, MobileAccountsFacts ma,
      EscrowFacts e) {
    return new HostFacts(reachable, error, errorKind, os, u, fv, bt, mdm, ma, e, clock, notUnderstood, unmatched,
        null);
  }
}
