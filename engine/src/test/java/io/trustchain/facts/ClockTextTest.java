package io.trustchain.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ClockParser.text writes what Instant.toString writes, for every instant. */
class ClockTextTest {

  private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

  @Test
  void wholeSecondsOfYearsZeroTo9999AreWrittenAsInstantWritesThem() {
    SplittableRandom random = new SplittableRandom(20261204);
    for (int i = 0; i < 200_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(YEAR_0, YEAR_10000));
      assertThat(ClockParser.text(at)).isEqualTo(at.toString());
    }
  }

  @Test
  void theEdgesOfTheRangeAndOfTheCalendar() {
    for (String iso : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
        "2024-02-29T12:00:00Z", "2026-12-04T15:17:37Z", "1999-12-31T23:59:59Z", "0001-09-09T09:09:09Z"}) {
      assertThat(ClockParser.text(Instant.parse(iso))).isEqualTo(iso);
    }
  }

  @Test
  void instantsOutsideTheFastPathAreWrittenByInstantItself() {
    for (Instant at : new Instant[] {Instant.ofEpochSecond(YEAR_0 - 1), Instant.ofEpochSecond(YEAR_10000),
        Instant.ofEpochSecond(1_700_000_000L, 1), Instant.ofEpochSecond(1_700_000_000L, 500_000_000),
        Instant.MIN, Instant.MAX}) {
      assertThat(ClockParser.text(at)).isEqualTo(at.toString());
    }
  }
}
