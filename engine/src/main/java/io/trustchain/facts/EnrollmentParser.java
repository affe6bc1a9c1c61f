package io.trustchain.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code profiles status -type enrollment} (S53–S55): {@code Enrolled via DEP: Yes|No},
 * {@code MDM enrollment: Yes|No} with {@code (User Approved)} when user approved, and
 * {@code MDM server: URL} only when enrolled. Automated Device Enrollment (DEP) counts as user
 * approved, as Apple documents, also when the line does not say so.
 */
final class EnrollmentParser {

  private static final Pattern DEP = Pattern.compile("^Enrolled via DEP: (Yes|No)$");
  private static final Pattern MDM = Pattern.compile("^MDM enrollment: (Yes|No)( \\(User Approved\\))?$");
  private static final Pattern SERVER = Pattern.compile("^MDM server: \\S+$");

  private EnrollmentParser() {}

  static MdmFacts parse(ToolOutput out) throws FactParseException {
    if (out.exit() != 0) {
      throw out.unexpectedExit();
    }
    Boolean dep = null;
    Boolean enrolled = null;
    boolean approved = false;
    for (String raw : out.stdoutLines()) {
      String line = raw.strip();
      Matcher d = DEP.matcher(line);
      Matcher m = MDM.matcher(line);
      if (d.matches()) {
        dep = d.group(1).equals("Yes");
      } else if (m.matches()) {
        enrolled = m.group(1).equals("Yes");
        approved = m.group(2) != null;
      } else if (!SERVER.matcher(line).matches()) {
        throw out.fail("unrecognised line '" + line + "'");
      }
    }
    if (dep == null || enrolled == null) {
      throw out.fail("'Enrolled via DEP:' and 'MDM enrollment:' lines expected");
    }
    return new MdmFacts(enrolled, dep, enrolled && (approved || dep));
  }
}
