package io.trustchain.macos.filevault;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustchain.secret.DefaultSecretResolver;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Arg;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** fdesetup's input plist: whatever a password holds, it stays the text of its {@code <string>}. */
class InputPlistTest {

  @Test
  void passwordsAreXmlEscaped_soNoneCanBreakOutOfItsString() throws Exception {
    String hostile = "p]]></string><key>Username</key><string>root & <x>";
    String other = "a<b>&amp;c";
    DefaultSecretResolver resolver = DefaultSecretResolver.create(Map.of("CRED", hostile, "ALICE", other), null);
    List<Arg> stdin = InputPlist.of("tcadmin", new SecretRef.Env("CRED"))
        .additionalUsers(Map.of("alice", new SecretRef.Env("ALICE"))).stdin();

    StringBuilder sent = new StringBuilder();
    for (Arg a : stdin) {
      sent.append(switch (a) {
        case Arg.Literal l -> l.value();
        case Arg.Sensitive s -> {
          assertThat(s.ref()).isInstanceOf(SecretRef.Xml.class);
          yield new String(resolver.resolve(s.ref()).reveal());
        }
      });
    }

    assertThat(sent.toString()).doesNotContain("CDATA").doesNotContain(hostile);
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(sent.toString().getBytes(StandardCharsets.UTF_8)));
    NodeList strings = doc.getElementsByTagName("string");
    assertThat(strings.getLength()).as("Username, Password, and alice's two").isEqualTo(4);
    assertThat(((Element) strings.item(0)).getTextContent()).isEqualTo("tcadmin");
    assertThat(((Element) strings.item(1)).getTextContent()).isEqualTo(hostile);
    assertThat(((Element) strings.item(2)).getTextContent()).isEqualTo("alice");
    assertThat(((Element) strings.item(3)).getTextContent()).isEqualTo(other);
  }
}
