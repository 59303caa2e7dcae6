package dev.leverage.index.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;

import java.io.Reader;
import java.util.regex.Pattern;

/**
 * How page text is cut into searchable words. Police and legal terms stay whole: "K9" (and "K-9", written either
 * way), "NIK", badge numbers, seal and property numbers ("TCRCL-0412-A" is the words tcrcl, 0412, a in sequence,
 * so the identifier is found as a phrase), statute numbers ("U.S.C." stays one word). No stop words are dropped:
 * "NOT" in a quote, "on" in "on scene" can matter. Each word is indexed as written (lower-cased, accents folded)
 * and, at the same position, as its stem, so "sniffed" finds "sniff" and "sniffing" while a phrase still matches
 * the words in order; highlighting marks either form.
 */
public class PageAnalyzer extends Analyzer {
    private static final Pattern K_NINE = Pattern.compile("\\b([Kk])[- ]9(?![0-9])");
    /**
     * Words police paperwork uses for one thing, applied to the words of a search only (the index keeps what the
     * page says): a dog sniff is written "K9", "canine" or "dog"; drug names have street and formal forms.
     */
    private static final String[][] SYNONYMS = {
            {"dog", "k9", "canine"},
            {"meth", "methamphetamine"},
            {"marijuana", "marihuana", "cannabis"},
            {"bodycam", "bwc"},
    };
    private static final SynonymMap MAP = synonyms();

    private final boolean query;

    /**
     * The index side by class name, for the Solr configset's schema ({@code <analyzer class="...">} needs a public
     * constructor without arguments): a page in Solr is cut into the same words as in the embedded index.
     */
    public static final class Indexing extends PageAnalyzer {
        public Indexing() {
            super(false);
        }
    }

    /** The search side by class name, for the Solr configset's schema. */
    public static final class Searching extends PageAnalyzer {
        public Searching() {
            super(true);
        }
    }

    /** @param query true for the analyser of a search's words (adds the synonyms), false for the index */
    public PageAnalyzer(boolean query) {
        this.query = query;
    }

    private static SynonymMap synonyms() {
        try {
            SynonymMap.Builder b = new SynonymMap.Builder(true);
            for (String[] group : SYNONYMS) {
                for (String a : group) for (String c : group) if (!a.equals(c)) b.add(new CharsRef(a), new CharsRef(c), true);
            }
            return b.build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new PatternReplaceCharFilter(K_NINE, "$19", reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return initReader(fieldName, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        source.setMaxTokenLength(64);
        TokenStream ts = new EnglishPossessiveFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new ASCIIFoldingFilter(ts);
        if (!query) ts = new OcrFoldFilter(new JoinedWordsFilter(ts));
        if (query) ts = new SynonymGraphFilter(ts, MAP, true);
        ts = new KeywordRepeatFilter(ts);
        ts = new KStemFilter(ts);
        ts = new SecondStemFilter(ts);
        ts = new RemoveDuplicatesTokenFilter(ts);
        return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
