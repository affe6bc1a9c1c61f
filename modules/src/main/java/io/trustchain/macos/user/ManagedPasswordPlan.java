package io.trustchain.macos.user;

import static io.trustchain.macos.platform.Platform.possessive;

import io.trustchain.escrow.EscrowSecrets;
import io.trustchain.facts.EscrowFacts;
import io.trustchain.facts.EscrowedItem;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.ManagedPasswords;
import io.trustchain.facts.UserFacts;
import io.trustchain.plan.PlanException;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.Credential;
import io.trustchain.transport.Command;
import io.trustchain.transport.EscrowStep;
import io.trustchain.transport.Guard;
import io.trustchain.facts.Probes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a managed password needs, from the escrow facts (the current and the pending entries, each checked on the
 * Mac) and the account. No password is ever lost: a new one is kept in escrow as pending (read back) before the
 * Mac changes, promoted only after the Mac accepts it; a run that died in between left a pending entry, and the
 * next one settles it by which password the Mac accepts. Pure.
 */
final class ManagedPasswordPlan {

  /** The decision: commands (escrow steps and Mac commands, in order), why, whether it is drift, the words for a no-op. */
  record Outcome(List<Command> commands, String reason, boolean drift, String settled, boolean rotates,
      List<Guard> guards) {
    Outcome(List<Command> commands, String reason, boolean drift, String settled, boolean rotates) {
      this(commands, reason, drift, settled, rotates, List.of());
    }

    static Outcome settled(String words) {
      return new Outcome(List.of(), null, false, words, false);
    }
  }

  private static final DateTimeFormatter PLIST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

  private ManagedPasswordPlan() {}

  /** The escrow reference the Mac commands read the pending password from. */
  static SecretRef pendingRef(String host, String user) {
    return EscrowSecrets.ref(host, ManagedPasswords.pending(user));
  }

  /** The escrow reference of the current managed password (what later commands use as the user's password). */
  static SecretRef currentRef(String host, String user) {
    return EscrowSecrets.ref(host, ManagedPasswords.current(user));
  }

