package dev.leverage.routes;

import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search answers while a case is being ingested: with the case's index open (as the server keeps it), pages written
 * by the running ingest are found before the batch is done, and the answers only grow.
 */
@Timeout(300)
class SearchDuringIngestTest {
    @TempDir
    Path tmp;

    @Test
    void pagesAreFoundBeforeTheIngestFinishes() throws Exception {
        int files = 400;
        Path folder = SmallCorpus.write(tmp.resolve("discovery"), files);
        CaseStore store = new CaseStore(tmp.resolve("data"));
        // a long commit interval: what search sees during the ingest comes from the near-real-time reader, not commits
        CaseService service = new CaseService(store, CaseService.Settings.DEFAULT.withCommitEverySeconds(3_600));
        try (DiscoveryIndex index = store.create("live")) {
            IngestRun run = new IngestRun();
            CompletableFuture<CaseService.Outcome> ingest = CompletableFuture.supplyAsync(() -> {
                try {
                    return service.ingest(folder, "live", false, index, run);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long start = System.nanoTime();
            long firstHitMillis = -1;
            int doneAtFirstHit = -1;
            long last = 0;
            int searches = 0;
            while (!ingest.isDone()) {
                SearchResult r = index.search("transported OR logged OR released OR received OR photographed OR signed", 0, 10);
                searches++;
                assertTrue(r.total() >= last, "answers only grow during the ingest: " + r.total() + " after " + last);
                last = r.total();
                if (r.total() > 0 && firstHitMillis < 0 && !run.isComplete()) {
                    firstHitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    doneAtFirstHit = run.done();
                }
                Thread.sleep(50);
            }
            CaseService.Outcome o = ingest.get();
            assertTrue(firstHitMillis >= 0, "a search during the ingest found pages before it finished (" + searches + " searches)");
            assertTrue(doneAtFirstHit < files, "found while " + doneAtFirstHit + " of " + files + " files were done");
            assertEquals(files - SmallCorpus.DUPLICATES, o.run().indexed());
            assertEquals(o.run().pages(), index.search("marker*", 0, 1).total(), "after the ingest every page is found");
            System.out.printf("search during ingest: first hit %d ms after the ingest started, with %d of %d files done; %d searches answered meanwhile%n",
                    firstHitMillis, doneAtFirstHit, files, searches);
        }
    }
}
