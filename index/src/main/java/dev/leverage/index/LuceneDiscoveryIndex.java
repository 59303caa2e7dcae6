package dev.leverage.index;

import dev.leverage.extract.DocumentFacts;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;
import dev.leverage.extract.Citation;
import dev.leverage.extract.time.DateExpression;
import dev.leverage.extract.time.TimeParser;
import dev.leverage.extract.custody.CustodyEvent;
import dev.leverage.extract.people.CaseMentions;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.index.search.PageAnalyzer;
import dev.leverage.index.search.QueryLanguage;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TotalHits;
import java.time.LocalDate;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * The embedded index: one Lucene index on disk per case. Each page is a Lucene document (the unit of retrieval);
 * file records, extracted facts and the analysis are stored documents of their own kinds beside them, so the
 * witness view and the report are answered from the index alone. One IndexWriter owns the directory;
 * a SearcherManager hands out near-real-time searchers, reopened from the writer when a search finds them more than
 * a second old (so search answers while a case is ingested) and at each commit (which makes the writes durable).
 */
public final class LuceneDiscoveryIndex implements DiscoveryIndex {
    static final String KIND = "kind", PAGE = "page", RECORD = "record", FACTS = "facts", ANALYSIS = "analysis";
    static final String TEXT = "text", PATH = "path", PAGE_NO = "page_no", BATES = "bates", TYPE = "type", SHA = "sha256",
            JSON = "json", DOC_ID = "doc_id", PAGE_KEY = "page_key", OCR_CONFIDENCE = "ocr_conf", RECORD_STATUS = "record_status",
            RECORD_PATH = "record_path";
    /** How stale a search may be: what was written more than this long ago is found, committed or not. */
    private static final long REFRESH_NANOS = 1_000_000_000L;

