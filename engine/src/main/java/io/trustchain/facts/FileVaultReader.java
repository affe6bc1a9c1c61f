package io.trustchain.facts;

import io.trustchain.facts.CryptoUsersParser.CryptoUsers;
import io.trustchain.facts.DeferralInfoParser.DeferralInfo;
import io.trustchain.facts.FdeListParser.FdeUser;
import io.trustchain.facts.FdeStatusParser.FdeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code filevault} section: {@code fdesetup status} cross-checked with {@code isactive}, the
 * unlock users of {@code fdesetup list} (rows that name no local account are unmatched entries, never
 * users), the deferral, the recovery keys (fdesetup's answer or the APFS crypto users), trustchain's
 * recovery plist and deferral marker, dated on the Mac's clock.
 */
final class FileVaultReader {

  private static final String FV = "filevault.";
  private static final Map<String, List<String>> STATUS_FIELDS = Map.of(
      "status", List.of(FV + "status"), "progress_percent", List.of(FV + "progress_percent"),
      "deferral", List.of(FV + "deferral"),
      Reading.ALL, List.of(FV + "status", FV + "progress_percent", FV + "deferral"));

  private final FactsSections s;
  private final FactsRequest request;

  FileVaultReader(FactsSections s, FactsRequest request) {
    this.s = s;
    this.request = request;
  }

  /** The recovery keys: fdesetup's yes/no verbs, or the crypto users' fixed UUIDs (S62). */
  record Keys(Boolean personal, Boolean institutional) {}

  /**
   * Reads {@code fdesetup haspersonalrecoverykey} / {@code hasinstitutionalrecoverykey} against the
   * crypto users, and keeps their notes (and the crypto listing's) touching a key only when the two
   * together leave it unknown.
   */
  Keys keys(Reading cryptoReading, CryptoUsers crypto) {
    boolean cryptoSure = cryptoReading != null && cryptoReading.sure(Reading.ALL);
    Reading prk = s.reading(FactsScript.FV_PRK, "filevault", List.of(FV + "personal_recovery_key"));
    Reading irk = s.reading(FactsScript.FV_IRK, "filevault", List.of(FV + "institutional_recovery_key"));
    Boolean personal = either(prk == null ? null : FdeBooleanParser.parse(prk), cryptoSure,
        crypto.has(CryptoUsersParser.PERSONAL_RECOVERY));
    Boolean institutional = either(irk == null ? null : FdeBooleanParser.parse(irk), cryptoSure,
        crypto.has(CryptoUsersParser.INSTITUTIONAL_RECOVERY) || crypto.has(CryptoUsersParser.INSTITUTIONAL_RECOVERY_USER));
    if (prk != null) {
      s.keep(prk, "filevault", f -> personal == null ? List.of(FV + "personal_recovery_key") : List.of());
    }
    if (irk != null) {
      s.keep(irk, "filevault", f -> institutional == null ? List.of(FV + "institutional_recovery_key") : List.of());
    }
    if (cryptoReading != null) {
      s.keep(cryptoReading, "filevault", f -> {
        List<String> paths = new ArrayList<>(List.of("users[*].volume_owner"));
        if (f.equals(Reading.ALL) && personal == null) {
          paths.add(FV + "personal_recovery_key");
        }
        if (f.equals(Reading.ALL) && institutional == null) {
          paths.add(FV + "institutional_recovery_key");
        }
        return paths;
      });
    }
    return new Keys(personal, institutional);
  }

  /** fdesetup's answer or the crypto users': yes when either says yes, no when both say no, else unknown. */
  private static Boolean either(Boolean fdesetup, boolean cryptoSure, boolean inCrypto) {
    if (Boolean.TRUE.equals(fdesetup) || (cryptoSure && inCrypto)) {
      return true;
    }
    return Boolean.FALSE.equals(fdesetup) && cryptoSure ? Boolean.FALSE : null;
  }

  FileVaultFacts read(Keys keys, List<UserFacts> users, Predicate<String> local, Instant clock) {
    Function<String, List<String>> statusPaths = f -> STATUS_FIELDS.getOrDefault(f, List.of());
    Reading statusReading = s.reading(FactsScript.FV_STATUS, "filevault", statusPaths.apply(Reading.ALL));
    FdeStatus status = statusReading == null ? new FdeStatus(null, null, null, false)
        : FdeStatusParser.parse(statusReading);
    if (statusReading != null) {
      s.keep(statusReading, "filevault", statusPaths);
    }
    Reading active = s.reading(FactsScript.FV_ACTIVE, "filevault", List.of(FV + "status"));
    Boolean isActive = active == null ? null : IsActiveParser.parse(active);
    if (active != null) {
      s.keep(active, "filevault", f -> List.of(FV + "status"));
      if ("on".equals(status.status()) && Boolean.FALSE.equals(isActive)) {
        s.conflict(active, "filevault", "fdesetup status says FileVault is On but isactive says false", FV + "status");
      }
    }
    List<String> unlock = unlockUsers(users, local);
    Optional<DeferralInfo> info = s.parse(FactsScript.FV_DEFERRAL, "filevault", f -> List.of(FV + "deferral"),
        DeferralInfoParser::parse, Optional.empty());
    Boolean plist = s.parse(FactsScript.RECOVERY_PLIST, "filevault", f -> List.of(FV + "pending_recovery_plist"),
        FileTestParser::parse, null);
    boolean deferred = status.deferralActive() || info.isPresent();
    Optional<DeferralMarkerParser.Marker> marker = s.parse(FactsScript.DEFERRAL_SINCE, "filevault",
        f -> deferred ? List.of(FV + "deferral") : List.of(), DeferralMarkerParser::parse, Optional.empty());
    Deferral deferral = null;
    if (deferred) {
      String user = status.deferredUser() != null ? status.deferredUser() : info.map(DeferralInfo::user).orElse(null);
      String path = info.map(DeferralInfo::outputPath).orElse(null);
      Optional<DeferralMarkerParser.Marker> ours = path != null && !path.equals(request.recoveryPlist())
          ? Optional.empty() : marker;
      deferral = new Deferral(user, path, info.map(DeferralInfo::forceAtLogin).orElse(null),
          ours.flatMap(m -> age(m.since(), clock)).orElse(null), info.map(DeferralInfo::askAtLogout).orElse(null),
          ours.map(m -> m.since().toString()).orElse(null),
          ours.map(DeferralMarkerParser.Marker::options).orElse(null));
    }
    return new FileVaultFacts(status.status(), status.progressPercent(), deferral, unlock, keys.personal(),
        keys.institutional(), plist);
  }

  private List<String> unlockUsers(List<UserFacts> users, Predicate<String> local) {
    Reading r = s.reading(FactsScript.FV_LIST, "filevault", List.of(FV + "unlock_users"));
    List<FdeUser> listed = r == null ? List.of() : FdeListParser.parse(r);
    TreeSet<String> unlock = new TreeSet<>();
    for (FdeUser u : listed) {
      Optional<String> byUuid = users.stream().filter(x -> u.uuid().equalsIgnoreCase(x.generatedUidAsRead()))
          .map(UserFacts::name).findFirst();
      if (u.name() != null && (local.test(u.name()) || users.stream().anyMatch(x -> x.name().equals(u.name())))) {
        unlock.add(u.name());
      } else if (u.name() == null && byUuid.isPresent()) {
        unlock.add(byUuid.get());
      } else if (u.name() == null) {
        // fdesetup lists by UUID an account whose name Open Directory does not know: no account we read
        s.unmatched("filevault", FactsScript.FV_LIST, u.row(), "is a FileVault user whose UUID is no account trustchain read");
      } else if (s.known("users")) {
        s.unmatched("filevault", FactsScript.FV_LIST, u.row(), "is a FileVault user that names no local account");
      } else if (r != null) {
        r.line("stdout", u.row(), "cannot tell whether this names a local account (the account listing is not"
            + " understood)", "unlock_users");
      }
    }
    if (r != null) {
      s.keep(r, "filevault", f -> List.of(FV + "unlock_users"));
    }
    return List.copyOf(unlock);
  }

  /**
   * Days since trustchain set up the deferral (from its marker), on the Mac's clock; empty when the
   * clock was not read.
   */
  private static Optional<Integer> age(Instant since, Instant clock) {
    return clock == null ? Optional.empty() : Optional.of((int) Math.max(0, Duration.between(since, clock).toDays()));
  }
}
