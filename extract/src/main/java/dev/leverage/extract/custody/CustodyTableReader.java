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
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads custody tables with any header wording and column order: spreadsheets and CSV exports of property systems,
 * tables inside PDFs, DA-4137-style chain-of-custody blocks. A table is a custody table when it has a released-by
 * or received-by column (or From/To) and a date or time column. Each row becomes one event per item it names; a
 * row with no item continues the item above it (forms list an item once and its transfers under it).
 */
public final class CustodyTableReader {
    /** Column roles found by header wording. */
    public static final class Columns {
        public int releasedAt = -1, item = -1, date = -1, time = -1, released = -1, received = -1, purpose = -1, location = -1, seal = -1,
                count = -1, weight = -1, description = -1, remarks = -1, caseNo = -1, meridiem = -1;
        String weightHeader = "";

        public static Columns of(List<String> header) {
            Columns c = new Columns();
            int agencyItem = -1, loggedBy = -1;
            for (int i = 0; i < header.size(); i++) {
                // OCR puts digits for letters in headers ("RECE1VED BY", "PURP0SE").
                String h = Prefilter.replaceAll(Prefilter.replaceAll(CustodyText.ocr(header.get(i)).toLowerCase(Locale.ROOT), "[.:#*]", " "), "\\s+", " ").strip();
                if (h.isEmpty()) continue;
                // "Received Dt", "Received Tm": a property system's short forms of date and time
                h = Prefilter.replaceAll(Prefilter.replaceAll(h, "\\bdt\\b", "date"), "\\btm\\b", "time");
                // A lab's table that numbers the items its own way beside the agency's ("Lab Item | Agency Item"): the
                // agency's numbering is the item.
                if (Prefilter.matches(h, "(agency|client|submitter'?s?|submitting agency|dept|department|div|division|police|your|case) (item|itm|exh|exhibit|evidence)( no| number| id)?")) agencyItem = i;
                // "FFEB Item" beside "Lab Exh.": an agency's initials before its own item numbers
                else if (agencyItem < 0 && i > 0 && Prefilter.matches(h, "(?!lab |laboratory |fsl )[a-z]{2,6} (item|itm|exh|exhibit)( no| number| id)?")) agencyItem = i;
                // "Container and seal as received", "Packaging as received": the state the package came in, not who took it
                if (Prefilter.matches(h, ".*\\b(seal|packag\\w*|container|wrapping)\\b.*\\b(as|when|upon|on|at) (received|receipt)\\b.*")) h = "seal";
                // "Submitter #": the number the submitting agency gave the item
                if (Prefilter.matches(CustodyText.ocr(header.get(i)).toLowerCase(Locale.ROOT).strip(), "submitter'?s?\\s*(#|no\\.?|number|item|itm)\\s*#?")) agencyItem = i;
                // "Brought by" / "Logged by" at a laboratory's counter: who delivered, and who took it in
                if (Prefilter.matches(h, "brought( in)? by|delivered by|carried by")) h = "from";
                if (Prefilter.matches(h, "(logged|logged in|accessioned|intake) by")) loggedBy = i;
                if (Prefilter.matches(h, "lab (exh|exhibit)( no| number)?")) h = "lab item";
                if (Prefilter.matches(h, "(released|release|relinquished|rel) (date|time|date ?/ ?time|date ?& ?time)")
                        || Prefilter.matches(h, "(date|time|date ?/ ?time|date ?& ?time) (released|relinquished|of release)")) {
                    c.releasedAt = i; // a log that times the release and the receipt apart
                    continue;
                }
                h = Prefilter.replaceFirst(h, "^(received|receipt|transfer|transaction|event|xfer|txn|trans) (date|time|date ?/ ?time|date-time|\\(date-time\\)|\\(date ?/ ?time\\))$", "$2")
                        .replaceFirst("^(date|time|date ?/ ?time) (received|of receipt|of transfer)$", "$1")
                        .replaceFirst("^\\((date-time|date ?/ ?time)\\)$", "date/time").replace("date-time", "date/time");
                h = h.replace("(s)", "s"); // "Item(s)"
                if (Prefilter.matches(h, "received from|relinquished from|from \\(.*\\)|deliverer|delivering (officer|party)|sender|transferor|handed by")) h = "from";
                if (Prefilter.matches(h, "transferee|receiver")) h = "to";
                if (Prefilter.matches(h, "posted|entered|logged|entry date|log date")) h = "date";
                if (Prefilter.matches(h, "to \\(.*\\)")) h = "to";
                // A clock written in two columns: "9:40" | "AM".
                if (Prefilter.matches(h, "am ?/ ?pm|am-pm|a/p|ampm|meridiem")) {
                    c.meridiem = i;
                    continue;
                }
                // The words property systems use: Custodian Out / In, Surrendered By / Taken By, Xfer Reason, Bag #, Tape #.
                if (Prefilter.matches(h, "(custodian|custody) out|out|surrendered by|relinquishing (officer|party)|given up by")) h = "from";
                else if (Prefilter.matches(h, "(custodian|custody) in|in|taken by|receiving (officer|party|custodian)")) h = "to";
                else if (Prefilter.matches(h, "(xfer|transfer|txn|transaction) (reason|purpose|type)")) h = "purpose";
                else if (Prefilter.matches(h, "(seal ?/ ?bag|bag|tape|bag ?/ ?seal|seal ?/ ?tape)( no| number)?")) h = "seal";
                else if (Prefilter.matches(h, "evid|evid no|evidence #|item desc|me case")) h = h.equals("me case") ? "case" : h.equals("item desc") ? "description" : "item";
                if (Prefilter.matches(h, "(date ?/ ?time|date ?& ?time|date and time|datetime|date time|timestamp|date/time \\(.*\\)|when)")) {
                    c.date = i;
                    c.time = i;
                } else if (c.item < 0 && Prefilter.matches(h, "(item|itm|itm no|item no|item number|items?|exh|exhibit.*|property tag.*|tag( no| number)?|evidence( no| number| id)?|lab item.*|item id|item ?/ ?exhibit|(prop|property|evid|evidence) (label|tag|no|number|id|ref)|([a-z]{2,6} )?prop)")) c.item = i;
                else if (Prefilter.matches(h, "(date.*|day)") && !h.contains("time")) c.date = i;
                else if (Prefilter.matches(h, "(case|case no|case number|case id|incident( no| number)?|report no|rd no|dr no)")) c.caseNo = i;
                else if (Prefilter.matches(h, "(time.*|hhmm(ss)?|clock|hrs|hours)")) c.time = i;
                else if (Prefilter.matches(h, "(released by.*|from|relinquished.*|released|given by|turned over by|delivered by|submitted by|transferred by|released from|(transferred|transfer|custody|received) from.*)")) c.released = i;
                else if (Prefilter.matches(h, "(received by.*|to|accepted by.*|received|taken by|receiving.*|released to|transferred to|recipient|(transfer|custody) to.*)")) c.received = i;
                else if (Prefilter.matches(h, "(purpose.*|reason.*|action|transaction|activity|event|step|procedure|examination|work performed|work done|what was done|what happened|task|test(s| performed)?|explanation|justification)")) c.purpose = i;
                else if (Prefilter.matches(h, "(location.*|storage.*|where.*|bin|shelf)")) c.location = i;
                else if (Prefilter.matches(h, "(seal.*|(?!.*condition).*\\bseal( no| number| #)?|tamper.*|bag no|bag number)") && !Prefilter.matches(h, ".*condition.*")) c.seal = i;
                else if (Prefilter.matches(h, "(count|qty|quantity|units|no of units|# units|pieces|pcs|no of items|unit count)")) c.count = i;
                else if (Prefilter.matches(h, "(.*weight.*|wt.*|.*\\bwt\\b.*|mass|net ?/ ?gross|gross ?/ ?net|net|gross)")) {
                    c.weight = i;
                    c.weightHeader = h;
                } else if (Prefilter.matches(h, "(description.*|desc|item description|contents|property description)")) c.description = i;
                else if (Prefilter.matches(h, "((intake|transfer|custody|movement|log|entry|general|officer'?s?) )?(remarks?|comments?|notes?)|condition.*|details|seal condition|signature.*|memo|disposition") || i > 0 && Prefilter.matches(h, "entry|entries")) c.remarks = i;
                // Wordings no list foresees, by their key word: "ACCEPTED", "Accepting Party", "Handed Off By", "ACTION / NOTE".
                else if ((Prefilter.matches(h, ".*\\b(accept\\w*|receiv\\w*|recipient|taker|taken|assumed|assuming|gaining|rec'?d|rcv'?d|recv'?d|rec by)\\b.*") || Prefilter.matches(h, "to \\w+( \\w+)?|(\\w+ ){1,3}to")) && !Prefilter.matches(h, ".*\\b(date|time|from)\\b.*") && c.received < 0) c.received = i;
                else if (Prefilter.matches(h, ".*\\b(relinquish\\w*|releas\\w*|surrender\\w*|handed off|handed over|hand ?off by|given by|giving|giver|from|rel'?d?( by)?)\\b.*") && !Prefilter.matches(h, ".*\\b(date|time|to)\\b.*") && c.released < 0) c.released = i;
                else if (Prefilter.matches(h, ".*\\b(clock|time|hhmm)\\b.*") && !h.contains("date") && c.time < 0) c.time = i;
                else if (Prefilter.matches(h, ".*\\bdate\\b.*") && !h.contains("time") && c.date < 0) c.date = i;
                else if (Prefilter.matches(h, ".*\\bseal\\b.*") && !h.contains("condition") && c.seal < 0) c.seal = i;
                else if (Prefilter.matches(h, ".*\\b(action|activity|purpose|reason|note|why)\\b.*") && c.purpose < 0) c.purpose = i;
            }
            if (agencyItem >= 0) c.item = agencyItem;
            if (loggedBy >= 0 && c.released >= 0 && c.received < 0) c.received = loggedBy;
            return c;
        }

