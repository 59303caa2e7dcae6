package dev.leverage.routes.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.index.Json;
import dev.leverage.index.DiscoveryIndex;
import dev.leverage.routes.CaseService;
import dev.leverage.routes.CaseStore;
import dev.leverage.routes.IngestRun;
import dev.leverage.routes.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server's cases: one open index per case (a Lucene index has one writer, so the server keeps it and lends it to
 * search, witness and ingest alike), and one ingest job at a time per case. Files uploaded while a job runs are taken
 * by a follow-up run of the same route over the case's upload folder; files already in the case are skipped there.
 */
public final class OpenCases implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCases.class);

    private final CaseStore store;
    private final Map<String, DiscoveryIndex> open = new HashMap<>();
    private final Map<String, Job> jobs = new HashMap<>();
    private final ExecutorService ingestPool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "leverage-upload-ingest");
        t.setDaemon(true);
        return t;
    });

    /** The state of a case's ingest, for the status endpoint and the web page's progress bar. */
    static final class Job {
        volatile IngestRun run;
        volatile String state = "idle";
        volatile String error;
        volatile boolean again;
        volatile String started;
        volatile String finished;
        volatile int runs;
    }

    public OpenCases(CaseStore store) {
        this.store = store;
    }

    public CaseStore store() {
        return store;
    }

    /** The case's open index; a case that does not exist is a {@link UserError} (the API answers 404). */
    public synchronized DiscoveryIndex index(String caseId) throws IOException {
        DiscoveryIndex i = open.get(caseId);
        if (i != null) return i;
        i = store.open(caseId);
        open.put(caseId, i);
        return i;
    }

    public synchronized DiscoveryIndex create(String caseId) throws IOException {
        DiscoveryIndex i = open.get(caseId);
        if (i != null) return i;
        i = store.create(caseId);
        Files.createDirectories(uploads(caseId));
        open.put(caseId, i);
        return i;
    }

    public Path uploads(String caseId) {
        return store.caseDir(caseId).resolve("uploads");
    }

    /** Starts (or queues behind the running one) an ingest of the case's upload folder, analysis included. */
    public synchronized void ingestUploads(String caseId) throws IOException {
        DiscoveryIndex index = index(caseId);
        Job job = jobs.computeIfAbsent(caseId, k -> new Job());
        if (job.state.equals("queued") || job.state.equals("ingesting") || job.state.equals("analysing")) {
            job.again = true;
            return;
        }
        job.state = "queued";
        job.error = null;
        ingestPool.submit(() -> runJob(caseId, index, job));
    }

    private void runJob(String caseId, DiscoveryIndex index, Job job) {
        while (true) {
            IngestRun run = new IngestRun();
            String error = null;
            synchronized (this) {
                job.run = run;
                job.state = "ingesting";
                job.started = Instant.now().toString();
                job.finished = null;
            }
            try {
                new CaseService(store).ingest(uploads(caseId), caseId, true, index, run);
            } catch (Exception e) {
                LOG.warn("Ingest of case {} failed: {}", caseId, e.toString());
                error = e instanceof UserError ? e.getMessage()
                        : "The ingest stopped (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0]) + "); upload again or check the server log.";
            }
            synchronized (this) {
                job.finished = Instant.now().toString();
                job.runs++;
                job.error = error;
                if (error != null || !job.again) {
                    job.state = error == null ? "done" : "failed";
                    job.again = false;
                    return;
                }
                // files arrived while this run went on: take them in a follow-up run
                job.again = false;
            }
        }
    }

    /** {@code {"state", "found", "done", "indexed", "duplicates", "quarantined", "unchanged", "progress", ...}}. */
    public synchronized ObjectNode status(String caseId) {
        Job job = jobs.get(caseId);
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("case", caseId);
        if (job == null) {
            n.put("state", "idle");
            return n;
        }
        IngestRun r = job.run;
        String state = job.state;
        if (state.equals("ingesting") && r != null && r.isComplete()) state = "analysing";
        n.put("state", state);
        if (r != null) {
            n.put("found", r.found());
            n.put("done", r.done());
            n.put("indexed", r.indexed());
            n.put("embedded", r.embedded());
            n.put("duplicates", r.duplicates());
            n.put("quarantined", r.quarantinedCount());
            n.put("unchanged", r.unchangedCount());
            n.put("progress", r.found() == 0 ? (r.isComplete() ? 1.0 : 0.0) : Math.min(1.0, r.done() / (double) r.found()));
            n.put("summary", r.summary());
        }
        if (job.started != null) n.put("started", job.started);
        if (job.finished != null) n.put("finished", job.finished);
        if (job.error != null) n.put("error", job.error);
        n.put("pendingAnotherRun", job.again);
        return n;
    }

    /** Waits until the case has no ingest running (tests and shutdown). */
    public void awaitIdle(String caseId, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            String s = status(caseId).path("state").asText();
            if (!s.equals("queued") && !s.equals("ingesting") && !s.equals("analysing")) return;
            Thread.sleep(100);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        ingestPool.shutdown();
        try {
            ingestPool.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        IOException first = null;
        for (DiscoveryIndex i : open.values()) {
            try {
                i.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        open.clear();
        if (first != null) throw first;
    }
}
