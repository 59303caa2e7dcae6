package dev.leverage.extract.nlp;

import dev.leverage.extract.Prefilter;
import opennlp.tools.tokenize.TokenizerME;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tokens the event categorizer sees: lower-cased, with clock times, numbers and bracketed offsets replaced
 * by placeholders, so "2347 hrs" and "11:47 p.m." teach the same thing and no time value is learned as a word.
 */
public final class EventFeatures {
    private static final Pattern CLOCK = Pattern.compile("\\[?\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\]?");
    private static final Pattern MILITARY = Pattern.compile("\\d{4}(\\.\\d+)?");
    /** Radio ten-codes (10-8 in service, 10-15 prisoner, 10-97 on scene) carry their meaning in the number. */
    private static final Pattern TEN_CODE = Pattern.compile("10-\\d{1,3}");
    private static final Pattern NUMBER = Pattern.compile("[#$]?\\d[\\d,./-]*");

    private EventFeatures() {
    }

    public static String[] tokens(TokenizerME tokenizer, String sentence) {
        String[] raw = Tokens.words(tokenizer, sentence);
        String[] out = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i].toLowerCase(Locale.ROOT);
            if (Prefilter.matches(TEN_CODE, t)) out[i] = t;
            else if (Prefilter.matches(CLOCK, t)) out[i] = "_time_";
            else if (Prefilter.matches(MILITARY, t)) out[i] = "_hhmm_";
            else if (Prefilter.matches(NUMBER, t)) out[i] = "_num_";
            else out[i] = t;
        }
        return out;
    }
}
