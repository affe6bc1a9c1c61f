package io.trustchain.escrow;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The top-level string values of an XML property list, such as the one {@code fdesetup
 * -outputplist} writes (S42: {@code EnabledDate}, {@code EnabledUser}, {@code HardwareUUID},
 * {@code RecoveryKey}, {@code SerialNumber}). DTDs and external entities are never loaded. A
 * failure never quotes the text (it holds a recovery key).
 */
public final class PlistStrings {

  private final Map<String, String> strings;

  private PlistStrings(Map<String, String> strings) {
    this.strings = strings;
  }

  /** @throws IllegalArgumentException the text is not a property list whose root is a dict */
  public static PlistStrings parse(String xml) {
    Element root;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      root = b.parse(new ByteArrayInputStream(xml.strip().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalArgumentException("it is not an XML property list");
    }
    Element dict = root.getTagName().equals("plist") ? firstElement(root) : root;
    if (dict == null || !dict.getTagName().equals("dict")) {
      throw new IllegalArgumentException("its root is not a <dict>");
    }
    Map<String, String> out = new LinkedHashMap<>();
    String key = null;
    for (Node n = dict.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      if (e.getTagName().equals("key")) {
        key = e.getTextContent();
      } else {
        if (key != null && (e.getTagName().equals("string") || e.getTagName().equals("date"))) {
          out.put(key, e.getTextContent());
        }
        key = null;
      }
    }
    return new PlistStrings(out);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(strings.get(key));
  }

  private static Element firstElement(Element parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return e;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "PlistStrings" + strings.keySet();
  }
}
