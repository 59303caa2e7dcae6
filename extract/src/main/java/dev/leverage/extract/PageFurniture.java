package dev.leverage.extract;

import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the running headers and footers of a document ("Printed 03/18/2025 08:14 by RBRANDT | Page 2 of 3 |
 * ARV-000002") so that the dates and times they carry are not read as the times of events. A line is furniture
 * when it carries a page counter, a print stamp or the page's Bates number, or when the same line (digits aside)
 * repeats on at least half the pages of a document of two or more pages.
 */
public final class PageFurniture {
    private static final Pattern STAMP = Pattern.compile("(?i)\\bpage\\s+\\d+\\s*(?:of|/)\\s*\\d+\\b|\\b(?:printed|print\\s+date|run\\s+date|generated|report\\s+run)\\b[^\\n]{0,30}\\d");

    private final Set<String> repeated = new HashSet<>();

    public PageFurniture(Document d) {
        List<Page> pages = d.pages();
        if (pages.size() < 2) return;
        Map<String, Integer> counts = new HashMap<>();
        for (Page p : pages) {
            Set<String> seen = new HashSet<>();
            for (String line : p.text().split("\n")) {
                String k = key(line);
                if (k.length() >= 8 && seen.add(k)) counts.merge(k, 1, Integer::sum);
            }
        }
        int needed = Math.max(2, (pages.size() + 1) / 2);
        counts.forEach((k, n) -> {
            if (n >= needed) repeated.add(k);
        });
    }

    private static String key(String line) {
        return Prefilter.replaceAll(Prefilter.replaceAll(line.strip(), "\\d", "#"), "\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public boolean isFurniture(Page page, String line) {
        if (line.isBlank()) return false;
        if (Prefilter.find(STAMP, line)) return true;
        if (page.bates() != null && line.contains(page.bates())) return true;
        return repeated.contains(key(line));
    }

    /** The page text with furniture lines blanked out, offsets unchanged. */
    public String mask(Page page) {
        String text = page.text();
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i <= text.length()) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(i, end);
            out.append(isFurniture(page, line) ? " ".repeat(line.length()) : line);
            if (nl < 0) break;
            out.append('\n');
            i = nl + 1;
        }
        return out.toString();
    }
}
