package dev.leverage.index;

import dev.leverage.extract.DocumentFacts;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The index of one case: pages for search, file records for the ingest ledger, extracted facts for analysis and
 * the witness view, and the latest analysis. Implementations: {@link LuceneDiscoveryIndex} (embedded, the
 * default); a SolrCloud one for teams beyond one machine. Writes become durable and visible at {@link #commit()}.
 * Thread-safe.
 */
public interface DiscoveryIndex extends Closeable {
    /** The record of an indexed file with these bytes, if the case already has one (idempotency on content). */
    Optional<FileRecord> findBySha(String sha256) throws IOException;

    /** The record of a file at this path (relative to the case folder), if the case has one. */
    Optional<FileRecord> findByPath(String path) throws IOException;

    /** Adds a parsed document with its pages and extracted facts, and its file record. */
    void add(Document document, DocumentFacts facts, FileRecord record) throws IOException;

    /** Records a file that is not indexed (duplicate or quarantined), replacing any earlier record of its path. */
    void addRecord(FileRecord record) throws IOException;

    /** Makes everything added so far durable and visible to searches. */
    void commit() throws IOException;

    List<FileRecord> records() throws IOException;

    List<DocumentFacts> facts() throws IOException;

    /** The facts stored for one document, or empty. */
    Optional<DocumentFacts> facts(String documentId) throws IOException;

    /** A page of a document by path and number, if present. */
    Optional<Page> page(String documentPath, int number) throws IOException;

    /** Every page of a document by path, in order (to move a case between backends, to read a document whole). */
    List<Page> pages(String documentPath) throws IOException;

    /** Searches pages with the query language (see {@link dev.leverage.index.search.QueryLanguage}). */
    SearchResult search(SearchRequest request) throws IOException, InvalidQueryException;

    /** Searches pages by relevance; offset/limit page through hits. */
    default SearchResult search(String query, int offset, int limit) throws IOException, InvalidQueryException {
        return search(SearchRequest.of(query, offset, limit));
    }

    /** The people of the case, resolved across its documents, with the pages that mention each. */
    CaseCast cast() throws IOException;

    /** Stores the case's latest analysis (JSON), replacing the previous one. */
    void putAnalysis(String json) throws IOException;

    Optional<String> analysis() throws IOException;
}
