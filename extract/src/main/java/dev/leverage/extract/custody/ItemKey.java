package dev.leverage.extract.custody;

import dev.leverage.extract.Prefilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the ways documents name one evidence item to one key: "Item 1", "Item #1", "Exhibit 1", "E-1", "1"
 * are item 1; a lab's sub-items "1.1" and "Lab Item 1.2" belong to item 1; "Items 1 through 3" are 1, 2 and 3.
 */
public final class ItemKey {
    /** The item of a record that names none (a one-item lab report); the analyzer resolves it by seal or as the case's only item. */
    public static final String UNNAMED = "?";

    private static final Pattern RANGE = Pattern.compile("(?<!\\d)(\\d{1,3})\\s*(?:through|thru|-|to|–)\\s*(\\d{1,3})(?!\\d)");
    /** A property tag or lot numbering the item in its last part: "2024-00412-003", "CED-24-0388-1A" (sub-item 1A). */
    private static final Pattern SERIES = Pattern.compile("(?i)([A-Z]{2,4})-?(\\d{1,3}[A-Z]?)");
    private static final Pattern PROPERTY_TAG = Pattern.compile("\\b(?:[A-Z0-9]{1,5}-){1,4}\\d{3,7}-(\\d{1,4}[A-Z]?)\\b");
    /** A file or case number, a slash, and the item ("UPD-SDAI-25-0033 / 1187-1", "25-0412 / Item 2"). */
    private static final Pattern FILE_AND_ITEM = Pattern.compile("\\s*([A-Z0-9]{1,6}(?:-[A-Z0-9]{1,7}){1,4})\\s*/\\s*(\\S.{0,30}?)\\s*");
    private static final Pattern FILE_DIGITS = Pattern.compile("\\d{4}|\\d{2}-\\d{3}");
    private static final Pattern BOX_ITEM = Pattern.compile("(?i)\\s*(?:(?-i:[A-Z]{2,5})\\s+)?(?:(?:box-)?(?:item|itm)\\s*#?\\s*)?\\d{4,5}-(\\d{1,3}[A-Z]?)\\s*");
    private static final Pattern LIST = Pattern.compile("(\\d{1,3})([A-Za-z]?)(?:\\.\\d{1,2})?");

    private ItemKey() {
    }

    /** An item of a named case in a ledger that lists several ("1@LMT24-005098"). */
    public static String inCase(String key, String caseNumber) {
        if (key.indexOf('@') >= 0) return key;
        return key + "@" + Prefilter.replaceAll(caseNumber.strip().toUpperCase(java.util.Locale.ROOT), "\\s+", "");
    }

    /** The case an item key names, or null for an item of this case. */
    public static String caseOf(String key) {
        int at = key.indexOf('@');
        return at < 0 ? null : key.substring(at + 1);
    }

    /** A lab's label: "Lab Item 1.1", "lab #2", or the lab's own letters before its exhibit ("FLS Exh. 1"), kept with its number. */
    private static final String LAB_LABEL = "\\b(?:lab(?:oratory)?|((?-i:[A-Z]{2,5}))(?=\\s*(?:item|exhibit|exh\\.)))\\s*(?:item|exhibit|exh\\.|no\\.|#)\\s*(?:no\\.?\\s*)?#?\\s*(\\d{1,3}(?:\\.\\d{1,2})?[A-Z]?)";
    private static final String CLIENT_LABEL = "(?:the\\s+)?(?:(?:client|agency|submitter'?s?|submitting\\s+agency'?s?|your|department(?:al)?|dept\\.?|police|officer'?s?|case|(?-i:[A-Z]{2,6}))?\\s*"
            + "(?:item|exhibit|exh\\.|evidence\\s+item)|div(?:ision)?\\.?(?:\\s*(?:item|exhibit|exh\\.))?)\\s*(?:no\\.?\\s*)?#?\\s*"
            // "UPD item 0917-2A": the agency's box and item; the item is after the box
            + "(?:\\d{4,5}-)?(\\d{1,3}[A-Z]?)\\b(?!\\.\\d)";
    /** "Lab Item 1.1 (client Exhibit 1A)", "Lab No. 2 = agency Item 3", "Lab item 1 corresponds to Exhibit 4", "FLS Exh. 2 (Div. 1B)". */
    private static final Pattern LAB_FOR_CLIENT = Pattern.compile("(?i)" + LAB_LABEL + "\\s*(?:\\(\\s*=?\\s*|=\\s*|,\\s*|-+\\s*|:\\s*|\\s(?:corresponds\\s+to|is|was|for)\\s+)" + CLIENT_LABEL);
    /** "Exhibit 1A (Lab Item 1.1)", "Item 3 (lab #2)", "Division Exh. 1A (seal LV 0090140, FLS Exh. 1)". */
    private static final Pattern CLIENT_FOR_LAB = Pattern.compile("(?i)\\b(?:item|exhibit|exh\\.)\\s*(?:no\\.?\\s*)?#?\\s*(\\d{1,3}[A-Z]?)\\b(?!\\.\\d)\\s*\\(\\s*(?:[^(),]{0,30},\\s*)?" + LAB_LABEL);
    private static final Pattern LAB_PREFIX = Pattern.compile("^\\s*([A-Z]{2,5})\\s*(?i:item|exhibit|exh\\.)");

