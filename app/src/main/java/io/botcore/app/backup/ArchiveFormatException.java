package io.botcore.app.backup;

import java.io.IOException;

/** A backup archive that is not a complete, consistent mongodump archive; the message says what is wrong. */
public final class ArchiveFormatException extends IOException {

    public ArchiveFormatException(String message) {
        super(message);
    }
}
