package io.trustchain.facts;

import io.trustchain.facts.CryptoUsersParser.CryptoUsers;
import io.trustchain.facts.DeferralInfoParser.DeferralInfo;
import io.trustchain.facts.DsclRecordParser.DsclRecord;
import io.trustchain.facts.FdeListParser.FdeUser;
import io.trustchain.facts.FdeStatusParser.FdeStatus;
import io.trustchain.facts.SecureTokenStatusParser.TokenStatus;
import io.trustchain.facts.SwVersParser.SwVers;
import io.trustchain.facts.UserListParser.ListedUser;
import io.trustchain.transport.ExecResult;
import io.trustchain.transport.SectionResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Turns the sections of one facts exec into {@link HostFacts}, with the pure parsers. */
final class HostFactsAssembler {

  private final FactsScript script;
  private final FactsRequest request;
  private final Map<String, SectionResult> sections;
  private final ExecResult exec;

  HostFactsAssembler(FactsScript script, FactsRequest request, Map<String, SectionResult> sections, ExecResult exec) {
    this.script = script;
    this.request = request;
    this.sections = sections;
    this.exec = exec;
  }

  /** The Mac's clock when the facts were read. */
  java.time.Instant clock() throws FactParseException {
    return ClockParser.parse(out(FactsScript.CLOCK));
  }

  /** Whether the Mac accepts the escrowed password {@code item} (its check ran in this exec). */
  Boolean escrowCheck(String item) throws FactParseException {
    return AuthOnlyParser.parse(out(FactsScript.ESCROW_AUTH + item));
  }

  HostFacts assemble() throws FactParseException {
    SwVers sw = SwVersParser.parse(out(FactsScript.SW_VERS));
    OsFacts os = new OsFacts(sw.productName(), sw.version(), sw.build(), UnameParser.parse(out(FactsScript.UNAME)));
    CryptoUsers crypto = CryptoUsersParser.parse(out(FactsScript.CRYPTO));
    List<UserFacts> users = users(crypto);
    return new HostFacts(true, null, os, users, fileVault(crypto, users),
        BootstrapTokenParser.parse(out(FactsScript.BOOTSTRAP)),
        EnrollmentParser.parse(out(FactsScript.ENROLLMENT)),
        McxBypassParser.parse(out(FactsScript.MCX)), null, clock().toString());
  }

  private List<UserFacts> users(CryptoUsers crypto) throws FactParseException {
    List<ListedUser> listed = UserListParser.parse(out(FactsScript.USERS));
    ToolOutput adminsOut = out(FactsScript.ADMINS);
    DsclRecord adminGroup = DsclRecordParser.parse(adminsOut)
        .orElseThrow(() -> adminsOut.fail("the admin group does not exist"));
    Set<String> admins = new HashSet<>(adminGroup.values("GroupMembership"));
    TreeSet<String> names = new TreeSet<>(request.namedUsers());
    names.addAll(request.passwordsToCheck().keySet());
    listed.stream().filter(u -> u.uid() >= FactsScript.MIN_HUMAN_UID).forEach(u -> names.add(u.name()));
    List<UserFacts> users = new ArrayList<>();
    for (String name : names) {
      Optional<DsclRecord> record = DsclRecordParser.parse(out(FactsScript.USER + name));
      TokenStatus token = SecureTokenStatusParser.parse(out(FactsScript.TOKEN + name));
      if (record.isEmpty()) {
        continue; // a named account that does not exist (S72; sysadminctl says Unknown user)
      }
      if (token == TokenStatus.UNKNOWN_USER) {
        throw out(FactsScript.TOKEN + name).fail("sysadminctl does not know " + name + " but dscl has its record");
      }
      users.add(user(name, record.get(), admins.contains(name), token == TokenStatus.ENABLED, crypto));
    }
    users.sort(Comparator.comparing(UserFacts::name));
    return users;
  }

