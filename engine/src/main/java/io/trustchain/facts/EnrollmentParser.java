package io.trustchain.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code profiles status -type enrollment} (S53–S55): {@code Enrolled via DEP: Yes|No},
 * {@code MDM enrollment: Yes|No} with {@code (User Approved)} when user approved, and
 * {@code MDM server: URL} only when enrolled. Automated Device Enrollment (DEP) counts as user
 * approved, as Apple documents, also when the line does not say so. {@code MDM enrollment: Yes} with
 * another remark than {@code (User Approved)} is enrolled, approval unknown. A line it does not know
 * leaves all three ambiguous. Fields: {@code enrolled}, {@code dep}, {@code user_approved}.
 */
final class EnrollmentParser {

  private static final Pattern DEP = Pattern.compile("^Enrolled via DEP:[ \\t]*(Yes|No)$");
  private static final Pattern MDM = Pattern.compile("^MDM enrollment:[ \\t]*(Yes|No)(.*)$");
  private static final Pattern SERVER = Pattern.compile("^MDM server:[ \\t]*\\S+$");

  private EnrollmentParser() {}

  static MdmFacts parse(Reading r) {
    ToolOutput out = r.out();
    if (out.exit() != 0) {
      r.unexpectedExit(Reading.ALL);
      return new MdmFacts(null, null, null);
    }
    Boolean dep = null;
    Boolean enrolled = null;
    Boolean approved = null;
    for (String raw : out.stdoutLines()) {
      String line = raw.strip();
      Matcher d = DEP.matcher(line);
      Matcher m = MDM.matcher(line);
      if (d.matches() && dep == null) {
        dep = d.group(1).equals("Yes");
      } else if (m.matches() && enrolled == null) {
        enrolled = m.group(1).equals("Yes");
        String remark = m.group(2).strip();
        if (remark.isEmpty() || remark.equals("(User Approved)")) {
          approved = !remark.isEmpty();
        } else {
          r.line("stdout", raw, "enrolled is known, the remark is not", "user_approved");
        }
      } else if (!SERVER.matcher(line).matches()) {
        r.line("stdout", raw, "unknown line", Reading.ALL);
      }
    }
    r.stderrNoise();
    if (dep == null && r.sure("dep")) {
      r.output("no 'Enrolled via DEP:' line", "dep", "user_approved");
    }
    if (enrolled == null && r.sure("enrolled")) {
      r.output("no 'MDM enrollment:' line", "enrolled", "user_approved");
    }
    Boolean userApproved = enrolled == null ? null : !enrolled ? Boolean.FALSE
        : Boolean.TRUE.equals(dep) || Boolean.TRUE.equals(approved) ? Boolean.TRUE
        : dep == null || approved == null ? null : Boolean.FALSE;
    return new MdmFacts(enrolled, dep, userApproved);
  }
}
