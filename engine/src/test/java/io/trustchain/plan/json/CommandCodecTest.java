package io.trustchain.plan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustchain.secret.SecretRef;
import io.trustchain.transport.Arg;
import io.trustchain.transport.Capture;
import io.trustchain.transport.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stdout-file and capture extensions of a command survive a saved plan; old plans still read. */
class CommandCodecTest {

  private static Command roundTrip(Command c) throws Exception {
    String json = new ObjectMapper().writeValueAsString(CommandCodec.write(c));
    return CommandCodec.read(JsonIn.root(new ObjectMapper().readTree(json)));
  }

  @Test
  void stdoutFileAndCapture_roundTrip() throws Exception {
    Command enable = Command.of("fdesetup", "enable", "-inputplist", "-outputplist")
        .withStdin(List.of(Arg.literal("<plist>"), Arg.secret(new SecretRef.Env("TC_PW")), Arg.literal("</plist>")))
        .toFile("/var/db/trustchain-filevault.plist");
    Command capture = Command.of("cat", "/var/db/trustchain-filevault.plist")
        .capturing(new Capture("personal_recovery_key", "RecoveryKey"));

    assertThat(roundTrip(enable)).isEqualTo(enable);
    assertThat(roundTrip(capture)).isEqualTo(capture);
    assertThat(new ObjectMapper().writeValueAsString(CommandCodec.write(capture)))
        .contains("\"capture\":{\"item\":\"personal_recovery_key\",\"field\":\"RecoveryKey\"}")
        .doesNotContain("stdout_file");
  }

  @Test
  void aCommandWithoutExtensions_writesNeitherField_soOlderPlansReadTheSame() throws Exception {
    String json = "{\"argv\":[{\"literal\":\"dscl\"},{\"literal\":\".\"}],\"stdin\":[]}";
    Command c = CommandCodec.read(JsonIn.root(new ObjectMapper().readTree(json)));
    assertThat(c).isEqualTo(Command.of("dscl", "."));
    assertThat(new ObjectMapper().writeValueAsString(CommandCodec.write(c))).isEqualTo(json);
  }

  @Test
  void aRelativeStdoutFile_isAPlanFormatError() {
    String json = "{\"argv\":[{\"literal\":\"date\"}],\"stdout_file\":\"tmp/x\"}";
    assertThatThrownBy(() -> CommandCodec.read(JsonIn.root(new ObjectMapper().readTree(json))))
        .isInstanceOf(PlanFormatException.class).hasMessageContaining("stdoutFile must be an absolute path");
  }
}
