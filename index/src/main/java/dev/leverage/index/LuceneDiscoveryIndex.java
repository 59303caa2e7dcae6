package dev.leverage.index;

import dev.leverage.extract.DocumentFacts;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The embedded index: one Lucene index on disk per case. Each page is a Lucene document (the unit of retrieval);
 * file records, extracted facts and the analysis are stored documents of their own kinds beside them, so the
 * witness view and the report are answered from the index alone. One IndexWriter owns the directory;
 * a SearcherManager hands out searchers, refreshed at each commit.
 */
public final class LuceneDiscoveryIndex implements DiscoveryIndex {
    static final String KIND = "kind", PAGE = "page", RECORD = "record", FACTS = "facts", ANALYSIS = "analysis";
    static final String TEXT = "text", PATH = "path", PAGE_NO = "page_no", BATES = "bates", TYPE = "type", SHA = "sha256",
            JSON = "json", DOC_ID = "doc_id";
    private static final Pattern BATES_QUERY = Pattern.compile("[A-Z]{2,10}[-_ ]?\\d{5,10}");

    private final Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public LuceneDiscoveryIndex(Path dir) throws IOException {
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(FSDirectory.open(dir), cfg);
        this.writer.commit(); // an empty case is a valid index
        this.searchers = new SearcherManager(writer, null);
    }

    @Override
    public Optional<FileRecord> findBySha(String sha256) throws IOException {
        return first(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, RECORD)), BooleanClause.Occur.FILTER)
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
        for (Page p : d.pages()) {
            org.apache.lucene.document.Document ld = new org.apache.lucene.document.Document();
            ld.add(new StringField(KIND, PAGE, Field.Store.NO));
            ld.add(new StringField(DOC_ID, d.id(), Field.Store.YES));
            ld.add(new StringField(PATH, d.path(), Field.Store.YES));
            ld.add(new StringField(TYPE, d.type(), Field.Store.YES));
            ld.add(new SortedDocValuesField(TYPE, new BytesRef(d.type())));
            ld.add(new IntPoint(PAGE_NO, p.number()));
            ld.add(new StoredField(PAGE_NO, p.number()));
            if (p.bates() != null) ld.add(new StringField(BATES, p.bates(), Field.Store.YES));
            ld.add(new TextField(TEXT, p.text(), Field.Store.YES));
            ld.add(new StoredField("ocr", p.ocr() ? 1 : 0));
            docs.add(ld);
        }
        org.apache.lucene.document.Document fd = new org.apache.lucene.document.Document();
        fd.add(new StringField(KIND, FACTS, Field.Store.NO));
        fd.add(new StringField(DOC_ID, d.id(), Field.Store.YES));
        fd.add(new StoredField(JSON, Json.MAPPER.writeValueAsString(facts)));
        docs.add(fd);
        docs.add(recordDoc(record));
        // One block per document: a crash leaves all of it or none of it.
        writer.updateDocuments(new Term(DOC_ID, d.id()), docs);
    }

    @Override
    public void addRecord(FileRecord record) throws IOException {
        writer.addDocument(recordDoc(record));
    }

    private org.apache.lucene.document.Document recordDoc(FileRecord r) throws IOException {
        org.apache.lucene.document.Document ld = new org.apache.lucene.document.Document();
        ld.add(new StringField(KIND, RECORD, Field.Store.NO));
        if (r.sha256() != null) ld.add(new StringField(SHA, r.sha256(), Field.Store.NO));
        if (r.documentId() != null) ld.add(new StringField(DOC_ID, r.documentId(), Field.Store.NO));
        ld.add(new StringField(PATH, r.path(), Field.Store.NO));
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
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs td = s.search(q, 1);
            if (td.scoreDocs.length == 0) return Optional.empty();
            var d = s.storedFields().document(td.scoreDocs[0].doc);
            return Optional.of(new Page(number, d.get(TEXT), d.get(BATES), d.getField("ocr").numericValue().intValue() == 1, List.of()));
        } finally {
            searchers.release(s);
        }
    }

    @Override
    public SearchResult search(String query, int offset, int limit) throws IOException, InvalidQueryException {
        Query text = parse(query);
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, PAGE)), BooleanClause.Occur.FILTER)
                .add(text, BooleanClause.Occur.MUST).build();
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs td = s.search(q, Math.max(1, offset + limit));
            ScoreDoc[] page = java.util.Arrays.copyOfRange(td.scoreDocs, Math.min(offset, td.scoreDocs.length),
                    Math.min(offset + limit, td.scoreDocs.length));
            TopDocs slice = new TopDocs(td.totalHits, page);
            UnifiedHighlighter hl = UnifiedHighlighter.builder(s, analyzer)
                    .withFormatter(new DefaultPassageFormatter("«", "»", " … ", false)).withMaxLength(200_000).build();
            String[] snippets = page.length == 0 ? new String[0] : hl.highlight(TEXT, text, slice, 2);
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < page.length; i++) {
                var d = s.storedFields().document(page[i].doc);
                String snippet = snippets[i] != null ? snippets[i] : abbreviate(d.get(TEXT));
                hits.add(new SearchHit(d.get(PATH), d.getField(PAGE_NO).numericValue().intValue(), d.get(BATES), d.get(TYPE),
                        page[i].score, snippet.replaceAll("\\s+", " ").strip()));
            }
            Map<String, Long> byType = new TreeMap<>();
            TopDocs allHits = s.search(q, 10_000);
            for (ScoreDoc sd : allHits.scoreDocs) byType.merge(s.storedFields().document(sd.doc).get(TYPE), 1L, Long::sum);
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            facets.put("type", byType);
            return new SearchResult(hits, td.totalHits.value, facets);
        } finally {
            searchers.release(s);
        }
    }

    private Query parse(String query) throws InvalidQueryException {
        String q = query.strip();
        if (q.isEmpty()) throw new InvalidQueryException("The search is empty; type words to find, for example: dog sniff");
        if (BATES_QUERY.matcher(q).matches()) return new TermQuery(new Term(BATES, q));
        try {
            QueryParser parser = new QueryParser(TEXT, analyzer);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            parser.setAllowLeadingWildcard(false);
            return parser.parse(q.replaceAll("(?i)\\bw/(\\d+)", "~$1"));
        } catch (ParseException e) {
            throw new InvalidQueryException("The search \"" + q + "\" could not be read; check quotes and parentheses are balanced, "
                    + "or put a phrase in double quotes.");
        }
    }

    private static String abbreviate(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + " …" : t;
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
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs td = s.search(new TermQuery(new Term(KIND, ANALYSIS)), 1);
            if (td.scoreDocs.length == 0) return Optional.empty();
            return Optional.of(s.storedFields().document(td.scoreDocs[0].doc).get(JSON));
        } finally {
            searchers.release(s);
        }
    }

    private <T> Optional<T> first(Query q, Class<T> type) throws IOException {
        List<T> all = all(q, type);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private <T> List<T> all(Query q, Class<T> type) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            List<T> out = new ArrayList<>();
            int max = Math.max(1, s.getIndexReader().maxDoc());
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
        IndexSearcher s = searchers.acquire();
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
