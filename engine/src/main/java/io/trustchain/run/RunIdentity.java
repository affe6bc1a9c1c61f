package io.trustchain.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is running this command, for locks, the audit log and reports.
 *
 * @param runId random, 16 hex digits; names this run's locks ({@code --force-unlock RUN_ID})
 * @param who the person: the CI actor ({@code GITHUB_ACTOR}, {@code GITLAB_USER_LOGIN}), else
 *     {@code TRUSTCHAIN_ACTOR}, else the controller's user
 * @param controller {@code user@host} of the machine trustchain runs on
 * @param pid the controller process
 * @param ci the CI job's URL when run from GitHub Actions or GitLab CI
 */
public record RunIdentity(String runId, String who, String controller, long pid, Optional<String> ci) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public RunIdentity {
    Objects.requireNonNull(runId, "runId == null");
    Objects.requireNonNull(who, "who == null");
    Objects.requireNonNull(controller, "controller == null");
    Objects.requireNonNull(ci, "ci == null");
  }

  /** This process, as told by {@code env} (the CI variables) and the system. */
  public static RunIdentity detect(Map<String, String> env) {
    String user = firstOf(env, "USER", "LOGNAME", "USERNAME").orElse(System.getProperty("user.name", "unknown"));
    String host = firstOf(env, "HOSTNAME", "COMPUTERNAME").orElseGet(RunIdentity::hostName);
    String controller = oneLine(user) + "@" + oneLine(host);
    Optional<String> ci = ciUrl(env);
    String who = firstOf(env, "TRUSTCHAIN_ACTOR", "GITHUB_ACTOR", "GITLAB_USER_LOGIN").map(RunIdentity::oneLine)
        .orElse(oneLine(user));
    return new RunIdentity(newRunId(), who, controller, ProcessHandle.current().pid(), ci);
  }

  static String newRunId() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** {@code alice (alice@laptop, pid 42)} or {@code octocat via https://…/runs/1 (runner@gh, pid 42)}. */
  public String describe() {
    return who + ci.map(url -> " via " + url).orElse("") + " (" + controller + ", pid " + pid + ")";
  }

  private static Optional<String> ciUrl(Map<String, String> env) {
    String server = env.get("GITHUB_SERVER_URL");
    String repo = env.get("GITHUB_REPOSITORY");
    String run = env.get("GITHUB_RUN_ID");
    if (notBlank(server) && notBlank(repo) && notBlank(run)) {
      return Optional.of(oneLine(server + "/" + repo + "/actions/runs/" + run));
    }
    return firstOf(env, "CI_JOB_URL", "CI_PIPELINE_URL", "BUILD_URL").map(RunIdentity::oneLine);
  }

  private static Optional<String> firstOf(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (notBlank(v)) {
        return Optional.of(v.strip());
      }
    }
    return Optional.empty();
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** Printable, single-line, no shell or owner-file syntax surprises. */
  static String oneLine(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return b.toString().strip();
  }
}
