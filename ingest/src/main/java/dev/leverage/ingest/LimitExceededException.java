package dev.leverage.ingest;

import org.apache.tika.exception.TikaException;

/** A file broke one of the {@link IngestLimits} (a zip bomb, too much expansion); the message is the quarantine reason. */
public final class LimitExceededException extends TikaException {
    public LimitExceededException(String reason) {
        super(reason);
    }
}
