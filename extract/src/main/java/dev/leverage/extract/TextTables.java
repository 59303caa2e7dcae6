package dev.leverage.extract;

import dev.leverage.ingest.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the tables that arrive as plain text: CSV exports that were read as text, pipe-ruled rows
 * ("| Item | Date | Released By |") and forms printed in fixed-width columns. A fixed-width table is cut at the
 * column starts of its header line, so a blank cell stays blank (a missing signature is a finding).
 */
public final class TextTables {
    private static final Pattern RULE = Pattern.compile("^[\\s|:+=-]+$");
    private static final Pattern RULED_NOTE = Pattern.compile("\\s*(?:[-=*~]\\s?){3,}\\s*[A-Za-z].*");
    private static final Pattern GAP = Pattern.compile("\\S(\\s{2,}|\\t)\\S");

    private TextTables() {
    }

    /** Tables written as text on a page; the page's own (parsed) tables are not repeated. */
    public static List<Page.Table> find(String text, boolean csv) {
        List<Page.Table> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        if (csv) {
            List<List<String>> rows = new ArrayList<>();
            // a title line or two above the header ("FPDP PROPERTY / EVIDENCE RECORD - FP25-0447") is no row of the table
            int first = 0;
            while (first < Math.min(3, lines.length - 1) && (lines[first].isBlank() || !cells(lines[first]))) first++;
            lines = java.util.Arrays.copyOfRange(lines, first, lines.length);
            char delimiter = delimiter(lines);
            for (String l : lines) if (!l.isBlank()) rows.add(csvRow(l, delimiter));
            if (rows.size() >= 2 && rows.get(0).size() >= 3) out.add(new Page.Table(rows));
            return out;
        }
        int i = 0;
        while (i < lines.length) {
            if (pipeRow(lines[i])) {
                List<List<String>> rows = new ArrayList<>();
                // A table whose header starts with a cell, not a pipe ("DATE | TIME | ..."), keeps a row's empty first
                // cell when the row starts with its pipe.
                boolean leadingPipe = lines[i].strip().startsWith("|");
                while (i < lines.length && (pipeRow(lines[i]) || Prefilter.matches(RULE, lines[i]) && lines[i].contains("-")
                        || interruption(lines, i, rows))) {
                    if (pipeRow(lines[i])) rows.add(pipeCells(lines[i], leadingPipe));
                    i++;
                }
                if (rows.size() >= 2) out.add(new Page.Table(rows));
                continue;
            }
            // A tab-delimited export: each tab ends a cell, empty cells included.
            if (tabRow(lines[i]) && i + 1 < lines.length && tabRow(lines[i + 1])) {
                List<List<String>> rows = new ArrayList<>();
                while (i < lines.length && tabRow(lines[i])) {
                    List<String> cells = new ArrayList<>();
                    for (String c : lines[i].split("\t", -1)) cells.add(c.strip());
                    rows.add(cells);
                    i++;
                }
                out.add(new Page.Table(rows));
                continue;
            }
            List<Integer> starts = columnStarts(lines[i]);
            // A rule of dashes under the header ("---- ---------- ---- ------") marks each column exactly.
            List<Integer> ruled = i + 1 < lines.length ? ruleStarts(lines[i + 1]) : List.of();
            if (ruled.size() >= 3 && ruled.size() > starts.size() && looksLikeHeader(lines[i])) starts = ruled;
            if (starts.size() >= 3 && looksLikeHeader(lines[i])) {
                List<String> body = new ArrayList<>();
                int j = i + 1;
                while (j < lines.length && !lines[j].isBlank() && (Prefilter.find(GAP, lines[j]) || lines[j].strip().length() < 3
                        || wrapped(lines[j], starts) || j == i + 1 && !ruled.isEmpty()
                        // a solid rule under the header ("--------------------"), as scanned forms draw it
                        || j == i + 1 && Prefilter.matches(RULE, lines[j]))) {
                    // a note ruled across the table ("- - - -  OFFICE CLOSED 11/28 - 11/29  - - - -") is no row
                    if (!Prefilter.matches(RULE, lines[j]) && !Prefilter.matches(RULED_NOTE, lines[j])) body.add(lines[j]);
                    j++;
                }
                starts = splitHeader(lines[i], starts, body);
                List<List<String>> rows = new ArrayList<>();
                rows.add(slice(lines[i], starts));
                for (String l : body) rows.add(slice(l, starts));
                if (rows.size() >= 2) {
                    out.add(new Page.Table(rows));
                    i = j;
                    continue;
                }
            }
            i++;
        }
        return out;
    }

