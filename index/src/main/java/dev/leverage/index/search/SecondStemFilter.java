package dev.leverage.index.search;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

import java.io.IOException;

/**
 * Adds, at the same position as each word as written (the keyword-marked copy from KeywordRepeatFilter), its
 * Porter2 stem. The dictionary stemmer before it keeps inflections together ("sniffed", "sniff"); this one also joins
 * derivations ("arrival", "arrived"), so a search phrased as a noun finds a report written with the verb.
 */
final class SecondStemFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final EnglishStemmer stemmer = new EnglishStemmer();
    private State pending;
    private String stem;

    SecondStemFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            term.setEmpty().append(stem);
            keyword.setKeyword(false);
            inc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) return false;
        if (keyword.isKeyword() && term.length() >= 5 && isLetters()) {
            stemmer.setCurrent(term.toString());
            stemmer.stem();
            String s = stemmer.getCurrent();
            if (!s.contentEquals(term) && s.length() >= 4) {
                stem = s;
                pending = captureState();
            }
        }
        return true;
    }

    private boolean isLetters() {
        for (int i = 0; i < term.length(); i++) if (!Character.isLetter(term.charAt(i))) return false;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }
}
