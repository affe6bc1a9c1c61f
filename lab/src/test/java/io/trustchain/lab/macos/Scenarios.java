package io.trustchain.lab.macos;

/** Throwaway scenario texts for tests (inline passwords: "pw-" + the user name). */
final class Scenarios {

  private Scenarios() {}

  static String os(String version, String build, String arch) {
    return "os: {version: \"" + version + "\", build: " + build + ", arch: " + arch + "}\n"
        + "clock: {start: \"2026-06-24T21:49:30+02:00\"}\n";
  }

  /** A user line: {@code user("alice", "admin: true, secure_token: true")}. */
  static String user(String name, String extra) {
    return "  - {name: " + name + ", password: pw-" + name + (extra.isEmpty() ? "" : ", " + extra) + "}\n";
  }

  /** tcadmin (Setup Assistant, admin, token), ladmin (admin), alice (standard), on {@code os}. */
  static String cast(String os) {
    return os + "users:\n"
        + user("tcadmin", "full_name: TrustChain Admin, admin: true, secure_token: true, setup_assistant: true")
        + user("ladmin", "full_name: Lab Admin, admin: true")
        + user("alice", "full_name: Alice Appleseed");
  }

  static String catalina() {
    return os("10.15.7", "19H15", "x86_64");
  }

  static String bigSur() {
    return os("11.7.10", "20G1427", "x86_64");
  }

  static String ventura() {
    return os("13.6.7", "22G720", "arm64");
  }

  static String sequoia() {
    return os("15.7.1", "24G231", "arm64");
  }

  static String tahoe() {
    return os("26.1", "25B78", "arm64");
  }
}
