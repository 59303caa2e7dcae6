package dev.leverage.extract;

import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;

import java.util.Objects;

/**
 * Where a fact rests: a document, a page, its Bates number and a verbatim quote from that page.
 * Every finding, hit and mention carries one so a lawyer can check it against the source.
 */
public record Citation(String document, int page, String bates, String quote) {
    public Citation {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(quote, "quote");
        if (page < 1) throw new IllegalArgumentException("page numbers start at 1");
    }

    public static Citation of(Document d, Page p, String quote) {
        return new Citation(d.path(), p.number(), p.bates(), SPACES.matcher(quote.strip()).replaceAll(" "));
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
}
