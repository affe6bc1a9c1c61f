package io.trustchain.inventory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads ssh options out of Ansible's {@code ansible_ssh_common_args}/{@code ansible_ssh_extra_args}. */
final class SshArgs {

  private SshArgs() {}

  /**
   * The first file of the first {@code -o UserKnownHostsFile=…} ({@code -oUserKnownHostsFile=…},
   * {@code -o "UserKnownHostsFile …"}; the keyword in any case) in {@code args}, as ssh would use it:
   * several files are separated by spaces unless double-quoted inside the option.
   */
  static Optional<String> userKnownHostsFile(String args) {
    List<ShellWords.Word> words;
    try {
      words = ShellWords.split(args);
    } catch (ShellWords.SplitException e) {
      return Optional.empty();
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i).text();
      String option = null;
      if (w.equals("-o") && i + 1 < words.size()) {
        option = words.get(++i).text();
      } else if (w.startsWith("-o") && w.length() > 2) {
        option = w.substring(2);
      }
      if (option == null) {
        continue;
      }
      String trimmed = option.strip();
      int split = 0;
      while (split < trimmed.length() && trimmed.charAt(split) != '=' && !Character.isWhitespace(trimmed.charAt(split))) {
        split++;
      }
      if (!trimmed.substring(0, split).toLowerCase(Locale.ROOT).equals("userknownhostsfile")) {
        continue;
      }
      String value = trimmed.substring(split).replaceFirst("^\\s*=?\\s*", "").strip();
      if (value.startsWith("\"") && value.indexOf('"', 1) > 0) {
        return Optional.of(value.substring(1, value.indexOf('"', 1)));
      }
      if (!value.isEmpty()) {
        return Optional.of(value.split("\\s+")[0]);
      }
    }
    return Optional.empty();
  }
}
