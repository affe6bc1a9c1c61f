package io.trustchain.facts;

import io.trustchain.facts.CryptoUsersParser.CryptoUsers;
import io.trustchain.facts.SwVersParser.SwVers;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.SectionResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns the sections of one facts exec into {@link HostFacts}, with the pure parsers, section by
 * section: what a parser did not understand is kept as {@link NotUnderstood} and leaves only the
 * facts it touches unknown; the host is never lost to it. A host whose {@code sw_vers} is missing
 * (exit 127) or names another system is "not a Mac".
 */
final class HostFactsAssembler {

  private final FactsRequest request;
  private final FactsSections s;
  private Instant clock;

  HostFactsAssembler(FactsScript script, FactsRequest request, Map<String, SectionResult> sections, ExecResult exec) {
    this.request = request;
    this.s = new FactsSections(script, sections, exec);
  }

  /** The Mac's clock when the facts were read; null when it was not understood (or not read yet). */
  Instant clock() {
    return clock;
  }

  /**
   * Whether the Mac accepts the escrowed managed password {@code item} (its check ran in this exec); null when
   * the check did not run or said something else (the plan then cannot tell, and says so).
   */
  Boolean escrowCheck(String item) {
    SectionResult r = s.section(FactsScript.ESCROW_AUTH + item);
    return r == null ? null : PasswordCheck.parse(r);
  }

  HostFacts assemble() {
    if (!s.ran()) {
      return scriptDidNotRun();
    }
    Reading swReading = s.reading(FactsScript.SW_VERS, "os", List.of("os"));
    SwVers sw = swReading == null ? null : SwVersParser.parse(swReading);
    if (swReading != null) {
      s.keep(swReading, "os", f -> f.equals(Reading.ALL) ? List.of("os") : List.of("os." + f));
      String notMac = notAMac(swReading.out(), sw);
      if (notMac != null) {
        return HostFacts.failed(HostErrorKind.NOT_A_MAC, "not a Mac: " + notMac, s.notes());
      }
    }
    String arch = s.parse(FactsScript.UNAME, "os", f -> List.of("os.arch"), UnameParser::parse, null);
    Reading cryptoReading = s.reading(FactsScript.CRYPTO, "filevault", List.of("users[*].volume_owner",
        "filevault.personal_recovery_key", "filevault.institutional_recovery_key"));
    CryptoUsers crypto = cryptoReading == null ? new CryptoUsers(null, List.of(), false)
        : CryptoUsersParser.parse(cryptoReading);
    FileVaultReader fv = new FileVaultReader(s, request);
    FileVaultReader.Keys keys = fv.keys(cryptoReading, crypto);
    UsersReader usersReader = new UsersReader(s, request);
    List<UserFacts> users = usersReader.read(crypto);
    Reading clockReading = s.reading(FactsScript.CLOCK, "filevault", List.of("clock"));
    clock = clockReading == null ? null : ClockParser.parse(clockReading);
    FileVaultFacts filevault = fv.read(keys, users, usersReader::local, clock);
    if (clockReading != null) {
      List<String> dated = new java.util.ArrayList<>(List.of("clock"));
      if (filevault.deferralAsRead() != null) {
        dated.add("filevault.deferral");
      }
      if (!request.escrowItems().isEmpty()) {
        dated.add("escrow");
      }
      s.keep(clockReading, "filevault", f -> dated);
    }
    BootstrapTokenFacts bootstrap = s.parse(FactsScript.BOOTSTRAP, "bootstrap_token",
        f -> f.equals(Reading.ALL) ? List.of("bootstrap_token") : List.of("bootstrap_token." + f),
        BootstrapTokenParser::parse, new BootstrapTokenFacts(null, null));
    MdmFacts mdm = s.parse(FactsScript.ENROLLMENT, "mdm",
        f -> f.equals(Reading.ALL) ? List.of("mdm") : List.of("mdm." + f), EnrollmentParser::parse,
        new MdmFacts(null, null, null));
    MobileAccountsFacts mobile = s.parse(FactsScript.MCX, "mobile_accounts",
        f -> List.of("mobile_accounts.secure_token_prompt"), McxBypassParser::parse, new MobileAccountsFacts(null));
    OsFacts os = new OsFacts(sw == null ? null : sw.productName(), sw == null ? null : sw.version(),
        sw == null ? null : sw.build(), arch, sw == null ? Map.of() : sw.otherKeys(), Unknowns.NONE);
    return new HostFacts(true, null, null, os, users, filevault, bootstrap, mdm, mobile, null,
        clock == null ? null : ClockParser.text(clock), List.of(), s.unmatched(), null).notUnderstood(s.notes());
  }

  /** Why the host is not a Mac, or null when it may be one. */
  private static String notAMac(ToolOutput out, SwVers sw) {
    if (out.exit() == SwVersParser.EXIT_NOT_FOUND) {
      String said = out.stderrLines().isEmpty() ? "" : " (" + Redact.text(out.stderrLines().get(0).strip()) + ")";
      return "it has no sw_vers" + said;
    }
    if (sw != null && sw.productName() != null && !sw.isMac()) {
      return "sw_vers says ProductName: " + Redact.text(sw.productName());
    }
    return null;
  }

  private HostFacts scriptDidNotRun() {
    ExecResult exec = s.exec();
    List<String> stderr = ToolOutput.lines(exec.stderr()).stream().map(Redact::text).toList();
    String words = stderr.isEmpty() ? "it printed nothing" : "it said: " + String.join(" / ", stderr);
    if (SudoWords.refused(exec.stderr())) {
      return HostFacts.unreachable(HostErrorKind.SUDO_REFUSED, "sudo refused the become password (exit "
          + exec.exitStatus() + "); " + words);
    }
    return HostFacts.unreachable(HostErrorKind.FACTS_SCRIPT_FAILED, "the facts script did not run (exit "
        + exec.exitStatus() + "); " + words);
  }
}
