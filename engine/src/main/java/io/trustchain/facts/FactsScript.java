package io.trustchain.facts;

import io.trustchain.transport.Command;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.ScriptBuilder;
import io.trustchain.transport.ShellQuote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one facts script of a host: every tool as a framed section (keys below), users read in two
 * sh loops — the accounts with uid ≥ 500 from {@code dscl . -list /Users UniqueID} (run once: its output, kept
 * in a variable, is the {@code users} section and the first loop's input), then the accounts the documents
 * name — and each password check asked for (none, in a run: passwords are tried only by the changes that use
 * them) with the password on stdin ({@link PasswordCheck}).
 *
 * <p>The sh it emits (for the lab's interpreter): simple commands with quoted words, {@code |},
 * {@code ;}, {@code ||}, {@code &&}, {@code >&2}, {@code while read -r A B; do …; done},
 * {@code for N in WORDS; do …; done}, {@code if …; then …; fi},
 * {@code [ "$X" -ge 500 ]}, {@code [ "$X" = "$Y" ]}, {@code [ -f PATH ]}, {@code [ -z "$X" ]}, {@code printf},
 * {@code $?}, {@code X=$(…)}, {@code "…$var…"} expansions and the two functions that print a section's markers.
 * The recovery plist is only tested ({@code [ -s PATH ]}: present and not empty), never read; the deferral
 * marker trustchain writes ({@link FactsRequest#DEFERRAL_MARKER}) and the Mac's clock ({@code date -u}) date a
 * deferral.
 */
final class FactsScript {

  static final String SW_VERS = "sw_vers";
  static final String UNAME = "uname";
  static final String USERS = "users";
  static final String ADMINS = "admins";
  static final String USER = "user:";
  static final String TOKEN = "token:";
  static final String AUTH = "auth:";
  /** A managed password kept in escrow, checked on the Mac: {@code escrowauth:ITEM}. */
  static final String ESCROW_AUTH = "escrowauth:";

  /** An escrowed password to check: whose it is, and the reference that reads it from escrow. */
  record EscrowCheck(String user, io.trustchain.secret.SecretRef ref) {}
  static final String CRYPTO = "crypto";
  static final String FV_STATUS = "fv_status";
  static final String FV_LIST = "fv_list";
  static final String FV_ACTIVE = "fv_active";
  static final String FV_DEFERRAL = "fv_deferral";
  static final String FV_PRK = "fv_prk";
  static final String FV_IRK = "fv_irk";
  static final String BOOTSTRAP = "bootstrap";
  static final String ENROLLMENT = "enrollment";
  static final String MCX = "mcx";
  static final String RECOVERY_PLIST = "recovery_plist";
  static final String CLOCK = "clock";
  static final String DEFERRAL_SINCE = "fv_deferral_since";

  static final int MIN_HUMAN_UID = 500;
  static final List<String> USER_ATTRIBUTES = List.of("RecordName", "UniqueID", "RealName", "GeneratedUID",
      "NFSHomeDirectory", "UserShell", "AuthenticationAuthority", "IsHidden");
  static final String MCX_DOMAIN = "/Library/Preferences/com.apple.MCX";
  static final String MCX_KEY = "cachedaccounts.askForSecureTokenAuthBypass";

  private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]*");

  private static final Map<String, Command> FIXED = new TreeMap<>(Map.ofEntries(
      Map.entry(SW_VERS, Command.of("sw_vers")),
      Map.entry(UNAME, Command.of("uname", "-m")),
      Map.entry(USERS, Command.of("dscl", ".", "-list", "/Users", "UniqueID")),
      Map.entry(ADMINS, Command.of("dscl", ".", "-read", "/Groups/admin", "GroupMembership")),
      Map.entry(CRYPTO, Command.of("diskutil", "apfs", "listCryptoUsers", "/")),
      Map.entry(FV_STATUS, Command.of("fdesetup", "status")),
      Map.entry(FV_LIST, Command.of("fdesetup", "list")),
      Map.entry(FV_ACTIVE, Command.of("fdesetup", "isactive")),
      Map.entry(FV_DEFERRAL, Command.of("fdesetup", "showdeferralinfo")),
      Map.entry(FV_PRK, Command.of("fdesetup", "haspersonalrecoverykey")),
      Map.entry(FV_IRK, Command.of("fdesetup", "hasinstitutionalrecoverykey")),
      Map.entry(BOOTSTRAP, Command.of("profiles", "status", "-type", "bootstraptoken")),
      Map.entry(ENROLLMENT, Command.of("profiles", "status", "-type", "enrollment")),
      Map.entry(MCX, Command.of("defaults", "read", MCX_DOMAIN, MCX_KEY)),
      Map.entry(CLOCK, Command.of("date", "-u", "+%Y-%m-%dT%H:%M:%SZ")),
      Map.entry(DEFERRAL_SINCE, Command.of("cat", FactsRequest.DEFERRAL_MARKER))));

  /** The fixed sections' commands as shown in messages, made once: every host's facts name them. */
  private static final Map<String, String> FIXED_DISPLAY = FIXED.entrySet().stream()
      .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().display()));

  private final RemoteScript script;
  private final FactsRequest request;
  private final Map<String, EscrowCheck> escrowChecks;

  private FactsScript(RemoteScript script, FactsRequest request, Map<String, EscrowCheck> escrowChecks) {
    this.script = script;
    this.request = request;
    this.escrowChecks = escrowChecks;
  }

  static FactsScript build(FactsRequest request, Duration timeout) {
    return build(new ScriptBuilder(), request, timeout);
  }

  static FactsScript build(ScriptBuilder b, FactsRequest request, Duration timeout) {
    return build(b, request, timeout, Map.of(), null);
  }

  /**
   * With {@code escrowChecks} (escrow item → check): escrowed managed passwords checked on the Mac. With
   * {@code made} (not null), the sections are taken from it when a script of the same {@link #shape} was made
   * before ({@link #embed(ScriptBuilder, FactsRequest, Map, Map)}).
   */
  static FactsScript build(ScriptBuilder b, FactsRequest request, Duration timeout, Map<String, EscrowCheck> escrowChecks,
      Map<String, String> made) {
    FactsScript embedded = embed(b, request, escrowChecks, made);
    return new FactsScript(b.build(timeout), embedded.request, embedded.escrowChecks);
  }

  static FactsScript embed(ScriptBuilder b, FactsRequest request) {
    return embed(b, request, Map.of(), null);
  }

  /**
   * What the facts sections' text depends on when they check no password, as a key of a {@code made} map: whether a
   * failed step stops the script, the recovery plist's path and the users the documents name (sorted), each after
   * its length, so that no two shapes share a key. The hosts of a play share it. A string, whose hash and equality
   * are the JDK's own compiled code, rather than a record, whose {@code equals} and {@code hashCode} are method
   * handles made at their first call (11 ms of a plan at N = 1,000 when it was one).
   */
  static String shape(Collection<String> named, String recoveryPlist, boolean stopOnFailure) {
    StringBuilder key = new StringBuilder(stopOnFailure ? "stop" : "go");
    key.append(' ').append(recoveryPlist.length()).append(':').append(recoveryPlist);
    for (String name : new TreeSet<>(named)) {
      key.append(' ').append(name.length()).append(':').append(name);
    }
    return key.toString();
  }

  /**
   * A {@code made} map takes no more shapes once it holds this many (hosts that race may add a few more): a run
   * has one per play or so.
   */
  static final int SHAPES_KEPT = 64;

  /**
   * Adds the facts sections to {@code b}, a script with other sections too; {@link #script()} is then null.
   * With {@code made} (not null) and no password to check, the sections' text is made once per {@link #shape}
   * and kept there (up to {@link #SHAPES_KEPT} shapes), and the next host's script takes it as it is: every host of a
   * plan or a gathering sends the same sections, and building them was more than half of what making a host's exec
   * command cost (docs/performance.md, fifteenth pass). The text holds no nonce: the markers' formats are in the preamble
   * {@link ScriptBuilder#build} writes for each script.
   */
  static FactsScript embed(ScriptBuilder b, FactsRequest request, Map<String, EscrowCheck> escrowChecks,
      Map<String, String> made) {
    if (made != null && request.passwordsToCheck().isEmpty() && escrowChecks.isEmpty()) {
      String shape = shape(request.namedUsers(), request.recoveryPlist(), b.stopsOnFailure());
      String text = made.get(shape);
      if (text == null) {
        ScriptBuilder part = new ScriptBuilder().stopOnFailure(b.stopsOnFailure());
        sections(part, request, Map.of());
        text = part.bodyText();
        if (made.size() < SHAPES_KEPT) {
          made.put(shape, text);
        }
      }
      b.raw(text);
    } else {
      sections(b, request, escrowChecks);
    }
    return new FactsScript(null, request, Map.copyOf(escrowChecks));
  }

  private static void sections(ScriptBuilder b, FactsRequest request, Map<String, EscrowCheck> escrowChecks) {
    TreeSet<String> named = new TreeSet<>(request.namedUsers());
    named.addAll(request.passwordsToCheck().keySet());
    for (String name : named) {
      if (!USER_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("cannot gather facts for the account name '" + name
            + "': a macOS short name has only letters, digits, '_', '.', '-' and '@'");
      }
    }
    b.step(SW_VERS, FIXED.get(SW_VERS));
    b.step(UNAME, FIXED.get(UNAME));
    b.capture(USERS, FIXED.get(USERS), "tc_users");
    b.step(ADMINS, FIXED.get(ADMINS));
    String perUser = b.sectionText("\"" + USER + "$tc_n\"", "dscl . -read \"/Users/$tc_n\" "
        + String.join(" ", USER_ATTRIBUTES)) + "\n"
        + b.sectionText("\"" + TOKEN + "$tc_n\"", "sysadminctl -secureTokenStatus \"$tc_n\"");
    StringBuilder listed = new StringBuilder("printf '%s\\n' \"$tc_users\"")
        .append(" | while read -r tc_n tc_id; do\n")
        .append("if [ \"$tc_id\" -ge ").append(MIN_HUMAN_UID).append(" ]; then\n")
        .append("tc_named=0\n");
    if (!named.isEmpty()) {
      listed.append("for tc_x in ").append(words(named, " "))
          .append("; do if [ \"$tc_x\" = \"$tc_n\" ]; then tc_named=1; fi; done\n");
    }
    listed.append("if [ \"$tc_named\" = 0 ]; then\n").append(perUser).append("\nfi\nfi\ndone");
    b.raw(listed.toString());
    if (!named.isEmpty()) {
      b.raw("for tc_n in " + words(named, " ") + "; do\n" + perUser + "\ndone");
    }
    for (Map.Entry<String, io.trustchain.secret.SecretRef> e : new TreeMap<>(request.passwordsToCheck()).entrySet()) {
      b.step(AUTH + e.getKey(), PasswordCheck.verify(e.getKey(), e.getValue()));
    }
    for (Map.Entry<String, EscrowCheck> e : new TreeMap<>(escrowChecks).entrySet()) {
      b.step(ESCROW_AUTH + e.getKey(), PasswordCheck.verify(e.getValue().user(), e.getValue().ref()));
    }
    for (String key : List.of(CRYPTO, FV_STATUS, FV_ACTIVE, FV_LIST, FV_DEFERRAL, FV_PRK, FV_IRK, BOOTSTRAP, ENROLLMENT, MCX,
        CLOCK, DEFERRAL_SINCE)) {
      b.step(key, FIXED.get(key));
    }
    b.section(RECOVERY_PLIST, plistTest(request));
  }

  private static String plistTest(FactsRequest request) {
    return "[ -s " + ShellQuote.quote(request.recoveryPlist()) + " ]";
  }

  private static String words(Iterable<String> names, String sep) {
    List<String> quoted = new ArrayList<>();
    names.forEach(n -> quoted.add(ShellQuote.quote(n)));
    return String.join(sep, quoted);
  }

  Map<String, EscrowCheck> escrowChecks() {
    return escrowChecks;
  }

  RemoteScript script() {
    return script;
  }

  FactsRequest request() {
    return request;
  }

  /** The command of a section, as shown in messages (secrets masked). */
  String display(String key) {
    String fixed = FIXED_DISPLAY.get(key);
    if (fixed != null) {
      return fixed;
    }
    if (key.startsWith(USER)) {
      return Command.of("dscl", ".", "-read", "/Users/" + key.substring(USER.length()))
          .with(USER_ATTRIBUTES.toArray(String[]::new)).display();
    }
    if (key.startsWith(TOKEN)) {
      return Command.of("sysadminctl", "-secureTokenStatus", key.substring(TOKEN.length())).display();
    }
    if (key.startsWith(AUTH)) {
      String user = key.substring(AUTH.length());
      return PasswordCheck.verify(user, request.passwordsToCheck().get(user)).display();
    }
    if (key.startsWith(ESCROW_AUTH) && escrowChecks.containsKey(key.substring(ESCROW_AUTH.length()))) {
      EscrowCheck c = escrowChecks.get(key.substring(ESCROW_AUTH.length()));
      return PasswordCheck.verify(c.user(), c.ref()).display();
    }
    if (key.equals(RECOVERY_PLIST)) {
      return plistTest(request);
    }
    return key;
  }
}
