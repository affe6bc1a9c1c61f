package io.trustchain.run.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JunitReportTest {

  private static final String XML = JunitReport.apply(ReportFixtures.PLAN, ReportFixtures.result(),
      Instant.parse("2025-03-01T10:20:00.5Z"));

  @Test
  void aSuitePerHostACasePerHostAndResourceWithCountsThatAddUp() {
    assertThat(XML).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"trustchain apply\" tests=\"9\" failures=\"4\" errors=\"0\" skipped=\"4\" time=\"1.750\">\n"
        + "  <testsuite name=\"mac-catalina\" tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"1\" time=\"1.500\" "
        + "timestamp=\"2025-03-01T10:20:00\" hostname=\"mac-catalina\">\n");
    assertThat(XML).contains("<testcase classname=\"mac-catalina\" name=\"user[alice]\">\n      <system-out>applied\n"
        + "Creating user record…</system-out>");
    assertThat(XML).contains("<testcase classname=\"mac-catalina\" name=\"user[olduser]\">\n"
        + "      <skipped message=\"not run: the host stopped earlier\"/>");
  }

  @Test
  void aFailureCarriesTheDevicesWordsEscapedAndRedacted() {
    assertThat(XML).contains("<failure message=\"`dscl` exited 1\" type=\"failed\">&lt;dscl_cmd&gt; DS Error: -14120 "
        + "(eDSPermissionError)\nrecovery key (redacted recovery key) -password (redacted)</failure>");
    assertThat(XML).doesNotContain(ReportFixtures.KEY).doesNotContain("hunter2");
  }

  @Test
  void notConvergedIsAFailurePendingAndHostsNeverReachedAreSkipped() {
    assertThat(XML).contains("<testcase classname=\"mac-sonoma\" name=\"user[tcadmin]\">\n"
        + "      <failure message=\"did not converge: tcadmin is the management credential and matches\" "
        + "type=\"not_converged\">- Done!</failure>");
    assertThat(XML).contains("<testcase classname=\"mac-sonoma\" name=\"user[carol]\">\n      <skipped message=\"pending: ");
    assertThat(XML).contains("<testcase classname=\"mac-ventura\" name=\"apply\">\n      <skipped message=\"not attempted: "
        + "the rollout halted after batch 1 of 2");
  }

  @Test
  void thePlanReportFailsRefusedHostsAndErrsOnUnreachableOnes() {
    String plan = JunitReport.plan(ReportFixtures.PLAN, Instant.parse("2025-03-01T10:20:00Z"));
    assertThat(plan).contains("<testsuites name=\"trustchain plan\" tests=\"9\" failures=\"1\" errors=\"1\" skipped=\"0\"");
    assertThat(plan).contains("<testcase classname=\"mac-ventura\" name=\"plan\">\n      <failure message=\"2 problems\" "
        + "type=\"refused\">user[alice]: alice's password does not authenticate");
    assertThat(plan).contains("<testcase classname=\"mac-offline\" name=\"plan\">\n      <error message=\"cannot reach "
        + "mac-offline: connection refused\" type=\"unreachable\"></error>");
  }
}
