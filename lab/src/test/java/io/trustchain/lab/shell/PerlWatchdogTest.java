package io.trustchain.lab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lab's play of trustchain's watchdog relay: what reaches the exec's channel, in which pieces. */
class PerlWatchdogTest {

  private static final String WATCHDOG = "perl -e '# trustchain-watchdog v2' 0a1b 5 sh -c ";

  /** The exec's channel stream: each piece is what was written between two flushes. */
  private static final class Channel extends OutputStream {
    final List<String> pieces = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      pending.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      pending.write(b, off, len);
    }

    @Override
    public void flush() {
      if (pending.size() > 0) {
        pieces.add(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
      }
    }

    String all() {
      return String.join("", pieces) + pending.toString(StandardCharsets.UTF_8);
    }
  }

  private static FakeMachine mac() {
    return FakeMachine.standard("mac").program("tool", (ctx, args) -> {
      ctx.stdout().println("out of " + args.get(0));
      ctx.stdout().flush();
      ctx.stderr().println("err of " + args.get(0));
      return 0;
    }).program("big", (ctx, args) -> {
      ctx.stdout().print("x".repeat(Integer.parseInt(args.get(0))));
      return 0;
    }).program("hangs", (ctx, args) -> {
      throw new Hung(List.of("hangs"), 99, false);
    });
  }

  private static int run(String script, Channel out, Channel err) throws Exception {
    return Interpreter.forUser(mac(), "admin")
        .run(WATCHDOG + "'" + script + "'", new ByteArrayInputStream(new byte[0]), out, err);
  }

  @Test
  void manyProgramsOutput_reachesTheChannelInOnePiecePerStream_atTheEnd() throws Exception {
    Channel out = new Channel();
    Channel err = new Channel();

    int status = run("printf \"%s\\n\" begin; tool a; tool b; echo end >&2; tool c; exit 3", out, err);

    assertThat(status).isEqualTo(3);
    assertThat(out.pieces).containsExactly("begin\nout of a\nout of b\nout of c\n");
    assertThat(err.pieces).containsExactly("err of a\nerr of b\nend\nerr of c\n");
  }

  @Test
  void aBigAnswer_goesInPiecesOf32KiBOrMore_thenTheRest() throws Exception {
    Channel out = new Channel();

    run("big 20000; big 20000; big 40000; big 1000", out, new Channel());

    assertThat(out.pieces).hasSizeBetween(2, 3);
    assertThat(out.pieces.subList(0, out.pieces.size() - 1)).allSatisfy(p -> assertThat(p).hasSizeGreaterThan(32767));
    assertThat(out.all()).hasSize(81000).matches("x+");
  }

  @Test
  void whatAHungCommandWroteBefore_isOnTheChannelWhenTheHangIsHandedOn() throws Exception {
    Channel out = new Channel();
    Channel err = new Channel();

    assertThatThrownBy(() -> run("tool a; hangs; tool b", out, err)).isInstanceOfSatisfying(Hung.class,
        h -> assertThat(h.watchdog()).hasValueSatisfying(w -> assertThat(w.nonce()).isEqualTo("0a1b")));
    assertThat(out.pieces).containsExactly("out of a\n");
    assertThat(err.pieces).containsExactly("err of a\n");
  }

  @Test
  void outsideTheWatchdog_eachProgramsOutputIsFlushedAsItEnds() throws Exception {
    Channel out = new Channel();
    Interpreter.forUser(mac(), "admin").run("tool a; tool b", new ByteArrayInputStream(new byte[0]), out,
        new Channel());

    assertThat(out.pieces.stream().collect(Collectors.joining("|"))).isEqualTo("out of a\n|out of b\n");
  }
}
