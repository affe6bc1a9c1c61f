package io.trustchain.run;

import io.trustchain.plan.Change;

/**
 * A resource that still plans a change after apply: the device did not do what it said (macOS tools
 * exit 0 when they refuse), reported with its own words.
 */
public record NotConverged(Change remaining, String deviceWords) {}
