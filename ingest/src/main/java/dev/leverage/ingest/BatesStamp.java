package dev.leverage.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Bates number stamped on a page. Producing parties stamp it in the footer (sometimes the header):
 * a letter prefix and a zero-padded number, "ARV-000004", "ARV_0000004", "DOJ 0012345", "SMITH000123".
 */
public final class BatesStamp {
    private static final Pattern BATES = Pattern.compile("(?<![A-Za-z0-9-])([A-Z]{2,10})([-_ ]?)(\\d{5,10})(?![A-Za-z0-9])");
    private static final int EDGE_LINES = 4;

    private BatesStamp() {
    }

    /**
     * The Bates number on a page, searching the last lines first, then the first lines; null when none.
     * Only the page edges are searched so an item or report number in the body is not taken for a stamp.
     */
    public static String find(String pageText) {
        String[] lines = pageText.strip().split("\n");
        for (int i = lines.length - 1; i >= Math.max(0, lines.length - EDGE_LINES); i--) {
            String b = match(lines[i]);
            if (b != null) return b;
        }
        for (int i = 0; i < Math.min(lines.length, 2); i++) {
            String b = match(lines[i]);
            if (b != null) return b;
        }
        return null;
    }

    private static String match(String line) {
        Matcher m = BATES.matcher(line);
        String found = null;
        while (m.find()) {
            // A seal, tag or case number written in a line of text is not a stamp: a stamp stands nearly alone
            // (beside a page number or a confidentiality legend), never after the word that names another number.
            String before = line.substring(Math.max(0, m.start() - 24), m.start());
            if (NAMED.matcher(before).find()) continue;
            String rest = (line.substring(0, m.start()) + " " + line.substring(m.end())).strip();
            // A footer ends with its stamp ("... not be reproduced except in full. ARV-000007").
            boolean atEdge = line.substring(m.end()).isBlank();
            if (!atEdge && rest.split("\\s+").length > 8) continue;
            found = m.group();
        }
        return found;
    }

    private static final Pattern NAMED = Pattern.compile("(?i)\\b(seal|sealed|tape|item|tag|bag|container|envelope|exhibit|exh|case|report|lab|file|ref|inc|incident|no|number|#)\\W{0,4}$|(?i)\\b(seal|container|tag|bag)\\b[^.]{0,12}$");
}
