package io.trustchain.run;

import io.trustchain.plan.Change;
import java.io.IOException;
import java.util.List;

/**
 * The write-ahead record of apply (the audit log): before an exec is sent, the intent of every change it
 * may run is on disk; after it answered, what it said of each. A run killed in between leaves intents
 * without results, which the next run reports with what the Mac shows by then.
 */
public interface ApplyJournal {

  /** Records nothing. */
  ApplyJournal NONE = new ApplyJournal() {
    @Override
    public void intents(String host, List<Change> changes) {}

    @Override
    public void results(String host, List<ChangeOutcome> said) {}
  };

  /**
   * The changes about to be sent to {@code host}; on return they are flushed to disk.
   *
   * @throws IOException when they could not be written: then nothing may be sent
   */
  void intents(String host, List<Change> changes) throws IOException;

  /** What an exec said of the changes it ran (applied, failed, not run); verify has not judged them yet. */
  void results(String host, List<ChangeOutcome> said);
}
