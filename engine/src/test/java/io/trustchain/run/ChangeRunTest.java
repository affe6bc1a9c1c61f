package io.trustchain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustchain.escrow.EscrowEntry;
import io.trustchain.escrow.EscrowException;
import io.trustchain.escrow.EscrowStore;
import io.trustchain.plan.Attributes;
import io.trustchain.plan.Change;
import io.trustchain.plan.ResourceAddress;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Arg;
import io.trustchain.transport.Capture;
import io.trustchain.transport.Command;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.Transport;
import io.trustchain.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A change's commands: ordinary ones batched, each capture in an exec of its own, nothing after a failed capture. */
class ChangeRunTest {

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

  static Change enableChange() {
    Command enable = Command.of("fdesetup", "enable", "-inputplist", "-outputplist")
        .withStdin(List.of(Arg.literal("<dict>"), Arg.secret(new SecretRef.Env("TC_PW")), Arg.literal("</dict>")))
        .toFile(PLIST);
    Command capture = Command.of("cat", PLIST).capturing(new Capture("personal_recovery_key", "RecoveryKey"));
    return new Change.Update(ResourceAddress.of("filevault", "main"), Attributes.EMPTY, Attributes.EMPTY,
        List.of(enable, capture, Command.of("rm", "-f", PLIST), Command.of("fdesetup", "list")), "enable");
  }

  @Test
  void theCaptureRunsAlone_andTheRemovalOnlyAfterTheKeyIsEscrowedAndReadBack() throws Exception {
    FakeMac mac = new FakeMac(script -> script.contains("cat ") ? new Out(0, OUTPUT.formatted(KEY), "") : Out.OK);
    MemoryStore store = new MemoryStore();

    ChangeOutcome outcome = new ChangeRun(mac, Duration.ofSeconds(5), "mac-01", store).run(enableChange());

    assertThat(outcome.status()).as(outcome.message()).isEqualTo(ChangeOutcome.Status.APPLIED);
    assertThat(mac.scripts).hasSize(3);
    assertThat(mac.scripts.get(0)).contains("fdesetup enable").doesNotContain("cat ", "rm -f");
    assertThat(mac.scripts.get(1)).contains("cat " + PLIST).doesNotContain("fdesetup", "rm -f");
    assertThat(mac.scripts.get(2)).contains("rm -f " + PLIST).contains("fdesetup list");
    EscrowEntry kept = store.entries.get("mac-01/personal_recovery_key");
    assertThat(kept.value().matches(KEY.toCharArray())).isTrue();
    assertThat(kept.createdAt()).isEqualTo("2025-09-15 03:00:12 +0000");
    assertThat(kept.details()).containsEntry("serial_number", "C02XL0GTJGH5").containsEntry("enabled_user", "tcadmin");
    assertThat(outcome.deviceWords()).contains("RecoveryKey escrowed as personal_recovery_key in the memory store and"
        + " read back").doesNotContain(KEY);
    assertThat(outcome.message() + outcome.deviceWords() + outcome.change()).doesNotContain(KEY);
  }

  @Test
  void aStoreThatRefuses_stopsTheChangeBeforeTheRemoval() throws Exception {
    FakeMac mac = new FakeMac(script -> script.contains("cat ") ? new Out(0, OUTPUT.formatted(KEY), "") : Out.OK);
    MemoryStore store = new MemoryStore();
    store.refuse = true;

    ChangeOutcome outcome = new ChangeRun(mac, Duration.ofSeconds(5), "mac-01", store).run(enableChange());

    assertThat(outcome.status()).isEqualTo(ChangeOutcome.Status.FAILED);
    assertThat(outcome.message()).isEqualTo("personal_recovery_key was not escrowed: the store is full");
    assertThat(mac.scripts).hasSize(2);
    assertThat(String.join("\n", mac.scripts)).doesNotContain("rm -f");
  }

