package dev.leverage.ingest;

/**
 * Limits that keep one hostile file from costing the whole batch. Discovery is hostile input by default: every
 * limit here turns a file that would hang, exhaust or flood the pipeline into a quarantine record (or a cut with a
 * warning) for that file alone.
 *
 * @param maxFileBytes        files larger than this are quarantined unread
 * @param writeLimit          characters of text kept per document; the rest is cut and the cut recorded
 * @param maxEmbedded         embedded documents (attachments, archive entries) read per file
 * @param ocrTimeoutSeconds   seconds Tesseract may spend on one page image
 * @param maxDepth            how deep embedded documents are followed (an attachment of an email is depth 1, a file
 *                            in a zip inside that attachment depth 2 ...); deeper ones are skipped with a warning
 * @param maxCompressionRatio an archive entry that expands more than this many times its compressed size is a zip
 *                            bomb, and its file is quarantined
 * @param maxExpandedBytes    all archive entries of one file together may expand to at most this many bytes
 * @param parseTimeoutSeconds seconds the parser may spend on one file (OCR included) before the file is given up
 * @param parserHeapMb        heap of each parser process, in MB: a file that needs more is quarantined
 */
public record IngestLimits(long maxFileBytes, int writeLimit, int maxEmbedded, int ocrTimeoutSeconds, int maxDepth,
                           long maxCompressionRatio, long maxExpandedBytes, int parseTimeoutSeconds, int parserHeapMb) {
    public static final IngestLimits DEFAULT = new IngestLimits(512L * 1024 * 1024, 50_000_000, 1_000, 120, 10,
            100, 4L * 1024 * 1024 * 1024, 600, 1_024);

    public IngestLimits {
        if (maxFileBytes < 1 || writeLimit < 1 || maxEmbedded < 0 || ocrTimeoutSeconds < 1 || maxDepth < 0
                || maxCompressionRatio < 2 || maxExpandedBytes < 1 || parseTimeoutSeconds < 1 || parserHeapMb < 32) {
            throw new IllegalArgumentException("ingest limits out of range: " + this);
        }
    }

    /** The first four limits; the rest take their defaults. */
    public IngestLimits(long maxFileBytes, int writeLimit, int maxEmbedded, int ocrTimeoutSeconds) {
        this(maxFileBytes, writeLimit, maxEmbedded, ocrTimeoutSeconds, DEFAULT.maxDepth, DEFAULT.maxCompressionRatio,
                DEFAULT.maxExpandedBytes, DEFAULT.parseTimeoutSeconds, DEFAULT.parserHeapMb);
    }

    public IngestLimits withMaxFileBytes(long v) {
        return new IngestLimits(v, writeLimit, maxEmbedded, ocrTimeoutSeconds, maxDepth, maxCompressionRatio, maxExpandedBytes, parseTimeoutSeconds, parserHeapMb);
    }

    public IngestLimits withWriteLimit(int v) {
        return new IngestLimits(maxFileBytes, v, maxEmbedded, ocrTimeoutSeconds, maxDepth, maxCompressionRatio, maxExpandedBytes, parseTimeoutSeconds, parserHeapMb);
    }

    public IngestLimits withMaxEmbedded(int v) {
        return new IngestLimits(maxFileBytes, writeLimit, v, ocrTimeoutSeconds, maxDepth, maxCompressionRatio, maxExpandedBytes, parseTimeoutSeconds, parserHeapMb);
    }

    public IngestLimits withMaxDepth(int v) {
        return new IngestLimits(maxFileBytes, writeLimit, maxEmbedded, ocrTimeoutSeconds, v, maxCompressionRatio, maxExpandedBytes, parseTimeoutSeconds, parserHeapMb);
    }

    public IngestLimits withMaxCompressionRatio(long v) {
        return new IngestLimits(maxFileBytes, writeLimit, maxEmbedded, ocrTimeoutSeconds, maxDepth, v, maxExpandedBytes, parseTimeoutSeconds, parserHeapMb);
    }

    public IngestLimits withParseTimeoutSeconds(int v) {
        return new IngestLimits(maxFileBytes, writeLimit, maxEmbedded, Math.min(ocrTimeoutSeconds, v), maxDepth, maxCompressionRatio, maxExpandedBytes, v, parserHeapMb);
    }

    public IngestLimits withParserHeapMb(int v) {
        return new IngestLimits(maxFileBytes, writeLimit, maxEmbedded, ocrTimeoutSeconds, maxDepth, maxCompressionRatio, maxExpandedBytes, parseTimeoutSeconds, v);
    }

    /** The limits as arguments for a parser process ({@link #fromArgs}). */
    String[] toArgs() {
        return new String[]{Long.toString(maxFileBytes), Integer.toString(writeLimit), Integer.toString(maxEmbedded),
                Integer.toString(ocrTimeoutSeconds), Integer.toString(maxDepth), Long.toString(maxCompressionRatio),
                Long.toString(maxExpandedBytes), Integer.toString(parseTimeoutSeconds), Integer.toString(parserHeapMb)};
    }

    static IngestLimits fromArgs(String[] a, int from) {
        return new IngestLimits(Long.parseLong(a[from]), Integer.parseInt(a[from + 1]), Integer.parseInt(a[from + 2]),
                Integer.parseInt(a[from + 3]), Integer.parseInt(a[from + 4]), Long.parseLong(a[from + 5]),
                Long.parseLong(a[from + 6]), Integer.parseInt(a[from + 7]), Integer.parseInt(a[from + 8]));
    }
}
