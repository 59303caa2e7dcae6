package dev.leverage.extract.nlp;

import dev.leverage.extract.Prefilter;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits page text into sentences, tokens and POS tags with the OpenNLP English models. Police text is full of
 * lines that are not prose (form fields, table rows, headings): each line break that ends a line without
 * sentence punctuation is treated as a sentence boundary too, so a form field never runs into the next one.
 * Not thread-safe: one per thread.
 */
public final class PageAnnotator {
    private final SentenceDetectorME sentences;
    private final TokenizerME tokenizer;
    private final POSTaggerME tagger;

    public PageAnnotator(EnglishModels models) {
        this.sentences = models.sentenceDetector();
        this.tokenizer = models.tokenizer();
        this.tagger = models.posTagger();
    }

    public List<Sentence> annotate(String pageText) {
        List<Sentence> out = new ArrayList<>();
        for (Span block : blocks(pageText)) {
            String blockText = pageText.substring(block.getStart(), block.getEnd());
            for (Span s : mergeAbbreviations(blockText, sentences.sentPosDetect(blockText))) {
                int start = block.getStart() + s.getStart();
                String text = pageText.substring(start, block.getStart() + s.getEnd());
                // Trim, keeping offsets true to the page.
                int lead = 0;
                while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) lead++;
                text = text.substring(lead).stripTrailing();
                if (text.isEmpty()) continue;
                start += lead;
                out.add(sentence(text, start));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern TITLE_END = java.util.regex.Pattern.compile(
            "(?i)(?:^|[\\s(])(?:dep|sgt|ofc|det|lt|cpl|capt|tpr|inv|ptl|spc|pfc|sfc|ssg|ssgt|tsgt|msgt|sra|amn|a1c|agt|sa|rgr|hon|mr|mrs|ms|dr|sr|jr|lt\\.\\s?col|hwy|rte|approx|vs?|u\\.s|exh|para|sec"
            // civilian and agency titles: inspector, supervisor, investigator, technician, specialist, officer, chemist
            + "|insp|supv|supt|invest|tech|spec|chem|asst|atty|prof|evid|prop|cmdr|cdr|lcdr|ens|pvt|sgm|cpo|po|dfm|cfi)\\.$");
    private static final java.util.regex.Pattern NUMBER_END = java.util.regex.Pattern.compile("(?i)(?:^|[\\s(])(?:no|nos|num|badge|exh|div|pkg|art)\\.$");
    /** A sentence does not end inside a parenthesis opened a few words before ("FLS Exh. 1 (Div. 1A) resealed"). */
    private static final java.util.regex.Pattern OPEN_PAREN_END = java.util.regex.Pattern.compile("\\([^()]{0,30}$");
    private static final java.util.regex.Pattern INITIAL_END = java.util.regex.Pattern.compile("(?:^|[\\s.])[A-Z]\\.$");
    private static final java.util.regex.Pattern MERIDIEM_END = java.util.regex.Pattern.compile("(?i)\\d\\s*[ap]\\.\\s?m\\.,?$");
    /** A clock alone with its preposition ("At 10:09 a.m.", "On 11/07/2023 at approximately 9:52 p.m."): the start of a sentence, not one. */
    private static final java.util.regex.Pattern TIME_ONLY = java.util.regex.Pattern.compile(
            "(?is)\\W*(?:on\\s+[^.]{0,30}?\\s+|(?:shortly|just|soon)\\s+)?(?:at|around|about|approximately|approx\\.?|by|after|before|until|from)\\s+(?:about\\s+|approximately\\s+|approx\\.\\s*|around\\s+)?\\d{1,2}(?::\\d{2})?\\s*[ap]\\.\\s?m\\.,?");

    /**
     * Joins sentences the detector split after an abbreviation police text is full of: a rank ("Dep.", "Sgt."),
     * an initial ("L." before a surname), "No." before a number, a clock's "a.m." or "p.m." before a word in lower
     * case ("at 11:15 a.m. with SWFL seal 24-1188") or after nothing but its preposition ("At 10:09 a.m. I gave him the
     * warning").
     */
    static List<Span> mergeAbbreviations(String text, Span[] spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (!out.isEmpty()) {
                Span prev = out.get(out.size() - 1);
                String before = text.substring(prev.getStart(), prev.getEnd()).stripTrailing();
                String next = text.substring(s.getStart(), s.getEnd()).strip();
                char c = next.isEmpty() ? ' ' : next.charAt(0);
                boolean join = Prefilter.find(TITLE_END, before)
                        || Prefilter.find(NUMBER_END, before) && (Character.isDigit(c) || c == '#')
                        || Prefilter.find(INITIAL_END, before) && Character.isUpperCase(c)
                        || Prefilter.find(MERIDIEM_END, before) && (Character.isLowerCase(c) || Prefilter.matches(TIME_ONLY, before))
                        || Prefilter.find(OPEN_PAREN_END, before) && Prefilter.matches(next, "(?s)[^()]{0,30}\\).*");
                if (join) {
                    out.set(out.size() - 1, new Span(prev.getStart(), s.getEnd()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    /** Annotates one string as a single sentence (table cells, transcript lines). */
    public Sentence sentence(String text, int start) {
        Span[] tokens = Tokens.spans(tokenizer, text);
        String[] words = Span.spansToStrings(tokens, text);
        return new Sentence(text, start, tokens, words, tagger::tag);
    }

    public String[] tokenize(String text) {
        return tokenizer.tokenize(text);
    }

    public Span[] tokenizePos(String text) {
        return tokenizer.tokenizePos(text);
    }

    /**
     * Blocks of text in which the sentence detector runs: paragraphs, and lines that look like form fields or
     * table rows (no sentence-final punctuation, or tab-separated cells) stand alone.
     */
    private static final java.util.regex.Pattern LOG_ENTRY = java.util.regex.Pattern.compile("^\\s{0,3}\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\s+\\d{1,2}:?\\d{2}\\b");

    static List<Span> blocks(String text) {
        List<Span> out = new ArrayList<>();
        int blockStart = 0;
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            if (nl < 0) break;
            String line = text.substring(i, nl).strip();
            // Prose runs on; a form line (columns set apart by runs of spaces) or an all-capitals heading stands alone.
            boolean prose = line.length() > 60 && !line.contains("\t") && line.chars().anyMatch(Character::isLetterOrDigit) && !Prefilter.matches(line, ".*\\S {3,}\\S.*")
                    && !(line.chars().anyMatch(Character::isLetter) && line.equals(line.toUpperCase()));
            boolean nextBlank = nl + 1 >= text.length() || text.charAt(nl + 1) == '\n';
            // A log entry starts on its own line with its date and time ("05/10/2024 1840  Ofc. L. Duarte -> ...").
            int nextEnd = text.indexOf('\n', nl + 1);
            String next = text.substring(nl + 1, nextEnd < 0 ? text.length() : nextEnd);
            if (Prefilter.find(LOG_ENTRY, next)) nextBlank = true;
            // A described line wrapped mid-sentence ("Exhibit 1   One bag containing two hundred (200) blue round
            // tablets imprinted" / "on one side ..."): the next line goes on in lower case.
            if (!prose && !nextBlank && Prefilter.matches(line, ".*[\\p{Ll}\\d\"),]$") && Prefilter.matches(next.strip(), "\\p{Ll}[\\p{Ll}-]*\\s+\\p{Ll}.*")
                    && !Prefilter.matches(next.strip(), ".*\\S {3,}\\S.*")) prose = true;
            if (!prose || nextBlank) {
                if (nl > blockStart) out.add(new Span(blockStart, nl));
                blockStart = nl + 1;
            }
            i = nl + 1;
        }
        if (blockStart < text.length()) out.add(new Span(blockStart, text.length()));
        return out;
    }
}
