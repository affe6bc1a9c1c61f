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
    return option(args, "userknownhostsfile").flatMap(value -> {
      if (value.startsWith("\"") && value.indexOf('"', 1) > 0) {
        return Optional.of(value.substring(1, value.indexOf('"', 1)));
      }
      return value.isEmpty() ? Optional.empty() : Optional.of(value.split("\\s+")[0]);
    });
  }

  /**
   * The jump hosts of {@code -J HOSTS} or the first {@code -o ProxyJump=HOSTS} in {@code args}
   * (whichever comes first, as ssh keeps the first value), verbatim: {@code [user@]host[:port],…}.
   */
  static Optional<String> proxyJump(String args) {
    List<ShellWords.Word> words = words(args);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i).text();
      if (w.equals("-J") && i + 1 < words.size()) {
        return Optional.of(words.get(i + 1).text().strip());
      }
      if (w.startsWith("-J") && w.length() > 2) {
        return Optional.of(w.substring(2).strip());
      }
      Optional<String> value = optionAt(words, i, "proxyjump");
      if (value.isPresent()) {
        return value.filter(v -> !v.isEmpty());
      }
    }
    return Optional.empty();
  }

  /** The value of the first {@code -o KEYWORD=value} (keyword compared in lower case). */
  static Optional<String> option(String args, String keyword) {
    List<ShellWords.Word> words = words(args);
    for (int i = 0; i < words.size(); i++) {
      Optional<String> value = optionAt(words, i, keyword);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> optionAt(List<ShellWords.Word> words, int i, String keyword) {
    String w = words.get(i).text();
    String option = null;
    if (w.equals("-o") && i + 1 < words.size()) {
      option = words.get(i + 1).text();
    } else if (w.startsWith("-o") && w.length() > 2) {
      option = w.substring(2);
    }
    if (option == null) {
      return Optional.empty();
    }
    String trimmed = option.strip();
    int split = 0;
    while (split < trimmed.length() && trimmed.charAt(split) != '=' && !Character.isWhitespace(trimmed.charAt(split))) {
      split++;
    }
    if (!trimmed.substring(0, split).toLowerCase(Locale.ROOT).equals(keyword)) {
      return Optional.empty();
    }
    return Optional.of(trimmed.substring(split).replaceFirst("^\\s*=?\\s*", "").strip());
  }

  private static List<ShellWords.Word> words(String args) {
    try {
      return ShellWords.split(args);
    } catch (ShellWords.SplitException e) {
      return List.of();
    }
  }
}
