package io.trustchain.lab.macos.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything a simulated Mac remembers between commands; saved as {@code state.json} (see
 * {@code StateStore}). Behaviour lives in the rules and tools; this holds the data and lookups.
 */
public final class MacState {

  /** The version of the state file layout. */
  public static final int FORMAT_VERSION = 1;

  private int formatVersion = FORMAT_VERSION;
  private String host;
  private String scenario;
  private OsInfo os;
  private SimClock clock;
  private List<Account> users = new ArrayList<>();
  private List<GroupRecord> groups = new ArrayList<>();
  private Volume volume;
  private Mdm mdm = new Mdm();
  private BootstrapToken bootstrapToken = new BootstrapToken();
  private FileVaultState fileVault = new FileVaultState();
  private Preferences preferences = new Preferences();
  private Faults faults = new Faults();
  private FileTree files = new FileTree();
  private LinkedHashSet<String> loggedIn = new LinkedHashSet<>();
  private int nextPid = 412;
  private int uuidCounter;

  private MacState() {}

  public MacState(String host, String scenario, OsInfo os, SimClock clock, Volume volume) {
    this.host = Objects.requireNonNull(host, "host == null");
    this.scenario = scenario;
    this.os = Objects.requireNonNull(os, "os == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.volume = Objects.requireNonNull(volume, "volume == null");
  }

  public int formatVersion() {
    return formatVersion;
  }

  public String host() {
    return host;
  }

  public String scenario() {
    return scenario;
  }

  public OsInfo os() {
    return os;
  }

  public MacVersion version() {
    return os.version();
  }

  public SimClock clock() {
    return clock;
  }

  public Volume volume() {
    return volume;
  }

  public Mdm mdm() {
    return mdm;
  }

  public void mdm(Mdm value) {
    this.mdm = Objects.requireNonNull(value, "mdm == null");
  }

  public BootstrapToken bootstrapToken() {
    return bootstrapToken;
  }

  public FileVaultState fileVault() {
    return fileVault;
  }

  public Preferences preferences() {
    return preferences;
  }

  public Faults faults() {
    return faults;
  }

  public FileTree files() {
    return files;
  }

  /** Users with a session at the login window, in login order. */
  public LinkedHashSet<String> loggedIn() {
    return loggedIn;
  }

  public List<Account> users() {
    return users;
  }

  public List<GroupRecord> groups() {
    return groups;
  }

  /** The account by short name (Open Directory lookups ignore case). */
  public Optional<Account> user(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return users.stream().filter(u -> u.name().equals(name)).findFirst()
        .or(() -> users.stream().filter(u -> u.name().equalsIgnoreCase(name)).findFirst());
  }

  public Optional<GroupRecord> group(String name) {
    return groups.stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst();
  }

  public GroupRecord adminGroup() {
    return group("admin").orElseThrow(() -> new IllegalStateException("the admin group is missing"));
  }

  public boolean isAdmin(String user) {
    return group("admin").map(g -> g.has(user)).orElse(false);
  }

  /** Human and service accounts (not the built-in system ones such as root or _mbsetupuser). */
  public List<Account> localUsers() {
    return users.stream().filter(u -> !u.system()).toList();
  }

  public List<Account> tokenHolders() {
    return users.stream().filter(Account::secureToken).toList();
  }

  /** Admins other than root. */
  public List<Account> admins() {
    return localUsers().stream().filter(u -> isAdmin(u.name())).toList();
  }

  /** Nobody holds a Secure Token and none was ever granted: the next eligible user takes the first one. */
  public boolean firstTokenAvailable() {
    return tokenHolders().isEmpty() && !volume.tokenEverGranted();
  }

  public int nextUid() {
    return users.stream().mapToInt(Account::uid).filter(uid -> uid >= 501 && uid < 1000).max().orElse(500) + 1;
  }

  /** A new process id for a tool's NSLog prefix. */
  public int allocatePid() {
    int pid = nextPid;
    nextPid += 17 + (pid * 7919) % 211;
    return pid;
  }

  /** A new, stable GeneratedUID (derived from the host, the name and a counter). */
  public String newGeneratedUid(String forName) {
    uuidCounter++;
    String seed = host + "/" + forName + "/" + uuidCounter;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT);
  }

  /**
   * Where the clock and the process counter stand: they move at every command, even one that changes
   * nothing else (the state store keeps such moves in memory for a while, see {@code StateStore}).
   */
  public record Counters(long clockMillis, int nextPid) {}

  public Counters counters() {
    return new Counters(clock.elapsedMillis(), nextPid);
  }

  /** Puts the clock and the process counter at {@code counters} (both may move back). */
  public void counters(Counters counters) {
    clock.elapsedMillis(counters.clockMillis());
    nextPid = counters.nextPid();
  }

  /** Takes over the clock and process counters of {@code other} (a scratch copy whose changes are dropped). */
  public void adoptCounters(MacState other) {
    this.clock = other.clock;
    this.nextPid = other.nextPid;
    this.uuidCounter = other.uuidCounter;
  }

  public void addUser(Account account) {
    if (user(account.name()).isPresent()) {
      throw new IllegalArgumentException("user " + account.name() + " already exists");
    }
    users.add(account);
  }

  public void removeUser(Account account) {
    users.remove(account);
    groups.forEach(g -> g.remove(account.name()));
    loggedIn.remove(account.name());
  }

  @Override
  public String toString() {
    return host + ": " + os + ", " + localUsers().size() + " users, FileVault " + fileVault;
  }
}