  static Outcome decide(String host, UserParams p, UserFacts u, HostFacts facts, Credential credential)
      throws PlanException {
    ManagedPasswordParams m = p.managedPassword();
    String name = p.name();
    EscrowFacts escrow = facts.escrow();
    if (escrow == null || escrow.store() == null) {
      throw new PlanException(possessive(name) + " managed password goes to the play's escrow store, and none is"
          + " configured", "add escrow: {store: vault, path: ../escrow} to the play");
    }
    EscrowedItem current = escrow.item(ManagedPasswords.current(name)).orElse(EscrowedItem.missing());
    EscrowedItem pending = escrow.item(ManagedPasswords.pending(name)).orElse(EscrowedItem.missing());
    if (current.escrowed() == null) {
      throw new PlanException("the " + escrow.store() + " cannot read back, and a managed password is only changed"
          + " once its new value is read back from escrow", "use the vault store (escrow: {store: vault, path: …})");
    }
    for (EscrowedItem item : List.of(current, pending)) {
      if (item.isEscrowed() && item.authenticates() == null) {
        throw new PlanException("cannot tell whether the Mac accepts " + possessive(name) + " escrowed password:"
            + " its check gave no answer trustchain understands, and no password is changed on a guess",
            "run plan again; -vv shows the check's command");
      }
    }
    if (pending.isEscrowed()) {
      if (Boolean.TRUE.equals(pending.authenticates())) {
        return new Outcome(List.of(Command.escrow(new EscrowStep.Promote(ManagedPasswords.pending(name),
            ManagedPasswords.current(name)))), "a run stopped after " + possessive(name) + " password was set and"
            + " before it was promoted: the Mac accepts the pending one, so it becomes the current one in escrow",
            false, null, false);
      }
      if (Boolean.TRUE.equals(current.authenticates())) {
        return new Outcome(List.of(Command.escrow(new EscrowStep.Discard(ManagedPasswords.pending(name)))),
            "a run stopped before " + possessive(name) + " password was changed: the Mac still accepts the current"
            + " one, so the pending one is dropped from escrow", false, null, false);
      }
      if (!current.isEscrowed()) {
        return rotate(host, p, u, facts, credential, "a run stopped before " + possessive(name) + " first managed"
            + " password was set (the Mac does not accept the pending one): it is made and set again", false);
      }
      return rotate(host, p, u, facts, credential, "neither the current nor the pending escrowed password opens "
          + name + " (changed outside trustchain)", true);
    }
    if (!m.generated()) {
      if (Boolean.FALSE.equals(u.passwordAuthenticates())) {
        return rotate(host, p, u, facts, credential, "the declared password no longer opens " + name, true);
      }
      if (!current.isEscrowed()) {
        return new Outcome(keepAndPromote(name, m.value(), facts), "the declared password of " + name
            + " opens it and is not in escrow yet: it is kept there with its date", false, null, false);
      }
      if (Boolean.FALSE.equals(current.authenticates())) {
        return new Outcome(keepAndPromote(name, m.value(), facts), "the declared password of " + name + " opens it,"
            + " and the escrowed one no longer does (the document's value changed): the declared one replaces it in"
            + " escrow", false, null, false);
      }
      return Outcome.settled(possessive(name) + " managed password is the declared one, in escrow");
    }
    if (!current.isEscrowed()) {
      return rotate(host, p, u, facts, credential, name + " has no managed password in escrow yet: trustchain"
          + " generates one (whatever password " + name + " has now stops working)", false);
    }
    if (Boolean.FALSE.equals(current.authenticates())) {
      return rotate(host, p, u, facts, credential, "the escrowed password no longer opens " + name
          + " (changed outside trustchain)", true);
    }
    String due = due(m, current, facts);
    if (due != null) {
      return rotate(host, p, u, facts, credential, due, false);
    }
    return Outcome.settled(possessive(name) + " managed password is in escrow" + (current.ageDays() == null ? ""
        : " (" + current.ageDays() + (current.ageDays() == 1 ? " day old)" : " days old)"))
        + " and the Mac accepts it" + future(m, current, facts));
  }

  /** Why a generated password is due for rotation now, or null. */
  private static String due(ManagedPasswordParams m, EscrowedItem current, HostFacts facts) {
    if (current.rotationRequested()) {
      return "rotation was asked for (--rotate)";
    }
    if (m.rotateAfterDays() != null && current.ageDays() != null && current.ageDays() >= m.rotateAfterDays()) {
      return "the managed password is " + current.ageDays() + " days old (rotate_after_days: " + m.rotateAfterDays()
          + ")";
    }
    if (m.rotateIfCreatedBefore() != null) {
      Instant cutoff = cutoff(m.rotateIfCreatedBefore());
      Optional<Instant> made = made(current);
      Optional<Instant> now = facts.macClock();
      if (made.isPresent() && made.get().isBefore(cutoff) && now.isPresent() && !now.get().isBefore(cutoff)) {
        return "the managed password was made before " + m.rotateIfCreatedBefore() + " (rotate_if_created_before)";
      }
    }
    return null;
  }

  private static String future(ManagedPasswordParams m, EscrowedItem current, HostFacts facts) {
    if (m.rotateIfCreatedBefore() == null) {
      return "";
    }
    Optional<Instant> made = made(current);
    Optional<Instant> now = facts.macClock();
    Instant cutoff = cutoff(m.rotateIfCreatedBefore());
    return made.isPresent() && made.get().isBefore(cutoff) && (now.isEmpty() || now.get().isBefore(cutoff))
        ? "; rotate_if_created_before " + m.rotateIfCreatedBefore() + " is in the Mac's future: it is rotated once"
            + " that date has come" : "";
  }

