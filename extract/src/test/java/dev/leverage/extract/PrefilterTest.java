package dev.leverage.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrefilterTest {

    @Test
    void readsTheLiteralsAPatternNeeds() {
        assertArrayEquals(new String[]{"seal", "tamper"}, Prefilter.needs(Pattern.compile("(?i)\\b(?:seal(?:ed)?|tamper)\\s+(?:no|number)")));
        assertArrayEquals(new String[]{"received by"}, Prefilter.needs(Pattern.compile("(?i)^\\s*received by\\s*:")));
        // the longest literal of a sequence is kept; a quantified character ends a literal
        assertArrayEquals(new String[]{"property"}, Prefilter.needs(Pattern.compile("\\bin (?:the )?property\\s+room")));
        assertArrayEquals(new String[]{" bag"}, Prefilter.needs(Pattern.compile("ba+gs? bag")));
        // nothing is needed: an optional part, a class, a look-around, an empty branch
        assertEquals(0, Prefilter.needs(Pattern.compile("(?:seal)?\\d+")).length);
        assertEquals(0, Prefilter.needs(Pattern.compile("[A-Z][a-z]+")).length);
        assertEquals(0, Prefilter.needs(Pattern.compile("(?=seal)\\w+")).length);
        assertEquals(0, Prefilter.needs(Pattern.compile("(?:seal|)x?")).length);
        // what the reader does not understand goes unfiltered
        assertEquals(0, Prefilter.needs(Pattern.compile("(?x) seal \\s+ no")).length);
        assertEquals(0, Prefilter.needs(Pattern.compile("(?iu)seal")).length);
        assertEquals(0, Prefilter.needs(Pattern.compile("seal\\0101")).length);
        assertArrayEquals(new String[]{"a.b"}, Prefilter.needs(Pattern.compile("\\Qa.b\\E")));
        assertArrayEquals(new String[]{"->"}, Prefilter.needs(Pattern.compile("\\s*-\\>\\s*")));
    }

    @Test
    void comparesWithoutCaseAndAnswersAsTheMatcher() {
        Pattern p = Pattern.compile("Released\\s+to");
        assertTrue(Prefilter.mayMatch(p, "RELEASED TO"));
        assertFalse(Prefilter.find(p, "RELEASED TO"));
        assertTrue(Prefilter.find(p, "Released   to Brandt"));
        assertFalse(Prefilter.mayMatch(p, "received from Brandt"));
        assertTrue(Prefilter.matches(Pattern.compile("(?i)item\\s*\\d+"), "ITEM 4"));
        assertTrue(Prefilter.lookingAt(Pattern.compile("(?i)item"), "Item 4 seized"));
    }

    /**
     * Every pattern the readers hold in a constant, on real text: every line and paragraph of the labelled sets.
     * Where the filter says a pattern cannot match, it must not match, or the filter would lose what a reader reads.
     */
    @Test
    void neverRefusesTextTheReadersPatternsMatch() throws Exception {
        List<Pattern> patterns = readersPatterns();
        patterns.addAll(literalRegexes());
        assertTrue(patterns.size() > 300, "the readers' patterns were found: " + patterns.size());
        List<String> texts = texts();
        assertTrue(texts.size() > 5_000, "texts: " + texts.size());
        long filtered = 0, refused = 0;
        List<String> wrong = new ArrayList<>();
        for (Pattern p : patterns) {
            if (Prefilter.needs(p).length > 0) filtered++;
            for (String t : texts) {
                if (Prefilter.mayMatch(p, t)) continue;
                refused++;
                // a pattern written as ".*word.*" is used whole (String.matches); found anywhere it would cost the
                // square of the text's length
                boolean hit = WHOLE.matcher(p.pattern()).lookingAt() ? p.matcher(t).matches() : p.matcher(t).find();
                if (hit) wrong.add(p.pattern() + "  on  " + t);
            }
        }
        System.out.printf("Prefilter: %d of %d patterns filtered; %d pattern-text pairs refused, all checked%n", filtered, patterns.size(), refused);
        assertTrue(wrong.isEmpty(), "the filter refused text its pattern matches:\n" + String.join("\n", wrong.subList(0, Math.min(10, wrong.size()))));
        assertTrue(filtered > patterns.size() / 2, "most patterns get a filter: " + filtered + " of " + patterns.size());
    }

    private static final Pattern WHOLE = Pattern.compile("(?:\\(\\?[a-z]+\\))?\\.\\*");

    static List<Pattern> readersPatterns() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Prefilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Pattern> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(classes)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceFirst("\\.class$", "");
                Class<?> c = Class.forName(name, false, PrefilterTest.class.getClassLoader());
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) continue;
                    boolean one = field.getType() == Pattern.class, array = field.getType() == Pattern[].class, map = java.util.Map.class.isAssignableFrom(field.getType());
                    if (!one && !array && !map) continue;
                    try {
                        field.setAccessible(true);
                        Object v = field.get(null);
                        if (one) out.add((Pattern) v);
                        if (array) out.addAll(List.of((Pattern[]) v));
                        // rule tables: a map whose values are patterns (the event classifier's cue rules)
                        if (map && v != null) for (Object e : ((java.util.Map<?, ?>) v).values()) {
                            if (e instanceof Pattern p) out.add(p);
                            if (e instanceof Pattern[] ps) out.addAll(List.of(ps));
                        }
                    } catch (ReflectiveOperationException | RuntimeException | ExceptionInInitializerError e) {
                        // a class that cannot initialise here has no pattern to check
                    }
                }
            }
        }
        return out;
    }

    /**
     * The regular expressions the readers write as literals in calls to {@link Prefilter#matches(String, String)},
     * {@link Prefilter#replaceAll} and {@link Prefilter#replaceFirst}, read from the module's sources.
     */
    static List<Pattern> literalRegexes() throws IOException {
        Path sources = Path.of("src/main/java");
        List<Pattern> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(sources)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String src = Files.readString(f);
                java.util.regex.Matcher call = Pattern.compile("Prefilter\\.(?:matches|replaceAll|replaceFirst)\\(").matcher(src);
                while (call.find()) {
                    String regex = secondArgument(src, call.end());
                    if (regex != null) out.add(Pattern.compile(regex));
                }
            }
        }
        assertTrue(out.size() > 200, "literal regexes found in the sources: " + out.size());
        return out;
    }

    /** The call's second argument when it is a string literal, unescaped; else null. */
    private static String secondArgument(String src, int from) {
        int depth = 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipLiteral(src, i);
            } else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') {
                if (depth-- == 0) return null;
            } else if (c == ',' && depth == 0) {
                int start = i + 1;
                while (Character.isWhitespace(src.charAt(start))) start++;
                if (src.charAt(start) != '"') return null;
                int end = skipLiteral(src, start);
                return unescape(src.substring(start + 1, end));
            }
        }
        return null;
    }

    /** The index of the closing quote of the literal opening at {@code at}. */
    private static int skipLiteral(String src, int at) {
        char q = src.charAt(at);
        int i = at + 1;
        while (src.charAt(i) != q) i += src.charAt(i) == '\\' ? 2 : 1;
        return i;
    }

    private static String unescape(String lit) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lit.length(); i++) {
            char c = lit.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = lit.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'f' -> b.append('\f');
                case 'b' -> b.append('\b');
                case 'u' -> {
                    b.append((char) Integer.parseInt(lit.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }

    /** Lines and paragraphs of the labelled sets, deduplicated: every line, and the paragraphs of every other file. */
    static List<String> texts() throws IOException, URISyntaxException {
        Path root = Path.of(PrefilterTest.class.getResource("/dev/leverage/extract").toURI());
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            int i = 0;
            for (Path f : s.filter(p -> p.toString().matches(".*\\.(txt|csv|tsv|eml)$")).sorted().toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                // paragraphs too, for the patterns that span lines; not whole files, on which a pattern such as
                // "(?s).*\\bseal.*" costs the square of the length
                if (i++ % 2 == 0) for (String para : text.split("\n\\s*\n")) if (para.length() <= 2_000) out.add(para);
                out.addAll(Arrays.asList(text.split("\n")));
            }
        }
        return new ArrayList<>(out);
    }
}