    /**
     * A header whose labels a typist set one space apart ("ITEM DATE       TIME  RELEASED BY") over values set in
     * columns: a word of the header where most rows start a column of their own is a column too.
     */
    static List<Integer> splitHeader(String header, List<Integer> starts, List<String> body) {
        if (body.size() < 2) return starts;
        List<List<Integer>> own = body.stream().map(TextTables::columnStarts).toList();
        List<Integer> out = new ArrayList<>(starts);
        for (int p = 1; p < header.length(); p++) {
            if (header.charAt(p - 1) != ' ' || header.charAt(p) == ' ' || p >= 2 && header.charAt(p - 2) == ' ' || out.contains(p)) continue;
            final int at = p;
            long rows = own.stream().filter(o -> o.stream().anyMatch(x -> Math.abs(x - at) <= 1)).count();
            if (rows * 2 > body.size()) out.add(p);
        }
        out.sort(null);
        return out;
    }

    /** The start of each run of dashes in a rule line ("---- ---------- ----"), or none for any other line. */
    static List<Integer> ruleStarts(String l) {
        List<Integer> out = new ArrayList<>();
        if (!Prefilter.matches(l, "\\s*-{2,}(\\s+-{2,})+\\s*")) return out;
        for (int k = 0; k < l.length(); k++) if (l.charAt(k) == '-' && (k == 0 || l.charAt(k - 1) == ' ')) out.add(k);
        return out;
    }

    /** A transcriber's strike-outs ("~~0850~~ 0805") taken out: what was struck is not the entry. */
    public static String withoutStrikeOuts(String s) {
        return Prefilter.replaceAll(s, "~~[^~]*~~", "");
    }

    /** A cell's text wrapped onto its own line, indented past the first column ("   ...   seal intact; rec'd by"). */
    private static boolean wrapped(String l, List<Integer> starts) {
        int indent = 0;
        while (indent < l.length() && Character.isWhitespace(l.charAt(indent))) indent++;
        return indent >= starts.get(1) && indent > 0;
    }

    private static boolean tabRow(String l) {
        return l.chars().filter(c -> c == '\t').count() >= 2;
    }

    static boolean pipeRow(String l) {
        return l.chars().filter(c -> c == '|').count() >= 2 && !Prefilter.matches(RULE, l);
    }

    /**
     * A line inside a ruled table that is not a row ("-- office closed 12/24/24 - 12/26/24 (holidays) --"): the table
     * goes on when the next line is a row of the same width.
     */
    private static boolean interruption(String[] lines, int i, List<List<String>> rows) {
        if (rows.isEmpty() || lines[i].isBlank() || i + 1 >= lines.length || !pipeRow(lines[i + 1])) return false;
        return Math.abs(pipeCells(lines[i + 1], true).size() - rows.get(0).size()) <= 1;
    }

    private static List<String> pipeCells(String l, boolean leadingPipe) {
        String s = l.strip();
        if (s.startsWith("|") && leadingPipe) s = s.substring(1);
        if (s.endsWith("|")) s = s.substring(0, s.length() - 1);
        List<String> cells = new ArrayList<>();
        for (String c : s.split("\\|", -1)) cells.add(c.strip());
        return cells;
    }

