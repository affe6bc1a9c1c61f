package io.trustchain.spi;

import io.trustchain.diag.SourceRange;
import io.trustchain.plan.ResourceAddress;

/**
 * A resource bound for one host: templated, typed, checked, with its module and its play's
 * credential.
 */
public record BoundResource<P extends Record>(
    ResourceAddress address, ResourceModule<P> module, P params, Credential credential, String play, SourceRange at) {}
