package io.trustchain.transport;

import java.util.LinkedHashMap;
import java.util.Map;

/** Splits an exec's streams into the sections framed by {@link ScriptBuilder}. */
public final class Sections {

  private Sections() {}

  /**
   * The sections in the order they ran. A section whose end marker is missing (the connection
   * dropped, the script stopped) is absent.
   */
  public static Map<String, SectionResult> parse(ExecResult result, String nonce) {
    Map<String, String[]> out = split(result.stdout(), nonce);
    Map<String, String[]> err = split(result.stderr(), nonce);
    Map<String, SectionResult> sections = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : out.entrySet()) {
      String key = e.getKey();
      String[] o = e.getValue();
      String[] x = err.get(key);
      sections.put(key, new SectionResult(key, Integer.parseInt(o[1]), o[0], x == null ? "" : x[0]));
    }
    return sections;
  }

  /** key → {content, rc} for every complete section in {@code text}. */
  private static Map<String, String[]> split(String text, String nonce) {
    Map<String, String[]> sections = new LinkedHashMap<>();
    String begin = "\n@@tc:" + nonce + ":b:";
    String end = "\n@@tc:" + nonce + ":e:";
    String s = "\n" + text;
    int at = 0;
    while (true) {
      int b = s.indexOf(begin, at);
      if (b < 0) {
        break;
      }
      int keyEnd = s.indexOf('\n', b + begin.length());
      if (keyEnd < 0) {
        break;
      }
      String key = s.substring(b + begin.length(), keyEnd);
      int e = s.indexOf(end, keyEnd);
      if (e < 0) {
        break;
      }
      int lineEnd = s.indexOf('\n', e + end.length());
      String tail = s.substring(e + end.length(), lineEnd < 0 ? s.length() : lineEnd);
      int colon = tail.indexOf(':');
      if (colon < 0 || !tail.substring(colon + 1).equals(key)) {
        at = e + end.length();
        continue;
      }
      String content = keyEnd + 1 <= e ? s.substring(keyEnd + 1, e) : "";
      String rc = tail.substring(0, colon);
      sections.put(key, new String[] {content, rc.isEmpty() ? "0" : rc});
      at = lineEnd < 0 ? s.length() : lineEnd;
    }
    return sections;
  }
}
