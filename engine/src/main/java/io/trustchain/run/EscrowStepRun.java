package io.trustchain.run;

import io.trustchain.escrow.Escrow;
import io.trustchain.escrow.EscrowEntry;
import io.trustchain.escrow.EscrowException;
import io.trustchain.escrow.EscrowStore;
import io.trustchain.escrow.PasswordGenerator;
import io.trustchain.secret.Secret;
import io.trustchain.secret.SecretException;
import io.trustchain.secret.SecretResolver;
import io.trustchain.transport.EscrowStep;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The controller's escrow work inside a change ({@link EscrowStep}), between two execs: a new secret kept as
 * pending before the Mac changes, a pending secret promoted once the Mac accepts it, or dropped when the Mac
 * kept the current one. Every write is read back before the step counts as done, so no secret the Mac may use is
 * ever only in memory. Failures leave the store as it was for the next run to settle; messages hold no value.
 */
final class EscrowStepRun {

  private final String host;
  private final EscrowStore store;
  private final SecretResolver secrets;

  EscrowStepRun(String host, EscrowStore store, SecretResolver secrets) {
    this.host = host;
    this.store = store;
    this.secrets = secrets;
  }

  CaptureStep.Result run(EscrowStep step) {
    if (store == null) {
      return new CaptureStep.Result(false, step.display() + ": no escrow store is configured for " + host);
    }
    try {
      return switch (step) {
        case EscrowStep.Keep k -> keep(k);
        case EscrowStep.Promote p -> promote(p);
        case EscrowStep.Discard d -> {
          store.remove(host, d.pending());
          yield new CaptureStep.Result(true, d.pending() + " dropped from the " + store.describe());
        }
      };
    } catch (EscrowException | SecretException e) {
      return new CaptureStep.Result(false, step.display() + " failed: " + e.getMessage()
          + "; the escrow store is left as it was for the next run");
    }
  }

  private CaptureStep.Result keep(EscrowStep.Keep k) throws EscrowException, SecretException {
    Secret value = k.source() != null ? secrets.resolve(k.source()) : PasswordGenerator.generate(k.rule().length(),
        k.rule().classes());
    try {
      Escrow.putAndVerify(store, new EscrowEntry(host, k.item(), value, Instant.now(), k.madeAt(),
          Map.of("account", k.account(), "state", "pending")));
      return new CaptureStep.Result(true, "a new password for " + k.account() + " is in the " + store.describe()
          + " as " + k.item() + ", read back");
    } finally {
      value.destroy();
    }
  }

  private CaptureStep.Result promote(EscrowStep.Promote p) throws EscrowException {
    Optional<EscrowEntry> pending = store.get(host, p.pending());
    if (pending.isEmpty()) {
      throw new EscrowException(p.pending() + " of " + host + " is not in the " + store.describe());
    }
    EscrowEntry was = pending.get();
    Map<String, String> details = new java.util.TreeMap<>(was.details());
    details.put("state", "current");
    try {
      Escrow.putAndVerify(store, new EscrowEntry(host, p.item(), was.value(), Instant.now(), was.createdAt(),
          details));
      store.remove(host, p.pending());
      return new CaptureStep.Result(true, "the Mac accepts it, so " + p.pending() + " is now " + p.item()
          + " in the " + store.describe() + ", read back");
    } finally {
      was.value().destroy();
    }
  }
}
