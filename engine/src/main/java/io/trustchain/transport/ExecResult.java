package io.trustchain.transport;

import java.time.Duration;

/** What one remote exec returned: its exit status and both streams in full. */
public record ExecResult(int exitStatus, String stdout, String stderr, Duration took) {}
