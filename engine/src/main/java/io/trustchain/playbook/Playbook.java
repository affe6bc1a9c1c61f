package io.trustchain.playbook;

import java.nio.file.Path;
import java.util.List;

/** A playbook file: its plays in order, and the digest of its bytes (for saved plans). */
public record Playbook(Path file, List<Play> plays, String sha256) {

  public Playbook {
    plays = List.copyOf(plays);
  }
}
