package dev.leverage.index;

import java.util.List;
import java.util.Map;

/** A page of search hits, the total number of matching pages and the counts by document type. */
public record SearchResult(List<SearchHit> hits, long total, Map<String, Map<String, Long>> facets) {
}