  /**
   * A new password, kept as pending in escrow, set on the Mac, checked, then promoted. Through the credential
   * when it holds a Secure Token (the account's token and FileVault unlock follow); an account without a token may
   * be reset as root instead; a token holder never is (rule 4: its token would keep the old password).
   */
  private static Outcome rotate(String host, UserParams p, UserFacts u, HostFacts facts, Credential credential,
      String why, boolean drift) throws PlanException {
    String name = p.name();
    ManagedPasswordParams m = p.managedPassword();
    boolean credentialFits = credential != null && facts.user(credential.user())
        .map(c -> c.admin() && c.secureToken()).orElse(false);
    SecretRef next = pendingRef(host, name);
    List<Command> commands = new ArrayList<>(keep(name, m.value(), m.generated()
        ? new EscrowStep.PasswordRule(m.lengthOrDefault(), m.charactersOrDefault()) : null, facts));
    String path;
    // right before the Mac changes: the account is still there with the token the plan saw, and the credential
    // is as the plan saw it and its password opens it (tried once per apply, on stdin)
    List<Guard> guards = new ArrayList<>(List.of(Probes.accountExists(name), Probes.secureToken(name, u.secureToken())));
    if (credentialFits) {
      guards.addAll(Probes.credential(credential.user(), credential.password(), facts));
    }
    if (credentialFits) {
      commands.add(PasswordCommands.reset(name, next, credential));
      path = credential.user() + " resets it with sysadminctl -resetPasswordFor"
          + (u.secureToken() ? ", which keeps " + possessive(name) + " Secure Token and FileVault unlock in step"
          : " (" + name + " holds no Secure Token, so no token or FileVault password is kept in step; the credential's"
          + " path needs no old password)");
    } else if (u.secureToken()) {
      throw new PlanException(name + " holds a Secure Token, and its password cannot be reset without a"
          + " token-holding credential: sysadminctl refuses (\"Operation is not permitted without secure token"
          + " unlock.\", nothing changed), and a root reset would leave its Secure Token and FileVault unlock on the"
          + " old password", "give the play a credential that is an admin holding a Secure Token"
          + (credential == null ? "" : " (" + credential.user() + " is not)"));
    } else {
      commands.add(PasswordCommands.rootReset(name, next));
      path = name + " holds no Secure Token, so it is reset as root through Open Directory (no old password): no token or FileVault"
          + " password to keep in step" + (credential == null ? "" : "; " + credential.user() + " holds no token");
    }
    commands.add(PasswordCommands.verify(name, next));
    commands.add(Command.escrow(new EscrowStep.Promote(ManagedPasswords.pending(name), ManagedPasswords.current(name))));
    return new Outcome(commands, (drift ? "drift: " : "") + why + "; the new password is kept in escrow as pending"
        + " (read back) before the Mac changes, " + path + ", and it is promoted once the Mac accepts it", drift, null,
        true, guards);
  }

  private static List<Command> keep(String name, SecretRef value, EscrowStep.PasswordRule rule, HostFacts facts) {
    return List.of(Command.escrow(new EscrowStep.Keep(ManagedPasswords.pending(name), name, value, rule,
        facts.clock())));
  }

  private static List<Command> keepAndPromote(String name, SecretRef value, HostFacts facts) {
    List<Command> c = new ArrayList<>(keep(name, value, null, facts));
    c.add(Command.escrow(new EscrowStep.Promote(ManagedPasswords.pending(name), ManagedPasswords.current(name))));
    return c;
  }

  /** {@code 2026-05-01} (midnight UTC) or an ISO-8601 instant. */
  static Instant cutoff(String text) {
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toInstant();
    }
  }

  private static Optional<Instant> made(EscrowedItem item) {
    if (item.createdAt() != null) {
      try {
        return Optional.of(OffsetDateTime.parse(item.createdAt(), PLIST_DATE).toInstant());
      } catch (DateTimeParseException e) {
        try {
          return Optional.of(Instant.parse(item.createdAt()));
        } catch (DateTimeParseException e2) {
          // fall back to when it was escrowed
        }
      }
    }
    return Optional.ofNullable(item.escrowedAt()).map(Instant::parse);
  }
}
