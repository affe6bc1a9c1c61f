package io.trustchain.facts;

import io.trustchain.transport.ExecResult;
import io.trustchain.transport.RemoteScript;
import io.trustchain.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory Mac that answers the facts script's sections. It interprets the section keys and the
 * two user loops of the generated sh (the {@code while read} over its own user list, skipping the
 * {@code case} names and uids below 500, and the {@code for} list), not the commands themselves:
 * each key's answer is canned. A user key without an answer gets the answers of a missing account
 * (dscl S72, sysadminctl S3 "Unknown user").
 */
final class FakeMacTransport implements Transport {

  record Answer(int exit, String stdout, String stderr) {
    static Answer out(String stdout) {
      return new Answer(0, stdout, "");
    }
  }

  private static final Pattern BEGIN = Pattern.compile("^tc_begin (\\S+)$");
  private static final Pattern FOR = Pattern.compile("^for tc_n in (.*); do$");
  private static final Pattern CASE = Pattern.compile("^case \"\\$tc_n\" in (.*)\\) continue ;; esac$");

  private final Map<String, Answer> answers = new HashMap<>();
  private final Map<String, Integer> uids = new HashMap<>();
  private final List<RemoteScript> scripts = new ArrayList<>();
  private String stopBefore;
  private String stopWords = "sh: killed\n";

  FakeMacTransport answer(String key, Answer answer) {
    answers.put(key, answer);
    return this;
  }

  FakeMacTransport answer(String key, String stdout) {
    return answer(key, Answer.out(stdout));
  }

  /** The users the {@code while read} loop iterates (as its {@code dscl . -list} would print them). */
  FakeMacTransport user(String name, int uid) {
    uids.put(name, uid);
    return this;
  }

  /** Simulates a script that stops (exit 1) before the section {@code key}. */
  FakeMacTransport stopBefore(String key) {
    this.stopBefore = key;
    return this;
  }

  /** What the stopped script printed on stderr (default {@code sh: killed}). */
  FakeMacTransport stderr(String words) {
    this.stopWords = words;
    return this;
  }

  List<RemoteScript> scripts() {
    return scripts;
  }

  @Override
  public String host() {
    return "fake-mac";
  }

  @Override
  public ExecResult exec(RemoteScript script) {
    scripts.add(script);
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    for (String key : keys(script.text())) {
      if (key.equals(stopBefore)) {
        return new ExecResult(1, out.toString(), err + stopWords, Duration.ofMillis(5));
      }
      Answer a = answers.containsKey(key) ? answers.get(key) : missing(key);
      String nonce = script.nonce();
      out.append("\n@@tc:").append(nonce).append(":b:").append(key).append('\n').append(a.stdout())
          .append("\n@@tc:").append(nonce).append(":e:").append(a.exit()).append(':').append(key).append('\n');
      err.append("\n@@tc:").append(nonce).append(":b:").append(key).append('\n').append(a.stderr())
          .append("\n@@tc:").append(nonce).append(":e:").append(a.exit()).append(':').append(key).append('\n');
    }
    return new ExecResult(0, out.toString(), err.toString(), Duration.ofMillis(5));
  }

  private static Answer missing(String key) {
    if (key.startsWith(FactsScript.USER)) {
      return new Answer(56, "", "<dscl_cmd> DS Error: -14136 (eDSRecordNotFound)\n");
    }
    if (key.startsWith(FactsScript.TOKEN)) {
      return new Answer(0, "", "2026-09-23 10:10:38.638 sysadminctl[1056:11522] Unknown user "
          + key.substring(FactsScript.TOKEN.length()) + "\n");
    }
    throw new AssertionError("the fake Mac has no answer for section " + key);
  }

  /** The section keys in the order the script would print them. */
  private List<String> keys(String text) {
    List<String> keys = new ArrayList<>();
    List<String> loopNames = null;
    List<String> loopKeys = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher f = FOR.matcher(line);
      Matcher c = CASE.matcher(line);
      if (line.endsWith("| while read -r tc_n tc_id; do")) {
        loopNames = new ArrayList<>(uids.keySet().stream().filter(n -> uids.get(n) >= 500).sorted().toList());
      } else if (f.matches()) {
        loopNames = words(f.group(1), " ");
      } else if (c.matches() && loopNames != null) {
        loopNames.removeAll(words(c.group(1), "|"));
      } else if (line.equals("done") && loopNames != null) {
        for (String name : loopNames) {
          loopKeys.forEach(k -> keys.add(k.replace("$tc_n", name)));
        }
        loopNames = null;
        loopKeys.clear();
      } else {
        Matcher b = BEGIN.matcher(line);
        if (b.find()) {
          String key = unquote(b.group(1));
          if (loopNames != null) {
            loopKeys.add(key);
          } else {
            keys.add(key);
          }
        }
      }
    }
    return List.copyOf(new LinkedHashSet<>(keys));
  }

  private static List<String> words(String s, String sep) {
    List<String> w = new ArrayList<>();
    for (String word : s.split(Pattern.quote(sep))) {
      w.add(unquote(word.strip()));
    }
    return w;
  }

  private static String unquote(String word) {
    if (word.length() >= 2 && (word.startsWith("'") || word.startsWith("\""))) {
      return word.substring(1, word.length() - 1);
    }
    return word;
  }

  @Override
  public void close() {}
}
