package io.trustchain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SerialTest {

  private static List<Integer> hosts(int n) {
    return IntStream.rangeClosed(1, n).boxed().toList();
  }

  private static List<Integer> sizes(String serial, int hosts) {
    return Serial.parse(serial).batches(hosts(hosts)).stream().map(List::size).toList();
  }

  @Test
  void aNumberCutsBatchesOfThatSizeTheLastOneSmaller() {
    assertThat(sizes("2", 5)).containsExactly(2, 2, 1);
    assertThat(Serial.parse("2").batches(hosts(5)).get(2)).containsExactly(5);
  }

  @Test
  void aPercentageIsOfAllHostsRoundedDownAndAtLeastOne() {
    assertThat(sizes("30%", 10)).containsExactly(3, 3, 3, 1);
    assertThat(sizes("10%", 5)).as("10% of 5 rounds down to 0, so 1").containsExactly(1, 1, 1, 1, 1);
    assertThat(sizes("100%", 4)).containsExactly(4);
  }

  @Test
  void aListRampsUpAndItsLastSizeRepeats() {
    assertThat(sizes("1,5,50%", 20)).containsExactly(1, 5, 10, 4);
  }

  @Test
  void absentMeansOneBatchOfEveryHost() {
    assertThat(Serial.all().batches(hosts(7))).hasSize(1);
    assertThat(Serial.all().batches(List.of())).isEmpty();
  }

  @Test
  void badSizesAreRefusedWithTheirText() {
    assertThatThrownBy(() -> Serial.parse("0")).hasMessage("--serial 0: each batch size must be at least 1");
    assertThatThrownBy(() -> Serial.parse("150%"))
        .hasMessage("--serial 150%: each batch size must be at least 1 and a percentage at most 100%");
    assertThatThrownBy(() -> Serial.parse("ten")).hasMessageContaining("not \"ten\"");
  }
}
