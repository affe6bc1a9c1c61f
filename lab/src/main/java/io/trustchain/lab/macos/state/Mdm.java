package io.trustchain.lab.macos.state;

/** The MDM enrollment as {@code profiles status -type enrollment} and {@code -type bootstraptoken} see it. */
public final class Mdm {

  private boolean enrolled;
  private boolean dep;
  private boolean userApproved;
  private boolean supervised;
  private boolean serverSupportsBootstrap;
  private String serverUrl = "https://mdm.example.com/mdm/apple/mdm";

  public Mdm() {}

  public static Mdm of(boolean enrolled, boolean dep, boolean userApproved, boolean supervised,
      boolean serverSupportsBootstrap, String serverUrl) {
    Mdm m = new Mdm();
    m.enrolled = enrolled;
    m.dep = dep;
    m.userApproved = userApproved;
    m.supervised = supervised;
    m.serverSupportsBootstrap = serverSupportsBootstrap;
    if (serverUrl != null) {
      m.serverUrl = serverUrl;
    }
    return m;
  }

  public boolean enrolled() {
    return enrolled;
  }

  public boolean dep() {
    return dep;
  }

  public boolean userApproved() {
    return userApproved;
  }

  public boolean supervised() {
    return supervised;
  }

  public boolean serverSupportsBootstrap() {
    return serverSupportsBootstrap;
  }

  /** Enrolled and the server advertises the Bootstrap Token capability. */
  public boolean bootstrapAvailable() {
    return enrolled && serverSupportsBootstrap;
  }

  public String serverUrl() {
    return serverUrl;
  }

  @Override
  public String toString() {
    return enrolled ? "enrolled" + (dep ? " (DEP)" : "") + (supervised ? " supervised" : "") : "not enrolled";
  }
}
