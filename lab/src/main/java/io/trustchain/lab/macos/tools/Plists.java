package io.trustchain.lab.macos.tools;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the XML property lists fdesetup takes on stdin ({@code -inputplist}): a top-level dict of strings,
 * integers, booleans, arrays and dicts. External entities and DTDs are never loaded.
 */
final class Plists {

  private Plists() {}

  /** The top-level dict, or empty when the text is not a plist dict. */
  static Optional<Map<String, Object>> parseDict(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      Element root = b.parse(new ByteArrayInputStream(xml.strip().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
      Element dict = root.getTagName().equals("plist") ? firstElement(root) : root;
      return dict != null && dict.getTagName().equals("dict") ? Optional.of(dict(dict)) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Map<String, Object> dict(Element dict) {
    Map<String, Object> out = new LinkedHashMap<>();
    String key = null;
    for (Element e : children(dict)) {
      if (e.getTagName().equals("key")) {
        key = e.getTextContent();
      } else if (key != null) {
        out.put(key, value(e));
        key = null;
      }
    }
    return out;
  }

  private static Object value(Element e) {
    return switch (e.getTagName()) {
      case "dict" -> dict(e);
      case "array" -> children(e).stream().map(Plists::value).toList();
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "integer" -> Long.parseLong(e.getTextContent().strip());
      default -> e.getTextContent();
    };
  }

  private static Element firstElement(Element parent) {
    List<Element> c = children(parent);
    return c.isEmpty() ? null : c.get(0);
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static Optional<String> string(Map<String, Object> dict, String key) {
    return dict.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
  }
}
