package io.trustchain.inventory;

import java.util.regex.Pattern;

/** Python's {@code fnmatch.translate}: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}, whole-name match. */
final class Glob {

  private Glob() {}

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      switch (c) {
        case '*' -> {
          while (i < glob.length() && glob.charAt(i) == '*') {
            i++;
          }
          re.append(".*");
        }
        case '?' -> re.append('.');
        case '[' -> {
          int j = i;
          if (j < glob.length() && glob.charAt(j) == '!') {
            j++;
          }
          if (j < glob.length() && glob.charAt(j) == ']') {
            j++;
          }
          while (j < glob.length() && glob.charAt(j) != ']') {
            j++;
          }
          if (j >= glob.length()) {
            re.append("\\[");
          } else {
            String body = glob.substring(i, j);
            i = j + 1;
            StringBuilder set = new StringBuilder();
            int k = 0;
            if (body.startsWith("!")) {
              set.append('^');
              k = 1;
            } else if (body.startsWith("^")) {
              set.append("\\^");
              k = 1;
            }
            for (; k < body.length(); k++) {
              char b = body.charAt(k);
              if (b == '\\' || b == '[' || b == ']' || b == '&' || b == '~' || b == '|') {
                set.append('\\');
              }
              set.append(b);
            }
            re.append('[').append(set).append(']');
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
