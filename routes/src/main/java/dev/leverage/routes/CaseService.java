package dev.leverage.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.extract.CaseAnalysis;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.sampling.Thresholds;
import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.Json;
import dev.leverage.ingest.DocumentParser;
import dev.leverage.ingest.ForkedDocumentParser;
import dev.leverage.ingest.IngestLimits;
import dev.leverage.ingest.TikaDocumentParser;
import dev.leverage.routes.report.HtmlReport;
import dev.leverage.routes.report.ReportBuilder;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the pipeline for one case: the Camel ingest route over a folder, then case analysis and the reports.
 * The one place that ties Camel, the index and the analyzers together.
 */
public final class CaseService {
    private final CaseStore store;
    private final Settings settings;

    /**
     * How an ingest runs.
     *
     * @param limits             the per-file limits (size, text, nesting, zip bombs, time, memory)
     * @param forked             parse in separate parser processes (the default); false parses in this JVM, which
     *                           is faster to start but lets one hostile file take the whole ingest down
     * @param threads            files processed at once (parser processes, when forked)
     * @param commitEverySeconds how often a running ingest commits, so a killed one resumes where it stopped
     * @param extractChars       characters of one document the extractors read (the rest is searchable only)
     */
    public record Settings(IngestLimits limits, boolean forked, int threads, int commitEverySeconds, int extractChars) {
        public static final Settings DEFAULT = new Settings(IngestLimits.DEFAULT, true, Math.max(1, Runtime.getRuntime().availableProcessors()),
                BatchCompletion.DEFAULT_COMMIT_SECONDS, IngestSteps.DEFAULT_EXTRACT_CHARS);

        public Settings withExtractChars(int c) {
            return new Settings(limits, forked, threads, commitEverySeconds, c);
        }

        public Settings withLimits(IngestLimits l) {
            return new Settings(l, forked, threads, commitEverySeconds, extractChars);
        }

        public Settings withForked(boolean f) {
            return new Settings(limits, f, threads, commitEverySeconds, extractChars);
        }

        public Settings withThreads(int t) {
            return new Settings(limits, forked, Math.max(1, t), commitEverySeconds, extractChars);
        }

        public Settings withCommitEverySeconds(int s) {
            return new Settings(limits, forked, threads, Math.max(1, s), extractChars);
        }
    }

    public CaseService(CaseStore store) {
        this(store, Settings.DEFAULT);
    }

    public CaseService(CaseStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** The outcome of ingesting a folder into a case. */
    public record Outcome(IngestRun run, Path reportJson, Path reportHtml, JsonNode report) {
    }

    public Outcome ingest(Path folder, String caseId, boolean analyze) throws Exception {
        return ingest(folder, caseId, analyze, new IngestRun());
    }

    /** Ingests a folder into a case, opening its index; {@code run} counts the files as they finish (for progress). */
    public Outcome ingest(Path folder, String caseId, boolean analyze, IngestRun run) throws Exception {
        checkFolder(folder);
        CaseStore.checkCaseId(caseId);
        try (DiscoveryIndex index = store.create(caseId)) {
            return ingest(folder, caseId, analyze, index, run);
        }
    }

    private static void checkFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UserError("The folder " + folder + " does not exist or is not a folder; give the path of the case's discovery folder.");
        }
    }

    /**
     * Ingests a folder into a case whose index is already open (the server keeps one open per case, so that search
     * answers while files come in); {@code run} counts the files as they finish, for progress. The index stays open.
     */
    public Outcome ingest(Path folder, String caseId, boolean analyze, DiscoveryIndex index, IngestRun run) throws Exception {
        checkFolder(folder);
        CaseStore.checkCaseId(caseId);
        TrainedModels models = TrainedModels.load(store.models());
        Thresholds thresholds = Thresholds.load(store.thresholds());
        Path caseDir = store.caseDir(caseId);
        store.recordSource(caseId, folder);
        try (DocumentParser parser = settings.forked()
                ? new ForkedDocumentParser(settings.limits(), settings.threads(), caseDir.resolve("parser.log"))
                : new TikaDocumentParser(settings.limits())) {
            return ingest(folder, caseId, analyze, index, run, parser, models, thresholds, caseDir);
        }
    }

    private Outcome ingest(Path folder, String caseId, boolean analyze, DiscoveryIndex index, IngestRun run, DocumentParser parser,
                           TrainedModels models, Thresholds thresholds, Path caseDir) throws Exception {
        Path[] written = new Path[2];
        JsonNode[] report = new JsonNode[1];
        IngestSteps steps = new IngestSteps(index, parser, models, thresholds, caseDir.resolve("quarantine"), run, settings.extractChars());
        BatchCompletion completion = new BatchCompletion(run, index, () -> {
            if (!analyze) return;
            report[0] = analyze(caseId, index, thresholds);
            written[0] = caseDir.resolve("report.json");
            written[1] = caseDir.resolve("report.html");
            writeReports(report[0], written[0], written[1]);
        }, settings.commitEverySeconds());
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getShutdownStrategy().setTimeout(30);
            camel.addRoutes(new IngestRoute(folder, steps, completion, settings.threads()));
            completion.producer(camel.createProducerTemplate());
            camel.start();
            run.awaitAnalyzed();
            camel.getRouteController().stopRoute("ingest");
        }
        if (run.analysisError() != null) throw run.analysisError();
        return new Outcome(run, written[0], written[1], report[0]);
    }

    /** Runs the case analyzers over the index's facts and stores the report JSON in the index. */
    public static ObjectNode analyze(String caseId, DiscoveryIndex index, Thresholds thresholds) throws IOException {
        List<DocumentFacts> facts = index.facts();
        List<dev.leverage.index.FileRecord> records = index.records();
        // every file counts as produced, read or not: a video has no text but is in the production
        CaseAnalysis.Result result = new CaseAnalysis(thresholds).analyze(facts, records.stream().map(dev.leverage.index.FileRecord::path).toList());
        ObjectNode report = ReportBuilder.build(caseId, records, result);
        index.putAnalysis(Json.MAPPER.writeValueAsString(report));
        index.commit();
        return report;
    }

    public static void writeReports(JsonNode report, Path json, Path html) throws IOException {
        Files.createDirectories(json.getParent());
        Files.writeString(json, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report), StandardCharsets.UTF_8);
        Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
    }
}