        /**
         * The roles of a table's columns: by the header's wording first, then, for the columns and roles the wording
         * leaves open, by the header's key words ("Signed Over By" / "Signed Over To", "Piece Ct", "Closure No.",
         * "Heft (g)") and by what the cells hold (dates, clocks, people's names). Agencies word their headers every
         * way there is; the cells are what a custody log always has.
         */
        public static Columns of(List<String> header, List<List<String>> rows) {
            Columns c = of(header);
            c.infer(header, rows);
            return c;
        }

        private static final java.util.regex.Pattern SEQUENCE = java.util.regex.Pattern.compile(
                "(ln|line|log line|seq|seq no|sequence|row|entry|entry no|mvmt|movement|rec|record|trans|txn|no|step|chain step|log)( no| number| #)?"
                        // a transaction's own reference ("Trk Ref", "Txn ID"), not the item's
                        + "|(trk|track|tracking|txn|trans|transaction|entry|log|mvmt|movement) (ref|id)");
        /** Header words that set a releasing column against a receiving one, in pairs ("Holder Before" / "Holder After"). */
        private static final Map<String, String> OPPOSITES = Map.ofEntries(Map.entry("by", "to"), Map.entry("from", "to"),
                Map.entry("before", "after"), Map.entry("out", "in"), Map.entry("outgoing", "incoming"), Map.entry("releasing", "receiving"),
                Map.entry("gave", "got"), Map.entry("giving", "taking"), Map.entry("prior", "new"), Map.entry("old", "new"),
                Map.entry("yielded", "assumed"), Map.entry("tendered", "acknowledged"), Map.entry("surrendering", "accepting"),
                Map.entry("sending", "receiving"), Map.entry("passed", "took"), Map.entry("conveyed", "signed"));
        private static final java.util.regex.Pattern RELEASE_WORD = java.util.regex.Pattern.compile(
                ".*\\b(gave|giver|yielded|surrender\\w*|tender\\w*|passed|conveyed|delivered|delivering|outgoing|out of custody|signed over by|given over|handed|relinquish\\w*|releas\\w*|sender|sent by)\\b.*");
        private static final java.util.regex.Pattern RECEIVE_WORD = java.util.regex.Pattern.compile(
                ".*\\b(got|assumed|accept\\w*|acknowledg\\w*|took|taken|incoming|into custody|signed over to|signed for|receiv\\w*|recipient|gained|acquir\\w*)\\b.*");
        private static final java.util.regex.Pattern NAME_CELL = java.util.regex.Pattern.compile(
                "(?s).*(\\b[A-Z]\\.\\s?[A-Z][a-z'-]+|\\b[A-Z][a-z][A-Za-z'-]+,\\s*[A-Z][a-z]|\\b[A-Z]{3,},\\s*[A-Z]{3,}|\\b(Ofc|Det|Sgt|Inv|Insp|Dep|Tpr|Cpl|Lt|SA|TFO|ET|PO|Agent|Officer|Chemist|Analyst|Custodian)\\b\\.?\\s+[A-Z]"
                        + "|(?i:locker|vault|safe|evidence room|property room|laboratory|\\blab\\b|drop box|temp)).*");
        private static final java.util.regex.Pattern CLOCK_CELL = java.util.regex.Pattern.compile(
                "(?i)\\s*(\\d{1,2}:\\d{2}(:\\d{2})?\\s*([ap]\\.?m?\\.?)?|\\d{4}\\s*(h|hrs|hours)?|\\d{1,2}(:\\d{2})?\\s*[ap]\\.?m?\\.?)\\s*");

