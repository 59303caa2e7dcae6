package dev.leverage.ingest;

/**
 * A file that could not be turned into a document, with the reason in one sentence a paralegal can act on.
 *
 * @param path   path relative to the case folder
 * @param sha256 SHA-256 of the bytes (null if the file could not be read at all)
 * @param reason why it was set aside and what to do about it
 */
public record Quarantine(String path, String sha256, String reason) {
}
