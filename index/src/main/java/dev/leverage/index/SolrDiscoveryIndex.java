package dev.leverage.index;

import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.people.CaseMentions;
import dev.leverage.index.search.PageAnalyzer;
import dev.leverage.index.search.QueryLanguage;
import dev.leverage.index.solr.LeverageQParserPlugin;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One case in a SolrCloud collection that holds many: the same pages, records, facts and analysis as the
 * embedded {@link LuceneDiscoveryIndex}, with the same analysis (the configset's schema names Leverage's own
 * analyzer) and the same query language (run on the Solr node by {@link LeverageQParserPlugin}, the code the
 * embedded index runs).
 *
 * <ul>
 *   <li><b>Routing.</b> Every id starts with the case id and "!", so the compositeId router keeps a case on one
 *   shard: its statistics, and so its scores, are those of the case; every query names that shard
 *   ({@code _route_}).</li>
 *   <li><b>Access.</b> An instance is bound to one case: every query it sends is filtered to that case's id,
 *   whatever the query says. Callers open an instance only for a case the user was granted.</li>
 *   <li><b>Batching.</b> Documents are sent in batches of up to {@value #BATCH_DOCS} Solr documents or about
 *   {@value #BATCH_CHARS} characters, a Leverage document's pages, facts and record always in one batch. A
 *   background sender sends what is waiting every second, and the collection soft-commits every second, so search
 *   answers during an ingest as it does on the embedded index.</li>
 *   <li><b>Commit.</b> {@link #commit()} sends what is waiting and hard-commits (durable, visible). Closing
 *   commits, as closing the embedded index does.</li>
 * </ul>
 */
public final class SolrDiscoveryIndex implements DiscoveryIndex {
    static final String CASE = "case_id", ID = "id", DATE_MIN = "date_min", MONTH = "month";
    static final int BATCH_DOCS = 500;
    static final long BATCH_CHARS = 8_000_000;
    private static final long SEND_MILLIS = 1_000;
    private static final int PAGE_ROWS = 500;

    private final SolrClient client;
    private final boolean ownsClient;
    private final String collection;
    private final String caseId;
    private final PageAnalyzer analyzer = new PageAnalyzer(false), queryAnalyzer = new PageAnalyzer(true);
    private final Object lock = new Object();
    private List<SolrInputDocument> waiting = new ArrayList<>();
    private long waitingChars;
    /** Records not yet sent, by path: a lookup must see them (the route asks about a path before it is committed). */
    private final Map<String, FileRecord> waitingRecords = new LinkedHashMap<>();
    private final ScheduledExecutorService sender;
    private volatile IOException sendFailure;
    private volatile CachedCast cachedCast;

    /**
     * @param client     a client of the cluster
     * @param collection the collection (created with the configset in {@code solr/leverage/conf})
     * @param caseId     the one case this instance reads and writes
     * @param ownsClient close the client when this index closes
     */
    public SolrDiscoveryIndex(SolrClient client, String collection, String caseId, boolean ownsClient) {
        if (caseId == null || caseId.isBlank() || caseId.indexOf('!') >= 0) throw new IllegalArgumentException("case id: " + caseId);
        this.client = client;
        this.collection = collection;
        this.caseId = caseId;
        this.ownsClient = ownsClient;
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leverage-solr-send");
            t.setDaemon(true);
            return t;
        });
        sender.scheduleWithFixedDelay(() -> {
            try {
                send();
            } catch (IOException e) {
                sendFailure = e;
            }
        }, SEND_MILLIS, SEND_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * A client of a SolrCloud cluster, found through ZooKeeper ({@code host:2181,host2:2181/chroot}) or through
     * the URLs of some of its nodes ({@code http://host:8983/solr}); exactly one of the two.
     */
    public static SolrClient connect(String zkHost, List<String> solrUrls) {
        if (zkHost != null && !zkHost.isBlank()) {
            String hosts = zkHost.strip();
            Optional<String> chroot = Optional.empty();
            int slash = hosts.indexOf('/');
            if (slash >= 0) {
                chroot = Optional.of(hosts.substring(slash));
                hosts = hosts.substring(0, slash);
            }
            return new CloudSolrClient.Builder(List.of(hosts.split(",")), chroot).build();
        }
        if (solrUrls == null || solrUrls.isEmpty()) throw new IllegalArgumentException("a ZooKeeper host or a Solr URL is needed");
        return new CloudSolrClient.Builder(solrUrls).build();
    }

    /**
     * Connects and checks that the collection exists, so a wrong address or a missing collection is said at once in
     * one sentence, not as the first write's failure.
     *
     * @return null when all is well, else what is wrong and what to do
     */
    public static String problem(SolrClient client, String collection, String where) {
        try {
            CloudSolrClient cloud = (CloudSolrClient) client;
            cloud.connect(15, TimeUnit.SECONDS);
            if (cloud.getClusterStateProvider().getState(collection) == null) {
                return "The SolrCloud cluster at " + where + " has no collection \"" + collection
                        + "\"; create it with Leverage's configset (DEPLOY.md) or name another with --collection.";
            }
            return null;
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            return "The SolrCloud cluster at " + where + " cannot be reached; check --zk-host or --solr-url and that the cluster is running.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Connecting to the SolrCloud cluster at " + where + " was interrupted; try again.";
        }
    }

    /** The configset's files, shipped in this jar under {@code solr/leverage/conf/}. */
    public static final List<String> CONFIGSET_FILES = List.of("solrconfig.xml", "schema.xml");

    /** Writes Leverage's configset into a folder (for {@code bin/solr zk upconfig} or a test cluster); returns it. */
    public static java.nio.file.Path writeConfigset(java.nio.file.Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        for (String f : CONFIGSET_FILES) {
            try (var in = SolrDiscoveryIndex.class.getResourceAsStream("/solr/leverage/conf/" + f)) {
                if (in == null) throw new IOException("The configset file " + f + " is missing from the build.");
                java.nio.file.Files.copy(in, dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    public String caseId() {
        return caseId;
    }

    public String collection() {
        return collection;
    }

    // ---------------------------------------------------------------- ids

    private String id(String kind, String key) {
        return caseId + "!" + kind + ":" + digest(key);
    }

    private String pageId(String documentId, int page) {
        return id("p", documentId) + ":" + page;
    }

    private String recordId(String path) {
        return id("r", path);
    }

    private String factsId(String documentId) {
        return id("f", documentId);
    }

    private String analysisId() {
        return caseId + "!analysis";
    }

    /** Keys become hex digests: a path may hold "!" (a file inside a zip), which the router would read as a level. */
    static String digest(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void add(Document d, DocumentFacts facts, FileRecord record) throws IOException {
        List<SolrInputDocument> docs = new ArrayList<>();
        long chars = 0;
        Map<Integer, SortedSet<LocalDate>> dates = LuceneDiscoveryIndex.pageDates(d, facts);
        for (Page p : d.pages()) {
            SolrInputDocument sd = base(pageId(d.id(), p.number()), LuceneDiscoveryIndex.PAGE);
            sd.addField(LuceneDiscoveryIndex.DOC_ID, d.id());
            sd.addField(LuceneDiscoveryIndex.PATH, d.path());
            sd.addField(QueryLanguage.PATH_LC, d.path().toLowerCase(java.util.Locale.ROOT));
            sd.addField(LuceneDiscoveryIndex.TYPE, d.type());
            sd.addField(LuceneDiscoveryIndex.PAGE_KEY, CaseCast.pageKey(d.path(), p.number()));
            sd.addField(LuceneDiscoveryIndex.PAGE_NO, p.number());
            if (p.bates() != null) {
                sd.addField(LuceneDiscoveryIndex.BATES, p.bates());
                sd.addField(QueryLanguage.BATES_KEY, QueryLanguage.batesKey(p.bates()));
            }
            SortedSet<LocalDate> days = dates.getOrDefault(p.number(), new TreeSet<>());
            Set<String> months = new TreeSet<>();
            for (LocalDate day : days) {
                sd.addField(QueryLanguage.DATE, day.toEpochDay());
                months.add(day.toString().substring(0, 7));
            }
            if (!days.isEmpty()) sd.addField(DATE_MIN, days.first().toEpochDay());
            for (String m : months) sd.addField(MONTH, m);
            sd.addField(LuceneDiscoveryIndex.TEXT, p.text());
            sd.addField("ocr", p.ocr() ? 1 : 0);
            if (p.ocrConfidence() != null) sd.addField(LuceneDiscoveryIndex.OCR_CONFIDENCE, p.ocrConfidence());
            chars += p.text().length();
            docs.add(sd);
        }
        SolrInputDocument fd = base(factsId(d.id()), LuceneDiscoveryIndex.FACTS);
        fd.addField(LuceneDiscoveryIndex.DOC_ID, d.id());
        String json = Json.MAPPER.writeValueAsString(facts);
        fd.addField(LuceneDiscoveryIndex.JSON, json);
        chars += json.length();
        docs.add(fd);
        SolrInputDocument rd = recordDoc(record);
        docs.add(rd);
        enqueue(docs, chars, record);
    }

    @Override
    public void addRecord(FileRecord record) throws IOException {
        enqueue(List.of(recordDoc(record)), 0, record);
    }

    private SolrInputDocument base(String id, String kind) {
        SolrInputDocument sd = new SolrInputDocument();
        sd.addField(ID, id);
        sd.addField(CASE, caseId);
        sd.addField(LuceneDiscoveryIndex.KIND, kind);
        return sd;
    }

    private SolrInputDocument recordDoc(FileRecord r) throws IOException {
        // One id per path: a file read again replaces its earlier record, never adds a second.
        SolrInputDocument sd = base(recordId(r.path()), LuceneDiscoveryIndex.RECORD);
        if (r.sha256() != null) sd.addField(LuceneDiscoveryIndex.SHA, r.sha256());
        if (r.documentId() != null) sd.addField(LuceneDiscoveryIndex.DOC_ID, r.documentId());
        sd.addField(LuceneDiscoveryIndex.PATH, r.path());
        sd.addField(LuceneDiscoveryIndex.RECORD_PATH, r.path());
        sd.addField(LuceneDiscoveryIndex.RECORD_STATUS, r.status());
        sd.addField(LuceneDiscoveryIndex.JSON, Json.MAPPER.writeValueAsString(r));
        return sd;
    }

    private void enqueue(List<SolrInputDocument> docs, long chars, FileRecord record) throws IOException {
        failIfSendFailed();
        boolean full;
        synchronized (lock) {
            waiting.addAll(docs);
            waitingChars += chars;
            waitingRecords.put(record.path(), record);
            full = waiting.size() >= BATCH_DOCS || waitingChars >= BATCH_CHARS;
        }
        if (full) send();
    }

    /** Sends what is waiting, as one update request. */
    private void send() throws IOException {
        List<SolrInputDocument> batch;
        synchronized (lock) {
            if (waiting.isEmpty()) return;
            batch = waiting;
            waiting = new ArrayList<>();
            waitingChars = 0;
        }
        try {
            client.add(collection, batch);
        } catch (SolrServerException | SolrException e) {
            throw new IOException("Solr did not take " + batch.size() + " documents of case " + caseId + ": " + e.getMessage(), e);
        } finally {
            synchronized (lock) {
                // a record is found through Solr from now on (real-time get sees what was sent)
                for (SolrInputDocument sd : batch) {
                    if (LuceneDiscoveryIndex.RECORD.equals(sd.getFieldValue(LuceneDiscoveryIndex.KIND))) {
                        String path = (String) sd.getFieldValue(LuceneDiscoveryIndex.RECORD_PATH);
                        FileRecord r = waitingRecords.get(path);
                        if (r != null && !waitingHas(path)) waitingRecords.remove(path);
                    }
                }
            }
        }
    }

    private boolean waitingHas(String recordPath) {
        for (SolrInputDocument sd : waiting) if (recordPath.equals(sd.getFieldValue(LuceneDiscoveryIndex.RECORD_PATH))) return true;
        return false;
    }

    private void failIfSendFailed() throws IOException {
        IOException e = sendFailure;
        if (e != null) {
            sendFailure = null;
            throw e;
        }
    }

    @Override
    public void commit() throws IOException {
        send();
        failIfSendFailed();
        try {
            client.commit(collection, true, true);
        } catch (SolrServerException | SolrException e) {
            throw new IOException("Solr could not commit case " + caseId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void putAnalysis(String json) throws IOException {
        SolrInputDocument sd = base(analysisId(), LuceneDiscoveryIndex.ANALYSIS);
        sd.addField(LuceneDiscoveryIndex.JSON, json);
        synchronized (lock) {
            waiting.add(sd);
            waitingChars += json.length();
        }
        send();
    }

    // ---------------------------------------------------------------- reading

    /** A query of this case's documents of one kind; callers add to it. */
    private ModifiableSolrParams ofKind(String kind) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.add("fq", "{!term f=" + CASE + " v=$lev.case}");
        p.set("lev.case", caseId);
        if (kind != null) p.add("fq", "{!term f=" + LuceneDiscoveryIndex.KIND + "}" + kind);
        p.set("_route_", caseId + "!");
        return p;
    }

    private QueryResponse query(ModifiableSolrParams p) throws IOException {
        try {
            return client.query(collection, p, SolrRequest.METHOD.POST);
        } catch (SolrServerException | SolrException e) {
            throw new IOException("Solr could not answer for case " + caseId + ": " + e.getMessage(), e);
        }
    }

    /** Every document of a query, in the order they were written (a case lives on one shard, whose versions rise). */
    private void each(ModifiableSolrParams p, Consumer<SolrDocument> out) throws IOException {
        each(p, "_version_ asc", out);
    }

    private void each(ModifiableSolrParams p, String sort, Consumer<SolrDocument> out) throws IOException {
        p.set("sort", sort + ", id asc");
        p.set("rows", PAGE_ROWS);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            p.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = query(p);
            for (SolrDocument d : r.getResults()) out.accept(d);
            String next = r.getNextCursorMark();
            if (next == null || next.equals(cursor)) return;
            cursor = next;
        }
    }

    private <T> List<T> allJson(ModifiableSolrParams p, Class<T> type) throws IOException {
        p.set("q", "*:*");
        p.set("fl", LuceneDiscoveryIndex.JSON);
        List<String> json = new ArrayList<>();
        each(p, d -> json.add((String) d.getFirstValue(LuceneDiscoveryIndex.JSON)));
        List<T> out = new ArrayList<>(json.size());
        for (String j : json) out.add(Json.MAPPER.readValue(j, type));
        return out;
    }

    private Optional<SolrDocument> byId(String id) throws IOException {
        try {
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("_route_", caseId + "!");
            SolrDocument d = client.getById(collection, id, p);
            // the id carries the case, and the document must too
            if (d == null || !caseId.equals(d.getFirstValue(CASE))) return Optional.empty();
            return Optional.of(d);
        } catch (SolrServerException | SolrException e) {
            throw new IOException("Solr could not answer for case " + caseId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<FileRecord> findBySha(String sha256) throws IOException {
        synchronized (lock) {
            for (FileRecord r : waitingRecords.values()) if (sha256.equals(r.sha256()) && FileRecord.INDEXED.equals(r.status())) return Optional.of(r);
        }
        ModifiableSolrParams p = ofKind(LuceneDiscoveryIndex.RECORD);
        p.add("fq", "{!term f=" + LuceneDiscoveryIndex.RECORD_STATUS + "}" + FileRecord.INDEXED);
        p.set("q", "{!term f=" + LuceneDiscoveryIndex.SHA + " v=$lev.sha}");
        p.set("lev.sha", sha256);
        p.set("sort", "_version_ asc");
        p.set("rows", 1);
        p.set("fl", LuceneDiscoveryIndex.JSON);
        SolrDocumentList docs = query(p).getResults();
        if (docs.isEmpty()) return Optional.empty();
        return Optional.of(Json.MAPPER.readValue((String) docs.get(0).getFirstValue(LuceneDiscoveryIndex.JSON), FileRecord.class));
    }

    @Override
    public Optional<FileRecord> findByPath(String path) throws IOException {
        synchronized (lock) {
            FileRecord r = waitingRecords.get(path);
            if (r != null) return Optional.of(r);
        }
        Optional<SolrDocument> d = byId(recordId(path));
        if (d.isEmpty()) return Optional.empty();
        return Optional.of(Json.MAPPER.readValue((String) d.get().getFirstValue(LuceneDiscoveryIndex.JSON), FileRecord.class));
    }

    @Override
    public List<FileRecord> records() throws IOException {
        return allJson(ofKind(LuceneDiscoveryIndex.RECORD), FileRecord.class);
    }

    @Override
    public List<DocumentFacts> facts() throws IOException {
        return allJson(ofKind(LuceneDiscoveryIndex.FACTS), DocumentFacts.class);
    }

    @Override
    public Optional<DocumentFacts> facts(String documentId) throws IOException {
        Optional<SolrDocument> d = byId(factsId(documentId));
        if (d.isEmpty()) return Optional.empty();
        return Optional.of(Json.MAPPER.readValue((String) d.get().getFirstValue(LuceneDiscoveryIndex.JSON), DocumentFacts.class));
    }

    @Override
    public Optional<Page> page(String documentPath, int number) throws IOException {
        ModifiableSolrParams p = pagesOf(documentPath);
        p.add("fq", "{!term f=" + LuceneDiscoveryIndex.PAGE_NO + "}" + number);
        p.set("rows", 1);
        SolrDocumentList docs = query(p).getResults();
        return docs.isEmpty() ? Optional.empty() : Optional.of(page(docs.get(0)));
    }

    @Override
    public List<Page> pages(String documentPath) throws IOException {
        List<Page> out = new ArrayList<>();
        each(pagesOf(documentPath), LuceneDiscoveryIndex.PAGE_NO + " asc", d -> out.add(page(d)));
        return out;
    }

    private ModifiableSolrParams pagesOf(String documentPath) {
        ModifiableSolrParams p = ofKind(LuceneDiscoveryIndex.PAGE);
        p.set("q", "{!term f=" + LuceneDiscoveryIndex.PATH + " v=$lev.path}");
        p.set("lev.path", documentPath);
        p.set("fl", String.join(",", LuceneDiscoveryIndex.PAGE_NO, LuceneDiscoveryIndex.TEXT, LuceneDiscoveryIndex.BATES, "ocr",
                LuceneDiscoveryIndex.OCR_CONFIDENCE));
        return p;
    }

    private static Page page(SolrDocument d) {
        return new Page(((Number) d.getFirstValue(LuceneDiscoveryIndex.PAGE_NO)).intValue(), (String) d.getFirstValue(LuceneDiscoveryIndex.TEXT),
                (String) d.getFirstValue(LuceneDiscoveryIndex.BATES), ((Number) d.getFirstValue("ocr")).intValue() == 1,
                ocrConfidence(d), List.of());
    }

    private static Double ocrConfidence(SolrDocument d) {
        Object v = d.getFirstValue(LuceneDiscoveryIndex.OCR_CONFIDENCE);
        return v == null ? null : ((Number) v).doubleValue();
    }

    @Override
    public Optional<String> analysis() throws IOException {
        return byId(analysisId()).map(d -> (String) d.getFirstValue(LuceneDiscoveryIndex.JSON));
    }

    // ---------------------------------------------------------------- search

    @Override
    public SearchResult search(SearchRequest request) throws IOException, InvalidQueryException {
        CaseCast cast = cast();
        // Read here first, with the same parser the node runs: a mistake is reported before anything is sent, a
        // Bates number is recognised, and the people the query names are resolved against the case's cast.
        Map<String, List<String>> persons = new LinkedHashMap<>();
        QueryLanguage.Parsed parsed = new QueryLanguage(analyzer, queryAnalyzer, name -> {
            persons.put(name, cast.pageKeysNamed(name));
            return new MatchNoDocsQuery();
        }).parse(request.query());
        String personsJson = Json.MAPPER.writeValueAsString(persons);
        boolean relax = parsed.relaxed() != null && request.sort() == SearchRequest.Sort.RELEVANCE;
        int n = Math.max(1, request.offset() + request.limit());
        try {
            // As the embedded index does: the pages with every word, best first; when fewer than were asked for,
            // then the pages with at least half of the words, marked partial. Snippets are marked with the relaxed
            // query whenever the query has one (on a page with every word it marks the same words as the strict
            // one), which saves a second request; the parity suite compares the snippets with the embedded index's.
            QueryResponse strict = pageQuery(request, "strict", relax ? "relaxed" : "strict", personsJson, request.offset(), request.limit(), true);
            long strictTotal = strict.getResults().getNumFound();
            List<SearchHit> hits = hits(strict, false, cast, request.query());
            long total = strictTotal;
            QueryResponse facetsFrom = strict;
            if (relax && strictTotal < n) {
                long extraStart = Math.max(0, request.offset() - strictTotal);
                int extraRows = (int) Math.max(0, request.offset() + request.limit() - Math.max(request.offset(), strictTotal));
                QueryResponse extra = pageQuery(request, "extra", "relaxed", personsJson, (int) extraStart, extraRows, false);
                hits.addAll(hits(extra, true, cast, request.query()));
                total += extra.getResults().getNumFound();
                facetsFrom = facetsOnly(personsJson, request.query());
            }
            Facets facets = facets(facetsFrom, cast);
            SearchHit jump = parsed.bates() != null && !hits.isEmpty() && request.offset() == 0 ? hits.get(0) : null;
            return new SearchResult(hits, total, facets.toMap(cast), jump);
        } catch (IOException e) {
            InvalidQueryException tooMany = InvalidQueryException.ifTooManyTerms(e);
            if (tooMany != null) throw tooMany;
            throw e;
        }
    }

    private QueryResponse pageQuery(SearchRequest request, String mode, String highlightMode, String personsJson, int start, int rows,
                                    boolean facets) throws IOException {
        ModifiableSolrParams p = leverageQuery(mode, request.query(), personsJson);
        p.set("start", start);
        p.set("rows", rows);
        p.set("fl", String.join(",", ID, LuceneDiscoveryIndex.PATH, LuceneDiscoveryIndex.PAGE_NO, LuceneDiscoveryIndex.BATES,
                LuceneDiscoveryIndex.TYPE, "score", DATE_MIN, "ocr", LuceneDiscoveryIndex.OCR_CONFIDENCE, LuceneDiscoveryIndex.TEXT));
        if (request.sort() == SearchRequest.Sort.DATE) {
            p.set("sort", DATE_MIN + " asc, score desc, " + LuceneDiscoveryIndex.PAGE_KEY + " asc");
        }
        if (rows > 0) {
            // the embedded index's highlighter, in Solr's words: line-separated passages near 160 characters
            p.set("hl", true);
            p.set("hl.method", "unified");
            p.set("hl.fl", LuceneDiscoveryIndex.TEXT);
            p.set("hl.q", leverage(highlightMode));
            p.set("hl.snippets", 2);
            p.set("hl.tag.pre", "«");
            p.set("hl.tag.post", "»");
            p.set("hl.tag.ellipsis", " … ");
            p.set("hl.bs.type", "SEPARATOR");
            p.set("hl.bs.separator", "\n");
            p.set("hl.fragsize", 160);
            p.set("hl.fragsizeIsMinimum", false);
            p.set("hl.fragAlignRatio", "0.5");
            p.set("hl.defaultSummary", false);
            p.set("hl.maxAnalyzedChars", 1_000_000);
            p.set("hl.requireFieldMatch", true);
        }
        if (facets) facetParams(p);
        return query(p);
    }

    /** The case's pages that match the query in Leverage's language, read on the node in this mode. */
    private ModifiableSolrParams leverageQuery(String mode, String query, String personsJson) {
        ModifiableSolrParams p = ofKind(LuceneDiscoveryIndex.PAGE);
        p.set("q", leverage(mode));
        p.set("lev.q", query);
        p.set(LeverageQParserPlugin.PERSONS, personsJson);
        return p;
    }

    private static String leverage(String mode) {
        return "{!" + LeverageQParserPlugin.NAME + " " + LeverageQParserPlugin.MODE + "=" + mode + " v=$lev.q}";
    }

    private QueryResponse facetsOnly(String personsJson, String query) throws IOException {
        ModifiableSolrParams p = leverageQuery("relaxed", query, personsJson);
        p.set("rows", 0);
        facetParams(p);
        return query(p);
    }

    /**
     * Counts by type, by page (each page key is one page; the client maps pages to people, whom it resolved across
     * the case) and by month, over every match.
     */
    private static void facetParams(ModifiableSolrParams p) {
        p.set("facet", true);
        p.set("facet.limit", -1);
        p.set("facet.mincount", 1);
        p.set("facet.method", "fc");
        p.add("facet.field", LuceneDiscoveryIndex.TYPE, LuceneDiscoveryIndex.PAGE_KEY, MONTH);
    }

    private static Facets facets(QueryResponse r, CaseCast cast) {
        Facets f = new Facets();
        FacetField types = r.getFacetField(LuceneDiscoveryIndex.TYPE), keys = r.getFacetField(LuceneDiscoveryIndex.PAGE_KEY),
                months = r.getFacetField(MONTH);
        if (types != null) for (FacetField.Count c : types.getValues()) f.types.merge(c.getName(), c.getCount(), Long::sum);
        if (keys != null) {
            for (FacetField.Count c : keys.getValues()) for (String person : cast.peopleOn(c.getName())) f.people.merge(person, c.getCount(), Long::sum);
        }
        if (months != null) for (FacetField.Count c : months.getValues()) f.months.merge(c.getName(), c.getCount(), Long::sum);
        return f;
    }

    private List<SearchHit> hits(QueryResponse r, boolean partial, CaseCast cast, String query) {
        Map<String, Map<String, List<String>>> hl = r.getHighlighting();
        List<SearchHit> out = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            String path = (String) d.getFirstValue(LuceneDiscoveryIndex.PATH);
            int no = ((Number) d.getFirstValue(LuceneDiscoveryIndex.PAGE_NO)).intValue();
            List<String> passages = hl == null || hl.get((String) d.getFirstValue(ID)) == null ? null
                    : hl.get((String) d.getFirstValue(ID)).get(LuceneDiscoveryIndex.TEXT);
            String snippet = passages != null && !passages.isEmpty() ? String.join(" … ", passages)
                    : Snippets.fallback((String) d.getFirstValue(LuceneDiscoveryIndex.TEXT), query, cast, CaseCast.pageKey(path, no));
            Object dateMin = d.getFirstValue(DATE_MIN);
            String date = dateMin == null ? null : LocalDate.ofEpochDay(((Number) dateMin).longValue()).toString();
            Object score = d.getFirstValue("score");
            float s = score == null || Float.isNaN(((Number) score).floatValue()) ? 0f : ((Number) score).floatValue();
            out.add(new SearchHit(path, no, (String) d.getFirstValue(LuceneDiscoveryIndex.BATES), (String) d.getFirstValue(LuceneDiscoveryIndex.TYPE),
                    s, snippet.replaceAll("\\s+", " ").strip(), date, ((Number) d.getFirstValue("ocr")).intValue() == 1, partial, ocrConfidence(d)));
        }
        return out;
    }

    // ---------------------------------------------------------------- people

    @Override
    public CaseCast cast() throws IOException {
        String version = version();
        CachedCast c = cachedCast;
        if (c != null && c.version.equals(version)) return c.cast;
        CaseCast cast = CaseCast.build(facts(), this::pagesWithAnyOf);
        cachedCast = new CachedCast(version, cast);
        return cast;
    }

    /** What the searchers of the case see now: how many documents, and the newest version among them. */
    private String version() throws IOException {
        ModifiableSolrParams p = ofKind(null);
        p.set("q", "*:*");
        p.set("rows", 1);
        p.set("fl", "_version_");
        p.set("sort", "_version_ desc");
        SolrDocumentList docs = query(p).getResults();
        return docs.getNumFound() + "/" + (docs.isEmpty() ? "" : docs.get(0).getFirstValue("_version_"));
    }

    private record CachedCast(String version, CaseCast cast) {
    }

    private List<CaseMentions.PageText> pagesWithAnyOf(Set<String> words) throws IOException {
        List<CaseMentions.PageText> out = new ArrayList<>();
        if (words.isEmpty()) return out;
        ModifiableSolrParams p = ofKind(LuceneDiscoveryIndex.PAGE);
        p.set("q", "{!terms f=" + LuceneDiscoveryIndex.TEXT + " separator=\u0001 v=$lev.words}");
        p.set("lev.words", String.join("\u0001", words));
        p.set("fl", String.join(",", LuceneDiscoveryIndex.PATH, LuceneDiscoveryIndex.PAGE_NO, LuceneDiscoveryIndex.BATES, LuceneDiscoveryIndex.TEXT));
        each(p, d -> out.add(new CaseMentions.PageText((String) d.getFirstValue(LuceneDiscoveryIndex.PATH),
                ((Number) d.getFirstValue(LuceneDiscoveryIndex.PAGE_NO)).intValue(), (String) d.getFirstValue(LuceneDiscoveryIndex.BATES),
                (String) d.getFirstValue(LuceneDiscoveryIndex.TEXT))));
        return out;
    }

    /** How many Solr documents the case has (all kinds); for tests and diagnostics. */
    public long size() throws IOException {
        ModifiableSolrParams p = ofKind(null);
        p.set("q", "*:*");
        p.set("rows", 0);
        return query(p).getResults().getNumFound();
    }

    /** Removes every document of the case from the collection (and commits). */
    public void deleteCase() throws IOException {
        synchronized (lock) {
            waiting.clear();
            waitingRecords.clear();
            waitingChars = 0;
        }
        try {
            client.deleteByQuery(collection, "{!term f=" + CASE + "}" + caseId);
            client.commit(collection, true, true);
        } catch (SolrServerException | SolrException e) {
            throw new IOException("Solr could not remove case " + caseId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        sender.shutdownNow();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            commit();
        } finally {
            if (ownsClient) client.close();
        }
    }
}
