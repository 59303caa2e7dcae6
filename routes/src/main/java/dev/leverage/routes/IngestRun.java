package dev.leverage.routes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ledger of one ingest run over a folder: how many files Camel found and what became of each. The run is
 * complete when every file found has an outcome; indexed + duplicate + quarantined + unchanged = found.
 */
public final class IngestRun {
    private final AtomicInteger indexed = new AtomicInteger();
    private final AtomicInteger embedded = new AtomicInteger();
    private final AtomicInteger duplicate = new AtomicInteger();
    private final AtomicInteger quarantined = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong pages = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    private final long startedNanos = System.nanoTime();
    private volatile int found = -1;
    private final CountDownLatch complete = new CountDownLatch(1);
    private final CountDownLatch analyzed = new CountDownLatch(1);

    /** Called with the size of the first poll's batch (0 for an empty folder). */
    synchronized boolean batchSize(int n) {
        if (found >= 0) return false;
        found = n;
        return true;
    }

    public boolean started() {
        return found >= 0;
    }

    /** Counts one finished file; true when it was the last of the batch. */
    boolean finished() {
        return found >= 0 && done.incrementAndGet() == found;
    }

    void indexed(int embeddedDocs, int pagesIndexed) {
        indexed.incrementAndGet();
        embedded.addAndGet(embeddedDocs);
        pages.addAndGet(pagesIndexed);
    }

    /** Pages indexed so far (embedded documents' pages included). */
    public long pages() {
        return pages.get();
    }

    void addBytes(long n) {
        bytes.addAndGet(n);
    }

    /** Bytes of the input files seen so far. */
    public long bytes() {
        return bytes.get();
    }

    /** When the run was created (System.nanoTime), for rates. */
    public long startedNanos() {
        return startedNanos;
    }

    void duplicate() {
        duplicate.incrementAndGet();
    }

    void quarantined() {
        quarantined.incrementAndGet();
    }

    void unchanged() {
        unchanged.incrementAndGet();
    }

    private volatile Exception analysisError;

    void analysisFailed(Exception e) {
        analysisError = e;
    }

    /** The error that stopped the case analysis, or null. */
    public Exception analysisError() {
        return analysisError;
    }

    void markComplete() {
        complete.countDown();
    }

    void markAnalyzed() {
        analyzed.countDown();
    }

    public void awaitAnalyzed() throws InterruptedException {
        analyzed.await();
    }

    public void awaitComplete() throws InterruptedException {
        complete.await();
    }

    public int found() {
        return Math.max(found, 0);
    }

    /** Files finished so far (any outcome). */
    public int done() {
        return done.get();
    }

    public boolean isComplete() {
        return complete.getCount() == 0;
    }

    public boolean isAnalyzed() {
        return analyzed.getCount() == 0;
    }

    public int indexed() {
        return indexed.get();
    }

    public int embedded() {
        return embedded.get();
    }

    public int duplicates() {
        return duplicate.get();
    }

    public int quarantinedCount() {
        return quarantined.get();
    }

    public int unchangedCount() {
        return unchanged.get();
    }

    public String summary() {
        return found() + " files found: " + indexed() + " indexed" + (embedded() > 0 ? " (plus " + embedded() + " embedded documents)" : "")
                + ", " + duplicates() + " duplicate, " + quarantinedCount() + " quarantined, " + unchangedCount() + " already in the case";
    }
}