    private static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        // offsets in the postings: highlighting reads them instead of re-analysing each hit page
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
    }

    private final Analyzer analyzer = new PageAnalyzer(false);
    private final Analyzer queryAnalyzer = new PageAnalyzer(true);
    private volatile CachedCast cachedCast;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long lastRefresh = System.nanoTime();

    public LuceneDiscoveryIndex(Path dir) throws IOException {
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(FSDirectory.open(dir), cfg);
        this.writer.commit(); // an empty case is a valid index
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * A searcher that sees what has been written up to a second ago, committed or not (near-real-time search). The
     * reader is reopened when someone searches, not on a clock: a reopen flushes the writer's buffers into a new
     * segment, and reopening every second through a long ingest that nobody is searching wrote hundreds of tiny
     * segments that Lucene then spent more processor time merging than the extractors spent reading.
     *
     * @param fresh false for the ingest's own look-ups of earlier runs' records, which the last commit holds
     */
    private IndexSearcher acquire(boolean fresh) throws IOException {
        if (fresh && System.nanoTime() - lastRefresh > REFRESH_NANOS) {
            try {
                searchers.maybeRefresh();
            } catch (org.apache.lucene.store.AlreadyClosedException ignored) {
                // closing: the searcher below says so
            }
            lastRefresh = System.nanoTime();
        }
        return searchers.acquire();
    }

    private static Double ocrConfidence(org.apache.lucene.document.Document d) {
        var f = d.getField(OCR_CONFIDENCE);
        return f == null ? null : f.numericValue().doubleValue();
    }

    @Override
    public Optional<FileRecord> findBySha(String sha256) throws IOException {
        return first(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, RECORD)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(RECORD_STATUS, FileRecord.INDEXED)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(SHA, sha256)), BooleanClause.Occur.FILTER).build(), FileRecord.class);
    }

    @Override
    public Optional<FileRecord> findByPath(String path) throws IOException {
        return first(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, RECORD)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PATH, path)), BooleanClause.Occur.FILTER).build(), FileRecord.class);
    }

    @Override
    public void add(Document d, DocumentFacts facts, FileRecord record) throws IOException {
        List<org.apache.lucene.document.Document> docs = new ArrayList<>();
        Map<Integer, SortedSet<LocalDate>> dates = pageDates(d, facts);
        for (Page p : d.pages()) {
            org.apache.lucene.document.Document ld = new org.apache.lucene.document.Document();
            ld.add(new StringField(KIND, PAGE, Field.Store.NO));
            ld.add(new StringField(DOC_ID, d.id(), Field.Store.YES));
            ld.add(new StringField(PATH, d.path(), Field.Store.YES));
            ld.add(new StringField(QueryLanguage.PATH_LC, d.path().toLowerCase(Locale.ROOT), Field.Store.NO));
            ld.add(new StringField(TYPE, d.type(), Field.Store.YES));
            ld.add(new SortedDocValuesField(TYPE, new BytesRef(d.type())));
            String key = CaseCast.pageKey(d.path(), p.number());
            ld.add(new StringField(PAGE_KEY, key, Field.Store.NO));
            ld.add(new SortedDocValuesField(PAGE_KEY, new BytesRef(key)));
            ld.add(new IntPoint(PAGE_NO, p.number()));
            ld.add(new StoredField(PAGE_NO, p.number()));
            if (p.bates() != null) {
                ld.add(new StringField(BATES, p.bates(), Field.Store.YES));
                ld.add(new StringField(QueryLanguage.BATES_KEY, QueryLanguage.batesKey(p.bates()), Field.Store.NO));
            }
            for (LocalDate day : dates.getOrDefault(p.number(), Collections.emptySortedSet())) {
                ld.add(new LongPoint(QueryLanguage.DATE, day.toEpochDay()));
                ld.add(new SortedNumericDocValuesField(QueryLanguage.DATE, day.toEpochDay()));
            }
            ld.add(new Field(TEXT, p.text(), TEXT_TYPE));
            ld.add(new StoredField("ocr", p.ocr() ? 1 : 0));
            if (p.ocrConfidence() != null) ld.add(new StoredField(OCR_CONFIDENCE, p.ocrConfidence()));
            docs.add(ld);
        }
        org.apache.lucene.document.Document fd = new org.apache.lucene.document.Document();
        fd.add(new StringField(KIND, FACTS, Field.Store.NO));
        fd.add(new StringField(DOC_ID, d.id(), Field.Store.YES));
        fd.add(new StoredField(JSON, Json.MAPPER.writeValueAsString(facts)));
        docs.add(fd);
        docs.add(recordDoc(record));
        // One block per document: a crash leaves all of it or none of it. A record the path had before (a
        // quarantine or duplicate from an earlier run) goes: every file has exactly one record.
        writer.deleteDocuments(new Term(RECORD_PATH, record.path()));
        writer.updateDocuments(new Term(DOC_ID, d.id()), docs);
    }

    /**
     * The days each page is about: the dates of the events it tells; a page that tells none takes its document's
     * days (a lab report's second page is about the analysis its first page dates).
     */
    static Map<Integer, SortedSet<LocalDate>> pageDates(Document d, DocumentFacts facts) {
        Map<Integer, SortedSet<LocalDate>> out = new HashMap<>();
        SortedSet<LocalDate> all = new TreeSet<>();
        List<Map.Entry<Citation, java.time.LocalDateTime>> dated = new ArrayList<>();
        for (TimedEvent e : facts.events()) dated.add(Map.entry(e.citation(), e.time() == null ? java.time.LocalDateTime.MIN : e.time()));
        for (CustodyEvent e : facts.custody()) if (e.citation() != null) dated.add(Map.entry(e.citation(), e.time() == null ? java.time.LocalDateTime.MIN : e.time()));
        for (var e : dated) {
            if (e.getValue().equals(java.time.LocalDateTime.MIN) || !e.getKey().document().equals(d.path())) continue;
            LocalDate day = e.getValue().toLocalDate();
            out.computeIfAbsent(e.getKey().page(), k -> new TreeSet<>()).add(day);
            all.add(day);
        }
        // A page that tells no event: the dates it writes out, other than a date of birth ("SEE 05/20", a log's date
        // column). A page that tells events is about their days, not its certification or print dates.
        for (Page p : d.pages()) {
            if (out.containsKey(p.number())) continue;
            for (DateExpression x : TimeParser.dates(p.text())) {
                String before = p.text().substring(Math.max(0, x.start() - 12), x.start()).toUpperCase(Locale.ROOT);
                if (x.date() == null || before.contains("DOB") || before.contains("D.O.B") || before.contains("BORN") || before.contains("BIRTH")) continue;
                out.computeIfAbsent(p.number(), k -> new TreeSet<>()).add(x.date());
            }
        }
        if (!all.isEmpty()) for (Page p : d.pages()) out.putIfAbsent(p.number(), all);
        return out;
    }

    @Override
    public void addRecord(FileRecord record) throws IOException {
        // Replaces the path's earlier record, so a file read again ends with one record, never two.
        writer.updateDocument(new Term(RECORD_PATH, record.path()), recordDoc(record));
    }

    private org.apache.lucene.document.Document recordDoc(FileRecord r) throws IOException {
        org.apache.lucene.document.Document ld = new org.apache.lucene.document.Document();
        ld.add(new StringField(KIND, RECORD, Field.Store.NO));
        if (r.sha256() != null) ld.add(new StringField(SHA, r.sha256(), Field.Store.NO));
        if (r.documentId() != null) ld.add(new StringField(DOC_ID, r.documentId(), Field.Store.NO));
        ld.add(new StringField(PATH, r.path(), Field.Store.NO));
        ld.add(new StringField(RECORD_PATH, r.path(), Field.Store.NO));
        ld.add(new StringField(RECORD_STATUS, r.status(), Field.Store.NO));
        ld.add(new StoredField(JSON, Json.MAPPER.writeValueAsString(r)));
        return ld;
    }

    @Override
    public void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public List<FileRecord> records() throws IOException {
        return all(new TermQuery(new Term(KIND, RECORD)), FileRecord.class);
    }

    @Override
    public List<DocumentFacts> facts() throws IOException {
        return all(new TermQuery(new Term(KIND, FACTS)), DocumentFacts.class);
    }

    @Override
    public Optional<DocumentFacts> facts(String documentId) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, FACTS)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(DOC_ID, documentId)), BooleanClause.Occur.FILTER).build();
        return all(q, DocumentFacts.class).stream().findFirst();
    }

    @Override
    public Optional<Page> page(String documentPath, int number) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, PAGE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PATH, documentPath)), BooleanClause.Occur.FILTER)
                .add(IntPoint.newExactQuery(PAGE_NO, number), BooleanClause.Occur.FILTER).build();
        IndexSearcher s = acquire(true);
        try {
            TopDocs td = s.search(q, 1);
            if (td.scoreDocs.length == 0) return Optional.empty();
            var d = s.storedFields().document(td.scoreDocs[0].doc);
            return Optional.of(new Page(number, d.get(TEXT), d.get(BATES), d.getField("ocr").numericValue().intValue() == 1, ocrConfidence(d), List.of()));
        } finally {
            searchers.release(s);
        }
    }

    @Override
    public List<Page> pages(String documentPath) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, PAGE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PATH, documentPath)), BooleanClause.Occur.FILTER).build();
        IndexSearcher s = acquire(true);
        try {
            List<Page> out = new ArrayList<>();
            for (ScoreDoc sd : s.search(q, Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                var d = s.storedFields().document(sd.doc);
                out.add(new Page(d.getField(PAGE_NO).numericValue().intValue(), d.get(TEXT), d.get(BATES),
                        d.getField("ocr").numericValue().intValue() == 1, ocrConfidence(d), List.of()));
            }
            out.sort(java.util.Comparator.comparingInt(Page::number));
            return out;
        } finally {
            searchers.release(s);
        }
    }

    @Override
    public SearchResult search(SearchRequest request) throws IOException, InvalidQueryException {
        try {
            return searchPages(request);
        } catch (IllegalStateException e) {
            // a wildcard or fuzzy word inside w/N that would stand for hundreds of words
            InvalidQueryException tooMany = InvalidQueryException.ifTooManyTerms(e);
            if (tooMany != null) throw tooMany;
            throw e;
        }
    }

    private SearchResult searchPages(SearchRequest request) throws IOException, InvalidQueryException {
        CaseCast cast = cast();
        QueryLanguage.Parsed parsed = new QueryLanguage(analyzer, queryAnalyzer, name -> personPages(cast, name)).parse(request.query());
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, PAGE)), BooleanClause.Occur.FILTER)
                .add(parsed.query(), BooleanClause.Occur.MUST).build();
        IndexSearcher s = acquire(true);
        try {
            int n = Math.max(1, request.offset() + request.limit());
            TopDocs td;
            if (request.sort() == SearchRequest.Sort.DATE) {
                SortedNumericSortField byDate = new SortedNumericSortField(QueryLanguage.DATE, SortField.Type.LONG, false, SortedNumericSelector.Type.MIN);
                byDate.setMissingValue(Long.MAX_VALUE);
                // exact totals: a search reports how many pages match, not "over 1,000" (Lucene's default counts stop there)
                Sort sort = new Sort(byDate, SortField.FIELD_SCORE, new SortField(PAGE_KEY, SortField.Type.STRING));
                td = s.search(q, new org.apache.lucene.search.TopFieldCollectorManager(sort, n, null, Integer.MAX_VALUE));
                org.apache.lucene.search.TopFieldCollector.populateScores(td.scoreDocs, s, q);
            } else {
                td = exactTop(s, q, n);
            }
            ScoreDoc[] all = td.scoreDocs;
            long total = td.totalHits.value;
            int strict = all.length;
            Query shown = q, highlight = parsed.query();
            if (parsed.relaxed() != null && td.totalHits.value < n && request.sort() == SearchRequest.Sort.RELEVANCE) {
                // fewer pages have the words than were asked for: then the pages with at least half of them, after those
                Query more = new BooleanQuery.Builder().add(new TermQuery(new Term(KIND, PAGE)), BooleanClause.Occur.FILTER)
                        .add(parsed.relaxed(), BooleanClause.Occur.MUST).add(parsed.query(), BooleanClause.Occur.MUST_NOT).build();
                TopDocs extra = exactTop(s, more, n - strict);
                all = Arrays.copyOf(all, strict + extra.scoreDocs.length);
                System.arraycopy(extra.scoreDocs, 0, all, strict, extra.scoreDocs.length);
                total += extra.totalHits.value;
                shown = new BooleanQuery.Builder().add(new TermQuery(new Term(KIND, PAGE)), BooleanClause.Occur.FILTER)
                        .add(parsed.relaxed(), BooleanClause.Occur.MUST).build();
                highlight = parsed.relaxed();
            }
            int from = Math.min(request.offset(), all.length), to = Math.min(request.offset() + request.limit(), all.length);
            ScoreDoc[] page = Arrays.copyOfRange(all, from, to);
            List<SearchHit> hits = hits(s, highlight, page, cast, request.query());
            for (int i = 0; i < hits.size(); i++) {
                if (from + i >= strict) {
                    SearchHit h = hits.get(i);
                    hits.set(i, new SearchHit(h.document(), h.page(), h.bates(), h.type(), h.score(), h.snippet(), h.date(), h.ocr(), true, h.ocrConfidence()));
                }
            }
            Facets facets = s.search(shown, new Facets.Counter(cast));
            SearchHit jump = parsed.bates() != null && !hits.isEmpty() && request.offset() == 0 ? hits.get(0) : null;
            return new SearchResult(hits, total, facets.toMap(cast), jump);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * The best {@code n} pages, with the exact number of matching pages (Lucene's default stops counting at 1,000).
     * Pages that score the same (every page a wildcard matches scores alike) come in page-key order, not in the order
     * a parallel ingest happened to add them, so the same query on the same case always lists the same pages.
     */
    private static TopDocs exactTop(IndexSearcher s, Query q, int n) throws IOException {
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(PAGE_KEY, SortField.Type.STRING));
        TopDocs td = s.search(q, new org.apache.lucene.search.TopFieldCollectorManager(sort, Math.max(1, n), null, Integer.MAX_VALUE));
        org.apache.lucene.search.TopFieldCollector.populateScores(td.scoreDocs, s, q);
        return td;
    }

    private List<SearchHit> hits(IndexSearcher s, Query text, ScoreDoc[] page, CaseCast cast, String query) throws IOException {
        String[] snippets = new String[page.length];
        if (page.length > 0) {
            UnifiedHighlighter hl = UnifiedHighlighter.builder(s, analyzer)
                    .withFormatter(new DefaultPassageFormatter("«", "»", " … ", false)).withMaxLength(1_000_000).withMaxNoHighlightPassages(0)
                    // Passages are lines (a CAD row, a form field, a transcript turn) joined up to a readable length:
                    // police pages are written in lines more than in sentences.
                    .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(new CustomSeparatorBreakIterator('\n'), 160, 0.5f))
                    .build();
            // highlight() answers in the order of the docs it is given
            snippets = hl.highlight(TEXT, text, new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page.clone()), 2);
        }
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            var d = s.storedFields().document(page[i].doc);
            String path = d.get(PATH);
            int no = d.getField(PAGE_NO).numericValue().intValue();
            String snippet = snippets[i] != null ? snippets[i] : Snippets.fallback(d.get(TEXT), query, cast, CaseCast.pageKey(path, no));
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(page[i].doc, leaves));
            SortedNumericDocValues dates = DocValues.getSortedNumeric(leaf.reader(), QueryLanguage.DATE);
            String date = dates.advanceExact(page[i].doc - leaf.docBase) ? LocalDate.ofEpochDay(dates.nextValue()).toString() : null;
            float score = Float.isNaN(page[i].score) ? 0f : page[i].score;
            hits.add(new SearchHit(path, no, d.get(BATES), d.get(TYPE), score, snippet.replaceAll("\\s+", " ").strip(), date,
                    d.getField("ocr").numericValue().intValue() == 1, false, ocrConfidence(d)));
        }
        return hits;
    }

    /** The pages that mention the people a name names, however they are written. */
    private static Query personPages(CaseCast cast, String name) {
        List<BytesRef> keys = new ArrayList<>();
        for (String k : cast.pageKeysNamed(name)) keys.add(new BytesRef(k));
        return keys.isEmpty() ? new MatchNoDocsQuery("nobody called " + name) : new TermInSetQuery(PAGE_KEY, keys);
    }

    @Override
    public CaseCast cast() throws IOException {
        IndexSearcher s = acquire(true);
        long version;
        try {
            version = ((DirectoryReader) s.getIndexReader()).getVersion();
        } finally {
            searchers.release(s);
        }
        CachedCast c = cachedCast;
        if (c != null && c.version == version) return c.cast;
        CaseCast cast = CaseCast.build(facts(), this::pagesNaming);
        cachedCast = new CachedCast(version, cast);
        return cast;
    }

    private record CachedCast(long version, CaseCast cast) {
    }

    /** The pages whose words include one of these, with their text. */
    private List<CaseMentions.PageText> pagesNaming(Set<String> words) throws IOException {
        List<CaseMentions.PageText> out = new ArrayList<>();
        if (words.isEmpty()) return out;
        List<BytesRef> terms = new ArrayList<>();
        for (String w : words) terms.add(new BytesRef(w));
        Query q = new BooleanQuery.Builder().add(new TermQuery(new Term(KIND, PAGE)), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(TEXT, terms), BooleanClause.Occur.FILTER).build();
        IndexSearcher s = acquire(true);
        try {
            TopDocs td = s.search(q, Math.max(1, s.getIndexReader().maxDoc()));
            for (ScoreDoc sd : td.scoreDocs) {
                var d = s.storedFields().document(sd.doc);
                out.add(new CaseMentions.PageText(d.get(PATH), d.getField(PAGE_NO).numericValue().intValue(), d.get(BATES), d.get(TEXT)));
            }
        } finally {
            searchers.release(s);
        }
        return out;
    }

    @Override
    public void putAnalysis(String json) throws IOException {
        org.apache.lucene.document.Document ld = new org.apache.lucene.document.Document();
        ld.add(new StringField(KIND, ANALYSIS, Field.Store.NO));
        ld.add(new StringField(DOC_ID, "analysis", Field.Store.NO));
        ld.add(new StoredField(JSON, json));
        writer.updateDocument(new Term(DOC_ID, "analysis"), ld);
    }

    @Override
    public Optional<String> analysis() throws IOException {
        IndexSearcher s = acquire(true);
        try {
            TopDocs td = s.search(new TermQuery(new Term(KIND, ANALYSIS)), 1);
            if (td.scoreDocs.length == 0) return Optional.empty();
            return Optional.of(s.storedFields().document(td.scoreDocs[0].doc).get(JSON));
        } finally {
            searchers.release(s);
        }
    }

    /** The first match in index order, as of the last commit: the ingest's look-ups of earlier runs' records. */
    private <T> Optional<T> first(Query q, Class<T> type) throws IOException {
        List<T> all = all(q, type, false);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private <T> List<T> all(Query q, Class<T> type) throws IOException {
        return all(q, type, true);
    }

    private <T> List<T> all(Query q, Class<T> type, boolean fresh) throws IOException {
        IndexSearcher s = acquire(fresh);
        try {
            List<T> out = new ArrayList<>();
            // as many as match, not as many as the index holds: a queue of maxDoc entries for each file's look-up
            // made the ingest's cost grow with the square of the case
            int max = Math.max(1, s.count(q));
            TopDocs td = s.search(q, max);
            // Index order is insertion order within a commit point, which keeps ledgers in ingest order.
            ScoreDoc[] docs = td.scoreDocs.clone();
            java.util.Arrays.sort(docs, java.util.Comparator.comparingInt(sd -> sd.doc));
            for (ScoreDoc sd : docs) out.add(Json.MAPPER.readValue(s.storedFields().document(sd.doc).get(JSON), type));
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /** Number of documents in the index (all kinds); for tests and diagnostics. */
    public int size() throws IOException {
        IndexSearcher s = acquire(true);
        try {
            return s.count(new MatchAllDocsQuery());
        } finally {
            searchers.release(s);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
