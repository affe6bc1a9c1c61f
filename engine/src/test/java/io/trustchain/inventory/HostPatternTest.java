package io.trustchain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Host patterns over {@code patterns/inventory.yml}. The expected host sets are what
 * {@code ansible -i patterns/inventory.yml PATTERN --list-hosts} (ansible-core 2.14) prints; ours
 * always come in inventory order (Ansible orders a union by its terms: {@code db:web} lists db first).
 */
class HostPatternTest {

  private static final Inventory INVENTORY = Fixtures.load(Fixtures.path("patterns/inventory.yml"));
  private static final List<String> ALL = List.of("solo", "web1.example.com", "web2.example.com", "web3.example.com",
      "db1.example.com", "db2.example.com", "mac-lab-01", "mac-lab-02", "mac-lab-03", "mac-lab-04", "mac-old-1");
  private static final List<String> WEB = List.of("web1.example.com", "web2.example.com", "web3.example.com");
  private static final List<String> WEB_DB = List.of("web1.example.com", "web2.example.com", "web3.example.com",
      "db1.example.com", "db2.example.com");
  private static final List<String> MACS = List.of("mac-lab-01", "mac-lab-02", "mac-lab-03", "mac-lab-04", "mac-old-1");

  static Stream<Arguments> patterns() {
    return Stream.of(
        Arguments.of("all", ALL, List.of()),
        Arguments.of("*", ALL, List.of()),
        Arguments.of("web", WEB, List.of()),
        Arguments.of("web1.example.com", List.of("web1.example.com"), List.of()),
        Arguments.of("web:db", WEB_DB, List.of()),
        Arguments.of("db:web", WEB_DB, List.of()),
        Arguments.of("web,db", WEB_DB, List.of()),
        Arguments.of("web , db", WEB_DB, List.of()),
        Arguments.of("web:&db", List.of("web1.example.com"), List.of()),
        Arguments.of("web:!db", List.of("web2.example.com", "web3.example.com"), List.of()),
        Arguments.of("!db:web", List.of("web2.example.com", "web3.example.com"), List.of()),
        Arguments.of("!web", List.of("solo", "db1.example.com", "db2.example.com", "mac-lab-01", "mac-lab-02",
            "mac-lab-03", "mac-lab-04", "mac-old-1"), List.of()),
        Arguments.of("&staging", List.of("db2.example.com", "mac-lab-02"), List.of()),
        Arguments.of("mac-*", MACS, List.of()),
        Arguments.of("mac*", MACS, List.of()),
        Arguments.of("mac:!mac_old", MACS.subList(0, 4), List.of()),
        Arguments.of("mac_old", List.of("mac-old-1"), List.of()),
        Arguments.of("*.example.com", WEB_DB, List.of()),
        Arguments.of("~(web|db)[0-9]\\.example", WEB_DB, List.of()),
        Arguments.of("~web", WEB, List.of()),
        Arguments.of("web[0]", List.of("web1.example.com"), List.of()),
        Arguments.of("web[-1]", List.of("web3.example.com"), List.of()),
        Arguments.of("web[0:1]", List.of("web1.example.com", "web2.example.com"), List.of()),
        Arguments.of("web[1:]", List.of("web2.example.com", "web3.example.com"), List.of()),
        Arguments.of("web[0-1]", List.of("web1.example.com", "web2.example.com"), List.of()),
        Arguments.of("web[5]", List.of(), List.of("web[5]")),
        Arguments.of("nosuch", List.of(), List.of("nosuch")),
        Arguments.of("WEB", List.of(), List.of("WEB")),
        Arguments.of("web:nosuch:!alsonot", WEB, List.of("nosuch", "!alsonot")),
        Arguments.of("empty", List.of(), List.of()),
        Arguments.of("ungrouped", List.of("solo"), List.of()),
        Arguments.of("all:!mac*:!web*:!db*", List.of("solo"), List.of()),
        Arguments.of("a*", ALL, List.of()),
        Arguments.of("ungr*", List.of("solo"), List.of()),
        Arguments.of("~.*old", List.of("mac-old-1"), List.of()),
        Arguments.of("mac[0]", List.of("mac-lab-01"), List.of()),
        Arguments.of("web*[0]", List.of("web1.example.com"), List.of()),
        Arguments.of("*[0:1]", List.of("solo", "web1.example.com"), List.of()));
  }

  @ParameterizedTest(name = "{0} -> {1} unmatched {2}")
  @MethodSource("patterns")
  void selects(String pattern, List<String> hosts, List<String> unmatched) {
    HostSelection selection = HostPattern.parse(pattern).select(INVENTORY);
    assertThat(selection.hostNames()).containsExactlyElementsOf(hosts);
    assertThat(selection.unmatched()).containsExactlyElementsOf(unmatched);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " , ", "!", "web:&", "~(unclosed"})
  void rejectsPatternsThatNameNothingOrDoNotCompile(String pattern) {
    assertThatThrownBy(() -> HostPattern.parse(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host pattern");
  }

  @Test
  void aHostNamedLikeAGroupIsTheHost() {
    Inventory inventory = Fixtures.load(Fixtures.path("patterns/host-named-like-group.ini"));
    assertThat(HostPattern.parse("db").select(inventory).hostNames()).containsExactly("db");
    assertThat(HostPattern.parse("d*").select(inventory).hostNames()).containsExactly("db-1", "db-2", "db");
  }

  @Test
  void splitsOnColonsOnlyWhenThePatternIsNotOneAddress() {
    assertThat(HostPattern.split("web:db")).containsExactly("web", "db");
    assertThat(HostPattern.split("mac[01:10]")).containsExactly("mac[01:10]");
    assertThat(HostPattern.split("web[0:2]:&db")).containsExactly("web[0:2]", "&db");
    assertThat(HostPattern.split("fe80::1")).containsExactly("fe80::1");
    assertThat(HostPattern.split("~(a|b):c,d")).containsExactly("~(a|b):c", "d");
  }

  @Test
  void toStringIsThePatternAsWritten() {
    assertThat(HostPattern.parse("web:!db")).hasToString("web:!db");
  }
}
