package io.trustchain.spi;

import io.trustchain.facts.HostFacts;

/**
 * What a planner may read.
 *
 * @param facts the facts as projected after the changes planned before this resource
 * @param gathered the facts as read from the Mac
 * @param credential the play's management credential
 */
public record PlanContext(String host, HostFacts facts, HostFacts gathered, Credential credential) {}
