package dev.leverage.routes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Mention;
import dev.leverage.extract.people.Person;
import dev.leverage.extract.people.PersonName;
import dev.leverage.extract.people.PersonRegistry;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.index.CaseCast;
import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.InvalidQueryException;
import dev.leverage.index.Json;
import dev.leverage.index.SearchHit;
import dev.leverage.index.SearchRequest;
import dev.leverage.index.SearchResult;
import dev.leverage.ingest.IngestLimits;
import dev.leverage.routes.CaseService;
import dev.leverage.routes.CaseStore;
import dev.leverage.routes.CaseViews;
import dev.leverage.routes.IngestRun;
import dev.leverage.routes.UserError;
import dev.leverage.routes.WitnessView;
import dev.leverage.routes.report.ReportFormats;
import dev.leverage.routes.server.LeverageServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The leverage command line. */
@Command(name = "leverage", mixinStandardHelpOptions = true, version = "leverage 0.1.0",
        description = "Finds the weak points in a criminal case's discovery and cites the page each rests on.",
        subcommands = {LeverageCli.Bench.class, LeverageCli.Analyze.class, LeverageCli.Ingest.class, LeverageCli.Search.class, LeverageCli.PageCmd.class, LeverageCli.Witness.class,
                LeverageCli.People.class, LeverageCli.Report.class, LeverageCli.Request.class, LeverageCli.Serve.class, LeverageCli.UserCmd.class, LeverageCli.CaseCmd.class, LeverageCli.Audit.class, LeverageCli.Evaluate.class, LeverageCli.Migrate.class, CommandLine.HelpCommand.class})
