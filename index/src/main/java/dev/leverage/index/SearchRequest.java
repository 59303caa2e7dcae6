package dev.leverage.index;

/**
 * A search: the query in Leverage's query language, which slice of the hits, and in what order.
 *
 * @param query  words, "phrases", w/N, AND/OR/NOT, wildcards, fuzzy~, type:, person:, bates:, date:, document:
 * @param offset hits to skip (paging)
 * @param limit  hits to return
 * @param sort   relevance (best first) or date (earliest events first; undated pages last)
 */
public record SearchRequest(String query, int offset, int limit, Sort sort) {
    public enum Sort { RELEVANCE, DATE }

    public SearchRequest {
        if (offset < 0) throw new IllegalArgumentException("offset < 0");
        if (limit < 0) throw new IllegalArgumentException("limit < 0");
        if (sort == null) sort = Sort.RELEVANCE;
    }

    public static SearchRequest of(String query, int offset, int limit) {
        return new SearchRequest(query, offset, limit, Sort.RELEVANCE);
    }
}
