package dev.leverage.routes;

import dev.leverage.index.DiscoveryIndex;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.io.IOException;

/**
 * Knows when the first poll's batch is done: Camel says how many files the poll found, each finished file counts
 * once (indexed, duplicate, quarantined or unchanged), and the last one commits the index and sends the case to
 * analysis. On the way the index is committed every few seconds, so a killed ingest resumes where it stopped.
 */
public final class BatchCompletion {
    /** What runs once the batch is in. */
    public interface Analysis {
        void run() throws Exception;
    }

    private final IngestRun run;
    private final DiscoveryIndex index;
    private final Analysis analysis;
    private volatile ProducerTemplate producer;
    private final long commitEveryNanos;
    private volatile long lastCommit = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicBoolean committing = new java.util.concurrent.atomic.AtomicBoolean();

    public BatchCompletion(IngestRun run, DiscoveryIndex index, Analysis analysis) {
        this(run, index, analysis, DEFAULT_COMMIT_SECONDS);
    }

    /** How often a running batch commits by default, in seconds. */
    public static final int DEFAULT_COMMIT_SECONDS = 20;

    public BatchCompletion(IngestRun run, DiscoveryIndex index, Analysis analysis, int commitEverySeconds) {
        this.commitEveryNanos = java.util.concurrent.TimeUnit.SECONDS.toNanos(commitEverySeconds);
        this.run = run;
        this.index = index;
        this.analysis = analysis;
    }

    void producer(ProducerTemplate p) {
        this.producer = p;
    }

    public void begin(Exchange ex) {
        if (ex.getIn().getBody() == null) {
            // An idle poll: the folder had no (new) files. Only the first poll defines the batch.
            if (run.batchSize(0)) producer.sendBody("direct:analyze", null);
            ex.getIn().setBody(null);
            return;
        }
        Integer size = ex.getProperty(Exchange.BATCH_SIZE, Integer.class);
        run.batchSize(size == null ? 1 : size);
    }

    public void fileDone(Exchange ex) throws IOException {
        if (run.finished()) {
            index.commit();
            run.markComplete();
            producer.sendBody("direct:analyze", null);
            return;
        }
        // Commit as the batch goes, so a crash or kill costs at most the last interval's files: they are read
        // again on the next run, and every document is written as one block, so none is ever half in the index.
        long now = System.nanoTime();
        if (now - lastCommit >= commitEveryNanos && committing.compareAndSet(false, true)) {
            try {
                if (now - lastCommit >= commitEveryNanos) {
                    index.commit();
                    lastCommit = System.nanoTime();
                }
            } finally {
                committing.set(false);
            }
        }
    }

    public void analyze(Exchange ex) throws Exception {
        try {
            index.commit();
            run.markComplete();
            analysis.run();
        } catch (Exception e) {
            run.analysisFailed(e);
        } finally {
            run.markAnalyzed();
        }
    }
}
