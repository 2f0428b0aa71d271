package org.gatehouse.bootstrap;

/** A malformed import file; the message names the file and the offending entry. */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message, null, false, false);
    }
}
