package dev.leverage.routes;

import dev.leverage.extract.DocumentFacts;
import dev.leverage.index.DiscoveryIndex;
import dev.leverage.index.FileRecord;
import dev.leverage.index.LuceneDiscoveryIndex;
import dev.leverage.index.SolrDiscoveryIndex;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a case between the embedded index and SolrCloud ({@code leverage migrate --case ID --to solr|embedded}).
 * Everything the index holds is copied through the {@link DiscoveryIndex} interface, in the source's order: each
 * indexed document's pages, facts and record, every duplicate and quarantine record, and the latest analysis. The
 * copy is checked (the same records, the same facts, each document's page count) before the case is switched over;
 * nothing is re-parsed and nothing is re-extracted, so the copy answers exactly as the original did.
 *
 * <ul>
 *   <li>To Solr: the embedded index stays in the case folder, renamed {@code index.before-solr-TIME}, until the team
 *   deletes it.</li>
 *   <li>To embedded: once the new index checks out, the case's documents are removed from the collection.</li>
 * </ul>
 */
public final class CaseMigration {
    /** What was moved. */
    public record Result(String caseId, String from, String to, int records, int documents, long pages, boolean analysis) {
    }

    private CaseMigration() {
    }

    public static Result migrate(CaseStore store, String caseId, String to) throws IOException {
        CaseStore.checkCaseId(caseId);
        if (!store.exists(caseId)) {
            throw new UserError("There is no case \"" + caseId + "\" in " + store.root() + "; check the case id with `leverage case list`.");
        }
        Path dir = store.caseDir(caseId);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        switch (to) {
            case "solr" -> {
                if (store.onSolr(caseId)) throw new UserError("Case " + caseId + " is already on SolrCloud (" + store.solrTarget(caseId).orElseThrow().describe() + ").");
                SolrTarget target = store.solr();
                if (target == null) throw new UserError("Say which cluster to move the case to: add --zk-host HOST:2181 or --solr-url http://HOST:8983/solr.");
                Result r;
                try (DiscoveryIndex source = new LuceneDiscoveryIndex(dir.resolve("index"));
                     SolrDiscoveryIndex dest = target.open(caseId)) {
                    dest.deleteCase(); // what an interrupted earlier attempt left
                    r = copy(caseId, "embedded", "solr", source, dest);
                }
                target.write(dir);
                Files.move(dir.resolve("index"), dir.resolve("index.before-solr-" + stamp));
                return r;
            }
            case "embedded" -> {
                Optional<SolrTarget> from = store.solrTarget(caseId);
                if (from.isEmpty()) throw new UserError("Case " + caseId + " is already in the embedded index.");
                Path building = dir.resolve("index.from-solr-" + stamp);
                Result r;
                try (SolrDiscoveryIndex source = from.get().open(caseId)) {
                    try (DiscoveryIndex dest = new LuceneDiscoveryIndex(building)) {
                        r = copy(caseId, "solr", "embedded", source, dest);
                    }
                    if (Files.exists(dir.resolve("index"))) Files.move(dir.resolve("index"), dir.resolve("index.stale-" + stamp));
                    Files.move(building, dir.resolve("index"));
                    Files.move(dir.resolve(SolrTarget.FILE), dir.resolve(SolrTarget.FILE + ".moved-" + stamp));
                    source.deleteCase();
                }
                return r;
            }
            default -> throw new UserError("Migrate to \"" + to + "\" is not known; use --to solr or --to embedded.");
        }
    }

    /** Copies one case's index into another (empty) one and checks the copy; both stay open. */
    public static Result copy(String caseId, String from, String to, DiscoveryIndex source, DiscoveryIndex dest) throws IOException {
        List<FileRecord> records = source.records();
        int documents = 0;
        long pages = 0;
        for (FileRecord r : records) {
            if (FileRecord.INDEXED.equals(r.status()) && r.documentId() != null) {
                DocumentFacts facts = source.facts(r.documentId())
                        .orElseThrow(() -> new IOException("The index of case " + caseId + " has no facts for " + r.path() + "; run the ingest again before moving it."));
                List<Page> ps = source.pages(r.path());
                dest.add(new Document(r.documentId(), r.path(), r.sha256(), r.type(), null, Map.of(), ps, null), facts, r);
                documents++;
                pages += ps.size();
            } else {
                dest.addRecord(r);
            }
        }
        Optional<String> analysis = source.analysis();
        if (analysis.isPresent()) dest.putAnalysis(analysis.get());
        dest.commit();
        check(caseId, source, dest, records, analysis);
        return new Result(caseId, from, to, records.size(), documents, pages, analysis.isPresent());
    }

    private static void check(String caseId, DiscoveryIndex source, DiscoveryIndex dest, List<FileRecord> records, Optional<String> analysis) throws IOException {
        List<FileRecord> copied = dest.records();
        if (!copied.equals(records)) {
            throw new IOException("The copy of case " + caseId + " has " + copied.size() + " file records where the original has " + records.size()
                    + "; the case was not switched, run the migration again.");
        }
        if (dest.facts().size() != source.facts().size()) {
            throw new IOException("The copy of case " + caseId + " lacks extracted facts; the case was not switched, run the migration again.");
        }
        for (FileRecord r : records) {
            if (FileRecord.INDEXED.equals(r.status()) && r.documentId() != null && dest.pages(r.path()).size() != source.pages(r.path()).size()) {
                throw new IOException("The copy of case " + caseId + " lacks pages of " + r.path() + "; the case was not switched, run the migration again.");
            }
        }
        if (!dest.analysis().equals(analysis)) {
            throw new IOException("The copy of case " + caseId + " lacks its analysis; the case was not switched, run the migration again.");
        }
    }
}
