package dev.leverage.routes;

import dev.leverage.index.DiscoveryIndex;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.io.IOException;

/**
 * Knows when the first poll's batch is done: Camel says how many files the poll found, each finished file counts
 * once (indexed, duplicate, quarantined or unchanged), and the last one commits the index and sends the case to
 * analysis.
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

    public BatchCompletion(IngestRun run, DiscoveryIndex index, Analysis analysis) {
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
