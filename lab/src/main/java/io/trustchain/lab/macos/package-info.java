/**
 * The simulated macOS of the lab: {@link io.trustchain.lab.macos.MacHostFactory} opens Macs whose state lives
 * in {@code STATEDIR/HOST/state.json}, created from a scenario file the first time.
 *
 * <p>Packages and what each may use (no cycles):
 *
 * <ul>
 *   <li>{@code macos} — host, lock, state store, machine: uses all below.
 *   <li>{@code macos.tools} — one class per program (sysadminctl, dscl, fdesetup, …): uses rules, state.
 *   <li>{@code macos.scenario} — scenario YAML → starting state: uses rules, state.
 *   <li>{@code macos.rules} — Secure Token, FileVault and login-window behaviour: uses state.
 *   <li>{@code macos.state} — the data saved between commands: uses only {@code lab.exec}.
 * </ul>
 *
 * <p>Wording, streams and exit codes follow {@code shared/macos-reference.md} (sample numbers S1–S90 are cited
 * next to the code that produces them); the lab's own choices where no capture exists are marked "I".
 */
package io.trustchain.lab.macos;
