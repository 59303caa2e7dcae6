package dev.leverage.index.search;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;

/**
 * A word that mixes letters with the digits OCR confuses for them ("C0CAINE", "Ti1ley", "enc1osure", "gue5s") is
 * also indexed with those digits read as letters, at the same position, so the word a user types finds the scanned
 * page. Numbers ("0412") and identifiers that are mostly digits are left alone.
 */
final class OcrFoldFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private State pending;
    private String folded;

    OcrFoldFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            term.setEmpty().append(folded);
            inc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) return false;
        int letters = 0, confusable = 0, other = 0;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isLetter(c)) letters++;
            else if (c == '0' || c == '1' || c == '5' || c == '|') confusable++;
            else other++;
        }
        if (confusable > 0 && other == 0 && letters >= 3 && letters >= 2 * confusable) {
            StringBuilder b = new StringBuilder(term.length());
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                b.append(switch (c) {
                    case '0' -> 'o';
                    case '1', '|' -> 'l';
                    case '5' -> 's';
                    default -> c;
                });
            }
            folded = b.toString();
            pending = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }
}