  @Test
  void aPlistWithoutTheKey_orNoPlist_keepsTheMacsFile_andSaysWhyWithoutQuotingIt() throws Exception {
    FakeMac garbled = new FakeMac(s -> s.contains("cat ") ? new Out(0, "Recovery key = '" + KEY + "'\n", "") : Out.OK);
    ChangeOutcome o1 = new ChangeRun(garbled, Duration.ofSeconds(5), "mac-01", new MemoryStore()).run(enableChange());
    assertThat(o1.message()).endsWith("it is not an XML property list; the Mac's file is kept for you to look at")
        .doesNotContain(KEY);

    FakeMac keyless = new FakeMac(s -> s.contains("cat ")
        ? new Out(0, OUTPUT.formatted(KEY).replace("RecoveryKey", "Other"), "") : Out.OK);
    ChangeOutcome o2 = new ChangeRun(keyless, Duration.ofSeconds(5), "mac-01", new MemoryStore()).run(enableChange());
    assertThat(o2.message()).endsWith("the property list has no RecoveryKey; the Mac's file is kept for you to look at");

    FakeMac missing = new FakeMac(s -> s.contains("cat ")
        ? new Out(1, "", "cat: " + PLIST + ": No such file or directory\n") : Out.OK);
    ChangeOutcome o3 = new ChangeRun(missing, Duration.ofSeconds(5), "mac-01", new MemoryStore()).run(enableChange());
    assertThat(o3.message()).contains("exited 1: cat: " + PLIST + ": No such file or directory");
    for (FakeMac m : List.of(garbled, keyless, missing)) {
      assertThat(m.scripts).hasSize(2);
    }
  }

  @Test
  void aFailingCommandBeforeTheCapture_stopsEverything() throws Exception {
    FakeMac mac = new FakeMac(s -> s.contains("fdesetup enable") ? new Out(11, "", "Error: User authentication failed.\n")
        : Out.OK);
    ChangeOutcome outcome = new ChangeRun(mac, Duration.ofSeconds(5), "mac-01", new MemoryStore()).run(enableChange());
    assertThat(outcome.status()).isEqualTo(ChangeOutcome.Status.FAILED);
    assertThat(outcome.message()).isEqualTo("`fdesetup enable -inputplist -outputplist > " + PLIST
        + " <<< (sensitive input)` exited 11");
    assertThat(outcome.deviceWords()).isEqualTo("Error: User authentication failed.");
    assertThat(mac.scripts).hasSize(1);
  }

  @Test
  void aConnectionDroppedDuringTheCapture_propagates_andNothingIsRemoved() {
    FakeMac mac = new FakeMac(s -> {
      if (s.contains("cat ")) {
        throw new IllegalStateException("drop");
      }
      return Out.OK;
    });
    assertThatThrownBy(() -> new ChangeRun(mac, Duration.ofSeconds(5), "mac-01", new MemoryStore()).run(enableChange()))
        .isInstanceOf(TransportException.class);
    assertThat(String.join("\n", mac.scripts)).doesNotContain("rm -f");
  }

  record Out(int exit, String stdout, String stderr) {
    static final Out OK = new Out(0, "", "");
  }

  /** Answers each framed section of a script with {@code answer(script text)}. */
  static final class FakeMac implements Transport {
    private static final Pattern BEGIN = Pattern.compile("printf '\\\\n@@tc:[0-9a-f]+:b:%s\\\\n' (\\S+); ");
    final List<String> scripts = new ArrayList<>();
    private final Function<String, Out> answer;

    FakeMac(Function<String, Out> answer) {
      this.answer = answer;
    }

    @Override
    public String host() {
      return "mac-01";
    }

    @Override
    public ExecResult exec(RemoteScript script) throws TransportException {
      scripts.add(script.text());
      Out a;
      try {
        a = answer.apply(script.text());
      } catch (IllegalStateException e) {
        throw new TransportException(TransportException.Kind.DROPPED, "the connection dropped");
      }
      StringBuilder out = new StringBuilder();
      StringBuilder err = new StringBuilder();
      Matcher m = BEGIN.matcher(script.text());
      while (m.find()) {
        String key = m.group(1).replace("'", "");
        String n = script.nonce();
        out.append("\n@@tc:").append(n).append(":b:").append(key).append('\n').append(a.stdout())
            .append("\n@@tc:").append(n).append(":e:").append(a.exit()).append(':').append(key).append('\n');
        err.append("\n@@tc:").append(n).append(":b:").append(key).append('\n').append(a.stderr())
            .append("\n@@tc:").append(n).append(":e:").append(a.exit()).append(':').append(key).append('\n');
        if (a.exit() != 0) {
          break;
        }
      }
      return new ExecResult(0, out.toString(), err.toString(), Duration.ofMillis(1));
    }

    @Override
    public void close() {}
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
