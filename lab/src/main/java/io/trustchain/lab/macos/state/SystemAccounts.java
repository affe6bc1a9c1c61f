package io.trustchain.lab.macos.state;

import java.util.List;

/**
 * The built-in accounts and groups every Mac has (root, daemon, nobody, _mbsetupuser, a few service
 * accounts; wheel, staff, admin …), so {@code dscl . -list /Users UniqueID} interleaves them with
 * the humans as on a real Mac (S73) and root shows in {@code GroupMembership} (S74).
 */
public final class SystemAccounts {

  public static final int STAFF_GID = 20;
  public static final int ADMIN_GID = 80;
  /** root's GeneratedUID (S75). */
  public static final String ROOT_UUID = "FFFFEEEE-DDDD-CCCC-BBBB-AAAA00000000";

  private record Spec(String name, int uid, int gid, String realName, String shell, String home) {}

  private static final List<Spec> ACCOUNTS = List.of(
      new Spec("root", 0, 0, "System Administrator", "/bin/sh", "/var/root"),
      new Spec("daemon", 1, 1, "System Services", "/usr/bin/false", "/var/root"),
      new Spec("nobody", -2, -2, "Unprivileged User", "/usr/bin/false", "/var/empty"),
      new Spec("_appstore", 33, 33, "Mac App Store Service", "/usr/bin/false", "/var/db/appstore"),
      new Spec("_appleevents", 55, 55, "AppleEvents Daemon", "/usr/bin/false", "/var/empty"),
      new Spec("_ard", 67, 67, "Apple Remote Desktop", "/usr/bin/false", "/var/empty"),
      new Spec("_appserver", 79, 79, "Application Server", "/usr/bin/false", "/var/empty"),
      new Spec("_amavisd", 83, 83, "AMaViS Daemon", "/usr/bin/false", "/var/virusmails"),
      new Spec("_appowner", 87, 87, "Application Owner", "/usr/bin/false", "/var/empty"),
      new Spec("_mbsetupuser", 248, 248, "Setup User", "/bin/bash", "/var/setup"),
      new Spec("_applepay", 260, 260, "applepay Account", "/usr/bin/false", "/var/db/applepay"),
      new Spec("_analyticsd", 263, 263, "Analytics Daemon", "/usr/bin/false", "/var/db/analyticsd"),
      new Spec("_accessoryupdater", 278, 278, "Accessory Update Daemon", "/usr/bin/false", "/var/db/accessoryupdater"));

  private SystemAccounts() {}

  /** Adds the built-in accounts and groups to a new state. */
  public static void install(MacState state) {
    for (Spec s : ACCOUNTS) {
      String uuid = s.uid() < 0 ? "FFFFEEEE-DDDD-CCCC-BBBB-AAAAFFFFFFFE"
          : String.format("FFFFEEEE-DDDD-CCCC-BBBB-AAAA%08X", s.uid());
      Account a = new Account(s.name(), s.uid(), s.gid(), s.realName(), uuid, s.shell(), s.home());
      a.system(true);
      a.hidden(s.uid() != 0);
      state.users().add(a);
    }
    for (String dir : List.of("/Users/Shared", "/var/db", "/var/root", "/tmp", "/private/tmp", "/Library/Preferences")) {
      state.files().mkdirs(dir);
    }
    state.groups().add(new GroupRecord("wheel", 0, "System Group", List.of("root")));
    state.groups().add(new GroupRecord("everyone", 12, "Everyone", List.of()));
    state.groups().add(new GroupRecord("staff", STAFF_GID, "Staff", List.of("root")));
    state.groups().add(new GroupRecord("localaccounts", 61, "Local Accounts", List.of()));
    state.groups().add(new GroupRecord("admin", ADMIN_GID, "Administrators", List.of("root")));
  }
}
