package dev.leverage.index.search;

import dev.leverage.index.InvalidQueryException;
import dev.leverage.ingest.DocumentClass;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search language a defense team types, read into a Lucene query.
 *
 * <pre>
 *   words                 every word must be on the page (AND is the default)
 *   "exact phrase"        the words in order;  "dog sniff"~5  within 5 positions, any order
 *   dog w/5 sniff         within 5 words, either order;  dog pre/5 sniff  dog first
 *   a OR b, a AND b, NOT a, -a, ( )
 *   seiz*  b?ggie         wildcards;  cocaine~  fuzzy (OCR errors; ~1 or ~2 sets the edits)
 *   type:lab_report  person:Keel  bates:ARV-000004  bates:[ARV-000001 TO ARV-000009]
 *   date:2025-03-15  date:[2025-03-01 TO 2025-03-31]  date:2025-03  document:K9
 *   ARV-000004            a bare Bates number: that page
 * </pre>
 *
 * The parse is a small recursive descent over its own tokens (not Lucene's classic syntax, whose "~" after a word
 * is fuzzy and has no w/N), so the language is the same whichever index answers it. A mistake is an
 * {@link InvalidQueryException} whose message says what to change.
 */
public final class QueryLanguage {
    public static final String TEXT = "text", TYPE = "type", BATES_KEY = "bates_key", DATE = "date", PATH_LC = "path_lc";
    private static final Pattern BATES = Pattern.compile("[A-Z]{2,10}[-_ ]?\\d{5,10}");
    private static final Pattern NEAR = Pattern.compile("(?i)(w|near|pre)/(\\d{1,3})");
    private static final int MAX_EXPANSIONS = 256;

    /** How a person filter becomes a query: the pages that mention the person, however written. */
    public interface PersonFilter {
        Query pagesOf(String name);
    }

    /** A read query; {@code bates} is set when the whole query is a Bates number (jump to that page). */
    public record Parsed(Query query, String bates, Query relaxed) {
        public Parsed(Query query, String bates) {
            this(query, bates, null);
        }
    }

    private final Analyzer analyzer;
    private final PersonFilter persons;

    /**
     * @param analyzer the index's analyser, for wildcard and fuzzy terms
     * @param query    the analyser of a search's words (the index's plus synonyms)
     * @param persons  how person: becomes pages
     */
    public QueryLanguage(Analyzer analyzer, Analyzer query, PersonFilter persons) {
        this.analyzer = query;
        this.indexAnalyzer = analyzer;
        this.persons = persons;
    }

    private final Analyzer indexAnalyzer;

    public Parsed parse(String input) throws InvalidQueryException {
        String q = input == null ? "" : input.strip();
        if (q.isEmpty()) throw new InvalidQueryException("The search is empty; type the words to find, for example dog sniff.");
        if (BATES.matcher(q).matches()) return new Parsed(new TermQuery(new Term(BATES_KEY, batesKey(q))), q);
        List<Tok> toks = lex(q);
        Parser p = new Parser(toks);
        Node n = p.or();
        if (p.i < toks.size()) {
            Tok t = toks.get(p.i);
            throw new InvalidQueryException(t.kind == Kind.RPAREN
                    ? "The search closes a parenthesis that was never opened; remove the extra \")\"."
                    : "The search could not be read at \"" + t.text + "\"; check the operators and parentheses.");
        }
        try {
            return new Parsed(toQuery(n), null, relaxed(n));
        } catch (UncheckedIOException e) {
            throw new InvalidQueryException("The search could not be read; simplify it and try again.");
        }
    }

