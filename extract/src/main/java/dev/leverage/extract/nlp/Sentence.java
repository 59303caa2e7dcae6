package dev.leverage.extract.nlp;

import opennlp.tools.util.Span;

import java.util.Arrays;
import java.util.function.Function;

/**
 * A sentence of a page with its tokens and, on demand, their part-of-speech tags. Offsets are relative to the
 * page text. Tags are computed the first time they are asked for: tagging is the costliest step of annotation and
 * only a few sentences need it (those where the name finder sees a person), so an ingest tags those alone.
 * Like the annotator that made it, a sentence belongs to one thread.
 */
public final class Sentence {
    private final String text;
    private final int start;
    private final Span[] tokens;
    private final String[] words;
    private final Function<String[], String[]> tagger;
    private String[] tags;

    /**
     * @param text   the sentence text
     * @param start  offset of the sentence in the page
     * @param tokens token spans relative to the sentence
     * @param words  the token strings
     * @param tagger gives UD/Penn POS tags, one per word, when first needed
     */
    public Sentence(String text, int start, Span[] tokens, String[] words, Function<String[], String[]> tagger) {
        this.text = text;
        this.start = start;
        this.tokens = tokens;
        this.words = words;
        this.tagger = tagger;
    }

    public String text() {
        return text;
    }

    public int start() {
        return start;
    }

    public Span[] tokens() {
        return tokens;
    }

    public String[] words() {
        return words;
    }

    /** UD/Penn POS tags, one per token (tagged on first call). */
    public String[] tags() {
        if (tags == null) tags = words.length == 0 ? new String[0] : tagger.apply(words);
        return tags;
    }

    public int end() {
        return start + text.length();
    }

    /** Character span (page offsets) of tokens [from, to). */
    public int charStart(int token) {
        return start + tokens[token].getStart();
    }

    public int charEnd(int tokenExclusive) {
        return start + tokens[tokenExclusive - 1].getEnd();
    }

    @Override
    public String toString() {
        return text + " " + Arrays.toString(tags());
    }
}
