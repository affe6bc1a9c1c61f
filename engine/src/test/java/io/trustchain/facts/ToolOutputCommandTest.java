package io.trustchain.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A section's command text is made when a note quotes it, and only then. */
class ToolOutputCommandTest {

  private final AtomicInteger made = new AtomicInteger();

  private ToolOutput clock(String stdout) {
    return new ToolOutput(() -> {
      made.incrementAndGet();
      return "date -u +%Y-%m-%dT%H:%M:%SZ";
    }, 0, stdout, "");
  }

  @Test
  void aSectionReadWithoutANoteNeverMakesItsCommandText() {
    Reading r = new Reading(clock("2026-12-04T15:17:37Z\n"));
    assertThat(ClockParser.parse(r)).hasToString("2026-12-04T15:17:37Z");
    assertThat(r.notUnderstood("filevault", List::of)).isEmpty();
    assertThat(made).hasValue(0);
  }

  @Test
  void aNoteQuotesTheCommandAsBefore() {
    Reading r = new Reading(clock("Fri Dec  4 15:17:37 UTC 2026\n"));
    assertThat(ClockParser.parse(r)).isNull();
    List<NotUnderstood> notes = r.notUnderstood("filevault", List::of);
    assertThat(notes).singleElement()
        .satisfies(n -> assertThat(n.command()).isEqualTo("date -u +%Y-%m-%dT%H:%M:%SZ"));
    assertThat(made).hasPositiveValue();
  }
}
