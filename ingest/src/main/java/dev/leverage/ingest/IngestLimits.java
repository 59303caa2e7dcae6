package dev.leverage.ingest;

/**
 * Limits that keep one hostile file from costing the whole batch. Discovery is hostile input by default.
 *
 * @param maxFileBytes   files larger than this are quarantined unread
 * @param writeLimit     characters of text kept per document; the rest is cut and the cut recorded
 * @param maxEmbedded    embedded documents (attachments, archive entries) read per file
 * @param ocrTimeoutSeconds seconds Tesseract may spend on one page image
 */
public record IngestLimits(long maxFileBytes, int writeLimit, int maxEmbedded, int ocrTimeoutSeconds) {
    public static final IngestLimits DEFAULT = new IngestLimits(512L * 1024 * 1024, 50_000_000, 1_000, 120);
}
