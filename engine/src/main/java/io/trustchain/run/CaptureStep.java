package io.trustchain.run;

import io.trustchain.escrow.Escrow;
import io.trustchain.escrow.EscrowEntry;
import io.trustchain.escrow.EscrowException;
import io.trustchain.escrow.EscrowStore;
import io.trustchain.escrow.PlistStrings;
import io.trustchain.secret.Secret;
import io.trustchain.transport.Capture;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.SectionResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Handles the output of one capture command ({@link Command#capture()}), which ended the exec that ran
 * it: its standard output, a property list written by {@code fdesetup -outputplist}, is read as a
 * secret (never shown, logged or reported), the captured field is written to the escrow store and read
 * back, and only then is the step a success, so that the commands after it (removing the Mac's file)
 * may run in the next exec. Any failure leaves the Mac's file where it is: the next run finds it and
 * plans to escrow it again.
 */
final class CaptureStep {

  /** The outcome of one capture: success with what the engine did, or failure with why. */
  record Result(boolean ok, String words) {}

  /** A FileVault recovery key: six groups of four letters or digits (S34). */
  private static final Pattern RECOVERY_KEY = Pattern.compile("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){5}");
  private static final Pattern KEY_LIKE =
      Pattern.compile("(?i)(?<![A-Z0-9])[A-Z0-9]{4}(?:-[A-Z0-9]{4}){5}(?![A-Z0-9])");
  private static final Map<String, String> DETAILS = Map.of(
      "SerialNumber", "serial_number", "HardwareUUID", "hardware_uuid", "EnabledUser", "enabled_user");

  private final String host;
  private final EscrowStore store;

  CaptureStep(String host, EscrowStore store) {
    this.host = host;
    this.store = store;
  }

  /** @param s the capture command's section of the exec, null when the exec ended before it */
  Result escrow(Command command, SectionResult s, ExecResult result) {
    Capture capture = command.capture();
    String shown = "`" + command.display() + "`";
    if (store == null) {
      return new Result(false, shown + ": no escrow store is configured for " + host + "; the Mac's copy is kept");
    }
    if (s == null) {
      return new Result(false, shown + " did not complete (exec exit status " + result.exitStatus()
          + "); the Mac's copy is kept");
    }
    if (s.exitCode() != 0) {
      return new Result(false, shown + " exited " + s.exitCode() + ": " + redact(s.stderr().strip())
          + "; the Mac's copy is kept");
    }
    PlistStrings plist;
    try {
      plist = PlistStrings.parse(s.stdout());
    } catch (IllegalArgumentException e) {
      return new Result(false, shown + ": " + e.getMessage() + "; the Mac's file is kept for you to look at");
    }
    Optional<String> value = plist.get(capture.field()).map(String::strip).filter(v -> !v.isEmpty());
    if (value.isEmpty()) {
      return new Result(false, shown + ": the property list has no " + capture.field()
          + "; the Mac's file is kept for you to look at");
    }
    if (capture.field().equals("RecoveryKey") && !RECOVERY_KEY.matcher(value.get()).matches()) {
      return new Result(false, shown + ": its RecoveryKey is not of the form XXXX-XXXX-XXXX-XXXX-XXXX-XXXX;"
          + " the Mac's file is kept for you to look at");
    }
    Map<String, String> details = new LinkedHashMap<>();
    DETAILS.forEach((key, name) -> plist.get(key).ifPresent(v -> details.put(name, v)));
    String created = plist.get("EnabledDate").or(() -> plist.get("EnableDate")).orElse(null);
    Secret secret = Secret.of(value.get());
    try {
      Escrow.Outcome outcome = Escrow.putAndVerify(store,
          new EscrowEntry(host, capture.item(), secret, Instant.now(), created, details));
      return new Result(true, capture.field() + " escrowed as " + capture.item() + " in the " + store.describe()
          + (outcome == Escrow.Outcome.READ_BACK ? " and read back" : " (the store cannot read back: its exit 0 is"
              + " all trustchain knows)"));
    } catch (EscrowException e) {
      return new Result(false, capture.item() + " was not escrowed: " + e.getMessage());
    } finally {
      secret.destroy();
    }
  }

  private static String redact(String text) {
    return KEY_LIKE.matcher(text).replaceAll("(redacted recovery key)");
  }
}
