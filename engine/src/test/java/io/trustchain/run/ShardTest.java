package io.trustchain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

  private static final List<String> FLEET = IntStream.range(0, 103).mapToObj(i -> "mac-" + i).toList();

  @Test
  void everyHostIsInExactlyOneShardAndSizesDifferByAtMostOne() {
    Set<String> seen = new HashSet<>();
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      List<String> part = new Shard(i, 4).select(FLEET, Function.identity());
      sizes.add(part.size());
      for (String h : part) {
        assertThat(seen.add(h)).as("%s in two shards", h).isTrue();
      }
    }
    assertThat(seen).hasSize(FLEET.size());
    assertThat(Collections.max(sizes) - Collections.min(sizes)).isLessThanOrEqualTo(1);
  }

  @Test
  void theSplitDependsOnTheNamesNotOnTheirOrderAndKeepsTheOriginalOrder() {
    List<String> reversed = new ArrayList<>(FLEET);
    Collections.reverse(reversed);
    Shard shard = Shard.parse("2/3");
    List<String> a = shard.select(FLEET, Function.identity());
    List<String> b = shard.select(reversed, Function.identity());
    assertThat(new HashSet<>(a)).isEqualTo(new HashSet<>(b));
    assertThat(a).isSortedAccordingTo((x, y) -> Integer.compare(FLEET.indexOf(x), FLEET.indexOf(y)));
  }

  @Test
  void moreShardsThanHostsLeavesSomeEmpty() {
    assertThat(new Shard(1, 1).select(List.of("a"), Function.identity())).containsExactly("a");
    long empty = IntStream.rangeClosed(1, 5).filter(i -> new Shard(i, 5).select(List.of("a", "b"), Function.identity())
        .isEmpty()).count();
    assertThat(empty).isEqualTo(3);
  }

  @Test
  void badShardsAreRefused() {
    assertThatThrownBy(() -> Shard.parse("0/4")).hasMessage("--shard I/N needs 1 <= I <= N, not 0/4");
    assertThatThrownBy(() -> Shard.parse("5/4")).hasMessage("--shard I/N needs 1 <= I <= N, not 5/4");
    assertThatThrownBy(() -> Shard.parse("2")).hasMessageContaining("counted from 1 (e.g. 2/4), not \"2\"");
    assertThat(Shard.parse(" 3 / 4 ")).hasToString("3/4");
  }
}
