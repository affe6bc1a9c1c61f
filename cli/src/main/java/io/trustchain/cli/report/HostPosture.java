package io.trustchain.cli.report;

import java.util.List;
import java.util.Optional;

/**
 * One Mac's posture as the HTML report shows it, from whatever the inputs carried: facts (live or
 * {@code facts --format json}), a saved plan ({@code plan --out} / {@code --report-json}) and an
 * apply report ({@code apply --report-json}). Empty optionals are "not known from these inputs".
 *
 * @param fileVault on, encrypting, decrypting, deferred (a deferral waits for a login) or off
 * @param users the human accounts (and those a playbook named) the facts listed
 * @param tokenHolders those of {@code users} that hold a Secure Token
 * @param escrowAgeDays age of the escrowed personal recovery key, when the facts carried escrow
 * @param drift changes the plan would make (pending ones excluded, overdue ones counted)
 * @param unmanagedTokenHolders token holders no document manages, when the facts carried them
 * @param problems host errors, plan problems and resources that did not converge, in words
 */
public record HostPosture(
    String host, boolean reachable, Optional<String> os, Optional<String> fileVault,
    Optional<Integer> progressPercent, List<String> users, List<String> tokenHolders,
    Optional<Boolean> bootstrapEscrowed, Optional<Boolean> bootstrapSupported, Optional<Long> escrowAgeDays,
    Optional<Integer> drift, Optional<Integer> pending, Optional<List<String>> unmanagedTokenHolders,
    Optional<String> applyStatus, List<String> problems) {

  public HostPosture {
    users = List.copyOf(users);
    tokenHolders = List.copyOf(tokenHolders);
    problems = List.copyOf(problems);
  }

  /** The users that hold no Secure Token. */
  public List<String> withoutToken() {
    return users.stream().filter(u -> !tokenHolders.contains(u)).toList();
  }
}
