package io.trustchain.macos.filevault;

import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Arg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The property list fdesetup reads with {@code -inputplist} (fdesetup(8)): {@code Username} and
 * {@code Password} of the authorising user, optionally {@code AdditionalUsers} and a
 * {@code Certificate}. Passwords are secret references: they reach the Mac only on stdin, XML-escaped
 * ({@link SecretRef.Xml}: {@code &}, {@code <} and {@code >} as entities), so no password can end its
 * {@code <string>} or open markup, whatever it holds.
 */
final class InputPlist {

  private final List<Arg> pieces = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  private InputPlist() {}

  static InputPlist of(String user, SecretRef password) {
    InputPlist p = new InputPlist();
    p.text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" ")
        .append("\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">\n<dict>\n");
    p.user(user, password);
    return p;
  }

  /** {@code AdditionalUsers}: the users {@code fdesetup add} adds, with their passwords. */
  InputPlist additionalUsers(Map<String, SecretRef> users) {
    text.append("<key>AdditionalUsers</key>\n<array>\n");
    users.forEach((name, password) -> {
      text.append("<dict>\n");
      user(name, password);
      text.append("</dict>\n");
    });
    text.append("</array>\n");
    return this;
  }

  /** {@code Certificate}: the institutional key's certificate, base64 DER. */
  InputPlist certificate(Certificate certificate) {
    text.append("<key>Certificate</key>\n<data>").append(certificate.base64()).append("</data>\n");
    return this;
  }

  List<Arg> stdin() {
    List<Arg> out = new ArrayList<>(pieces);
    out.add(Arg.literal(text + "</dict>\n</plist>\n"));
    return out;
  }

  private void user(String name, SecretRef password) {
    text.append("<key>Username</key>\n<string>").append(xml(name)).append("</string>\n")
        .append("<key>Password</key>\n<string>");
    pieces.add(Arg.literal(text.toString()));
    pieces.add(Arg.secret(new SecretRef.Xml(password)));
    text.setLength(0);
    text.append("</string>\n");
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