    /**
     * A laboratory's own numbering of the items it received, as a document ties it to the agency's ("Assigned Lab
     * Item 1.1 (client Exhibit 1A)", "Lab Item 2.2 (agency Item 3)"): the lab's number as written ("1.1", "2.2", "1")
     * mapped to the agency item's key. Empty when the document ties none.
     */
    public static Map<String, String> labNumbers(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) return out;
        Matcher m = LAB_FOR_CLIENT.matcher(text);
        while (m.find()) number(out, labKey(m.group(1), m.group(2)), m.group(3));
        m = CLIENT_FOR_LAB.matcher(text);
        while (m.find()) number(out, labKey(m.group(2), m.group(3)), m.group(1));
        // A lab's case number with its item suffix set equal to the agency's ("Q24-0712-1 = Agency Item 2").
        m = TAG_FOR_CLIENT.matcher(text);
        while (m.find()) number(out, m.group(1), m.group(2));
        out.values().removeIf(v -> v.isEmpty());
        return out;
    }

    private static final Pattern TAG_FOR_CLIENT = Pattern.compile("(?i)\\b((?:[A-Z]{1,4}-?)?\\d{2,4}-\\d{3,7}-\\d{1,4}[A-Z]?)\\s*(?:=|\\(\\s*=?|:|corresponds\\s+to|is)\\s*"
            + "(?:the\\s+)?(?:agency|client|submitter'?s?|submitting\\s+agency'?s?|department(?:al)?|police|your)\\s+(?:item|exhibit|exh\\.?|article|specimen)\\s*(?:no\\.?\\s*)?#?\\s*(\\d{1,3}[A-Z]?)\\b");

    /** A lab number as the mapping keeps it: "1.1", or "FLS 1" for a number the lab writes after its own letters. */
    private static String labKey(String prefix, String number) {
        return prefix == null ? number : prefix + " " + number;
    }

    private static void number(Map<String, String> out, String lab, String client) {
        List<String> c = of(client);
        if (c.size() != 1) return;
        String key = Prefilter.replaceFirst(lab.toUpperCase(java.util.Locale.ROOT), "^0+(?=\\d)", "");
        String had = out.putIfAbsent(key, c.get(0));
        if (had != null && !had.equals(c.get(0))) out.put(key, ""); // one lab number for two agency items: no mapping
    }

    private static final ThreadLocal<Map<String, String>> LAB_NUMBERS = ThreadLocal.withInitial(Map::of);

    /**
     * Runs a document's reading with its laboratory numbering in force: while it runs, "Lab Item 2.2" (or "2.2")
     * resolves to the agency item the document pairs it with, not to item 2.
     */
    public static <T> T withLabNumbers(Map<String, String> numbers, java.util.function.Supplier<T> reading) {
        Map<String, String> before = LAB_NUMBERS.get();
        LAB_NUMBERS.set(numbers);
        try {
            return reading.get();
        } finally {
            LAB_NUMBERS.set(before);
        }
    }

    /**
     * A text with the laboratory's half of each paired label blanked ("Lab Item 2.2 (agency Item 3): ... Net 3.97 g"
     * is about Item 3 once), so a sentence is read for the agency's item it names.
     */
    public static String withoutLabLabels(String text) {
        if (text == null) return null;
        return blank(blank(text, LAB_FOR_CLIENT, 2), CLIENT_FOR_LAB, 3);
    }

    private static String blank(String text, Pattern p, int group) {
        Matcher m = p.matcher(text);
        StringBuilder b = new StringBuilder();
        int at = 0;
        while (m.find()) {
            b.append(text, at, m.start(group)).append(" ".repeat(m.end(group) - m.start(group)));
            at = m.end(group);
        }
        return b.append(text.substring(at)).toString();
    }

    private static final Pattern CASE_THEN_ITEM = Pattern.compile("(?i)\\s*[A-Z]{1,5}-\\d{2,4}-\\d{3,6}\\s+(?:lot|l|item|itm|exh)\\s*[#.]?\\s*(\\d{1,3}[A-Z]?)\\s*");

    /** The item keys a label names (several for a range or list), empty when it names none. */
    public static List<String> of(String label) {
        List<String> out = new ArrayList<>();
        if (label == null) return out;
        // A laboratory's known and questioned samples ("K1" exemplars, "Q2") are not the agency's items.
        if (Prefilter.matches(label.strip(), "(?i)[KQ]-?\\d{1,3}[A-Z]?")) return out;
        // FBI-style serials ("1B1", "1B4": the first and fourth of the 1B bulky exhibits) are each an item of their own.
        if (Prefilter.matches(label.strip(), "(?i)\\d{1,3}[A-Z]\\d{1,3}")) {
            out.add(label.strip().toUpperCase(java.util.Locale.ROOT));
            return out;
        }
        // A series of its own ("CB1" for a controlled buy, "SW-3"): not item 1 or 3 of the main numbering.
        Matcher series = SERIES.matcher(label.strip());
        if (series.matches() && !Prefilter.matches(series.group(1), "(?i)item|itm|exh|ex|no|nos|lab|tag|pkg|lot|art|spec|evid|prop|qty")) {
            out.add((series.group(1) + series.group(2)).toUpperCase(java.util.Locale.ROOT));
            return out;
        }
        // "UPD-SDAI-25-0033 / 1187-1": a ledger's file number, then the item; the file is the case the item belongs to.
        Matcher filed = FILE_AND_ITEM.matcher(label);
        if (filed.matches() && FILE_DIGITS.matcher(filed.group(1)).find()) {
            for (String key : of(filed.group(2))) out.add(inCase(key, filed.group(1)));
            return out;
        }
        // "VR-25-0406 Lot 1", "VR-25-0406 L1": a case number, then the item in it
        Matcher cased = CASE_THEN_ITEM.matcher(label);
        if (cased.matches()) {
            out.add(Prefilter.replaceFirst(cased.group(1), "^0+(?=\\d)", "").toUpperCase(java.util.Locale.ROOT));
            return out;
        }
        // A box and its item ("1187-1", "0917-2A"): the item is the part after the box's number.
        Matcher boxed = BOX_ITEM.matcher(label);
        if (boxed.matches()) {
            out.add(Prefilter.replaceFirst(boxed.group(1), "^0+(?=\\d)", "").toUpperCase(java.util.Locale.ROOT));
            return out;
        }
        // A property tag "2024-00412-003" numbers the item in its last part.
        Matcher tag = PROPERTY_TAG.matcher(label);
        if (tag.find()) {
            String mapped = LAB_NUMBERS.get().get(tag.group().toUpperCase(java.util.Locale.ROOT));
            if (mapped != null) {
                out.add(mapped);
                return out;
            }
            out.add(Prefilter.replaceFirst(tag.group(1), "^0+(?=\\d)", "").toUpperCase(java.util.Locale.ROOT));
            return out;
        }
        // "FLS Exh. 1": a number the lab writes after its own letters, where the document pairs it with the agency's.
        Matcher prefixed = LAB_PREFIX.matcher(label);
        if (prefixed.find()) {
            Matcher n = LIST.matcher(label.substring(prefixed.end()));
            String mapped = n.find() ? LAB_NUMBERS.get().get(prefixed.group(1) + " " + n.group().toUpperCase(java.util.Locale.ROOT)) : null;
            if (mapped != null) {
                out.add(mapped);
                return out;
            }
        }
        String s = Prefilter.replaceAll(label, "(?i)\\b(lab\\s+)?(items?|exhibits?|exh\\.|evidence|no\\.|property\\s+tag|pkgs?\\.?|packages?|articles?|specimens?|lots?)\\b", " ")
                .replaceAll("(?i)\\bE-(?=\\d)", " ").replace("#", " ").strip();
        Matcher r = RANGE.matcher(s);
        if (r.find() && !s.contains(".")) {
            int a = Integer.parseInt(r.group(1)), b = Integer.parseInt(r.group(2));
            if (a < b && b - a <= 50) {
                for (int i = a; i <= b; i++) out.add(String.valueOf(i));
                return out;
            }
        }
        Map<String, String> lab = LAB_NUMBERS.get();
        // A lab's own number stands for the agency item the document pairs it with: a sub-number ("2.2") anywhere, a
        // whole number only where the label says it is the lab's ("Lab Item 1").
        boolean labLabel = Prefilter.matches(label, "(?is)\\s*lab(oratory)?\\b.*");
        Matcher m = LIST.matcher(s);
        while (m.find()) {
            String written = Prefilter.replaceFirst(m.group().toUpperCase(java.util.Locale.ROOT), "^0+(?=\\d)", "");
            String key = Prefilter.replaceFirst(m.group(1), "^0+(?=\\d)", "") + m.group(2).toUpperCase();
            if (lab.containsKey(written) && (written.contains(".") || labLabel)) key = lab.get(written);
            if (!out.contains(key)) out.add(key);
        }
        return out;
    }
}
