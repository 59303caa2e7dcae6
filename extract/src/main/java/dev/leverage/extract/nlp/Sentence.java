package dev.leverage.extract.nlp;

import opennlp.tools.util.Span;

import java.util.Arrays;

/**
 * A sentence of a page with its tokens and part-of-speech tags. Offsets are relative to the page text.
 *
 * @param text   the sentence text
 * @param start  offset of the sentence in the page
 * @param tokens token spans relative to the sentence
 * @param words  the token strings
 * @param tags   UD/Penn POS tags, one per token
 */
public record Sentence(String text, int start, Span[] tokens, String[] words, String[] tags) {
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
        return text + " " + Arrays.toString(tags);
    }
}
