package io.trustchain.macos.filevault;

import io.trustchain.spi.Required;

/**
 * An institutional recovery key: the public certificate of the organisation's FileVault master
 * keychain, written in the document (PEM, or base64 DER) and sent to fdesetup inside its input
 * property list ({@code Certificate}), never as a file.
 */
public record InstitutionalKeyParams(@Required String certificate) {}