  private UserFacts user(String name, DsclRecord r, boolean admin, boolean token, CryptoUsers crypto)
      throws FactParseException {
    ToolOutput out = out(FactsScript.USER + name);
    String uidText = r.first("UniqueID");
    int uid;
    try {
      uid = Integer.parseInt(uidText == null ? "" : uidText);
    } catch (NumberFormatException e) {
      throw out.fail("UniqueID '" + uidText + "' is not a number");
    }
    List<String> authority = r.values("AuthenticationAuthority");
    boolean disabledTag = authority.stream().anyMatch(a -> a.startsWith(";DisabledTags;")
        && List.of(a.substring(";DisabledTags;".length()).split(";")).contains("SecureToken"));
    boolean disabled = authority.stream().anyMatch(a -> a.equals(";DisabledUser;") || a.equals("DisabledUser"));
    String hiddenText = r.first("IsHidden");
    boolean hidden = hiddenText != null && Set.of("1", "yes", "true").contains(hiddenText.toLowerCase(Locale.ROOT));
    String guid = r.first("GeneratedUID");
    Boolean owner = null;
    if (crypto.ownershipReported()) {
      CryptoUsersParser.CryptoUser entry = crypto.find(guid);
      owner = entry != null && Boolean.TRUE.equals(entry.volumeOwner());
    }
    Boolean authenticates = null;
    if (request.passwordsToCheck().containsKey(name)) {
      authenticates = AuthOnlyParser.parse(out(FactsScript.AUTH + name));
    }
    return new UserFacts(name, uid, r.first("RealName"), guid == null ? null : guid.toUpperCase(Locale.ROOT), admin,
        token, disabledTag, owner, r.first("UserShell"), r.first("NFSHomeDirectory"), hidden, disabled, authority,
        authenticates);
  }

  private FileVaultFacts fileVault(CryptoUsers crypto, List<UserFacts> users) throws FactParseException {
    FdeStatus status = FdeStatusParser.parse(out(FactsScript.FV_STATUS));
    boolean active = IsActiveParser.parse(out(FactsScript.FV_ACTIVE));
    if (status.status().equals("on") && !active) {
      throw out(FactsScript.FV_ACTIVE).fail("fdesetup status says FileVault is On but isactive says false");
    }
    List<FdeUser> listed = FdeListParser.parse(out(FactsScript.FV_LIST));
    Optional<DeferralInfo> info = DeferralInfoParser.parse(out(FactsScript.FV_DEFERRAL));
    boolean prk = FdeBooleanParser.parse(out(FactsScript.FV_PRK)) || crypto.has(CryptoUsersParser.PERSONAL_RECOVERY);
    boolean irk = FdeBooleanParser.parse(out(FactsScript.FV_IRK))
        || crypto.has(CryptoUsersParser.INSTITUTIONAL_RECOVERY)
        || crypto.has(CryptoUsersParser.INSTITUTIONAL_RECOVERY_USER);
    boolean plist = FileTestParser.parse(out(FactsScript.RECOVERY_PLIST));
    Deferral deferral = null;
    if (status.deferredUser() != null || info.isPresent()) {
      String user = status.deferredUser() != null ? status.deferredUser() : info.get().user();
      String path = info.map(DeferralInfo::outputPath).orElse(null);
      Optional<DeferralMarkerParser.Marker> marker = marker(path);
      java.time.Instant now = clock();
      deferral = new Deferral(user, path, info.map(DeferralInfo::forceAtLogin).orElse(null),
          marker.map(m -> (int) Math.max(0, java.time.Duration.between(m.since(), now).toDays())).orElse(null),
          info.map(DeferralInfo::askAtLogout).orElse(null), marker.map(m -> m.since().toString()).orElse(null),
          marker.map(DeferralMarkerParser.Marker::options).orElse(null));
    }
    TreeSet<String> unlock = new TreeSet<>();
    for (FdeUser u : listed) {
      unlock.add(u.name() != null ? u.name() : users.stream()
          .filter(x -> u.uuid().equalsIgnoreCase(x.generatedUid())).map(UserFacts::name).findFirst()
          .orElse(u.uuid()));
    }
    return new FileVaultFacts(status.status(), status.progressPercent(), deferral, List.copyOf(unlock), prk, irk,
        plist);
  }

  /**
   * trustchain's marker of the deferral (when and how it set it up); empty when the deferral writes
   * elsewhere than trustchain's plist (someone else set it up) or no marker exists.
   */
  private Optional<DeferralMarkerParser.Marker> marker(String outputPath) throws FactParseException {
    Optional<DeferralMarkerParser.Marker> marker = DeferralMarkerParser.parse(out(FactsScript.DEFERRAL_SINCE));
    if (outputPath != null && !outputPath.equals(request.recoveryPlist())) {
      return Optional.empty();
    }
    return marker;
  }

  /** The section {@code key}, or a failure saying the script stopped before it. */
  private ToolOutput out(String key) throws FactParseException {
    SectionResult s = sections.get(key);
    if (s == null) {
      throw new FactParseException(script.display(key), "no result: the facts script (exit " + exec.exitStatus()
          + ") ended before this command ran", Redact.text(exec.stderr().strip()));
    }
    return new ToolOutput(script.display(key), s.exitCode(), s.stdout(), s.stderr());
  }
}
