package dev.leverage.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The literal text a regular expression cannot match without, checked before the expression runs. The readers run
 * hundreds of patterns over every line of every page, and most lines hold none of what a given pattern looks for; Java's
 * engine still tries each pattern at every position of the line. A pattern such as
 * {@code (?i)\b(?:seal(?:ed)?|tamper)\s+(?:no|number)} cannot match a line that contains neither "seal" nor "tamper",
 * and {@link String#indexOf} answers that far faster than the engine does.
 *
 * <p>The needed literals are read from the pattern's own text, conservatively: a set of strings at least one of which
 * every match contains. Letters are compared without case, so the answer holds with or without {@code (?i)}. Whatever
 * the reader does not understand (comments mode, Unicode case folding, octal or control escapes) leaves the pattern
 * without a filter, and it simply runs. A wrong filter would lose a match, so {@code PrefilterTest} checks every
 * pattern of the readers against real text: where the filter says no, the pattern must not match.
 *
 * <p>Only for patterns held in constants: the filter of each pattern is kept for the life of the JVM.
 */
public final class Prefilter {
    /** No literal is needed: the pattern always runs. */
    private static final String[] ANY = new String[0];
    private static final ConcurrentHashMap<Pattern, String[]> NEEDS = new ConcurrentHashMap<>();
    private static final int MAX_ALTERNATIVES = 48;

    private Prefilter() {
    }

    /** {@code p.matcher(text).find()}, skipped when the text lacks every literal the pattern needs. */
    public static boolean find(Pattern p, CharSequence text) {
        return mayMatch(p, text) && p.matcher(text).find();
    }

    /** {@code p.matcher(text).matches()}, skipped when the text lacks every literal the pattern needs. */
    public static boolean matches(Pattern p, CharSequence text) {
        return mayMatch(p, text) && p.matcher(text).matches();
    }

    /** {@code p.matcher(text).lookingAt()}, skipped when the text lacks every literal the pattern needs. */
    public static boolean lookingAt(Pattern p, CharSequence text) {
        return mayMatch(p, text) && p.matcher(text).lookingAt();
    }

    private static final ConcurrentHashMap<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    /** A regular expression written as a literal in the code, compiled once. Never for an expression built at run time. */
    public static Pattern compiled(String regex) {
        Pattern p = COMPILED.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            COMPILED.put(regex, p);
        }
        return p;
    }

    /** {@code text.matches(regex)}, the expression compiled once and skipped when the text lacks what it needs. */
    public static boolean matches(String text, String regex) {
        return matches(compiled(regex), text);
    }

    /** {@code text.replaceAll(regex, replacement)}, the expression compiled once and skipped when it cannot match. */
    public static String replaceAll(String text, String regex, String replacement) {
        Pattern p = compiled(regex);
        return mayMatch(p, text) ? p.matcher(text).replaceAll(replacement) : text;
    }

    /** {@code text.replaceFirst(regex, replacement)}, the expression compiled once and skipped when it cannot match. */
    public static String replaceFirst(String text, String regex, String replacement) {
        Pattern p = compiled(regex);
        return mayMatch(p, text) ? p.matcher(text).replaceFirst(replacement) : text;
    }

    /** False only when no match of the pattern can be in the text. */
    public static boolean mayMatch(Pattern p, CharSequence text) {
        String[] needs = needs(p);
        if (needs == ANY) return true;
        String lower = lower(text);
        for (String n : needs) {
            if (lower.indexOf(n) >= 0) return true;
        }
        return false;
    }

    /** The literals, in lower case, one of which every match contains; empty when the pattern needs none. */
    static String[] needs(Pattern p) {
        String[] n = NEEDS.get(p);
        if (n == null) {
            n = read(p);
            NEEDS.put(p, n);
        }
        return n;
    }

    private static final ThreadLocal<CharSequence[]> LAST = ThreadLocal.withInitial(() -> new CharSequence[2]);

    /** The text in lower case (ASCII letters only, so lengths and every other character stay as they are). */
    private static String lower(CharSequence text) {
        // only a String is kept: a builder may change between two calls
        if (!(text instanceof String)) return lowerAscii(text.toString());
        CharSequence[] last = LAST.get();
        if (last[0] == text) return (String) last[1];
        String lower = lowerAscii(text.toString());
        last[0] = text;
        last[1] = lower;
        return lower;
    }

    static String lowerAscii(String s) {
        int i = 0;
        while (i < s.length() && !(s.charAt(i) >= 'A' && s.charAt(i) <= 'Z')) i++;
        if (i == s.length()) return s;
        char[] c = s.toCharArray();
        for (; i < c.length; i++) {
            if (c[i] >= 'A' && c[i] <= 'Z') c[i] = (char) (c[i] + 32);
        }
        return new String(c);
    }

    private static String[] read(Pattern p) {
        if ((p.flags() & (Pattern.LITERAL | Pattern.COMMENTS | Pattern.UNICODE_CASE | Pattern.CANON_EQ | Pattern.UNICODE_CHARACTER_CLASS)) != 0) return ANY;
        try {
            Reader r = new Reader(p.pattern());
            Set<String> set = r.alternation();
            if (r.at < r.re.length() || set == null || set.isEmpty() || set.size() > MAX_ALTERNATIVES) return ANY;
            List<String> out = new ArrayList<>();
            for (String s : set) {
                if (s.isEmpty()) return ANY;
                out.add(lowerAscii(s));
            }
            return out.toArray(String[]::new);
        } catch (Unreadable e) {
            return ANY;
        }
    }

    /** Raised for any part of a pattern the reader does not understand: the pattern then goes unfiltered. */
    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    /**
     * A recursive reader of Java's pattern syntax. Each part yields the set of literals one of which a match of that
     * part contains, or null when it needs none.
     */
    private static final class Reader {
        final String re;
        int at;

        Reader(String re) {
            this.re = re;
        }

        /** branch ('|' branch)* : a match contains the literal of whichever branch it took. */
        Set<String> alternation() {
            Set<String> union = new LinkedHashSet<>();
            boolean any = false;
            while (true) {
                Set<String> b = sequence();
                if (b == null) any = true;
                else union.addAll(b);
                if (at < re.length() && re.charAt(at) == '|') {
                    at++;
                    continue;
                }
                return any ? null : union;
            }
        }

        /** A run of parts: every part with a minimum of one is needed; the best of them is kept. */
        Set<String> sequence() {
            List<Set<String>> candidates = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            while (at < re.length() && re.charAt(at) != '|' && re.charAt(at) != ')') {
                Part part = part();
                int[] q = quantifier();
                if (part.literal != null && q[0] == 1 && q[1] == 1) {
                    run.append(part.literal);
                    continue;
                }
                close(run, candidates);
                if (q[0] == 0 || part.zeroWidth) continue;
                if (part.literal != null) candidates.add(Set.of(part.literal.substring(0, 1)));
                else if (part.needs != null) candidates.add(part.needs);
            }
            close(run, candidates);
            Set<String> best = null;
            for (Set<String> c : candidates) {
                if (best == null || better(c, best)) best = c;
            }
            return best;
        }

        private static void close(StringBuilder run, List<Set<String>> candidates) {
            if (run.length() > 0) candidates.add(Set.of(run.toString()));
            run.setLength(0);
        }

        private static boolean better(Set<String> a, Set<String> b) {
            int la = shortest(a), lb = shortest(b);
            if (la != lb) return la > lb;
            return a.size() < b.size();
        }

        private static int shortest(Set<String> s) {
            int min = Integer.MAX_VALUE;
            for (String x : s) min = Math.min(min, x.length());
            return s.size() > MAX_ALTERNATIVES ? 0 : min;
        }

        /** {min, max} of the quantifier after a part ({1, 1} when there is none); max -1 is unbounded. */
        int[] quantifier() {
            if (at >= re.length()) return new int[]{1, 1};
            char c = re.charAt(at);
            int[] q;
            if (c == '?') q = new int[]{0, 1};
            else if (c == '*') q = new int[]{0, -1};
            else if (c == '+') q = new int[]{1, -1};
            else if (c == '{') {
                int close = re.indexOf('}', at);
                if (close < 0) throw new Unreadable();
                String body = re.substring(at + 1, close);
                if (!body.matches("\\d+(,\\d*)?")) throw new Unreadable();
                String[] nm = body.split(",", -1);
                int min = Integer.parseInt(nm[0]);
                int max = nm.length == 1 ? min : nm[1].isEmpty() ? -1 : Integer.parseInt(nm[1]);
                q = new int[]{min, max};
                at = close;
            } else return new int[]{1, 1};
            at++;
            if (at < re.length() && (re.charAt(at) == '?' || re.charAt(at) == '+')) at++;
            return q;
        }

        /** One atom: a literal character, a group, a class, an escape or an anchor. */
        Part part() {
            char c = re.charAt(at);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    skipClass();
                    return Part.ANY;
                case '.':
                    at++;
                    return Part.ANY;
                case '^':
                case '$':
                    at++;
                    return Part.ZERO;
                case '\\':
                    return escape();
                case '*':
                case '+':
                case '?':
                case '{':
                    throw new Unreadable();
                default:
                    at++;
                    return Part.literal(String.valueOf(c));
            }
        }

        private Part group() {
            at++; // (
            boolean zeroWidth = false;
            if (re.startsWith("?", at)) {
                at++;
                if (re.startsWith("=", at) || re.startsWith("!", at)) {
                    at++;
                    zeroWidth = true;
                } else if (re.startsWith("<=", at) || re.startsWith("<!", at)) {
                    at += 2;
                    zeroWidth = true;
                } else if (re.startsWith("<", at)) {
                    int close = re.indexOf('>', at);
                    if (close < 0) throw new Unreadable();
                    at = close + 1;
                } else if (re.startsWith(":", at) || re.startsWith(">", at)) {
                    at++;
                } else {
                    // inline flags: "(?i)" alone, or "(?i:...)" as a group
                    int from = at;
                    while (at < re.length() && "idmsuxU-".indexOf(re.charAt(at)) >= 0) at++;
                    String flags = re.substring(from, at);
                    if (flags.indexOf('x') >= 0 || flags.indexOf('u') >= 0 || flags.indexOf('U') >= 0 || at >= re.length()) throw new Unreadable();
                    if (re.charAt(at) == ')') {
                        at++;
                        return Part.ZERO;
                    }
                    if (re.charAt(at) != ':') throw new Unreadable();
                    at++;
                }
            }
            Set<String> inner = alternation();
            if (at >= re.length() || re.charAt(at) != ')') throw new Unreadable();
            at++;
            if (zeroWidth) return Part.ZERO;
            return inner == null ? Part.ANY : new Part(null, inner, false);
        }

        private void skipClass() {
            int depth = 0;
            at++; // [
            if (re.startsWith("^", at)) at++;
            if (re.startsWith("]", at)) at++; // a leading ']' is literal
            while (at < re.length()) {
                char c = re.charAt(at);
                if (c == '\\') {
                    at += 2;
                    continue;
                }
                if (c == '[') depth++;
                else if (c == ']') {
                    if (depth == 0) {
                        at++;
                        return;
                    }
                    depth--;
                }
                at++;
            }
            throw new Unreadable();
        }

        private Part escape() {
            if (at + 1 >= re.length()) throw new Unreadable();
            char c = re.charAt(at + 1);
            at += 2;
            switch (c) {
                case 'b', 'B', 'A', 'z', 'Z', 'G':
                    return Part.ZERO;
                case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V', 'R', 'X':
                    return Part.ANY;
                case 'p', 'P':
                    if (re.startsWith("{", at)) {
                        int close = re.indexOf('}', at);
                        if (close < 0) throw new Unreadable();
                        at = close + 1;
                    } else at++;
                    return Part.ANY;
                case 'k':
                    int close = re.indexOf('>', at);
                    if (close < 0) throw new Unreadable();
                    at = close + 1;
                    return Part.ANY;
                case 't':
                    return Part.literal("\t");
                case 'n':
                    return Part.literal("\n");
                case 'r':
                    return Part.literal("\r");
                case 'f':
                    return Part.literal("\f");
                case 'Q': {
                    int end = re.indexOf("\\E", at);
                    String lit = end < 0 ? re.substring(at) : re.substring(at, end);
                    at = end < 0 ? re.length() : end + 2;
                    return lit.isEmpty() ? Part.ZERO : Part.literal(lit);
                }
                case 'x': {
                    if (re.startsWith("{", at)) {
                        int end = re.indexOf('}', at);
                        if (end < 0) throw new Unreadable();
                        int cp = Integer.parseInt(re.substring(at + 1, end), 16);
                        at = end + 1;
                        return Part.literal(new String(Character.toChars(cp)));
                    }
                    if (at + 2 > re.length()) throw new Unreadable();
                    char ch = (char) Integer.parseInt(re.substring(at, at + 2), 16);
                    at += 2;
                    return Part.literal(String.valueOf(ch));
                }
                case 'u': {
                    if (at + 4 > re.length()) throw new Unreadable();
                    char ch = (char) Integer.parseInt(re.substring(at, at + 4), 16);
                    at += 4;
                    return Part.literal(String.valueOf(ch));
                }
                default:
                    if (c >= '1' && c <= '9') {
                        while (at < re.length() && Character.isDigit(re.charAt(at))) at++;
                        return Part.ANY; // a back reference
                    }
                    if (Character.isLetterOrDigit(c)) throw new Unreadable(); // octal, control and other escapes
                    return Part.literal(String.valueOf(c));
            }
        }
    }

    /** A parsed atom: a literal, or the literals it needs (null: none), or zero width. */
    private record Part(String literal, Set<String> needs, boolean zeroWidth) {
        static final Part ANY = new Part(null, null, false);
        static final Part ZERO = new Part(null, null, true);

        static Part literal(String s) {
            return new Part(s, null, false);
        }
    }
}
