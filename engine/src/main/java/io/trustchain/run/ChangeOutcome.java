package io.trustchain.run;

import io.trustchain.plan.Change;

/**
 * What happened to one planned change during apply.
 *
 * @param deviceWords what the device printed while the change ran (both streams), for reports
 */
public record ChangeOutcome(Change change, Status status, String message, String deviceWords) {

  public enum Status {
    /** Its commands ran and exited 0 (verify decides whether it converged). */
    APPLIED,
    /** Re-read right before running, it needed nothing any more. */
    ALREADY_CONVERGED,
    /** A command failed or the host changed since the plan; the host stopped here. */
    FAILED,
    /** Not attempted because the host stopped earlier. */
    NOT_RUN
  }
}
