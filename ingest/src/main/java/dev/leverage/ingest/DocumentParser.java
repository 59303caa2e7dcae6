package dev.leverage.ingest;

import java.nio.file.Path;

/**
 * Turns one discovery file into documents with pages, or a quarantine record saying why not. Never throws for a
 * bad file. {@link TikaDocumentParser} parses in this JVM; {@link ForkedDocumentParser} parses in separate
 * processes so that a file that hangs or exhausts the parser costs that file only. Thread-safe.
 */
public interface DocumentParser extends AutoCloseable {
    /**
     * @param file         the file on disk
     * @param relativePath its path relative to the case folder, '/' separated
     * @param sha256       its SHA-256 (computed if null)
     */
    ParseOutcome parse(Path file, String relativePath, String sha256);

    /** True when Tesseract is installed, so scanned pages get text. */
    boolean ocrAvailable();

    @Override
    default void close() {
    }
}
