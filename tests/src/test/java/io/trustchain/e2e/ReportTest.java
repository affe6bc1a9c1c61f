package io.trustchain.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The CI reports: JUnit XML valid against the common schema, and no secret in any report, log or plan. */
class ReportTest {

  @TempDir Path dir;

  @Test
  void junitReportsOfPlanAndApplyValidateAgainstTheCommonSchemaAndCarryTheDevicesWords() throws Exception {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    Map<String, String> design = new LinkedHashMap<>();
    design.put("mac-liar", "faults/done-but-refused.yml");
    design.put("mac-gone", "faults/unreachable.yml");
    design.put("mac-catalina", "catalina-intel.yml");
    groups.put("design", design);
    LabWorkspace ws = LabWorkspace.create(dir, groups);
    ws.write("playbooks/alice.yml", LabWorkspace.ALICE_TOKEN);

    assertThat(ws.run("plan", "--report-junit", "plan.xml", "playbooks/alice.yml").code()).isEqualTo(1);
    LabWorkspace.Result apply = ws.run("apply", "--yes", "--report-junit", "apply.xml", "playbooks/alice.yml");
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);

    for (String report : List.of("plan.xml", "apply.xml")) {
      String xml = Files.readString(dir.resolve(report));
      validate(xml);
      countsAddUp(parse(xml));
    }
    Document applied = parse(Files.readString(dir.resolve("apply.xml")));
    Element liar = testcase(applied, "mac-liar", "user[alice]");
    Element failure = (Element) liar.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("not_converged");
    assertThat(failure.getTextContent()).contains("sysadminctl").contains("- Done!");
    Element gone = (Element) testcase(applied, "mac-gone", "apply").getElementsByTagName("error").item(0);
    assertThat(gone.getAttribute("message")).startsWith("unreachable: mac-gone").contains("connection refused");
    assertThat(testcase(applied, "mac-catalina", "user[alice]").getElementsByTagName("failure").getLength()).isZero();
    assertThat(testcase(applied, "mac-catalina", "apply").getChildNodes().getLength()).isZero();
    assertThat(applied.getDocumentElement().getAttribute("failures")).isEqualTo("2");
    assertThat(applied.getDocumentElement().getAttribute("errors")).isEqualTo("1");
  }

  @Test
  void noSecretInAnyReportTheAuditLogTheSavedPlanOrTheMarkdown() throws Exception {
    LabWorkspace ws = LabWorkspace.standard(dir);
    String site = LabWorkspace.REPO.resolve("playbooks/site.yml").toString();
    ws.run("plan", "--out", "plan.json", "--format", "markdown", "--report-junit", "plan.xml", "--report-json",
        "plan-report.json", site);
    ws.run("plan", "--format", "json", "-vv", site);
    ws.run("apply", "plan.json", "--format", "json", "--report-junit", "apply.xml", "--report-json", "apply.json");
    ws.run("plan", "--detailed-exitcode", "--format", "markdown", site);
    ws.run("apply", "--yes", "--serial", "1", "--report-json", "again.json", site);

    for (String file : List.of("plan.json", "plan.xml", "plan-report.json", "apply.xml", "apply.json", "again.json",
        ".trustchain/audit.jsonl")) {
      assertThat(dir.resolve(file)).as("the scan covers %s; the runs:%n%s", file, ws.transcript()).isNotEmptyFile();
    }
    String everything = ws.transcript() + ws.writtenFiles();
    assertThat(everything).as("the scan covers the Markdown view").contains("<!-- trustchain-plan -->")
        .as("and the secret references in the saved plan").contains("vault:");
    for (String name : List.of("tcadmin", "alice", "bob", "svc-backup", "ladmin", "olduser", "vault-password")) {
      assertThat(everything).as("the %s secret", name).doesNotContain(LabWorkspace.secret(name));
    }
  }

  static void validate(String xml) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator validator = factory.newSchema(ReportTest.class.getResource("/junit/junit.xsd")).newValidator();
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  /** The counts on every suite and on the root are those of the test cases inside. */
  static void countsAddUp(Document doc) {
    NodeList suites = doc.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(suite.getElementsByTagName("testcase").getLength()));
      for (String kind : List.of("failures", "errors", "skipped")) {
        String tag = kind.equals("skipped") ? "skipped" : kind.substring(0, kind.length() - 1);
        assertThat(suite.getAttribute(kind)).as("%s of %s", kind, suite.getAttribute("name"))
            .isEqualTo(String.valueOf(suite.getElementsByTagName(tag).getLength()));
      }
    }
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(doc.getElementsByTagName("testcase").getLength()));
    assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(doc.getElementsByTagName("failure").getLength()));
  }

  static Element testcase(Document doc, String host, String name) {
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("classname").equals(host) && c.getAttribute("name").equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no test case " + host + " " + name);
  }
}
