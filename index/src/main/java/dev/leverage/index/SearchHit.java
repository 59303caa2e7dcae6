package dev.leverage.index;

/** One page matching a search: where it is, how well it matched, and the words around the match. */
public record SearchHit(String document, int page, String bates, String type, float score, String snippet) {
}
