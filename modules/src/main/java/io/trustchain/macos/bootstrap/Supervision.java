package io.trustchain.macos.bootstrap;

import io.trustchain.facts.HostFacts;
import io.trustchain.facts.MdmFacts;
import java.util.Optional;

/**
 * Why a Mac cannot have a Bootstrap Token, in the words the plan uses. A Bootstrap Token needs macOS
 * 10.15, an MDM enrollment that supervises the Mac (profiles(8): "Requires MDM supervised client";
 * Automated Device Enrollment supervises, and from macOS 11 on any Device Enrollment does, Apple
 * Platform Deployment), and a server that supports it ({@code profiles status}, S50).
 */
final class Supervision {

  private Supervision() {}

  static Optional<String> obstacle(HostFacts facts) {
    if (facts.os() == null || !facts.os().atLeast(10, 15)) {
      return Optional.of("macOS " + (facts.os() == null ? "?" : facts.os().version()) + " has no Bootstrap Token"
          + " (it arrived in macOS 10.15)");
    }
    MdmFacts mdm = facts.mdm();
    if (mdm == null || !mdm.enrolled()) {
      return Optional.of("this Mac is not enrolled in an MDM (profiles status -type enrollment: \"MDM enrollment:"
          + " No\"), and a Bootstrap Token is escrowed to an MDM server");
    }
    if (!mdm.dep() && !facts.os().atLeast(11, 0)) {
      return Optional.of("this Mac is not supervised: on macOS " + facts.os().version() + " only Automated Device"
          + " Enrollment supervises a Mac, and a Bootstrap Token needs a supervised MDM enrollment");
    }
    if (facts.bootstrapToken() == null || !facts.bootstrapToken().supported()) {
      return Optional.of("the MDM server does not support Bootstrap Tokens (profiles status -type bootstraptoken:"
          + " \"Bootstrap Token supported on server: NO\")");
    }
    return Optional.empty();
  }
}