        private void infer(List<String> header, List<List<String>> rows) {
            // A laboratory's examination or results table names analysts and techniques, not hand-offs.
            if (Prefilter.matches(String.join(" ", header).toLowerCase(Locale.ROOT), "(?s).*\\b(analyst|techniques?|results?|exam|examination|method|instrument|findings?|test(s|ed)?|examiner|chemist|scientist|criminalist|toxicologist)\\b.*")) return;
            // Only a header is read for its words: a row of data (a date, a clock, a number) is not one, nor a row
            // continuing the one above it with most of its cells blank.
            if (header.stream().filter(String::isBlank).count() * 3 > header.size()) return;
            for (String cell : header) {
                String v = cell.strip();
                if (Prefilter.matches(v, ".*\\d{3,}.*") || TimeParser.parseDate(v) != null || Prefilter.matches(CLOCK_CELL, v) || v.length() > 40) return;
            }
            java.util.Set<Integer> used = new java.util.HashSet<>(List.of(releasedAt, item, date, time, released, received, purpose, location, seal,
                    count, weight, description, remarks, caseNo, meridiem));
            List<String> words = new ArrayList<>();
            for (String raw : header) words.add(Prefilter.replaceAll(Prefilter.replaceAll(CustodyText.ocr(raw).toLowerCase(Locale.ROOT), "[.:#*()/_-]", " "), "\\s+", " ").strip());
            // Sequence numbers ("Ln", "Mvmt #", "Log Line") are no one's item.
            for (int i = 0; i < words.size(); i++) if (!used.contains(i) && Prefilter.matches(SEQUENCE, words.get(i))) used.add(i);
            // Two headers alike but for a word of direction: the first side releases, the other receives.
            if (released < 0 || received < 0) {
                pairs:
                for (int i = 0; i < words.size(); i++) {
                    for (int j = 0; j < words.size(); j++) {
                        if (i == j || used.contains(i) || used.contains(j)) continue;
                        String[] a = words.get(i).split(" "), b = words.get(j).split(" ");
                        if (a.length != b.length || a.length < 2) continue;
                        int diff = -1;
                        for (int k = 0; k < a.length; k++) if (!a[k].equals(b[k])) diff = diff == -1 ? k : -2;
                        if (diff < 0 || !b[diff].equals(OPPOSITES.get(a[diff]))) continue;
                        if (Prefilter.matches(words.get(i), ".*\\b(date|time|day|clock|hour)\\b.*")) continue;
                        if (released < 0) released = i;
                        if (received < 0) received = j;
                        used.add(i);
                        used.add(j);
                        break pairs;
                    }
                }
            }
            for (int i = 0; i < words.size(); i++) {
                String h = words.get(i);
                if (used.contains(i) || h.isEmpty()) continue;
                boolean clockWord = Prefilter.matches(h, ".*\\b(date|time|day|clock|hour|hr|hh mm|hhmm|on|at|moment|occurred|instant|stamp|when|posted|dt|tm)\\b.*");
                if (!clockWord && released < 0 && Prefilter.matches(RELEASE_WORD, h) && !Prefilter.matches(RECEIVE_WORD, h)) released = i;
                else if (!clockWord && received < 0 && Prefilter.matches(RECEIVE_WORD, h) && !Prefilter.matches(RELEASE_WORD, h)) received = i;
                else if (weight < 0 && Prefilter.matches(h, ".*(\\bg\\b|\\bkg\\b|\\bgrams?\\b|\\bmass\\b|\\bheft\\b|\\bweigh\\w*|\\bwt\\b|\\blbs?\\b|\\boz\\b).*")) {
                    weight = i;
                    weightHeader = h;
                } else if (count < 0 && Prefilter.matches(h, ".*\\b(ct|cnt|count|tally|qty|quantity|units|pieces|pcs|articles|bundles|on hand|no of \\w+)\\b.*")) count = i;
                // "Evidence Bag Serial": the bag's number, which seals it, not the item's
                else if (seal < 0 && Prefilter.matches(h, ".*\\b(seal|tape|closure|strip|tamper|label|integrity|bag serial|bag no|bag number)\\b.*")) seal = i;
                else if (purpose < 0 && Prefilter.matches(h, ".*\\b(why|cause|intent|nature|type|movement|conveyance|reason|purpose|action|activity|transaction)\\b.*")) purpose = i;
                else if (item < 0 && Prefilter.matches(h, ".*\\b(item|itm|exhibit|exh|article|specimen|lot|ref|desig\\w*|evid|evidence|property|piece|tag|pkg)\\b.*")) item = i;
                else continue;
                used.add(i);
            }
            // What the cells hold, for the roles still open: a date and a clock together, a date, a clock, people.
            List<List<String>> sample = rows.stream().filter(r -> r.stream().anyMatch(v -> !v.isBlank())).limit(40).toList();
            if (sample.isEmpty()) return;
            List<Integer> people = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                if (used.contains(i) || words.get(i).isEmpty()) continue;
                final int col = i;
                List<String> cells = sample.stream().map(r -> cell(r, col).strip()).filter(v -> !v.isEmpty()).toList();
                if (cells.size() < Math.max(1, sample.size() / 2)) continue;
                long both = cells.stream().filter(v -> TimeParser.parseDate(v) != null && TimeParser.parseDateTime(v) != null
                        && Prefilter.matches(v, "(?s).*\\d[:T ]?\\d{2}\\s*(?i:hrs|h|[ap]\\.?m\\.?)?\\s*$") && Prefilter.matches(v, "(?s).*\\d{1,2}:?\\d{2}.*")).count();
                long dates = cells.stream().filter(v -> TimeParser.parseDate(v) != null).count();
                long clocks = cells.stream().filter(v -> Prefilter.matches(CLOCK_CELL, v) && TimeParser.parseClock(v) != null).count();
                long names = cells.stream().filter(v -> Prefilter.matches(NAME_CELL, v)).count();
                if (date < 0 && time < 0 && both * 10 >= cells.size() * 6 && dates * 10 >= cells.size() * 6 && clocks == 0) {
                    date = i;
                    time = i;
                } else if (date < 0 && dates * 10 >= cells.size() * 6 && clocks == 0) date = i;
                else if (time < 0 && clocks * 10 >= cells.size() * 6) time = i;
                // "Seized By", "Logged By", "Entered By": who did or wrote something, not a side of a hand-off
                else if (names * 2 >= cells.size() && !Prefilter.matches(words.get(i), ".*\\b(seiz\\w*|collect\\w*|logg\\w*|log|entered|entry|record\\w*|prepared|booked|found|photo\\w*|packag\\w*|sealed|tested|analy\\w*|witness\\w*|approv\\w*|verif\\w*|officer|owner|suspect|subject)\\b.*")) people.add(i);
                else continue;
                used.add(i);
            }
            // Columns of people make a releaser and a receiver only in twos: a log signed by one clerk per entry
            // ("CLERK/OFFICER") names who wrote the entry, not both sides of a hand-off.
            if (released < 0 && received < 0 && people.size() >= 2) {
                released = people.get(0);
                received = people.get(1);
            } else if (released < 0 && received >= 0 && !people.isEmpty()) released = people.get(0);
            else if (received < 0 && released >= 0 && !people.isEmpty()) received = people.get(0);
        }

