package dev.leverage.index;

/** A query the search language cannot read; the message says what to fix. */
public class InvalidQueryException extends Exception {
    public InvalidQueryException(String message) {
        super(message);
    }

    /**
     * When a search failed because a wildcard or fuzzy word inside w/N expanded past the interval limit (Lucene's
     * "too many terms", in this JVM or on a Solr node): the user's version of it; else null.
     */
    public static InvalidQueryException ifTooManyTerms(Throwable failure) {
        if (!String.valueOf(failure.getMessage()).contains("too many terms")) return null;
        return new InvalidQueryException("A wildcard or fuzzy word in the search matches too many words to search near another; "
                + "make it longer or use it outside w/N.");
    }
}
