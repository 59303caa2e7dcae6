package dev.leverage.extract.nlp;

import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The English tokenizer's spans for a text, remembered for the last few texts on this thread. A sentence is tokenized
 * for the page, then again by the event categorizer, the custody name finder and the sampling categorizer; every
 * tokenizer here runs the same Maven Central model, so the spans of one text are the same whichever asks, and the
 * model runs once.
 */
public final class Tokens {
    private static final int KEEP = 16;
    private static final ThreadLocal<Map<String, Span[]>> RECENT = ThreadLocal.withInitial(() -> new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Span[]> eldest) {
            return size() > KEEP;
        }
    });

    private Tokens() {
    }

    /** {@code tokenizer.tokenizePos(text)}, from the recent texts when it was asked already. */
    public static Span[] spans(TokenizerME tokenizer, String text) {
        Map<String, Span[]> recent = RECENT.get();
        Span[] s = recent.get(text);
        if (s == null) {
            s = tokenizer.tokenizePos(text);
            recent.put(text, s);
        }
        return s.clone();
    }

    /** {@code tokenizer.tokenize(text)}, from the recent texts when it was asked already. */
    public static String[] words(TokenizerME tokenizer, String text) {
        return Span.spansToStrings(spans(tokenizer, text), text);
    }
}