    /** A header names columns: mostly letters, at least three cells separated by two or more spaces. */
    private static boolean looksLikeHeader(String l) {
        String s = l.strip();
        long letters = s.chars().filter(Character::isLetter).count();
        long digits = s.chars().filter(Character::isDigit).count();
        return letters > 8 && digits * 4 < letters;
    }

    static List<Integer> columnStarts(String l) {
        List<Integer> starts = new ArrayList<>();
        if (!Prefilter.find(GAP, l)) return starts;
        int i = 0;
        while (i < l.length() && Character.isWhitespace(l.charAt(i))) i++;
        if (i < l.length()) starts.add(i);
        while (i < l.length()) {
            if (l.charAt(i) == '\t' || (l.charAt(i) == ' ' && i + 1 < l.length() && l.charAt(i + 1) == ' ')) {
                int j = i;
                while (j < l.length() && Character.isWhitespace(l.charAt(j))) j++;
                if (j < l.length()) starts.add(j);
                i = j;
            } else {
                i++;
            }
        }
        return starts;
    }

    /** Cuts a line at the header's column starts, moving a cut left to the nearest gap so words stay whole. */
    static List<String> slice(String l, List<Integer> starts) {
        // A transcriber's strike-out ("~~0850~~ 0805 [RA]") is not the entry; and a row typed out of line with
        // its header but with one value per column is cut at its own gaps.
        l = Prefilter.replaceAll(withoutStrikeOuts(l), "\\s\\[[A-Z]{1,3}\\](?=\\s)", "");
        String[] byGaps = l.strip().split("\\s{2,}|\\t");
        if (byGaps.length == starts.size() && !columnsAlign(l, starts)) {
            List<String> cells = new ArrayList<>();
            for (String c : byGaps) cells.add(c.strip());
            return cells;
        }
        List<String> cells = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int a = cut(l, starts.get(k));
            int b = k + 1 < starts.size() ? cut(l, starts.get(k + 1)) : l.length();
            cells.add(a >= l.length() || b <= a ? "" : l.substring(a, Math.min(b, l.length())).strip());
        }
        return cells;
    }

    /** Whether a row's values start where its header's columns do (within two characters), as a form prints them. */
    private static boolean columnsAlign(String l, List<Integer> starts) {
        List<Integer> own = columnStarts(l);
        if (own.size() != starts.size()) return false;
        for (int i = 0; i < own.size(); i++) if (Math.abs(own.get(i) - starts.get(i)) > 2) return false;
        return true;
    }

    private static int cut(String l, int pos) {
        if (pos >= l.length()) return l.length();
        int p = pos;
        // Inside a word: move back to the start of the word (a value written a little left of its header).
        while (p > 0 && !Character.isWhitespace(l.charAt(p - 1)) && !Character.isWhitespace(l.charAt(p))) p--;
        return p;
    }

    /**
     * The delimiter of a delimited export: comma, semicolon, tab or pipe, whichever splits the first lines into the
     * same number of cells (three or more) most often, quotes respected; comma when none does.
     */
    /** Whether a line splits into three cells or more by one of the delimiters exports use. */
    private static boolean cells(String line) {
        for (char d : new char[]{',', ';', '\t', '|'}) if (csvRow(line, d).size() >= 3) return true;
        return false;
    }

    static char delimiter(String[] lines) {
        List<String> sample = java.util.Arrays.stream(lines).filter(l -> !l.isBlank()).limit(20).toList();
        char best = ',';
        int bestScore = 0;
        for (char d : new char[]{',', ';', '\t', '|'}) {
            if (sample.isEmpty()) break;
            int header = csvRow(sample.get(0), d).size();
            if (header < 3) continue;
            int same = 0;
            for (String l : sample) if (csvRow(l, d).size() == header) same++;
            int score = same * 100 + header;
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    /** One CSV line, quotes respected. */
    static List<String> csvRow(String line) {
        return csvRow(line, ',');
    }

    /** One delimited line, quotes respected. */
    static List<String> csvRow(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == delimiter && !quoted) {
                cells.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString().strip());
        return cells;
    }
}
