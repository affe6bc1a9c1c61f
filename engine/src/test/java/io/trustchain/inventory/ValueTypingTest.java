package io.trustchain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How Ansible types values, checked against Python 3.11: INI values through {@code ast.literal_eval},
 * YAML plain scalars through PyYAML's YAML 1.1 resolver, floats printed with {@code repr}, and host
 * ranges expanded by the inventory plugins.
 */
class ValueTypingTest {

  static Stream<Arguments> iniValues() {
    return Stream.of(
        Arguments.of("42", 42L), Arguments.of("-3", -3L), Arguments.of("+1", 1L), Arguments.of("- 1", -1L),
        Arguments.of("1_000", 1000L), Arguments.of("0x1F", 31L), Arguments.of("-0x10", -16L), Arguments.of("0o17", 15L),
        Arguments.of("0b101", 5L), Arguments.of("00", 0L), Arguments.of("010", "010"), Arguments.of("1.5", 1.5),
        Arguments.of("1.", 1.0), Arguments.of(".5", 0.5), Arguments.of("1e3", 1000.0), Arguments.of("1e400", Double.POSITIVE_INFINITY),
        Arguments.of("True", true), Arguments.of("False", false), Arguments.of("None", null), Arguments.of("true", "true"),
        Arguments.of("yes", "yes"), Arguments.of("'quoted'", "quoted"), Arguments.of("\"dq\"", "dq"),
        Arguments.of("'a' 'b'", "ab"), Arguments.of("u'x'", "x"), Arguments.of("b'x'", "x"), Arguments.of("r'a\\n'", "a\\n"),
        Arguments.of("'a\\x41\\n'", "aA\n"), Arguments.of("[1, 2]", List.of(1L, 2L)), Arguments.of("[1,]", List.of(1L)),
        Arguments.of("(1)", 1L), Arguments.of("1,2", List.of(1L, 2L)), Arguments.of("()", List.of()),
        Arguments.of("{'a': [True, None]}", Map.of("a", Arrays.asList(true, null))), Arguments.of("1 # comment", 1L),
        Arguments.of("hello world # kept", "hello world # kept"), Arguments.of("--1", "--1"), Arguments.of("1__0", "1__0"),
        Arguments.of("12345678901234567890", new BigInteger("12345678901234567890")), Arguments.of("", ""),
        Arguments.of("{a:1}", "{a:1}"), Arguments.of("f'x'", "f'x'"), Arguments.of("1j", "1j"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("iniValues")
  void iniValuesAreTypedByPythonLiteralEval(String text, Object expected) {
    assertThat(PythonLiteral.typed(text)).isEqualTo(expected);
  }

  static Stream<Arguments> yamlScalars() {
    return Stream.of(
        Arguments.of("0", 0L), Arguments.of("-0", 0L), Arguments.of("007", 7L), Arguments.of("08", "08"),
        Arguments.of("0_7", 7L), Arguments.of("0b11", 3L), Arguments.of("0x_1F", 31L), Arguments.of("+12", 12L),
        Arguments.of("1_000", 1000L), Arguments.of("1:20", 80L), Arguments.of("-1:20", -80L), Arguments.of("01:20", "01:20"),
        Arguments.of("1:60", "1:60"), Arguments.of("1.5", 1.5), Arguments.of("1.", 1.0), Arguments.of(".5", 0.5),
        Arguments.of("-.5", "-.5"), Arguments.of("1.0e3", "1.0e3"), Arguments.of("1.0e+3", 1000.0), Arguments.of("1e+3", "1e+3"),
        Arguments.of(".inf", Double.POSITIVE_INFINITY), Arguments.of("-.Inf", Double.NEGATIVE_INFINITY),
        Arguments.of("1:20.5", 80.5), Arguments.of("yes", true), Arguments.of("Y", "Y"), Arguments.of("n", "n"),
        Arguments.of("oN", "oN"), Arguments.of("OFF", false), Arguments.of("~", null), Arguments.of("Null", null),
        Arguments.of("nULL", "nULL"), Arguments.of("0o17", "0o17"), Arguments.of("2001-12-14", "2001-12-14"),
        Arguments.of("._5", "._5"), Arguments.of("1__0", 10L), Arguments.of("_1", "_1"), Arguments.of("0.1_2", 0.12),
        Arguments.of("-0b1", -1L));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("yamlScalars")
  void yamlPlainScalarsAreTypedByYaml11(String text, Object expected) {
    assertThat(InventoryValues.yaml11(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1000.0, 1000.0", "1.5, 1.5", "1e16, 1e+16", "1e15, 1000000000000000.0", "0.0001, 0.0001",
      "0.00001, 1e-05", "1e20, 1e+20", "-2.5e-7, -2.5e-07", "0.1, 0.1", "123456789.125, 123456789.125",
      "1e100, 1e+100", "0.0, 0.0", "-0.0, -0.0"})
  void floatsPrintAsPythonRepr(double value, String expected) {
    assertThat(PythonJson.pythonFloat(value)).isEqualTo(expected);
  }

  static Stream<Arguments> ranges() {
    return Stream.of(
        Arguments.of("mac[01:03]", List.of("mac01", "mac02", "mac03"), null),
        Arguments.of("node-[a:c]", List.of("node-a", "node-b", "node-c"), null),
        Arguments.of("db[1:9:4]", List.of("db1", "db5", "db9"), null),
        Arguments.of("db[:2]", List.of("db0", "db1", "db2"), null),
        Arguments.of("r[1:2]-[x:y]", List.of("r1-x", "r1-y", "r2-x", "r2-y"), null),
        Arguments.of("x[y:B]", List.of("xy", "xz", "xA", "xB"), null),
        Arguments.of("n[3:1]", List.of(), null),
        Arguments.of("mac-10:2222", List.of("mac-10"), 2222),
        Arguments.of("mac[1:2]:2200", List.of("mac1", "mac2"), 2200),
        Arguments.of("[::1]:2222", List.of("::1"), 2222),
        Arguments.of("10.0.0.[1:2]", List.of("10.0.0.1", "10.0.0.2"), null),
        Arguments.of("my_host_:22", List.of("my_host_:22"), null));
  }

  @ParameterizedTest(name = "{0} -> {1} port {2}")
  @MethodSource("ranges")
  void hostKeysExpandAsAnsibleDoes(String key, List<String> names, Integer port) {
    HostRanges.Expansion e = HostRanges.expand(key);
    assertThat(e.names()).containsExactlyElementsOf(names);
    assertThat(e.port()).isEqualTo(port);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"mac[01:1]|same number of digits", "mac[5]|begin:end", "mac[1:]|end value",
      "mac[z:a]|begin <= end", "mac[a:3]|numbers or single letters", "mac[1:3:0]|positive"})
  void badRangesSayWhy(String key, String reason) {
    assertThatThrownBy(() -> HostRanges.expand(key)).hasMessageContaining(reason);
  }
}