public final class LeverageCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line; errors are one sentence on err and a non-zero exit code, never a stack trace. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new LeverageCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            String msg = ex instanceof UserError || ex instanceof InvalidQueryException ? ex.getMessage()
                    : "Leverage stopped: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().split("\n")[0])
                    + "; check the paths and the data folder and try again.";
            line.getErr().println(msg);
            return ex instanceof UserError || ex instanceof InvalidQueryException ? 2 : 1;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage() + "; run `leverage help " + ex.getCommandLine().getCommandName() + "` for usage.");
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static class DataOption {
        @Option(names = "--data", description = "Data folder (default: $LEVERAGE_HOME, else ~/.leverage).")
        Path data;
        @Option(names = "--index", description = "Where a new case's index goes: embedded (default; a Lucene index in the data folder, no server) or solr "
                + "(a SolrCloud cluster, with --zk-host or --solr-url). An existing case is always opened where it lives.")
        String index;
        @Option(names = "--zk-host", description = "The SolrCloud cluster's ZooKeeper, e.g. zk1:2181,zk2:2181/solr.")
        String zkHost;
        @Option(names = "--solr-url", split = ",", description = "The URL of one or more SolrCloud nodes, e.g. http://solr1:8983/solr.")
        List<String> solrUrls;
        @Option(names = "--collection", description = "The SolrCloud collection (default: leverage).")
        String collection;

        CaseStore store() {
            CaseStore store = CaseStore.locate(data);
            String kind = index == null ? (zkHost != null || solrUrls != null ? "solr" : "embedded") : index.strip().toLowerCase(java.util.Locale.ROOT);
            return switch (kind) {
                case "embedded" -> store;
                case "solr" -> store.withSolr(new dev.leverage.routes.SolrTarget(zkHost, solrUrls, collection));
                default -> throw new UserError("--index " + index + " is not known; use --index embedded or --index solr.");
            };
        }
    }

    @Command(name = "migrate", description = "Move a case's index to SolrCloud (--to solr, with --zk-host or --solr-url) or back into the data folder "
            + "(--to embedded). Everything is copied and checked before the case switches; nothing is parsed again.")
    static class Migrate implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data;
        @Option(names = "--case", required = true)
        String caseId;
        @Option(names = "--to", required = true, description = "solr or embedded")
        String to;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            dev.leverage.routes.CaseMigration.Result r = dev.leverage.routes.CaseMigration.migrate(data.store(), caseId, to.strip().toLowerCase(java.util.Locale.ROOT));
            out.printf("Case %s moved from the %s index to %s: %d file records, %d documents, %d pages%s.%n", r.caseId(), r.from(),
                    r.to().equals("solr") ? data.store().solrTarget(caseId).map(t -> t.describe()).orElse("Solr") : "the embedded index",
                    r.records(), r.documents(), r.pages(), r.analysis() ? ", and its analysis" : "");
            return 0;
        }
    }

    /** How an ingest runs: its limits, parallelism and output. */
    static class IngestOptions {
        @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary; errors only.")
        boolean quiet;
        @Option(names = "--threads", description = "Files processed at once (parser processes); default: the number of cores.")
        Integer threads;
        @Option(names = "--max-file-mb", description = "Files larger than this are quarantined unread (default ${DEFAULT-VALUE}).", defaultValue = "512")
        long maxFileMb;
        @Option(names = "--parse-timeout", description = "Seconds the parser may spend on one file, OCR included (default ${DEFAULT-VALUE}).", defaultValue = "600")
        int parseTimeout;
        @Option(names = "--parser-memory-mb", description = "Heap of each parser process in MB; a file that needs more is quarantined (default ${DEFAULT-VALUE}).", defaultValue = "1024")
        int parserMemoryMb;
        @Option(names = "--max-depth", description = "How deep files inside files (attachments, archives) are followed (default ${DEFAULT-VALUE}).", defaultValue = "10")
        int maxDepth;
        @Option(names = "--max-compression-ratio", description = "An archive entry expanding more than this many times is a zip bomb (default ${DEFAULT-VALUE}).", defaultValue = "100")
        long maxRatio;
        @Option(names = "--write-limit", description = "Characters of text kept per document; the rest is cut with a warning (default ${DEFAULT-VALUE}).", defaultValue = "50000000")
        int writeLimit;
        @Option(names = "--max-embedded", description = "Files read from inside one file (default ${DEFAULT-VALUE}).", defaultValue = "1000")
        int maxEmbedded;
        @Option(names = "--in-process", hidden = true, description = "Parse in this JVM (benchmarks and debugging only: one hostile file can stop the ingest).")
        boolean inProcess;
        @Option(names = "--commit-every", hidden = true, description = "Seconds between commits of a running ingest.")
        Integer commitEvery;

        CaseService.Settings settings() {
            if (maxFileMb < 1 || parseTimeout < 1 || parserMemoryMb < 64 || maxDepth < 0 || maxRatio < 2 || writeLimit < 1000 || maxEmbedded < 0) {
                throw new UserError("An ingest limit is out of range; file size, timeout and text limits must be positive and parser memory at least 64 MB.");
            }
            IngestLimits l = IngestLimits.DEFAULT.withMaxFileBytes(maxFileMb << 20).withParseTimeoutSeconds(parseTimeout)
                    .withParserHeapMb(parserMemoryMb).withMaxDepth(maxDepth).withMaxCompressionRatio(maxRatio).withWriteLimit(writeLimit)
                    .withMaxEmbedded(maxEmbedded);
            CaseService.Settings s = CaseService.Settings.DEFAULT.withLimits(l);
            if (commitEvery != null) s = s.withCommitEverySeconds(commitEvery);
            if (inProcess) s = s.withForked(false);
            return threads == null ? s : s.withThreads(threads);
        }

        /** Runs an ingest with the progress bar on stderr unless quiet. */
        CaseService.Outcome ingest(CaseStore store, Path dir, String caseId, boolean analyze, PrintWriter err) throws Exception {
            IngestRun run = new IngestRun();
            CaseService service = new CaseService(store, settings());
            if (quiet) return service.ingest(dir, caseId, analyze, run);
            try (Progress p = new Progress(run, err, System.console() != null)) {
                return service.ingest(dir, caseId, analyze, run);
            }
        }
    }

    @Command(name = "analyze", description = "Ingest a case folder, analyse it, and write report.json and report.html.")
    static class Analyze implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @CommandLine.Mixin
        IngestOptions ingest = new IngestOptions();
        @Parameters(paramLabel = "DIR", description = "The case's discovery folder.")
        Path dir;
        @Option(names = "--case", description = "Case id (default: the folder's name).")
        String caseId;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String id = caseId != null ? caseId : dir.toAbsolutePath().normalize().getFileName().toString();
            PrintWriter out = spec.commandLine().getOut();
            if (!ingest.quiet) out.println("Ingesting " + dir + " into case " + id + " ...");
            out.flush();
            CaseService.Outcome o = ingest.ingest(data.store(), dir, id, true, spec.commandLine().getErr());
            if (ingest.quiet) return 0;
            out.println(o.run().summary() + ".");
            printQuarantine(out, o.report());
            printFindings(out, o.report());
            out.println();
            out.println("Report: " + o.reportJson());
            out.println("        " + o.reportHtml());
            return 0;
        }
    }

    @Command(name = "ingest", description = "Ingest a case folder into a case (no analysis).")
    static class Ingest implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Parameters(paramLabel = "DIR")
        Path dir;
        @Option(names = "--case", required = true)
        String caseId;
        @CommandLine.Mixin
        IngestOptions ingest = new IngestOptions();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CaseService.Outcome o = ingest.ingest(data.store(), dir, caseId, false, spec.commandLine().getErr());
            if (!ingest.quiet) spec.commandLine().getOut().println(o.run().summary() + ".");
            return 0;
        }
    }

    @Command(name = "search", description = "Search every page of a case: words, \"phrases\", \"dog sniff\"~5, dog w/5 sniff, AND/OR/NOT, wildcards, fuzzy~, "
            + "type:lab_report, person:Keel, bates:ARV-000004, date:[2025-03-01 TO 2025-03-31], document:K9, or a Bates number alone to open its page.")
    static class Search implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Parameters(paramLabel = "QUERY", arity = "1..*")
        List<String> query;
        @Option(names = "--case", required = true)
        String caseId;
        @Option(names = "--json")
        boolean json;
        @Option(names = "--limit", defaultValue = "20")
        int limit;
        @Option(names = "--offset", defaultValue = "0")
        int offset;
        @Option(names = "--sort", defaultValue = "relevance", description = "relevance (best first) or date (earliest events first).")
        String sort;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (!sort.equals("relevance") && !sort.equals("date")) throw new UserError("The sort \"" + sort + "\" is not known; use --sort relevance or --sort date.");
            if (limit < 1 || offset < 0) throw new UserError("--limit must be at least 1 and --offset at least 0.");
            try (DiscoveryIndex index = data.store().open(caseId)) {
                SearchRequest request = new SearchRequest(String.join(" ", query), offset, limit,
                        sort.equals("date") ? SearchRequest.Sort.DATE : SearchRequest.Sort.RELEVANCE);
                if (json) {
                    out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(CaseViews.search(index, request)));
                    return 0;
                }
                SearchResult r = index.search(request);
                if (r.jump() != null) {
                    SearchHit h = r.jump();
                    out.printf("%s is %s page %d (%s)%n%n", h.bates(), h.document(), h.page(), h.type());
                    index.page(h.document(), h.page()).ifPresent(p -> out.println(p.text().strip()));
                } else {
                    out.println(r.total() + " matching page" + (r.total() == 1 ? "" : "s")
                            + (r.total() > r.hits().size() ? " (showing " + (offset + 1) + "-" + (offset + r.hits().size()) + ")" : "") + ".");
                    for (SearchHit h : r.hits()) {
                        out.printf("%s  p.%d%s%s  (%.2f)%s%n    %s%n", h.document(), h.page(), h.bates() == null ? "" : "  " + h.bates(),
                                h.date() == null ? "" : "  " + h.date(), h.score(), (h.ocr() ? "  [OCR]" : "") + (h.partial() ? "  [some of the words]" : ""), h.snippet());
                    }
                    r.facets().forEach((facet, counts) -> {
                        if (counts.isEmpty()) return;
                        List<String> parts = new ArrayList<>();
                        counts.forEach((k, v) -> parts.add(k + " " + v));
                        out.println("  by " + facet + ": " + String.join(", ", parts));
                    });
                }
            }
            return 0;
        }
    }

    @Command(name = "page", description = "Print one page of a case's document, as indexed (the page a search hit or a citation names).")
    static class PageCmd implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Parameters(index = "0", paramLabel = "DOCUMENT", description = "The document's path in the case, as search prints it.")
        String document;
        @Parameters(index = "1", paramLabel = "PAGE", defaultValue = "1")
        int page;
        @Option(names = "--case", required = true)
        String caseId;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (DiscoveryIndex index = data.store().open(caseId)) {
                var p = index.page(document, page).orElseThrow(() -> new UserError("Case " + caseId + " has no page " + page + " of \"" + document
                        + "\"; copy the document and page from `leverage search` output."));
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%s page %d%s%s%n%n", document, page, p.bates() == null ? "" : " (" + p.bates() + ")", p.ocr() ? " [OCR]" : "");
                out.println(p.text().strip());
            }
            return 0;
        }
    }

    @Command(name = "witness", description = "Everything about one person: every page that mentions them, with role and quote; their statements; "
            + "the events they are the actor of; where their own accounts contradict each other. --all-cases: every case they appear in.")
    static class Witness implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Parameters(paramLabel = "NAME", arity = "1..*", description = "A name, surname, or badge number.")
        List<String> name;
        @Option(names = "--case")
        String caseId;
        @Option(names = "--all-cases", description = "List the person's appearances in every case in the data folder.")
        boolean allCases;
        @Option(names = "--json")
        boolean json;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            String q = String.join(" ", name);
            if (allCases) return allCases(out, q);
            if (caseId == null) throw new UserError("Say which case with --case ID, or use --all-cases to look in every case.");
            try (DiscoveryIndex index = data.store().open(caseId)) {
                ArrayNode all = CaseViews.witness(index, caseId, q);
                if (json) {
                    out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all.size() == 1 ? all.get(0) : all));
                    return 0;
                }
                for (JsonNode n : all) {
                    JsonNode p = n.path("person");
                    out.printf("%s%s — %s%n", p.path("name").asText(), p.hasNonNull("badge") ? " #" + p.path("badge").asText() : "", join(p.path("roles")));
                    out.println("  also written: " + join(p.path("aliases")));
                    out.println("  " + n.path("mentions").size() + " pages mention them:");
                    for (JsonNode m : n.path("mentions")) {
                        out.printf("    %s p.%d%s [%s] %s%n", m.path("document").asText(), m.path("page").asInt(),
                                m.hasNonNull("bates") ? " " + m.path("bates").asText() : "", m.path("role").asText("-"), m.path("quote").asText());
                    }
                    if (!n.path("statements").isEmpty()) {
                        out.println("  statements:");
                        for (JsonNode st : n.path("statements")) out.printf("    [%s] %s p.%d%s: %s%n", st.path("kind").asText(), st.path("document").asText(),
                                st.path("page").asInt(), st.hasNonNull("bates") ? " " + st.path("bates").asText() : "", st.path("quote").asText());
                    }
                    if (!n.path("events").isEmpty()) {
                        out.println("  events:");
                        for (JsonNode e : n.path("events")) out.printf("    %s %s (%s p.%d)%n", e.path("time").asText(), e.path("event").asText(), e.path("document").asText(), e.path("page").asInt());
                    }
                    if (!n.path("inconsistencies").isEmpty()) {
                        out.println("  their own accounts disagree:");
                        for (JsonNode f : n.path("inconsistencies")) out.println("    " + f.path("title").asText() + ": " + f.path("explanation").asText());
                    }
                }
            }
            return 0;
        }

        private int allCases(PrintWriter out, String q) throws Exception {
            CaseStore store = data.store();
            ObjectNode root = CaseViews.allCases(store, q, c -> true, CaseViews.opening(store));
            ArrayNode found = (ArrayNode) root.path("cases");
            if (json) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else if (found.isEmpty()) {
                out.println("Nobody called \"" + q + "\" appears in any case in " + store.root() + ".");
            } else {
                for (JsonNode n : found) {
                    JsonNode p = n.path("person");
                    out.printf("%s: %s%s — %s, %d mentions in %s%n", n.path("case").asText(), p.path("name").asText(),
                            p.hasNonNull("badge") ? " #" + p.path("badge").asText() : "", join(p.path("roles")), p.path("mentions").asInt(), join(n.path("documents")));
                }
            }
            return 0;
        }
    }

    @Command(name = "people", description = "The cast of a case: every person with roles, badge and mention count.")
    static class People implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Option(names = "--case", required = true)
        String caseId;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (DiscoveryIndex index = data.store().open(caseId)) {
                for (Person p : index.cast().people()) {
                    spec.commandLine().getOut().printf("%-24s %-34s %-8s %3d mentions%n", p.name(), String.join(", ", p.roles()),
                            p.badge() == null ? "" : "#" + p.badge(), p.mentions());
                }
            }
            return 0;
        }
    }

    @Command(name = "report", description = "Write the case's leverage report as JSON, HTML, PDF (printable, fonts embedded) or Markdown (for a motion draft).")
    static class Report implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Option(names = "--case", required = true)
        String caseId;
        @Option(names = "--format", defaultValue = "json", description = "json, html, pdf or md")
        String format;
        @Option(names = "--out", description = "File to write (default: standard output; a PDF needs --out).")
        Path out;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!ReportFormats.FORMATS.contains(format)) throw new UserError("The format \"" + format + "\" is not supported; use --format json, html, pdf or md.");
            if (format.equals("pdf") && out == null) throw new UserError("A PDF is written to a file; add --out report.pdf.");
            try (DiscoveryIndex index = data.store().open(caseId)) {
                JsonNode report = CaseViews.report(index, caseId);
                byte[] bytes = ReportFormats.render(report, format);
                if (out == null) {
                    spec.commandLine().getOut().println(new String(bytes, StandardCharsets.UTF_8));
                } else {
                    Files.write(out, bytes);
                    spec.commandLine().getOut().println("Wrote " + out);
                }
            }
            return 0;
        }
    }

    @Command(name = "request", description = "Draft the discovery request letter: every record the production shows exists but does not contain, "
            + "with the pages that show it, grouped by agency (Markdown, or Word with --format docx).")
    static class Request implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Option(names = "--case", required = true)
        String caseId;
        @Option(names = "--format", defaultValue = "md", description = "md or docx")
        String format;
        @Option(names = "--out", description = "File to write (default: standard output; a Word letter needs --out).")
        Path out;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String f = dev.leverage.routes.report.DiscoveryRequest.format(format);
            if (f.equals("docx") && out == null) throw new UserError("A Word letter is written to a file; add --out request.docx.");
            try (DiscoveryIndex index = data.store().open(caseId)) {
                dev.leverage.routes.report.DiscoveryRequest letter = dev.leverage.routes.report.DiscoveryRequest.of(CaseViews.report(index, caseId));
                byte[] bytes = letter.render(f);
                if (out == null) {
                    spec.commandLine().getOut().print(new String(bytes, StandardCharsets.UTF_8));
                    spec.commandLine().getOut().flush();
                } else {
                    Files.write(out, bytes);
                    spec.commandLine().getOut().println("Wrote " + out + ": " + letter.size() + " record" + (letter.size() == 1 ? "" : "s")
                            + " requested from " + letter.byAgency().size() + " agenc" + (letter.byAgency().size() == 1 ? "y" : "ies") + ".");
                }
            }
            return 0;
        }
    }

    @Command(name = "serve", description = "Serve the REST API and the web page for the cases in the data folder (127.0.0.1 unless --host says otherwise).")
    static class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Option(names = "--port", defaultValue = "8340")
        int port;
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
        String host;
        @Option(names = "--max-upload-mb", defaultValue = "2048", description = "Largest upload request in MB (default ${DEFAULT-VALUE}).")
        long maxUploadMb;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (port < 1 || port > 65535) throw new UserError("--port must be between 1 and 65535.");
            CaseStore store = data.store();
            LeverageServer server;
            try {
                server = LeverageServer.start(store, host, port, maxUploadMb * 1024 * 1024);
            } catch (Exception e) {
                throw new UserError("The server could not listen on " + host + ":" + port + "; choose another --port or stop what is using it.");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Leverage is serving " + store.root() + " at " + server.url() + " (API under /api, description at /api/openapi.json). Ctrl-C stops it.");
            if (dev.leverage.routes.server.Access.open(store).users().isEmpty()) {
                out.println("No user can sign in yet: add one with `leverage user add NAME --admin --data " + store.root() + "`.");
            }
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception ignored) {
                    // shutting down
                }
                stop.countDown();
            }));
            stop.await();
            return 0;
        }
    }

    @Command(name = "user", description = "Users of the server: add NAME [--admin] prints the new user's API token once; token NAME replaces it; list.")
    static class UserCmd implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Parameters(index = "0", description = "add, token or list")
        String action;
        @Parameters(index = "1", arity = "0..1", paramLabel = "NAME")
        String name;
        @Option(names = "--admin", description = "May create cases through the API.")
        boolean admin;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var access = dev.leverage.routes.server.Access.open(data.store());
            PrintWriter out = spec.commandLine().getOut();
            switch (action) {
                case "add", "token" -> {
                    if (name == null) throw new UserError("Say which user: `leverage user " + action + " NAME`.");
                    String token = action.equals("add") ? access.addUser(name, admin) : access.newTokenFor(name);
                    out.println((action.equals("add") ? "Added " + name + (admin ? " (administrator)" : "") : "New token for " + name)
                            + ". Their API token (shown once; keep it secret):");
                    out.println(token);
                }
                case "list" -> {
                    for (var u : access.users()) out.printf("%-24s %s%s%n", u.name(), u.admin() ? "admin  " : "       ", String.join(", ", access.casesOf(u.name())));
                }
                default -> throw new UserError("There is no `leverage user " + action + "`; use add, token or list.");
            }
            return 0;
        }
    }

    @Command(name = "case", description = "Per-case access: grant CASE USER, revoke CASE USER, list.")
    static class CaseCmd implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Parameters(index = "0", description = "grant, revoke or list")
        String action;
        @Parameters(index = "1", arity = "0..1", paramLabel = "CASE")
        String caseId;
        @Parameters(index = "2", arity = "0..1", paramLabel = "USER")
        String user;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CaseStore store = data.store();
            var access = dev.leverage.routes.server.Access.open(store);
            PrintWriter out = spec.commandLine().getOut();
            switch (action) {
                case "grant", "revoke" -> {
                    if (caseId == null || user == null) throw new UserError("Say which case and user: `leverage case " + action + " CASE USER`.");
                    if (action.equals("grant")) {
                        if (!store.exists(caseId)) throw new UserError("There is no case \"" + caseId + "\" in " + store.root() + "; create it with `leverage analyze FOLDER --case " + caseId + "` first.");
                        access.grant(caseId, user);
                        out.println("Granted case " + caseId + " to " + user + ".");
                    } else {
                        access.revoke(caseId, user);
                        out.println("Revoked " + user + "'s access to case " + caseId + ".");
                    }
                }
                case "list" -> {
                    var grants = access.grants();
                    for (String c : store.cases()) out.printf("%-20s %s%n", c, String.join(", ", grants.getOrDefault(c, java.util.Set.of())));
                }
                default -> throw new UserError("There is no `leverage case " + action + "`; use grant, revoke or list.");
            }
            return 0;
        }
    }

    @Command(name = "audit", description = "Who read what: the server's audit log for one case (--case ID), or all of it; --verify checks that no line was edited.")
    static class Audit implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @Option(names = "--case")
        String caseId;
        @Option(names = "--json")
        boolean json;
        @Option(names = "--verify", description = "Check the log's hash chain.")
        boolean verify;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path log = data.store().root().resolve("audit.log");
            PrintWriter out = spec.commandLine().getOut();
            if (verify) {
                String broken = dev.leverage.routes.server.AuditLog.verify(log);
                if (broken != null) throw new UserError(broken);
                out.println("The audit log " + log + " is intact.");
                return 0;
            }
            if (caseId != null) CaseStore.checkCaseId(caseId);
            List<JsonNode> entries = dev.leverage.routes.server.AuditLog.read(log, n -> caseId == null || caseId.equals(n.path("case").asText(null)));
            if (json) {
                ArrayNode a = Json.MAPPER.createArrayNode();
                entries.forEach(a::add);
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(a));
                return 0;
            }
            if (entries.isEmpty()) out.println("No audit entries" + (caseId == null ? "" : " for case " + caseId) + " in " + log + ".");
            for (JsonNode n : entries) {
                out.printf("%s  %-12s %-4s %-3d %s%s%s%n", n.path("time").asText(), n.path("user").asText("(no token)"), n.path("method").asText(),
                        n.path("status").asInt(), n.path("endpoint").asText(), n.hasNonNull("query") ? "  q=" + n.path("query").asText() : "",
                        n.hasNonNull("document") ? "  document=" + n.path("document").asText() : "");
            }
            return 0;
        }
    }

    @Command(name = "bench", description = "Run a benchmark harness and print its figures (medians and percentiles); see BENCHMARKS.md.")
    static class Bench implements Callable<Integer> {
        @CommandLine.Parameters(index = "0", description = "Which benchmark: sampling; search (indexing throughput and query latency against a bare Lucene IndexSearcher); "
                + "or ingest (end-to-end ingest of generated PDF/DOCX/XLSX/e-mail/scanned productions against Tika alone, heap and time to first result).")
        String which;
        @Option(names = "--runs", description = "Runs per case after warm-up (default: 51 for sampling, 5 for search).")
        Integer runs;
        @Option(names = "--pages", description = "search: pages in the generated corpus (default ${DEFAULT-VALUE}).", defaultValue = "100000")
        int pages;
        @Option(names = "--work", description = "search: folder for the generated index (default: a temporary folder, deleted after); ingest: folder for the generated productions and cases (kept, reused by the next run).")
        Path work;
        @Option(names = "--sizes", description = "ingest: documents per generated production (default ${DEFAULT-VALUE}).", defaultValue = "1000,10000,20000")
        String sizes;
        @Option(names = "--scanned", description = "ingest: share of documents that are scanned image-only PDFs (default ${DEFAULT-VALUE}).", defaultValue = "0.005")
        double scanned;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            java.io.PrintStream ps = new java.io.PrintStream(buf, true, StandardCharsets.UTF_8);
            switch (which) {
                case "sampling" -> dev.leverage.extract.bench.SamplingBenchmark.run(ps, runs == null ? 51 : runs);
                case "search" -> {
                    if (pages < 1000) throw new UserError("--pages must be at least 1000 for a meaningful search benchmark.");
                    Path dir = work != null ? work : Files.createTempDirectory("leverage-bench-");
                    // streamed as it runs: indexing 100,000 pages takes minutes
                    dev.leverage.routes.bench.SearchBenchmark.run(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8),
                            dir, pages, runs == null ? 5 : runs);
                    return 0;
                }
                case "ingest" -> {
                    List<Integer> list = new java.util.ArrayList<>();
                    for (String x : sizes.split(",")) {
                        try {
                            list.add(Integer.parseInt(x.strip()));
                        } catch (NumberFormatException e) {
                            throw new UserError("--sizes takes document counts separated by commas, e.g. 1000,10000,20000.");
                        }
                    }
                    if (list.stream().anyMatch(n -> n < 20)) throw new UserError("Each --sizes count must be at least 20 documents.");
                    Path dir = work != null ? work : Files.createTempDirectory("leverage-bench-ingest-");
                    dev.leverage.routes.bench.IngestBenchmark.run(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8),
                            dir, list.stream().sorted().distinct().toList(), scanned, Math.max(1, Runtime.getRuntime().availableProcessors()));
                    return 0;
                }
                default -> throw new UserError("There is no benchmark \"" + which + "\"; run `leverage bench sampling`, `leverage bench search` or `leverage bench ingest`.");
            }
            spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "evaluate", description = "Print precision and recall of the trained name finder and event categorizer on their held-out sentences.")
    static class Evaluate implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            java.io.PrintStream ps = new java.io.PrintStream(buf, true, StandardCharsets.UTF_8);
            for (dev.leverage.extract.eval.Evaluation.Scores s : new dev.leverage.extract.eval.Evaluation(
                    dev.leverage.extract.nlp.TrainedModels.load(data.store().models())).all()) {
                s.print(ps);
                ps.println();
            }
            out.print(buf.toString(StandardCharsets.UTF_8));
            out.flush();
            return 0;
        }
    }

    static void printQuarantine(PrintWriter out, JsonNode report) {
        if (report == null) return;
        for (JsonNode d : report.path("documents")) {
            if ("quarantined".equals(d.path("status").asText())) out.println("  quarantined: " + d.path("path").asText() + " — " + d.path("reason").asText());
            if ("duplicate".equals(d.path("status").asText())) out.println("  duplicate:   " + d.path("path").asText() + " — " + d.path("reason").asText());
        }
    }

    static void printFindings(PrintWriter out, JsonNode report) {
        if (report == null) return;
        JsonNode fs = report.path("findings");
        out.println();
        out.println(fs.size() + " finding" + (fs.size() == 1 ? "" : "s") + ":");
        for (JsonNode f : fs) {
            out.printf("  [%s] %s%n", f.path("severity").asText().toUpperCase(), f.path("title").asText());
            // each citation with the words it rests on, so two passages of one page read as two, not as a repeated line
            java.util.Set<String> shown = new java.util.HashSet<>();
            for (JsonNode c : f.path("citations")) {
                String quote = c.path("quote").asText("").replaceAll("\\s+", " ").strip();
                if (quote.length() > 90) quote = quote.substring(0, 87) + "...";
                String line = String.format("         %s p.%d%s%s", c.path("document").asText(), c.path("page").asInt(),
                        c.hasNonNull("bates") ? " " + c.path("bates").asText() : "", quote.isEmpty() ? "" : "  \"" + quote + "\"");
                if (shown.add(line)) out.println(line);
            }
        }
    }

    static String join(JsonNode arr) {
        List<String> s = new ArrayList<>();
        arr.forEach(n -> s.add(n.asText()));
        return String.join(", ", s);
    }
}
