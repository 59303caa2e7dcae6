package dev.leverage.index;

import java.util.List;
import java.util.Map;

/**
 * A page of search hits, the total number of matching pages, counts of the matching pages by facet (type, person,
 * month) and, when the search was a Bates number, the page it names.
 */
public record SearchResult(List<SearchHit> hits, long total, Map<String, Map<String, Long>> facets, SearchHit jump) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
