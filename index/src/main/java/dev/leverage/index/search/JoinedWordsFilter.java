package dev.leverage.index.search;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;

/**
 * Two words written with one character between them ("line-up", "K-9 unit" aside) are also indexed joined, at the
 * second word's position, so "lineup" finds "line-up" and "followup" finds "follow-up".
 */
final class JoinedWordsFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private String previous;
    private int previousEnd = -1;
    private State pending;
    private String joined;

    JoinedWordsFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            // offsets may not go backwards in the postings: the joined word is marked on its second part
            term.setEmpty().append(joined);
            inc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) return false;
        String t = term.toString();
        boolean letters = t.chars().allMatch(Character::isLetter);
        if (letters && previous != null && offset.startOffset() == previousEnd + 1 && inc.getPositionIncrement() == 1) {
            joined = previous + t;
            pending = captureState();
        }
        if (inc.getPositionIncrement() > 0 || previous == null) {
            previous = letters ? t : null;
            previousEnd = offset.endOffset();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        previous = null;
        pending = null;
    }
}