    /**
     * For words typed without operators, the pages with at least half of them: shown after every page that has them
     * all (or most), so a search never comes back empty-handed because one word is phrased differently on the page.
     */
    private Query relaxed(Node n) throws InvalidQueryException {
        if (!(n instanceof And a) || a.explicit || a.nodes.size() < 2 || a.nodes.size() > 8) return null;
        if (!a.nodes.stream().allMatch(c -> c instanceof Word w && !w.wildcard() && w.fuzzy <= 0)) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Node c : a.nodes) b.add(toQuery(c), BooleanClause.Occur.SHOULD);
        b.setMinimumNumberShouldMatch(Math.max(1, a.nodes.size() / 2));
        return b.build();
    }

    /** A Bates number reduced to letters and digits, upper-cased: "ARV-000004", "arv 000004" and "ARV_000004" agree. */
    public static String batesKey(String bates) {
        return bates.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9*?]", "");
    }

    // ---- lexing ----

    private enum Kind { WORD, PHRASE, LPAREN, RPAREN, AND, OR, NOT, NEAR, FIELD, RANGE }

    private record Tok(Kind kind, String text, int n, boolean flag) {
        Tok(Kind kind, String text) {
            this(kind, text, -1, false);
        }
    }

    private static List<Tok> lex(String q) throws InvalidQueryException {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Tok(Kind.LPAREN, "("));
                i++;
            } else if (c == ')') {
                out.add(new Tok(Kind.RPAREN, ")"));
                i++;
            } else if (c == '"' || c == '“' || c == '”') {
                int end = i + 1;
                while (end < q.length() && q.charAt(end) != '"' && q.charAt(end) != '”' && q.charAt(end) != '“') end++;
                if (end >= q.length()) throw new InvalidQueryException("The search opens a quote that is never closed; add the closing \" or remove the quote.");
                String phrase = q.substring(i + 1, end);
                i = end + 1;
                int slop = 0;
                if (i < q.length() && q.charAt(i) == '~') {
                    int j = i + 1;
                    while (j < q.length() && Character.isDigit(q.charAt(j))) j++;
                    slop = j == i + 1 ? 2 : Integer.parseInt(q.substring(i + 1, Math.min(j, i + 4)));
                    i = j;
                }
                out.add(new Tok(Kind.PHRASE, phrase, slop, false));
            } else if ((c == '-' || c == '!') && (i == 0 || Character.isWhitespace(q.charAt(i - 1)) || q.charAt(i - 1) == '(')
                    && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1))) {
                out.add(new Tok(Kind.NOT, String.valueOf(c)));
                i++;
            } else if (c == '+' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1))) {
                i++; // required is the default
            } else if (q.startsWith("&&", i)) {
                out.add(new Tok(Kind.AND, "&&"));
                i += 2;
            } else if (q.startsWith("||", i)) {
                out.add(new Tok(Kind.OR, "||"));
                i += 2;
            } else {
                int j = i;
                while (j < q.length() && !Character.isWhitespace(q.charAt(j)) && "()\"“”".indexOf(q.charAt(j)) < 0) j++;
                String w = q.substring(i, j);
                int colon = w.indexOf(':');
                if (colon > 0 && w.substring(0, colon).matches("[A-Za-z_]+")) {
                    out.add(new Tok(Kind.FIELD, w.substring(0, colon).toLowerCase(Locale.ROOT)));
                    String rest = w.substring(colon + 1);
                    if (rest.isEmpty() && j < q.length() && (q.charAt(j) == '"' || q.charAt(j) == '(')) {
                        i = j;
                        continue;
                    }
                    if (rest.startsWith("[") || rest.startsWith("{")) {
                        char close = rest.startsWith("[") ? ']' : '}';
                        int end = q.indexOf(close, i + colon + 1);
                        if (end < 0) throw new InvalidQueryException("A range in the search is not closed; write it as date:[2025-03-01 TO 2025-03-31].");
                        out.add(new Tok(Kind.RANGE, q.substring(i + colon + 2, end), -1, close == ']'));
                        i = end + 1;
                        continue;
                    }
                    if (rest.isEmpty()) throw new InvalidQueryException("The filter \"" + w + "\" has no value; write it as " + w + "something, for example type:lab_report.");
                    out.add(word(rest));
                    i = j;
                    continue;
                }
                i = j;
                if (w.equals("AND")) out.add(new Tok(Kind.AND, w));
                else if (w.equals("OR")) out.add(new Tok(Kind.OR, w));
                else if (w.equals("NOT")) out.add(new Tok(Kind.NOT, w));
                else {
                    Matcher m = NEAR.matcher(w);
                    if (m.matches()) out.add(new Tok(Kind.NEAR, w, Integer.parseInt(m.group(2)), m.group(1).equalsIgnoreCase("pre")));
                    else out.add(word(w));
                }
            }
        }
        return out;
    }

    /** A word, with "~" or "~N" after it for a fuzzy match (N edits; without N, by its length). */
    private static Tok word(String w) {
        Matcher m = Pattern.compile("(.+?)~(\\d?)").matcher(w);
        if (m.matches() && !m.group(1).isEmpty()) {
            String base = m.group(1);
            int edits = m.group(2).isEmpty() ? (base.length() <= 2 ? 0 : base.length() <= 5 ? 1 : 2) : Math.min(2, Integer.parseInt(m.group(2)));
            return new Tok(Kind.WORD, base, edits, false);
        }
        return new Tok(Kind.WORD, w);
    }

    // ---- parsing ----

    private sealed interface Node permits Word, Phrase, Field, Range, And, Or, Not, Near {
    }

    private record Word(String text, int fuzzy) implements Node {
        boolean wildcard() {
            return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
        }
    }

    private record Phrase(String text, int slop) implements Node {
    }

    private record Field(String field, Node value) implements Node {
    }

    private record Range(String text, boolean inclusive) implements Node {
    }

    private record And(List<Node> nodes, boolean explicit) implements Node {
    }

    private record Or(List<Node> nodes) implements Node {
    }

    private record Not(Node node) implements Node {
    }

    private record Near(Node left, Node right, int within, boolean ordered) implements Node {
    }

    private static final class Parser {
        final List<Tok> toks;
        int i;

        Parser(List<Tok> toks) {
            this.toks = toks;
        }

        Tok peek() {
            return i < toks.size() ? toks.get(i) : null;
        }

        Node or() throws InvalidQueryException {
            List<Node> parts = new ArrayList<>();
            parts.add(and());
            while (peek() != null && peek().kind == Kind.OR) {
                i++;
                if (peek() == null || peek().kind == Kind.RPAREN) throw new InvalidQueryException("OR needs words on both sides; remove it or add what you are looking for.");
                parts.add(and());
            }
            return parts.size() == 1 ? parts.get(0) : new Or(parts);
        }

        Node and() throws InvalidQueryException {
            List<Node> parts = new ArrayList<>();
            boolean explicit = false;
            parts.add(unary());
            while (peek() != null && peek().kind != Kind.OR && peek().kind != Kind.RPAREN) {
                if (peek().kind == Kind.AND) {
                    explicit = true;
                    i++;
                    if (peek() == null || peek().kind == Kind.RPAREN || peek().kind == Kind.OR) throw new InvalidQueryException("AND needs words on both sides; remove it or add what you are looking for.");
                }
                parts.add(unary());
            }
            return parts.size() == 1 ? parts.get(0) : new And(parts, explicit);
        }

        Node unary() throws InvalidQueryException {
            Tok t = peek();
            if (t != null && t.kind == Kind.NOT) {
                i++;
                if (peek() == null || peek().kind == Kind.RPAREN || peek().kind == Kind.OR || peek().kind == Kind.AND)
                    throw new InvalidQueryException("NOT needs a word after it; write for example: cocaine NOT marijuana.");
                return new Not(unary());
            }
            return near();
        }

        Node near() throws InvalidQueryException {
            Node left = primary();
            while (peek() != null && peek().kind == Kind.NEAR) {
                Tok op = toks.get(i++);
                if (peek() == null || peek().kind == Kind.RPAREN || peek().kind == Kind.OR || peek().kind == Kind.AND || peek().kind == Kind.NEAR)
                    throw new InvalidQueryException(op.text + " needs words on both sides; write for example: dog " + op.text + " sniff.");
                left = new Near(left, primary(), Math.max(1, op.n), op.flag);
            }
            return left;
        }

        Node primary() throws InvalidQueryException {
            Tok t = peek();
            if (t == null) throw new InvalidQueryException("The search ends too early; finish it or remove the last operator.");
            switch (t.kind) {
                case LPAREN -> {
                    i++;
                    if (peek() != null && peek().kind == Kind.RPAREN) throw new InvalidQueryException("The search has empty parentheses; put words inside them or remove them.");
                    Node n = or();
                    if (peek() == null || peek().kind != Kind.RPAREN) throw new InvalidQueryException("A parenthesis in the search is never closed; add the missing \")\".");
                    i++;
                    return n;
                }
                case PHRASE -> {
                    i++;
                    return new Phrase(t.text, t.n);
                }
                case WORD -> {
                    i++;
                    return new Word(t.text, t.n);
                }
                case FIELD -> {
                    i++;
                    Tok v = peek();
                    if (v == null) throw new InvalidQueryException("The filter " + t.text + ": has no value; write it as " + t.text + ":something.");
                    if (v.kind == Kind.RANGE) {
                        i++;
                        return new Field(t.text, new Range(v.text, v.flag));
                    }
                    return new Field(t.text, primary());
                }
                case NEAR -> throw new InvalidQueryException(t.text + " needs words on both sides; write for example: dog " + t.text + " sniff.");
                case RANGE -> throw new InvalidQueryException("A range needs a field before it, for example date:[2025-03-01 TO 2025-03-31].");
                default -> throw new InvalidQueryException("The search has \"" + t.text + "\" where words were expected; remove it or put a word before it.");
            }
        }
    }

    // ---- to Lucene ----

    private Query toQuery(Node n) throws InvalidQueryException {
        if (n instanceof Word w) return word(w);
        if (n instanceof Phrase p) return phrase(p);
        if (n instanceof Field f) return field(f.field, f.value);
        if (n instanceof Near nr) return new IntervalQuery(TEXT, intervals(nr));
        if (n instanceof Not x) return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                .add(exactly(x.node), BooleanClause.Occur.MUST_NOT).build();
        if (n instanceof Or o) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Node c : o.nodes) b.add(toQuery(c), BooleanClause.Occur.SHOULD);
            return b.build();
        }
        if (n instanceof And a && a.nodes.size() >= 3 && a.nodes.stream().allMatch(c -> c instanceof Word w && !w.wildcard() && w.fuzzy <= 0)
                && !a.explicit) {
            // Words typed without operators: pages with most of them, best first. A page that says "K9 arrived" answers
            // "K9 arrival time"; AND, quotes or w/N ask for exactness.
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Node c : a.nodes) b.add(toQuery(c), BooleanClause.Occur.SHOULD);
            b.setMinimumNumberShouldMatch(a.nodes.size() - a.nodes.size() / 3);
            return b.build();
        }
        if (n instanceof And a) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean positive = false;
            for (Node c : a.nodes) {
                if (c instanceof Not x) {
                    b.add(exactly(x.node), BooleanClause.Occur.MUST_NOT);
                } else {
                    positive = true;
                    b.add(toQuery(c), c instanceof Field f && !f.field.equals("text") ? BooleanClause.Occur.FILTER : BooleanClause.Occur.MUST);
                }
            }
            if (!positive) b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            return b.build();
        }
        throw new IllegalStateException(n.toString());
    }

    /** The analysed words of a text: one list of forms (as written, stem) per position. */
    private List<List<String>> positions(String text) {
        List<List<String>> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 || out.isEmpty()) out.add(new ArrayList<>());
                out.get(out.size() - 1).add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private String normal(String text) {
        return indexAnalyzer.normalize(TEXT, text).utf8ToString();
    }

    private boolean exact;

    /** What NOT excludes: the words as written, never their near spellings. */
    private Query exactly(Node n) throws InvalidQueryException {
        boolean was = exact;
        exact = true;
        try {
            return toQuery(n);
        } finally {
            exact = was;
        }
    }

    private Query word(Word w) throws InvalidQueryException {
        // a wildcard or fuzzy word on its own is a multi-term query (no cap on how many words it covers); inside a
        // proximity or across an identifier's parts ("TCRCL-04*") it is an interval
        if (w.fuzzy > 0) return new FuzzyQuery(new Term(TEXT, normal(w.text)), w.fuzzy, 0, 256, true);
        if (w.wildcard() && normal(w.text).matches("[\\p{L}\\p{N}*?]+")) {
            String t = normal(w.text);
            if (t.replaceAll("[*?]", "").isEmpty()) throw new InvalidQueryException("A wildcard needs at least one letter or digit with it; write for example: seiz*.");
            return new WildcardQuery(new Term(TEXT, t));
        }
        if (w.wildcard()) return new IntervalQuery(TEXT, intervals(w));
        List<List<String>> pos = positions(w.text);
        if (pos.isEmpty()) return new MatchNoDocsQuery("no searchable word in " + w.text);
        QueryBuilder qb = new QueryBuilder(analyzer);
        Query q = pos.size() == 1 ? qb.createBooleanQuery(TEXT, w.text) : qb.createPhraseQuery(TEXT, w.text, 0);
        if (q == null) return new MatchNoDocsQuery();
        String t = normal(w.text);
        if (exact || pos.size() != 1 || t.length() < AUTO_FUZZY_LENGTH || !t.chars().allMatch(Character::isLetter)) return q;
        // Scanned pages misspell ("evidenoe", "C0CAINE"): a long word also finds its near spellings, at a fraction of
        // the weight of the word itself, so exact pages rank first.
        Query near = new BoostQuery(new FuzzyQuery(new Term(TEXT, t), t.length() >= 10 ? 2 : 1, 1, 50, true), 0.3f);
        return new BooleanQuery.Builder().add(q, BooleanClause.Occur.SHOULD).add(near, BooleanClause.Occur.SHOULD).build();
    }

    static final int AUTO_FUZZY_LENGTH = 6;

    private Query phrase(Phrase p) {
        Query q = new QueryBuilder(analyzer).createPhraseQuery(TEXT, p.text, p.slop);
        return q == null ? new MatchNoDocsQuery("no searchable word in the phrase") : q;
    }

    private IntervalsSource intervals(Node n) throws InvalidQueryException {
        if (n instanceof Word w) {
            if (w.fuzzy > 0) {
                String t = normal(w.text);
                return Intervals.fuzzyTerm(t, w.fuzzy, 0, true, MAX_EXPANSIONS);
            }
            if (w.wildcard()) {
                // "CL25-04*": the words before the wildcard part in order, then the wildcard
                String[] parts = normal(w.text).split("[^\\p{L}\\p{N}*?]+");
                List<IntervalsSource> seq = new ArrayList<>();
                for (String part : parts) {
                    if (part.isEmpty()) continue;
                    if (part.replaceAll("[*?]", "").isEmpty()) throw new InvalidQueryException("A wildcard needs at least one letter or digit with it; write for example: seiz*.");
                    seq.add(part.indexOf('*') >= 0 || part.indexOf('?') >= 0 ? Intervals.wildcard(new BytesRef(part), MAX_EXPANSIONS) : Intervals.term(part));
                }
                if (seq.isEmpty()) throw new InvalidQueryException("A wildcard needs at least one letter or digit with it; write for example: seiz*.");
                return seq.size() == 1 ? seq.get(0) : Intervals.phrase(seq.toArray(IntervalsSource[]::new));
            }
            return sequence(positions(w.text), 0, w.text);
        }
        if (n instanceof Phrase p) return sequence(positions(p.text), p.slop, p.text);
        if (n instanceof Or o) {
            List<IntervalsSource> cs = new ArrayList<>();
            for (Node c : o.nodes) cs.add(intervals(c));
            return Intervals.or(cs);
        }
        if (n instanceof And a) {
            List<IntervalsSource> cs = new ArrayList<>();
            for (Node c : a.nodes) cs.add(intervals(c));
            return Intervals.unordered(cs.toArray(IntervalsSource[]::new));
        }
        if (n instanceof Near nr) {
            IntervalsSource l = intervals(nr.left), r = intervals(nr.right);
            return Intervals.maxgaps(nr.within - 1, nr.ordered ? Intervals.ordered(l, r) : Intervals.unordered(l, r));
        }
        if (n instanceof Not) throw new InvalidQueryException("NOT cannot be used inside a w/N proximity; put it outside, for example: (dog w/5 sniff) NOT alert.");
        throw new InvalidQueryException("Filters such as type: or person: cannot be used inside a w/N proximity; put them outside, for example: (dog w/5 sniff) type:k9_report.");
    }

    private static IntervalsSource sequence(List<List<String>> pos, int slop, String text) throws InvalidQueryException {
        if (pos.isEmpty()) throw new InvalidQueryException("\"" + text + "\" has no searchable word; use letters or digits.");
        List<IntervalsSource> seq = new ArrayList<>();
        for (List<String> forms : pos) {
            List<IntervalsSource> alts = forms.stream().map(Intervals::term).toList();
            seq.add(alts.size() == 1 ? alts.get(0) : Intervals.or(alts));
        }
        if (seq.size() == 1) return seq.get(0);
        IntervalsSource[] arr = seq.toArray(IntervalsSource[]::new);
        return slop == 0 ? Intervals.phrase(arr) : Intervals.maxgaps(slop, Intervals.unordered(arr));
    }

    private Query field(String field, Node value) throws InvalidQueryException {
        switch (field) {
            case "text", "content" -> {
                return toQuery(value);
            }
            case "type" -> {
                return leaves(value, v -> {
                    String t = v.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
                    if (t.indexOf('*') >= 0 || t.indexOf('?') >= 0) return new WildcardQuery(new Term(TYPE, t));
                    if (!DocumentClass.types().contains(t))
                        throw new InvalidQueryException("There is no document type \"" + v + "\"; use one of " + String.join(", ", DocumentClass.types()) + ".");
                    return new TermQuery(new Term(TYPE, t));
                }, r -> {
                    throw new InvalidQueryException("type: takes a document type, not a range; for example type:lab_report.");
                });
            }
            case "bates" -> {
                return leaves(value, v -> {
                    String k = batesKey(v);
                    return k.indexOf('*') >= 0 || k.indexOf('?') >= 0 ? new WildcardQuery(new Term(BATES_KEY, k)) : new TermQuery(new Term(BATES_KEY, k));
                }, r -> {
                    String[] ends = rangeEnds(r, "bates:[ARV-000001 TO ARV-000009]");
                    return new TermRangeQuery(BATES_KEY, ends[0].equals("*") ? null : new BytesRef(batesKey(ends[0])),
                            ends[1].equals("*") ? null : new BytesRef(batesKey(ends[1])), r.inclusive, r.inclusive);
                });
            }
            case "date" -> {
                return leaves(value, v -> {
                    LocalDate[] span = dateSpan(v);
                    return LongPoint.newRangeQuery(DATE, span[0].toEpochDay(), span[1].toEpochDay());
                }, r -> {
                    String[] ends = rangeEnds(r, "date:[2025-03-01 TO 2025-03-31]");
                    long lo = ends[0].equals("*") ? Long.MIN_VALUE : dateSpan(ends[0])[0].toEpochDay() + (r.inclusive ? 0 : 1);
                    long hi = ends[1].equals("*") ? Long.MAX_VALUE : dateSpan(ends[1])[1].toEpochDay() - (r.inclusive ? 0 : 1);
                    return LongPoint.newRangeQuery(DATE, lo, hi);
                });
            }
            case "person", "witness", "officer", "name" -> {
                return leaves(value, persons::pagesOf, r -> {
                    throw new InvalidQueryException("person: takes a name, not a range; for example person:Keel or person:\"Morgan Keel\".");
                });
            }
            case "document", "doc", "file" -> {
                return leaves(value, v -> new WildcardQuery(new Term(PATH_LC, "*" + v.toLowerCase(Locale.ROOT) + "*")), r -> {
                    throw new InvalidQueryException("document: takes part of a file name, for example document:K9.");
                });
            }
            default -> {
                // "Time:0105" is text a page says, not a filter: search the words.
                if (value instanceof Word w) return toQuery(new Phrase(field + " " + w.text, 0));
                if (value instanceof Phrase p) return toQuery(new Phrase(field + " " + p.text, p.slop));
                throw new InvalidQueryException("There is no filter \"" + field + ":\"; the filters are type:, person:, bates:, date: and document:.");
            }
        }
    }

    private interface Leaf {
        Query of(String value) throws InvalidQueryException;
    }

    private interface RangeLeaf {
        Query of(Range r) throws InvalidQueryException;
    }

    /** A filter applied to each word or phrase of its value: person:(Keel OR Ortega). */
    private Query leaves(Node value, Leaf leaf, RangeLeaf range) throws InvalidQueryException {
        if (value instanceof Word w) return new ConstantScoreQuery(leaf.of(w.text));
        if (value instanceof Phrase p) return new ConstantScoreQuery(leaf.of(p.text));
        if (value instanceof Range r) return new ConstantScoreQuery(range.of(r));
        if (value instanceof Or o) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Node c : o.nodes) b.add(leaves(c, leaf, range), BooleanClause.Occur.SHOULD);
            return b.build();
        }
        if (value instanceof And a) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Node c : a.nodes) b.add(leaves(c, leaf, range), c instanceof Not ? BooleanClause.Occur.MUST_NOT : BooleanClause.Occur.FILTER);
            return b.build();
        }
        if (value instanceof Not x) return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                .add(leaves(x.node, leaf, range), BooleanClause.Occur.MUST_NOT).build();
        throw new InvalidQueryException("A filter's value must be a word, a \"phrase\" or a range; put proximity searches outside it.");
    }

    private static String[] rangeEnds(Range r, String example) throws InvalidQueryException {
        String[] ends = r.text.strip().split("\\s+TO\\s+");
        if (ends.length != 2) throw new InvalidQueryException("A range is written with TO in capitals, for example " + example + ".");
        return new String[]{ends[0].strip(), ends[1].strip()};
    }

    private static final List<DateTimeFormatter> DAYS = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("M/d/uuuu"),
            DateTimeFormatter.ofPattern("M-d-uuuu"), DateTimeFormatter.ofPattern("uuuuMMdd"));

    /** The first and last day a date names: a day, a month (2025-03) or a year (2025). */
    static LocalDate[] dateSpan(String v) throws InvalidQueryException {
        String s = v.strip();
        for (DateTimeFormatter f : DAYS) {
            try {
                LocalDate d = LocalDate.parse(s, f);
                return new LocalDate[]{d, d};
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        try {
            YearMonth ym = YearMonth.parse(s);
            return new LocalDate[]{ym.atDay(1), ym.atEndOfMonth()};
        } catch (DateTimeParseException ignored) {
            // a year?
        }
        if (s.matches("\\d{4}")) {
            int y = Integer.parseInt(s);
            return new LocalDate[]{LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)};
        }
        throw new InvalidQueryException("The date \"" + v + "\" could not be read; write dates as 2025-03-14 or 03/14/2025, a month as 2025-03.");
    }
}
