package io.trustchain.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.escrow.EscrowEntry;
import io.trustchain.escrow.EscrowException;
import io.trustchain.escrow.EscrowStore;
import io.trustchain.transport.Capture;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.SectionResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A capture's output goes to escrow and is read back; every failure keeps the Mac's copy and never quotes the key. */
class CaptureStepTest {

  static final String PLIST = "/var/db/trustchain-filevault.plist";
  static final String KEY = "YBC9-AQEF-WPME-WWRW-VHXO-WB3Y";
  static final String OUTPUT = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
      <plist version="1.0">
      <dict>
      \t<key>EnabledDate</key>
      \t<string>2025-09-15 03:00:12 +0000</string>
      \t<key>EnabledUser</key>
      \t<string>tcadmin</string>
      \t<key>RecoveryKey</key>
      \t<string>%s</string>
      \t<key>SerialNumber</key>
      \t<string>C02XL0GTJGH5</string>
      </dict>
      </plist>
      """;
  static final Command CAPTURE = Command.of("cat", PLIST).capturing(new Capture("personal_recovery_key", "RecoveryKey"));
  static final ExecResult EXEC = new ExecResult(0, "", "", Duration.ZERO);

  @Test
  void theKeyIsEscrowedAndReadBack_withItsDetails_andNeverQuoted() {
    MemoryStore store = new MemoryStore();
    CaptureStep.Result r = new CaptureStep("mac-01", store)
        .escrow(CAPTURE, new SectionResult("c", 0, OUTPUT.formatted(KEY), ""), EXEC);

    assertThat(r.ok()).as(r.words()).isTrue();
    EscrowEntry kept = store.entries.get("mac-01/personal_recovery_key");
    assertThat(kept.value().matches(KEY.toCharArray())).isTrue();
    assertThat(kept.createdAt()).isEqualTo("2025-09-15 03:00:12 +0000");
    assertThat(kept.details()).containsEntry("serial_number", "C02XL0GTJGH5").containsEntry("enabled_user", "tcadmin");
    assertThat(r.words()).isEqualTo("RecoveryKey escrowed as personal_recovery_key in the memory store and read back");
  }

  @Test
  void aStoreThatRefuses_failsTheStep() {
    MemoryStore store = new MemoryStore();
    store.refuse = true;
    CaptureStep.Result r = new CaptureStep("mac-01", store)
        .escrow(CAPTURE, new SectionResult("c", 0, OUTPUT.formatted(KEY), ""), EXEC);
    assertThat(r.ok()).isFalse();
    assertThat(r.words()).isEqualTo("personal_recovery_key was not escrowed: the store is full");
  }

  @Test
  void aGarbledOrKeylessOrMissingPlist_keepsTheMacsFile_andSaysWhyWithoutQuotingIt() {
    CaptureStep step = new CaptureStep("mac-01", new MemoryStore());
    CaptureStep.Result garbled = step.escrow(CAPTURE,
        new SectionResult("c", 0, "Recovery key = '" + KEY + "'\n", ""), EXEC);
    assertThat(garbled.words()).endsWith("it is not an XML property list; the Mac's file is kept for you to look at")
        .doesNotContain(KEY);
    CaptureStep.Result keyless = step.escrow(CAPTURE,
        new SectionResult("c", 0, OUTPUT.formatted(KEY).replace("RecoveryKey", "Other"), ""), EXEC);
    assertThat(keyless.words()).endsWith("the property list has no RecoveryKey; the Mac's file is kept for you to look at");
    CaptureStep.Result missing = step.escrow(CAPTURE,
        new SectionResult("c", 1, "", "cat: " + PLIST + ": No such file or directory\n"), EXEC);
    assertThat(missing.words()).contains("exited 1: cat: " + PLIST + ": No such file or directory");
    CaptureStep.Result cut = step.escrow(CAPTURE, null, new ExecResult(137, "", "", Duration.ZERO));
    assertThat(cut.words()).contains("did not complete (exec exit status 137); the Mac's copy is kept");
    for (CaptureStep.Result r : java.util.List.of(garbled, keyless, missing, cut)) {
      assertThat(r.ok()).isFalse();
    }
  }

  static final class MemoryStore implements EscrowStore {
    final Map<String, EscrowEntry> entries = new HashMap<>();
    boolean refuse;

    @Override
    public void put(EscrowEntry entry) throws EscrowException {
      if (refuse) {
        throw new EscrowException("the store is full");
      }
      entries.put(entry.host() + "/" + entry.item(), copy(entry));
    }

    @Override
    public Optional<EscrowEntry> get(String host, String item) {
      return Optional.ofNullable(entries.get(host + "/" + item)).map(MemoryStore::copy);
    }

    /** A store keeps its own copy: callers scrub the values they hold. */
    private static EscrowEntry copy(EscrowEntry e) {
      return new EscrowEntry(e.host(), e.item(), io.trustchain.secret.Secret.of(e.value().reveal()), e.escrowedAt(),
          e.createdAt(), e.details());
    }

    @Override
    public boolean canRead() {
      return true;
    }

    @Override
    public String describe() {
      return "memory store";
    }
  }
}
