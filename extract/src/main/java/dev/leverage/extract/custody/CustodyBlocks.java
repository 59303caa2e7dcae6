package dev.leverage.extract.custody;

import dev.leverage.extract.Prefilter;
import dev.leverage.extract.Citation;
import dev.leverage.extract.time.TimeParser;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Custody forms written as labelled blocks rather than a table: a DA 4137-style continuation sheet with one block per
 * change of custody ("TRANSFER 2   Items: 1, 2, 3   Date: 14 Feb 25   Time: 2050 / Released by: ... / Received by:
 * ... / Purpose: ..."), or a lab's receipt ("Delivered by: PO Marcus Ferreira #0877   Date: 01/22/2025   Time: 1020
 * hrs / Received by: Lab Evidence Tech Hanne Coutinho"). Each block with a giver or a taker and a date or time is one
 * custody event per item it names; a field left empty is a handler the form does not name.
 */
public final class CustodyBlocks {
    /** A rule between blocks: a line of dashes, equals signs or underscores with no gap, or one around a title ("---- LABORATORY USE ONLY ----"). */
    private static final Pattern RULE = Pattern.compile("\\s*[-=_*]{12,}\\s*|\\s*[-=_*]{3,}\\s+[A-Z][A-Z /&'()-]{2,40}\\s+[-=_*]{3,}\\s*");
    /** A block's own heading ("TRANSFER 3", "ENTRY 2", "Change of custody #4"). */
    private static final Pattern HEADING = Pattern.compile("(?i)\\s*(transfer|entry|block|line|step|change\\s+of\\s+custody|custody\\s+transfer|combination|split|repackag\\w*)\\b\\s*(no\\.?|#)?\\s*\\d{0,3}\\b.*");
    private static final Pattern LABEL = Pattern.compile("([A-Za-z][A-Za-z /().#&'-]{0,40}?)\\s*:\\s*(.*)");
    private static final Pattern SPLIT = Pattern.compile("(?<=\\S)\\s{2,}(?=[A-Za-z][A-Za-z /().#&'-]{0,40}?:(?:\\s|$))");

    private static final Pattern RELEASED = Pattern.compile("(?i)(released|relinquished|delivered|submitted|surrendered|transferred|turned\\s+over|handed\\s+over|given)\\s+by|released\\s+from|from|releasing\\s+(officer|party|custodian)");
    private static final Pattern RECEIVED = Pattern.compile("(?i)(received|accepted|taken)\\s+by|to|receiving\\s+(officer|party|custodian)|recipient");
    private static final Pattern PERFORMED = Pattern.compile("(?i)(performed|combined|split|repackaged|sealed|resealed|opened)\\s+by");
    private static final Pattern ITEMS = Pattern.compile("(?i)items?(\\s*(no\\.?|#|number|nos\\.?))?|exhibits?(\\s*(no\\.?|#))?|evidence\\s+items?|agency\\s+items?|property\\s+tag");
    private static final Pattern DATE = Pattern.compile("(?i)date|date\\s+(received|released|of\\s+transfer)");
    private static final Pattern HANDOFF_DATE = Pattern.compile("(?i)date\\s+(received|released|submitted|delivered|of\\s+(transfer|receipt|submission))");
    private static final Pattern TIME = Pattern.compile("(?i)time(\\s*\\(24h\\))?|hour|time\\s+(received|released)");
    private static final Pattern DATE_TIME = Pattern.compile("(?i)date\\s*(/|&|and)\\s*time|date-time|when|timestamp");
    private static final Pattern PURPOSE = Pattern.compile("(?i)purpose(\\s+of\\s+change\\s+of\\s+custody)?|reason|action|activity");
    private static final Pattern SEAL = Pattern.compile("(?i)(seal|tamper\\s+seal|security\\s+seal|evidence\\s+seal)(\\s*(no\\.?|#|number))?");
    private static final Pattern LOCATION = Pattern.compile("(?i)location|storage(\\s+on\\s+receipt)?|stored\\s+(in|at)|placed\\s+in");
    private static final Pattern COUNT = Pattern.compile("(?i)qty|quantity|count|units|pcs|pieces");
    private static final Pattern REMARKS = Pattern.compile("(?i)remarks?|notes?|comments?|seal\\s+condition(\\s+on\\s+receipt)?|condition");

    private CustodyBlocks() {
    }

    /**
     * The custody events a page's labelled blocks record.
     *
     * @param singleItem the item the document is about when a block names none, or null
     */
    public static List<CustodyEvent> read(Document d, Page page, String text, String singleItem, int[] order) {
        List<CustodyEvent> out = new ArrayList<>();
        for (List<String> block : blocks(text)) {
            Map<String, String> f = fields(block);
            // An e-mail's header (From:, To:, Date:, Subject:) is not a custody block.
            if (f.keySet().stream().anyMatch(k -> Prefilter.matches(k, "subject|sent|cc|bcc|re|attachments?"))) continue;
            String released = value(f, RELEASED), received = value(f, RECEIVED), performer = value(f, PERFORMED);
            boolean handoff = released != null || received != null;
            if (!handoff && performer == null) continue;
            LocalDateTime when = when(f);
            if (when == null) continue;
            List<String> items = new ArrayList<>();
            String named = value(f, ITEMS);
            if (named != null) {
                for (String part : named.split("\\s*(?:,|;|&|\\band\\b)\\s*")) {
                    for (String k : ItemKey.of(part)) if (!items.contains(k)) items.add(k);
                }
            }
            if (items.isEmpty() && singleItem != null) items.add(singleItem);
            if (items.isEmpty()) continue;
            String quote = String.join("\n", block);
            String purpose = value(f, PURPOSE), remarks = value(f, REMARKS);
            String sealField = value(f, SEAL);
            String seal = sealField != null && Prefilter.matches(sealField, "(?s).*\\d.*") ? Prefilter.replaceAll(sealField, "(?i)\\s*[-,;(]\\s*(intact|broken|sealed).*$", "").strip()
                    : CustodyText.sealNumber(quote);
            String status = CustodyText.sealStatus(String.join(" ", nz(sealField), nz(remarks), nz(purpose)));
            Integer count = null;
            String qty = value(f, COUNT);
            if (qty != null) {
                Matcher m = Pattern.compile("\\d{1,5}").matcher(qty);
                if (m.find()) count = Integer.parseInt(m.group());
            }
            String location = value(f, LOCATION);
            String action;
            if (!handoff) {
                // A combination or split done in one custodian's hands: no hand-off, a repackaging under a new seal.
                released = performer;
                received = performer;
                action = "sealed";
            } else {
                action = CustodyTableReader.rowAction(purpose != null ? purpose : remarks, released, received);
            }
            Citation cite = Citation.of(d, page, quote);
            boolean group = items.size() > 1;
            for (String item : items) {
                out.add(new CustodyEvent(item, when, blankAsUnnamed(released, f, RELEASED), blankAsUnnamed(received, f, RECEIVED),
                        purpose != null ? purpose : remarks, location, seal, status, group ? null : count, null, null, null, action, "form",
                        order[0]++, cite));
            }
        }
        return out;
    }

    /** A labelled handler field left empty is written as blank, so the analyzer sees a form that names no one. */
    private static String blankAsUnnamed(String v, Map<String, String> f, Pattern label) {
        if (v != null) return v;
        for (String k : f.keySet()) if (label.matcher(k).matches()) return "blank";
        return null;
    }

    private static LocalDateTime when(Map<String, String> f) {
        String both = value(f, DATE_TIME);
        if (both != null) {
            LocalDateTime t = TimeParser.parseDateTime(Prefilter.replaceAll(both, "\\s*/\\s*(?=\\d{3,4}\\b)", " "));
            if (t != null) return t;
        }
        // A date that names the hand-off ("Date received: 07/14/2025") over a form's own date ("Date: 08/05/2025", the
        // day a lab report was written).
        String date = value(f, HANDOFF_DATE);
        if (date == null) date = value(f, DATE);
        String time = value(f, TIME);
        if (date == null) return null;
        LocalDate day = TimeParser.parseDate(date.strip());
        if (day == null) {
            LocalDateTime t = TimeParser.parseDateTime(date);
            return t;
        }
        LocalTime clock = time == null ? null : TimeParser.parseClock(Prefilter.replaceAll(time.strip(), "(?i)\\s*(hrs|hours)\\.?$", ""));
        return clock == null ? day.atStartOfDay() : LocalDateTime.of(day, clock);
    }

    private static String value(Map<String, String> f, Pattern label) {
        for (var e : f.entrySet()) {
            if (label.matcher(e.getKey()).matches()) {
                String v = e.getValue().strip();
                return v.isEmpty() || Handlers.isBlank(v) && !Prefilter.matches(v, "(?i).*\\b(illegible|unknown)\\b.*") ? null : v;
            }
        }
        return null;
    }

    /** A block's labelled fields, label (lower case) to value; a signature field is left out. */
    static Map<String, String> fields(List<String> block) {
        Map<String, String> out = new LinkedHashMap<>();
        String last = null;
        for (String line : block) {
            String[] parts = SPLIT.split(line.strip());
            boolean labelled = false;
            for (String part : parts) {
                Matcher m = LABEL.matcher(part);
                if (!m.matches()) continue;
                labelled = true;
                String label = Prefilter.replaceAll(m.group(1).strip().toLowerCase(Locale.ROOT), "\\s+", " ");
                if (Prefilter.matches(label, "signature|sig|initials|/s/")) {
                    last = null;
                    continue;
                }
                last = label;
                out.putIfAbsent(label, m.group(2).strip());
            }
            // A remark that runs on under its label.
            if (!labelled && last != null && Prefilter.matches(line, "\\s{4,}\\S.*")) out.put(last, (out.get(last) + " " + line.strip()).strip());
        }
        return out;
    }

    /** The page's blocks: runs of lines between rules, a heading starting a new one. */
    static List<List<String>> blocks(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (Prefilter.matches(RULE, line)) {
                if (!cur.isEmpty()) out.add(cur);
                cur = new ArrayList<>();
                continue;
            }
            if (Prefilter.matches(HEADING, line) && line.contains(":") && !cur.isEmpty()) {
                out.add(cur);
                cur = new ArrayList<>();
            }
            if (!line.isBlank()) cur.add(line);
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
