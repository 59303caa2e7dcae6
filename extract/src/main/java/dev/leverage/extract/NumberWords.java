package dev.leverage.extract;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts as paperwork writes them: digits ("1,200"), words ("fifty-four", "one hundred twenty-eight", "an"), or
 * both ("forty-eight (48)": the digits win). One reading for the sampling reader's unit counts, the relative phrases
 * of the time normaliser ("twenty minutes later") and a warrant's window ("within ten (10) days").
 */
public final class NumberWords {
    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("a", 1), Map.entry("an", 1), Map.entry("single", 1));
    private static final Pattern PAREN = Pattern.compile("\\((\\s*\\d[\\d,]*\\s*)\\)");

    private NumberWords() {
    }

    /** The value of a count in words or digits, or null when it is not one. */
    public static Integer value(String s) {
        if (s == null) return null;
        String w = s.toLowerCase(Locale.ROOT).strip();
        Matcher paren = PAREN.matcher(w);
        if (paren.find()) return Integer.valueOf(paren.group(1).replace(",", "").strip());
        if (Prefilter.matches(w, "[\\d,]+")) return Integer.valueOf(w.replace(",", ""));
        if (w.isEmpty()) return null;
        int total = 0, chunk = 0;
        for (String part : w.split("[- ]+")) {
            if (part.equals("and")) continue;
            if (part.equals("hundred")) {
                chunk = Math.max(1, chunk) * 100;
                continue;
            }
            if (part.equals("thousand")) {
                total += Math.max(1, chunk) * 1000;
                chunk = 0;
                continue;
            }
            Integer v = SMALL.get(part);
            if (v == null) return null;
            chunk += v;
        }
        return total + chunk;
    }

    /** Whether the text holds a digit. */
    public static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) return true;
        }
        return false;
    }
}