        public boolean isCustody() {
            return (released >= 0 || received >= 0) && (date >= 0 || time >= 0) && (item >= 0 || released >= 0 && received >= 0);
        }
    }

    private CustodyTableReader() {
    }

    /** The header row of a custody table, or -1. */
    public static int headerRow(Page.Table table) {
        for (int i = 0; i < Math.min(6, table.rows().size()); i++) {
            if (Columns.of(table.rows().get(i), table.rows().subList(i + 1, table.rows().size())).isCustody()) return i;
        }
        return -1;
    }

    /**
     * The custody events of a table, or none when it is not a custody table.
     *
     * @param defaultItem the item a document is about when its table has no item column (a single-item form)
     */
    public static List<CustodyEvent> read(Document d, Page page, Page.Table table, String defaultItem, LocalDate headerDate, int[] order) {
        List<CustodyEvent> out = new ArrayList<>();
        int header = headerRow(table);
        if (header < 0) return out;
        Columns c = Columns.of(table.rows().get(header), table.rows().subList(header + 1, table.rows().size()));
        List<String> items = defaultItem == null ? List.of() : List.of(defaultItem);
        LocalDate lastDate = headerDate;
        LocalDateTime lastWhen = null;
        java.util.Map<String, String> lastSeal = new java.util.HashMap<>();
        // A ledger that lists several cases numbers each case's items from 1: its item keys carry the case.
        boolean severalCases = c.caseNo >= 0 && table.rows().subList(header + 1, table.rows().size()).stream()
                .map(r -> cell(r, c.caseNo).strip()).filter(v -> !v.isEmpty()).distinct().count() > 1;
        List<List<String>> rows = continued(table.rows().subList(header + 1, table.rows().size()), c);
        java.util.Set<String> tableKeys = new java.util.LinkedHashSet<>();
        for (List<String> row : rows) tableKeys.addAll(ItemKey.of(itemCell(cell(row, c.item))));
        for (List<String> row : rows) {
            if (row.stream().allMatch(String::isBlank)) continue;
            // "** 09/04/2023 Labor Day -- P&E closed **": a note across the printout, not a row of it
            if (Prefilter.matches(String.join(" ", row.stream().filter(v -> !v.isBlank()).toList()).strip(), "(?s)\\*{1,3}[^*]+\\*{1,3}")) continue;
            String itemCell = itemCell(cell(row, c.item));
            // "--" or "n/a" under the item: a row for no item (a daily check of the safe), not the item above again
            if (Prefilter.matches(itemCell.strip(), "(?i)[-–—]{1,3}|n/?a|none")) continue;
            if (!itemCell.isBlank()) {
                List<String> keys = lettered(itemCell, tableKeys, ItemKey.of(itemCell));
                if (severalCases && !cell(row, c.caseNo).isBlank()) keys = keys.stream().map(k -> ItemKey.inCase(k, cell(row, c.caseNo))).toList();
                if (!keys.isEmpty()) items = keys;
            }
            if (items.isEmpty()) continue;
            LocalDateTime when = null;
            if (c.date >= 0 && c.date == c.time) {
                when = TimeParser.parseDateTime(stamp(row, c.date));
                if (when == null) {
                    LocalDate only = TimeParser.parseDate(stamp(row, c.date));
                    if (only != null) when = only.atStartOfDay();
                }
            } else {
                LocalDate date = c.time < 0 ? null : TimeParser.parseDate(stamp(row, c.date));
                if (date == null && c.date >= 0) {
                    LocalDateTime both = TimeParser.parseDateTime(stamp(row, c.date));
                    if (both != null) date = both.toLocalDate();
                }
                LocalTime time = TimeParser.parseClock(Prefilter.replaceAll((stamp(row, c.time) + " " + cell(row, c.meridiem)).strip(), "(?i)\\s*(hrs|hours)\\.?$", ""));
                if (time == null && c.time < 0 && c.date >= 0) {
                    // A date column that carries the time too ("22 MAY 24 2340").
                    LocalDateTime both = TimeParser.parseDateTime(stamp(row, c.date));
                    if (both != null) time = both.toLocalTime();
                }
                if (date == null && c.date >= 0) date = TimeParser.parseDate(stamp(row, c.date));
                if (date == null && c.date < 0 && c.time >= 0) {
                    // A time column that carries the date too ("Handoff Time: 10/21/2024 08:10").
                    LocalDateTime both = TimeParser.parseDateTime(stamp(row, c.time));
                    if (both != null) date = both.toLocalDate();
                }
                boolean carried = date == null && time != null;
                if (carried) date = lastDate;
                if (date != null) when = time != null ? LocalDateTime.of(date, time) : date.atStartOfDay();
                // rows of times under one date roll over at midnight: 2355, then 0010 is the next day
                if (carried && when != null && lastWhen != null && when.isBefore(lastWhen)
                        && java.time.Duration.between(when, lastWhen).toHours() >= 6) when = when.plusDays(1);
            }
            if (when != null) {
                lastDate = when.toLocalDate();
                lastWhen = when;
            }
            String released = blankToNull(cell(row, c.released));
            String received = blankToNull(cell(row, c.received));
            String purpose = blankToNull(cell(row, c.purpose));
            String remarks = blankToNull(cell(row, c.remarks));
            String text = String.join(" ", row);
            String sealCell = blankToNull(cell(row, c.seal));
            String seal = sealCell == null ? CustodyText.sealNumber(text) : Prefilter.replaceAll(Prefilter.replaceAll(sealCell, "(?i)^(seal\\s*(no\\.?|#)?\\s*)", ""), "[/,;]+$", "").strip();
            // "as above", "same", "ditto": the seal of the row before; words with no number are not a seal.
            boolean ditto = seal != null && Prefilter.matches(seal, "(?i)(as\\s+above|same(\\s+as\\s+above)?|ditto|do\\.?|\"|〃|same\\s+seal)");
            if (ditto) seal = null;
            else if (seal != null && !Prefilter.matches(seal, ".*[0-9OlI]{3,}.*")) seal = null;
            else if (seal != null) seal = Prefilter.replaceAll(seal, "\\s*\\(.*$", "").strip();
            // "UPD 0089402 - seal strip cut; bag re-closed": the number, then what became of it
            if (seal != null) {
                Matcher then = SEAL_THEN_WORDS.matcher(seal);
                if (then.find() && Prefilter.find(THREE_DIGITS, seal.substring(0, then.start()))) seal = seal.substring(0, then.start()).strip();
            }
            if (seal != null && (Prefilter.matches(seal, "(?i)(n/?a|none|-+)") || CustodyText.sealStatus(seal) != null)) seal = null;
            String status = CustodyText.sealStatus(String.join(" ", nz(sealCell), nz(remarks), nz(purpose)));
            // A "Seal intact" column answered Y or N is the seal's condition, not its number.
            if (seal != null && Prefilter.matches(seal, "(?i)(y|n|yes|no|ok)")) {
                if (status == null) status = Prefilter.matches(seal, "(?i)(y|yes|ok)") ? "intact" : "broken";
                seal = null;
            }
            String weightCell = cell(row, c.weight);
            // A number under a header that gives the unit ("Wt (g)": "4.6 gross") is in that unit.
            Double grams = CustodyText.grams(Prefilter.matches(weightCell, "\\s*\\d+(\\.\\d+)?\\s*") ? weightCell + " " + unitOf(c.weightHeader)
                    : dev.leverage.extract.Weights.first(weightCell) == null && Prefilter.matches(weightCell, "\\s*\\d+(\\.\\d+)?\\s+\\(?(gross|net|g/n|n/g)\\)?.*")
                    ? Prefilter.replaceFirst(weightCell.strip(), "^(\\d+(?:\\.\\d+)?)", "$1 " + unitOf(c.weightHeader)) : weightCell);
            // "18.6 g G" / "13.8 g N": an export's gross or net flag after the unit.
            // "G 88.4 g" / "N 76.91 g" / "(G) 88.4": the flag before the number.
            String kind = Prefilter.matches(weightCell, "(?s).*\\d\\s*(g|kg|mg|lbs?|oz)\\.?\\s+G\\s*$") || Prefilter.matches(weightCell, "\\s*\\(?G\\)?[\\s:]+\\d.*") ? "gross"
                    : Prefilter.matches(weightCell, "(?s).*\\d\\s*(g|kg|mg|lbs?|oz)\\.?\\s+N\\s*$") || Prefilter.matches(weightCell, "\\s*\\(?N\\)?[\\s:]+\\d.*") ? "net"
                    // The cell says which weight it is before the header does ("512 g gross" under "Gross/Net").
                    : CustodyText.weightKind(weightCell) != null ? CustodyText.weightKind(weightCell) : CustodyText.weightKind(c.weightHeader);
            Integer count = parseInt(cell(row, c.count));
            String quote = Prefilter.replaceAll(String.join(" ", row), "\\s+", " ").strip();
            Citation cite = Citation.of(d, page, quote);
            String location = blankToNull(cell(row, c.location));
            // A ledger whose To column names the shelf and whose remarks name the clerk ("rec'd by Prop. Clerk B. Dlamini").
            Matcher by = RECEIVED_IN_REMARKS.matcher(nz(remarks));
            if (received != null && (Handlers.isPlace(received) || Handlers.isSecureStorage(received)) && !Handlers.isOfficer(received)
                    && !Prefilter.matches(received, "(?s).*\\b[A-Z]\\.\\s*[A-Z][a-z]+.*") && by.find()) {
                if (location == null) location = received;
                received = by.group(1).strip();
            }
            // The release told at its own time: the receipt row and its release are two tellings of one hand-off.
            LocalDateTime releasedWhen = c.releasedAt < 0 ? null : TimeParser.parseDateTime(stamp(row, c.releasedAt));
            // One row for several items with a seal each ("1+2" | "7718/7719"): each item its own seal, in order.
            seal = sealOnly(seal);
            String[] seals = completeSeals(seal == null ? new String[0] : seal.split("\\s*[/,;&]\\s*"));
            if (seals.length == 1 && items.size() > 1) seals = sealRange(seals[0], items.size());
            String action = rowAction(purpose != null ? purpose : remarks, released, received);
            // "ESF-1" where the page calls it an evidence safe ("SECURITY OFFICE EVIDENCE LOG (ESF-1)"): storage, not a person
            if ((action == null || "transfer".equals(action)) && storageCode(page.text(), received)) {
                action = "stored";
                if (location == null) location = received.strip();
            }
            // A laboratory report's receipt table: an officer brings the item, the lab's staff (no rank) log it in.
            if ((action == null || "transfer".equals(action)) && d.type().equals("lab_report") && Handlers.isOfficer(released)
                    && !Handlers.isBlank(received) && !Handlers.isOfficer(received) && !Handlers.isPlace(received)) action = "lab_received";
            for (int k = 0; k < items.size(); k++) {
                String item = items.get(k);
                String itemSeal = ditto ? lastSeal.get(item) : items.size() > 1 && seals.length == items.size() ? seals[k] : seal;
                if (itemSeal != null) lastSeal.put(item, itemSeal);
                // A row for several items packed together ("2 + 3", 2 pcs, 9.8 g) counts and weighs the package, not each item.
                boolean group = items.size() > 1;
                out.add(new CustodyEvent(item, when, released, received, purpose, location, itemSeal, status, group ? null : count, group ? null : grams, group ? null : kind,
                        blankToNull(cell(row, c.description)), action, "table", order[0]++, cite));
                if (releasedWhen != null && when != null && !releasedWhen.equals(when) && released != null && received != null) {
                    out.add(new CustodyEvent(item, releasedWhen, released, received, "released", null, itemSeal, null, null, null, null,
                            null, "transfer", "table-release", order[0]++, cite));
                }
            }
        }
        return keptBy(out);
    }

    /**
     * A vault's or property room's ledger, listing several items or cases, whose keeper signs nearly every row: a row
     * that hands an item to the keeper puts it into that storage, as a row "to Property Room" would. An officer is never
     * taken for a keeper: the one on every row of a field log seized and carried the items.
     */
    static List<CustodyEvent> keptBy(List<CustodyEvent> rows) {
        List<CustodyEvent> table = rows.stream().filter(e -> e.source().equals("table")).toList();
        long items = table.stream().map(CustodyEvent::item).distinct().count();
        if (table.size() < 4 || items < 2) return rows;
        java.util.Map<String, java.util.Set<String>> signed = new java.util.LinkedHashMap<>();
        for (CustodyEvent e : table) {
            for (String who : new String[] {e.releasedBy(), e.receivedBy()}) {
                if (Handlers.isBlank(who) || Handlers.isPlace(who)) continue;
                String key = signed.keySet().stream().filter(k -> Handlers.same(k, who)).findFirst().orElse(who);
                signed.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(e.citation().quote());
            }
        }
        int total = (int) table.stream().map(e -> e.citation().quote()).distinct().count();
        String keeper = null;
        for (var en : signed.entrySet()) {
            if (en.getValue().size() * 5 >= total * 4 && total >= 4) {
                if (keeper != null) return rows; // two people on nearly every row: a hand-off log between them, not a keeper's ledger
                keeper = en.getKey();
            }
        }
        // an officer on every row of a field log is the one who seized and carried it, not a keeper of storage
        if (keeper == null || Handlers.isOfficer(keeper)) return rows;
        final String k = keeper;
        return rows.stream().map(e -> e.source().equals("table") && Handlers.same(e.receivedBy(), k) && !"seized".equals(e.action())
                && (e.action() == null || "transfer".equals(e.action())) ? e.as("stored") : e).toList();
    }

    private static final Pattern SEAL_THEN_WORDS = Pattern.compile("\\s[-–—;]\\s+(?=[A-Za-z])");
    private static final Pattern THREE_DIGITS = Pattern.compile("\\d{3}");
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,5}-?\\d{1,3}[A-Z]?");

    /** Whether a handler cell is a bare code the page names as a safe, locker, vault or evidence log ("Evidence Safe (ESF-1)"). */
    static boolean storageCode(String pageText, String handler) {
        if (handler == null || pageText == null || !Prefilter.matches(CODE, handler.strip())) return false;
        String code = Pattern.quote(handler.strip());
        return Pattern.compile("(?i)\\b(safe|locker|vault|cage|evidence\\s+(?:room|log|store)|property\\s+room|strong\\s*room)\\s*[(:#-]?\\s*(?:no\\.\\s*)?" + code + "\\b")
                .matcher(pageText).find();
    }

    /** "E 0718342 / CMY / 03-07 0710": a seal cell that adds who sealed and when; only the seal is the seal. */
    static String sealOnly(String seal) {
        if (seal == null) return null;
        String[] parts = seal.split("\\s*/\\s*");
        if (parts.length > 1 && Prefilter.matches(parts[0], ".*\\d{4,}.*") && java.util.Arrays.stream(parts).skip(1)
                .allMatch(p -> Prefilter.matches(p.strip(), "[A-Z]{2,4}|\\d{1,2}[-/.]\\d{1,2}([-/.]\\d{2,4})?(\\s+\\d{3,4})?|\\d{1,2}:\\d{2}"))) return parts[0].strip();
        return seal;
    }

    private static final Pattern LETTERED_RANGE = Pattern.compile("(?i)(?:items?\\s+)?(\\d{1,3})([A-Z]?)\\s*(?:-|through|thru|to)\\s*(\\d{1,3})([A-Z]?)");

    /**
     * "1A-3" beside rows for 1A, 1B, 2 and 3: a range whose ends carry sub-item letters runs over the table's own items
     * between them, in order; read alone it would skip 1B.
     */
    static List<String> lettered(String cell, java.util.Set<String> tableKeys, List<String> read) {
        Matcher m = LETTERED_RANGE.matcher(cell.strip());
        if (!m.matches() || m.group(2).isEmpty() && m.group(4).isEmpty()) return read;
        int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(3));
        String from = m.group(2).toUpperCase(Locale.ROOT), to = m.group(4).toUpperCase(Locale.ROOT);
        if (a > b || b - a > 50) return read;
        List<String> out = new ArrayList<>();
        for (int n = a; n <= b; n++) {
            final int num = n;
            List<String> subs = tableKeys.stream().filter(k -> Prefilter.matches(k, num + "[A-Z]")).sorted().toList();
            if (subs.isEmpty()) {
                out.add(String.valueOf(n));
                continue;
            }
            for (String k : subs) {
                String letter = k.substring(k.length() - 1);
                if (n == a && !from.isEmpty() && letter.compareTo(from) < 0) continue;
                if (n == b && !to.isEmpty() && letter.compareTo(to) > 0) continue;
                out.add(k);
            }
        }
        return out.size() >= read.size() ? out : read;
    }

    /**
     * The facts of an item-listing table (ITEM | QTY | DESCRIPTION | SEAL, the article list of a DA Form 4137 or a
     * lab request): one "observed" record per item, with no time of its own. The caller dates it.
     */
    public static List<CustodyEvent> listing(Document d, Page page, Page.Table table, int[] order) {
        List<CustodyEvent> out = new ArrayList<>();
        for (int h = 0; h < Math.min(4, table.rows().size()); h++) {
            Columns c = Columns.of(table.rows().get(h));
            // An item list with the time each was collected ("Item | Time | Description | Where found") still lists.
            if (c.isCustody() || c.item < 0 || c.released >= 0 || c.received >= 0 || c.date >= 0) continue;
            if (c.description < 0 && c.count < 0 && c.seal < 0) continue;
            for (List<String> row : table.rows().subList(h + 1, table.rows().size())) {
                List<String> keys = ItemKey.of(cell(row, c.item));
                if (keys.isEmpty()) continue;
                String text = String.join(" ", row);
                String description = blankToNull(cell(row, c.description));
                String sealCell = blankToNull(cell(row, c.seal));
                // a cell that tells the package as well ("cardboard gun box, FFEB evidence seal 0451306, intact") gives its seal's number
                String seal = sealCell != null && !Prefilter.matches(sealCell, "(?i)(n/?a|none|-+)") ? (Prefilter.matches(sealCell, "(?is).*\\bseal\\b.*\\s.*\\s.*\\s.*") && CustodyText.sealNumber(sealCell) != null
                        ? CustodyText.sealNumber(sealCell) : sealOnly(Prefilter.replaceAll(sealCell, "(?i)^(seal\\s*(no\\.?|#)?\\s*)", "").strip()))
                        : CustodyText.sealNumber(text);
                Integer count = parseInt(cell(row, c.count));
                Double grams = c.weight >= 0 ? CustodyText.grams(cell(row, c.weight)) : description == null ? null : CustodyText.grams(description);
                String kind = grams == null ? null : CustodyText.weightKind(c.weight >= 0 ? cell(row, c.weight) + " " + c.weightHeader : description);
                Citation cite = Citation.of(d, page, Prefilter.replaceAll(text, "\\s+", " ").strip());
                for (String item : keys) {
                    out.add(new CustodyEvent(item, null, null, null, null, null, seal, CustodyText.sealStatus(text), keys.size() == 1 ? count : null,
                            keys.size() == 1 ? grams : null, keys.size() == 1 ? kind : null, description, "observed", "listing", order[0]++, cite));
                }
            }
            break;
        }
        return out;
    }

    /** "resealed in EDFS pouch C25-03120-2": the number of the package a lab reseals into. */
    private static final Pattern LAB_PACKAGE = Pattern.compile("(?i)\\b(?:pouch|bag|envelope|container|tape|seal)\\s+(?:no\\.?\\s*|#\\s*)?((?-i:[A-Z0-9][A-Z0-9-]*\\d{3,}[A-Z0-9-]*))");

    /**
     * A laboratory's examination log ("Item | Date | Step | Analyst"): when each item was worked on. An analysis
     * dated before the laboratory received the item is a break the analyzer finds.
     */
    public static List<CustodyEvent> examinations(Document d, Page page, Page.Table table, int[] order) {
        List<CustodyEvent> out = new ArrayList<>();
        if (!d.type().startsWith("lab")) return out;
        for (int h = 0; h < Math.min(4, table.rows().size()); h++) {
            Columns c = Columns.of(table.rows().get(h));
            // A results table ("Exh | Analyst | Date(s) of analysis | Description | Net weight | Result") dates each
            // item's analysis as an examination log does.
            String header = String.join(" | ", table.rows().get(h)).toLowerCase(java.util.Locale.ROOT);
            boolean results = Prefilter.matches(header, "(?s).*\\b(analyst|chemist|examiner|result|results|analy[sz]\\w*|examined|tested)\\b.*");
            if (c.isCustody() || c.item < 0 || c.date < 0 || c.purpose < 0 && !results || c.released >= 0 || c.received >= 0) continue;
            // The examiner who did each step: the one who opened and resealed the package, where a step says so.
            int examiner = -1;
            for (int i = 0; i < table.rows().get(h).size(); i++) {
                if (Prefilter.matches(table.rows().get(h).get(i).strip(), "(?i)(analyst|chemist|examiner|scientist|criminalist|examined\\s+by|analy[sz]ed\\s+by)(\\s+name)?")) examiner = i;
            }
            for (List<String> row : continued(table.rows().subList(h + 1, table.rows().size()), c)) {
                List<String> keys = ItemKey.of(itemCell(cell(row, c.item)));
                // "09/12/2024 - 09/13/2024": the analysis began on the first day.
                String stamp = stamp(row, c.date).split("\\s+(?:-|–|to|thru|through)\\s+")[0];
                LocalDateTime when = TimeParser.parseDateTime(stamp);
                if (when == null) {
                    LocalDate day = TimeParser.parseDate(stamp);
                    // "Exam date | Time": the clock in a column of its own
                    LocalTime clock = c.time >= 0 && c.time != c.date ? TimeParser.parseClock(stamp(row, c.time)) : null;
                    if (day != null) when = clock != null ? LocalDateTime.of(day, clock) : day.atStartOfDay();
                }
                if (keys.isEmpty() || when == null) continue;
                String step = c.purpose >= 0 ? blankToNull(cell(row, c.purpose)) : "analysis";
                String description = blankToNull(cell(row, c.description));
                Double grams = c.weight >= 0 ? CustodyText.grams(cell(row, c.weight)) : null;
                String kind = grams == null ? null : CustodyText.weightKind(cell(row, c.weight) + " " + c.weightHeader);
                Integer count = description == null ? null : CustodyProse.count(description);
                Citation cite = Citation.of(d, page, Prefilter.replaceAll(String.join(" ", row), "\\s+", " ").strip());
                String by = examiner >= 0 ? blankToNull(cell(row, examiner)) : null;
                String status = CustodyText.sealStatus(nz(step));
                // "resealed in EDFS pouch C25-03120-2": the lab's own seal, applied by the examiner at the step's time
                boolean sealing = "resealed".equals(status) || "sealed".equals(status);
                String seal = sealing ? CustodyText.sealNumber(nz(step)) : null;
                if (sealing && seal == null) {
                    Matcher bag = LAB_PACKAGE.matcher(nz(step));
                    if (bag.find()) seal = bag.group(1);
                }
                for (String item : keys) {
                    boolean one = keys.size() == 1;
                    out.add(new CustodyEvent(item, when, null, sealing ? by : null, step, null, seal, status, one ? count : null, one ? grams : null,
                            one ? kind : null, one ? description : null, "analyzed", "examination", order[0]++, cite));
                }
            }
            break;
        }
        return out;
    }

    /**
     * Rows with the wrapped rest of the row above: a form cell too long for its column carries on in the next row,
     * which has no item, date or time ("Ms. Helga Lindqvist, Evidence Receiving, Army Forensic" / "Laboratory Fort
     * Calder /s/ HL"). Such a row is joined to the row above, cell by cell.
     */
    static List<List<String>> continued(List<List<String>> rows, Columns c) {
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            boolean blank = row.stream().allMatch(String::isBlank);
            boolean anchorless = cell(row, c.item).isBlank() && stamp(row, c.date).isBlank() && stamp(row, c.time).isBlank();
            // A header printed on two lines ("RELEASED BY" / "(signature/name, grade)"): its second line is no row.
            if (!blank && anchorless && out.isEmpty() && r + 1 < rows.size() && row.stream().noneMatch(v -> Prefilter.matches(v, ".*\\d.*"))
                    && !cell(rows.get(r + 1), c.item).isBlank()) continue;
            // A form whose date/time cell holds two lines ("23 MAY 2025" over "2030"): the clock line, with no item of
            // its own, carries on the dated row above.
            boolean clockLine = !blank && cell(row, c.item).isBlank() && c.date >= 0 && (c.date == c.time || c.time < 0) && !out.isEmpty()
                    && TimeParser.parseClock(Prefilter.replaceAll(stamp(row, c.date), "(?i)\\s*(hrs|hours)\\.?$", "")) != null
                    && TimeParser.parseDate(stamp(row, c.date)) == null
                    && TimeParser.parseDate(stamp(out.get(out.size() - 1), c.date)) != null
                    && TimeParser.parseDateTime(stamp(out.get(out.size() - 1), c.date)) == null;
            if (clockLine || !blank && anchorless && !out.isEmpty() && (c.date >= 0 || c.time >= 0)) {
                List<String> prev = new ArrayList<>(out.get(out.size() - 1));
                // "(delivered in person, HQ Bldg 100 evidence room)" written under the row across its columns: one
                // remark, not a piece of each handler's name
                List<Integer> filled = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) if (row.get(i) != null && !row.get(i).isBlank()) filled.add(i);
                int note = c.remarks >= 0 ? c.remarks : c.purpose;
                if (filled.size() > 1 && note >= 0 && row.get(filled.get(0)).strip().startsWith("(") && row.get(filled.get(filled.size() - 1)).strip().endsWith(")")) {
                    String joined = String.join(" ", filled.stream().map(i -> row.get(i).strip()).toList());
                    if (joined.indexOf(')') == joined.length() - 1) {
                        while (prev.size() <= note) prev.add("");
                        prev.set(note, (prev.get(note).strip() + " " + joined).strip());
                        out.set(out.size() - 1, prev);
                        continue;
                    }
                }
                for (int i = 0; i < row.size(); i++) {
                    String more = row.get(i) == null ? "" : row.get(i).strip();
                    if (more.isEmpty()) continue;
                    while (prev.size() <= i) prev.add("");
                    prev.set(i, (prev.get(i).strip() + " " + more).strip());
                }
                out.set(out.size() - 1, prev);
            } else {
                out.add(row);
            }
        }
        return out;
    }

    private static String unitOf(String header) {
        if (Prefilter.matches(header, ".*\\b(kg|kilograms?)\\b.*")) return "kg";
        if (Prefilter.matches(header, ".*\\b(lbs?|pounds?)\\b.*")) return "lb";
        if (Prefilter.matches(header, ".*\\b(oz|ounces?)\\b.*")) return "oz";
        if (Prefilter.matches(header, ".*\\b(mg)\\b.*")) return "mg";
        return "g";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static Integer parseInt(String s) {
        String t = s.strip();
        if (!Prefilter.matches(t, "\\(?\\d{1,7}\\)?(\\s*\\D{0,20})?")) return null;
        return Integer.valueOf(Prefilter.replaceAll(t, "^\\(?(\\d{1,7}).*", "$1"));
    }

    /**
     * A list of seals written short after the first ("031890/91/92", "T24-1877-01/-02/-03"): each later number
     * takes the first one's prefix, so that item 2's seal reads 031891 and not 91.
     */
    static String[] completeSeals(String[] seals) {
        if (seals.length < 2) return seals;
        String first = Prefilter.replaceAll(seals[0], "\\s+(?=-)", "");
        String[] out = seals.clone();
        out[0] = first;
        for (int k = 1; k < seals.length; k++) {
            String s = seals[k].strip();
            if (Prefilter.matches(s, "-?\\d{1,4}") && s.length() < first.length() && Prefilter.matches(first, "(?s).*\\d$")) {
                out[k] = first.substring(0, first.length() - s.length()) + s;
            } else if (Prefilter.matches(s, "-[A-Za-z0-9]{1,3}") && first.lastIndexOf('-') > 0) {
                // "25-0488-A / -B": the second seal is the first with its last part replaced
                out[k] = first.substring(0, first.lastIndexOf('-')) + s;
            }
        }
        return out;
    }

    /**
     * A run of seals written as a range on a row for several items ("21103-05" for items 1-3): each item its own
     * number, in order, when the range holds exactly as many seals as the row has items.
     */
    private static final Pattern SEAL_RANGE = Pattern.compile("(.*?)(\\d{3,})\\s*[-–]\\s*(\\d{1,4})");

    static String[] sealRange(String seal, int items) {
        Matcher m = SEAL_RANGE.matcher(seal.strip());
        if (!m.matches() || m.group(3).length() >= m.group(2).length()) return new String[] {seal};
        String first = m.group(2);
        long a = Long.parseLong(first), b = Long.parseLong(first.substring(0, first.length() - m.group(3).length()) + m.group(3));
        if (b - a + 1 != items) return new String[] {seal};
        String[] out = new String[items];
        for (int k = 0; k < items; k++) out[k] = m.group(1) + String.format("%0" + first.length() + "d", a + k);
        return out;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final Pattern RECEIVED_IN_REMARKS = Pattern.compile("(?i)\\b(?:rec'?d|received|accepted)\\s+by:?\\s+([A-Z][\\w.#' -]{2,60}?(?:#\\s?[\\w-]+)?)\\s*(?:[;,]|$)");

    /**
     * What a row did. A row that passes the item from one custodian to another is a hand-off even when its purpose
     * names what comes next ("Lab analysis LY-25-D-01177"): a submission to a laboratory, a return from one.
     */
    static String rowAction(String purpose, String released, String received) {
        String action = CustodyText.action(purpose);
        if ("analyzed".equals(action) && !Handlers.isBlank(released) && !Handlers.isBlank(received) && !Handlers.same(released, received)
                && !released.strip().toLowerCase(java.util.Locale.ROOT).startsWith("seized")) {
            return Handlers.isLab(received) ? "submitted" : Handlers.isLab(released) ? "returned" : "transfer";
        }
        return action;
    }

    /** An item cell that OCR read as letters ("l" for 1, "lO" for 10, "2l" for 21) holds the number it looks like. */
    static String itemCell(String cell) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9OlI|]{1,3})([A-Z]?)").matcher(cell.strip());
        if (!m.matches() || Prefilter.matches(m.group(1), "[0-9]+") || Prefilter.matches(m.group(1), "O+")) return cell;
        return CustodyText.lookAlikeDigits(m.group(1)) + m.group(2);
    }

    /** A date or time cell, with OCR's letters for digits undone. */
    private static String stamp(List<String> row, int i) {
        // A corrected entry ("~~3:40p~~ 2:40p AK", "0745 {RS}"): the value that stands, without the initials.
        String v = Prefilter.replaceAll(dev.leverage.extract.TextTables.withoutStrikeOuts(cell(row, i)), "[{(\\[][A-Za-z]{1,4}[})\\]]", " ")
                .replaceAll("(?<=[0-9ap.m])\\s+(?!(?:AM|PM|HRS|HR|H)\\s*$)[A-Z]{2,3}\\s*$", "").strip();
        return CustodyText.ocrDigits(v);
    }

    static String cell(List<String> row, int i) {
        return i >= 0 && i < row.size() && row.get(i) != null ? row.get(i) : "";
    }
}
