package io.trustchain.macos.filevault;

import io.trustchain.facts.EscrowFacts;
import io.trustchain.facts.EscrowedItem;
import io.trustchain.facts.FileVaultFacts;
import io.trustchain.facts.HostFacts;
import io.trustchain.facts.UserFacts;
import io.trustchain.spi.Credential;
import io.trustchain.plan.PlanException;
import io.trustchain.facts.Probes;
import io.trustchain.transport.Command;
import io.trustchain.transport.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The filevault change being worked out: its commands, the reasons for them, what only macOS can
 * complete (pending), and the facts as they will be afterwards. The steps ({@link KeySteps},
 * {@link DeferralSteps}, {@link UnlockUsers}) add to it in order.
 */
final class Draft {

  final FileVaultParams params;
  final HostFacts facts;
  final FileVaultFacts fv;
  final Credential credential;
  final List<Command> commands = new ArrayList<>();
  final List<String> why = new ArrayList<>();
  /** What must still hold on the Mac right before the commands run (the state this draft started from). */
  final List<Guard> guards = new ArrayList<>();
  String pending;
  /** The pending change has waited longer than the document allows: drift. */
  boolean overdue;
  String settled;
  HostFacts projected;
  FileVaultFacts next;
  boolean keyCollected;
  /** Words added to a settled FileVault's reason (e.g. a rotation date still to come). */
  String note;

  Draft(FileVaultParams params, HostFacts facts, Credential credential) {
    this.params = params;
    this.facts = facts;
    this.fv = facts.filevault() == null ? FileVaultFacts.unknown() : facts.filevault();
    this.credential = credential;
    this.projected = facts;
    this.next = fv;
  }

  void run(String reason, Command... steps) {
    commands.addAll(List.of(steps));
    why.add(reason);
  }

  void run(String reason, List<Command> steps) {
    commands.addAll(steps);
    why.add(reason);
  }

  Credential credential(String forWhat) throws PlanException {
    if (credential == null) {
      throw new PlanException(forWhat + " needs the play's management credential",
          "name the credential (credential: {user: …, password: !secret …}) in the play");
    }
    Probes.credential(credential.user(), credential.password(), facts).forEach(this::guard);
    return credential;
  }

  void guard(Guard g) {
    if (!guards.contains(g)) {
      guards.add(g);
    }
  }

  /** The play's escrow store, as the facts report it; an error when none is configured. */
  EscrowFacts escrow() throws PlanException {
    if (facts.escrow() == null || facts.escrow().store() == null) {
      throw new PlanException("the personal recovery key goes to the play's escrow store, and none is configured",
          "add escrow: {store: vault, path: ../escrow} to the play, or set personal_recovery_key: {escrow: false}");
    }
    return facts.escrow();
  }

  EscrowedItem escrowedKey() throws PlanException {
    return escrow().item(FileVaultCommands.PRK_ITEM).orElse(EscrowedItem.unknown());
  }

  /** The key is in escrow once this change ran (a capture in it). */
  void keyEscrowed() throws PlanException {
    projected = projected.withEscrow(escrow().with(FileVaultCommands.PRK_ITEM, new EscrowedItem(true, null, null, 0)));
  }

  Optional<UserFacts> user(String name) {
    return projected.user(name);
  }

  /** {@code u} gains or loses its Secure Token (and, where macOS reports it, volume ownership). */
  void token(UserFacts u, boolean holds) {
    projected = projected.withUser(new UserFacts(u.name(), u.uid(), u.realName(), u.generatedUid(), u.admin(), holds,
        u.secureTokenDisabledTag(), u.volumeOwner() == null ? null : holds, u.shell(), u.home(), u.hidden(),
        u.disabled(), u.authenticationAuthority(), u.passwordAuthenticates()));
  }

  void fileVault(FileVaultFacts value) {
    next = value;
  }

  HostFacts finished() {
    return projected.withFileVault(next);
  }

  /** FileVault as {@code fdesetup status} will say it once turned on now: immediate on Apple silicon. */
  String statusWhenEnabled() {
    return facts.os() != null && facts.os().appleSilicon() ? "on" : "encrypting";
  }

  String statusWhenDisabled() {
    return facts.os() != null && facts.os().appleSilicon() ? "off" : "decrypting";
  }
}
