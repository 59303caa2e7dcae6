package dev.leverage.routes;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.nio.file.Path;

/**
 * The ingest flow over one case folder, top to bottom as the business process: find each file (recursively,
 * never moving the originals), hash it, skip it if this exact file is already in the case, mark it duplicate if
 * its bytes are, else parse it with Tika, extract facts with OpenNLP and write it to the index. A file that fails
 * in any step goes to the dead-letter quarantine with its reason and the batch goes on. When the last file of the
 * batch is done the case is analysed.
 */
public final class IngestRoute extends RouteBuilder {
    private final Path folder;
    private final IngestSteps steps;
    private final BatchCompletion completion;
    private final int threads;

    public IngestRoute(Path folder, IngestSteps steps, BatchCompletion completion, int threads) {
        this.folder = folder;
        this.steps = steps;
        this.completion = completion;
        this.threads = threads;
    }

    @Override
    public void configure() {
        errorHandler(deadLetterChannel("direct:quarantine").maximumRedeliveries(0).logExhausted(false).logStackTrace(false));

        from(fileUri()).routeId("ingest")
                .process(completion::begin)
                .filter(body().isNotNull())
                    .threads(threads, threads)
                    .process(steps::hash)
                    .choice()
                        .when(method(steps, "alreadyIngested")).process(steps::unchanged)
                        .otherwise()
                            .idempotentConsumer(header(IngestSteps.SHA), steps.shaRepository()).skipDuplicate(false)
                            .choice()
                                .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true)).process(steps::recordDuplicate)
                                .otherwise().process(steps::parse).process(steps::extractAndIndex)
                            .end() // the duplicate choice
                        .end() // the idempotent consumer
                    .end() // already in the case or not: every branch counts the file below
                    .process(completion::fileDone)
                .end();

        from("direct:quarantine").routeId("quarantine")
                .process(steps::failed)
                .process(completion::fileDone);

        from("direct:analyze").routeId("analyze")
                .process(completion::analyze);
    }

    private String fileUri() {
        // One poll: the batch is the folder as it is when the ingest starts. A second poll would send files again once
        // they fall out of the consumer's 1,000-entry memory of what it has sent, and count them twice.
        return "file:" + folder.toAbsolutePath() + "?noop=true&recursive=true&maxMessagesPerPoll=0&sendEmptyMessageWhenIdle=true"
                + "&initialDelay=0&repeatCount=1&sortBy=file:name&readLock=none";
    }
}
