package dev.leverage.extract.custody;

import dev.leverage.extract.Prefilter;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the small facts a custody record writes in words: a weight with its unit, gross or net; what it says of
 * the seal; what the transfer was for; the colour and form of the substance; a place outside the evidence system.
 */
public final class CustodyText {
    private static final Pattern SEAL_NUMBER = Pattern.compile("(?i)\\bseal(?:ed(?:\\s+with)?|\\s*(?:no\\.?|number|#))?\\s*:?\\s*(?:(?:[A-Z]{2,6}\\s+)?(?:evidence\\s+)?(?:label|tape)\\s+)?#?\\s*((?:[A-Z]{1,4}-){0,2}[A-Z]{0,4}-?\\d{3,10}(?:-?[A-Z]{1,2}\\d{0,2}|-\\d{1,6})?)\\b");
    private static final Pattern BROKEN = Pattern.compile("(?i)\\b(seal\\w*\\s+(was\\s+|were\\s+)?(broken|not\\s+intact|torn|cut|tampered|compromised|missing|damaged)|broken\\s+seal|(no|not)\\s+intact|open(ed)?\\s+(package|bag|container)\\s+received|seal\\s+not\\s+intact|(seal|evidence\\s+tape)\\b[^.;]{1,50}?\\b(was|were|had\\s+been|appeared)\\s+(broken|torn|cut|slit|tampered(\\s+with)?|compromised|damaged)|seal\\s+(strip|tape|label|sticker)\\s+(along|across|on|at)\\s+[^.;]{1,30}?\\s(cut|slit|torn|broken|peeled|lifted))\\b");
    private static final Pattern RESEALED = Pattern.compile("(?i)\\bre-?seal(ed|ing)?\\b");
    private static final Pattern NOT_INVENTORIED = Pattern.compile("(?i)\\bnot\\s+inventor(ied|y)\\b|\\bwithout\\s+inventory\\b");
    private static final Pattern INTACT = Pattern.compile("(?i)\\b(seals?\\s+(was\\s+|were\\s+)?intact|intact\\s+seal|sealed\\s+and\\s+intact)\\b");
    private static final Pattern OUTSIDE = Pattern.compile("(?i)\\b(my\\s+(residence|home|house|apartment|garage|personal\\s+(vehicle|car|truck)|car|truck|desk|briefcase|locker\\s+at\\s+the\\s+gym|gym\\s+bag)|"
            + "(officer'?s|deputy'?s|agent'?s|his|her)\\s+(residence|home|house|apartment|garage|personal\\s+(vehicle|car|truck)|desk|briefcase)|"
            + "personal\\s+(pick-?up\\s+)?(vehicle|car|truck|suv|van|safe|locker)|home\\s+safe|safe\\s+at\\s+(my|his|her)\\s+(residence|home|house)|at\\s+home|(drove|went|took\\s+it|brought\\s+it)\\s+home|"
            + "desk\\s+drawer|briefcase|glove\\s+(box|compartment)|(my|his|her)\\s+(own\\s+)?(barracks\\s+room|quarters|dorm\\s+room|bedroom|room|cabin|stateroom|berth|bunk)|crew\\s+cabin|"
            + "(wall\\s+)?locker\\s+in\\s+(my|his|her)\\s+(own\\s+)?(barracks\\s+)?room|gym\\s+locker|overnight\\s+in\\s+(my|his|her|the)\\s+(vehicle|car|truck|patrol\\s+car|cruiser)|"
            // an office's furniture and a staff kitchen's fridge: inside the building, outside the evidence system
            + "(filing\\s+)?(cabinet|desk|drawer|safe)\\s+in\\s+(my|his|her)\\s+(own\\s+)?office|(my|his|her)\\s+office\\s+(filing\\s+)?(cabinet|desk|drawer|safe)|"
            + "(my|his|her)\\s+own\\s+(truck|car|vehicle|pick-?up|suv|van)|(truck|car|vehicle|pick-?up)(\\s+cab)?\\s+in\\s+(the|my|his|her)\\s+driveway|"
            + "(break[- ]?room|kitchen|staff|lunch[- ]?room)\\s+(fridge|refrigerator)|(fridge|refrigerator)\\s+in\\s+the\\s+([\\w-]+\\s+)?(break[- ]?room|kitchen|lunch[- ]?room))\\b");
    private static final String[] COLOURS = {"off-white", "white", "tan", "brown", "beige", "yellow", "yellowish", "blue", "green", "pink",
            "red", "orange", "purple", "gray", "grey", "black", "clear", "colorless", "colourless", "cream", "light brown", "dark brown"};
    private static final Pattern FORMS = Pattern.compile("(?i)\\b(powder(y)?|rock(s|-like)?|crystal(s|line)?|chunks?|tablets?|tabs|pills?|capsules?|plant\\s+material|vegetation|leafy|liquid|"
            + "paste|tar|gum|resin|blotter|paper|residue|cookies?|candies|gummies|vape|cartridges?|wax|oil)\\b");
    private static final Pattern IMPRINT = Pattern.compile("(?i)\\bimprint(?:ed)?\\s*(?:of\\s+|:\\s*)?[\"“]?([A-Z0-9][A-Z0-9 /-]{0,10}[A-Z0-9])");

    private CustodyText() {
    }

    /** "$14,320", "$14,230.00", "USD 9,500": a sum of money written in a record. */
    private static final Pattern MONEY = Pattern.compile("(?i)(?:\\$\\s?|\\bUSD\\s?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{2}))?\\b");
    /** A sum that is not the item's own: a price, a payment, a value, a bond; or one only estimated. */
    private static final Pattern NOT_THE_ITEMS_SUM = Pattern.compile("(?i)\\b(paid|pay|payment|purchase[ds]?|bought|buy\\s+(?:money|funds)|price|cost|fee|fine|bond|bail|value[ds]?|worth|"
            + "approx\\w*\\.?|about|around|estimated|est\\.|roughly|reward|owed|debt|rent)\\b");

    /**
     * The sum of money a custody record counts for its item ("Seized; scene count $14,320", "Property room count:
     * $14,230"), or null when the record writes no sum, several different sums, or a sum that is a price, a payment,
     * a value or an estimate.
     */
    public static Double amount(String s) {
        if (s == null || Prefilter.find(NOT_THE_ITEMS_SUM, s)) return null;
        Matcher m = MONEY.matcher(s);
        Double found = null;
        while (m.find()) {
            double v = Double.parseDouble(m.group(1).replace(",", "") + (m.group(2) == null ? "" : "." + m.group(2)));
            if (found != null && found != v) return null;
            found = v;
        }
        return found;
    }

    /** A weight in grams written in the text, or null. */
    public static Double grams(String s) {
        if (s == null) return null;
        // "approximately 0.4 g consumed; net weight remaining 485.9 g": the item weighs what remains.
        Matcher used = CONSUMED.matcher(s);
        if (used.find()) {
            Matcher left = REMAINING.matcher(s);
            int at = -1;
            while (left.find()) at = left.end();
            return at < 0 ? null : dev.leverage.extract.Weights.first(s.substring(at));
        }
        // A scale's check weight ("checked against 5 g reference weight): 4.6 g gross") is not the item's.
        Matcher w = dev.leverage.extract.Weights.WEIGHT.matcher(s);
        while (w.find()) {
            if (Prefilter.lookingAt(CHECK_WEIGHT_NEAR, s.substring(w.end()))) continue;
            // A label's strength ("OXYCODONE HCL 15 MG", "2 mg/mL", "30 mg tablets") is not a weight.
            if (w.group(2).toLowerCase(Locale.ROOT).startsWith("m") && (Prefilter.matches(s.substring(w.end()), "(?is)\\s*(/\\s*m?l|per\\s+(ml|tab\\w*)|tab\\w*|cap\\w*|pills?|strength)\\b.*")
                    || Prefilter.matches(s.substring(Math.max(0, w.start() - 16), w.start()), "(?s).*(\\b(HCL|HCl|hydrochloride|sulfate|tartrate|citrate|bitartrate)|\\b[A-Z]{5,})\\s*$"))) continue;
            // An uncertainty ("5.46 g (+/- 0.02 g)") is not a weight.
            if (Prefilter.matches(s.substring(Math.max(0, w.start() - 12), w.start()), "(?s).*(\\+/-|±|\\+-|plus or minus|uncertainty:?)\\s*$")) continue;
            Double g = dev.leverage.extract.Weights.first(w.group());
            // "The return gross weight of 27.35 g includes the NBIL heat-seal bag (2.80 g empty)": the lab's own bag,
            // weighed and stated, is not the evidence the earlier weighings weighed
            Matcher added = ADDED_PACKAGING.matcher(s.substring(w.end()));
            if (g != null && added.lookingAt()) {
                Double bag = dev.leverage.extract.Weights.first(added.group(1));
                if (bag != null && bag < g) return g - bag;
            }
            return g;
        }
        return null;
    }

    private static final Pattern ADDED_PACKAGING = Pattern.compile("(?i)[^.;]{0,20}?\\b(?:includes?|including)\\s+(?:the\\s+|an?\\s+)?[^.;()]{0,40}?\\b(?:bag|envelope|container|packaging|box)\\s*\\(\\s*(\\d+(?:\\.\\d+)?\\s*g)\\s*(?:empty|tare)\\s*\\)");
    private static final Pattern CHECK_WEIGHT_NEAR = Pattern.compile("(?i)\\s*(reference|check|calibration|test|standard|verification)\\s+(weight|mass)\\b");

    private static final Pattern CONSUMED = Pattern.compile("(?i)\\b(consum(ed|ption)|used\\s+(in|for)\\s+(analysis|testing)|destroyed\\s+in\\s+(analysis|testing))\\b");
    private static final Pattern REMAINING = Pattern.compile("(?i)\\b(remaining|remains|remainder|left|returned)\\b");

    /** "gross" or "net" when the text says which weight it is. */
    public static String weightKind(String s) {
        if (s == null) return null;
        String l = s.toLowerCase(Locale.ROOT);
        if (Prefilter.matches(l, "(?s).*\\bnet\\b.*")) return "net";
        if (Prefilter.matches(l, "(?s).*\\b(gross|with packaging|w/ ?pkg|packaged)\\b.*")) return "gross";
        return null;
    }

    /** "Seal number on package at receipt: TC-80342": a seal field whose label runs on before its colon. */
    private static final Pattern SEAL_FIELD = Pattern.compile("(?i)\\bseal\\s*(?:no\\.?|number|#)?(?:\\s+[a-z]+){1,5}\\s*:\\s*#?\\s*((?:[A-Z]{1,4}-){0,2}[A-Z]{0,4}-?\\d{3,10}(?:-?[A-Z]{1,2}\\d{0,2}|-\\d{1,6})?)\\b");

    /** OCR's digits for letters inside words undone ("Evidence r00m", "RECE1VED"); see {@link dev.leverage.ingest.OcrText}. */
    public static String ocr(String s) {
        return dev.leverage.ingest.OcrText.letters(s);
    }

    /**
     * Undoes OCR's letters for digits in a date or time cell ("ll/13/24", "Ol35", "03l0"): in a token that holds a
     * digit and is otherwise digits, separators and the letters O, l and I, those letters are the digits they look like.
     * Month names ("22 NOV 24") have no digit in the token and are left alone.
     */
    public static String ocrDigits(String s) {
        if (s == null) return null;
        Matcher m = OCR_NUMBER.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(lookAlikeDigits(m.group())));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** The digits OCR's look-alike letters stand for in a number: O for 0, l, I and | for 1, S for 5, B for 8. */
    public static String lookAlikeDigits(String number) {
        return Prefilter.replaceAll(Prefilter.replaceAll(number, "[Oo]", "0"), "[lI|]", "1").replace('S', '5').replace('B', '8');
    }

    private static final Pattern OCR_NUMBER = Pattern.compile("(?<![A-Za-z])(?=[0-9OolI|/:.-]*[0-9])[0-9OolI|][0-9OolI|/:.-]*(?![A-Za-z])");

    public static String sealNumber(String s) {
        if (s != null) {
            Matcher f = SEAL_FIELD.matcher(s);
            if (f.find()) return f.group(1).toUpperCase(Locale.ROOT);
        }
        if (s == null) return null;
        Matcher m = SEAL_NUMBER.matcher(s);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    /** broken, resealed, not_inventoried or intact, from what a record says; null when it says nothing. */
    public static String sealStatus(String s) {
        if (s == null) return null;
        // "Seal cut for documented split per memo M1", "seal broken by Chemist Ruiz to examine": an opening done on
        // purpose and told as the act, not a seal found broken.
        if (Prefilter.find(BROKEN, s)) return Prefilter.matches(s, "(?is).*\\bseal\\s+(?:was\\s+)?(?:cut|broken|opened)\\s+(?:by\\s+\\S+(?:\\s+\\S+){0,3}?\\s+)?(?:for|to|per|in\\s+order\\s+to)\\s+(?!unknown|no\\b|an?\\s+unknown).*") ? "opened" : "broken";
        // "10/20/25 0902 Item 1 unsealed (BLM-E-55120 intact)": an examiner opening the package, its seal found whole
        if (Prefilter.matches(s, "(?is).*\\bunsealed\\b.*")) return Prefilter.matches(s, "(?is).*\\b(intact|item\\s+\\S+\\s+(?:was\\s+)?unsealed\\s+by)\\b.*") ? "opened" : "unsealed";
        if (Prefilter.find(NOT_INVENTORIED, s)) return "not_inventoried";
        // "Gross after reseal 17.09 g": a weight taken after a resealing the record tells elsewhere, not a resealing
        if (Prefilter.find(RESEALED, Prefilter.replaceAll(s, "(?i)\\b(after|since|before|post-?|upon)\\s+(the\\s+)?re-?seal\\w*", " "))) return "resealed";
        if (Prefilter.find(INTACT, s)) return "intact";
        return null;
    }

    /** The place outside the evidence system a text names ("a locked safe at my residence"), or null. */
    public static String outsideSystem(String s) {
        if (s == null) return null;
        Matcher m = OUTSIDE.matcher(s);
        return m.find() ? m.group() : null;
    }

    /** Colours written in a description, normalised ("off-white", "tan"). */
    public static Set<String> colours(String s) {
        Set<String> out = new TreeSet<>();
        if (s == null) return out;
        String l = " " + s.toLowerCase(Locale.ROOT).replace("off white", "off-white").replace("grey", "gray") + " ";
        for (String c : COLOURS) {
            if (l.matches("(?s).*[^a-z-]" + Pattern.quote(c) + "[^a-z-].*")) out.add(c.equals("colourless") ? "colorless" : c);
        }
        if (out.contains("off-white")) out.remove("white");
        if (out.contains("light brown") || out.contains("dark brown")) out.remove("brown");
        return out;
    }

    /** Physical forms written in a description, normalised ("powder", "rock", "tablet", "plant"). */
    public static Set<String> forms(String s) {
        Set<String> out = new TreeSet<>();
        if (s == null) return out;
        // Packaging is not the substance's form: "wax paper folds", "paper bindles", "wax bags".
        Matcher m = FORMS.matcher(Prefilter.replaceAll(s, "(?i)\\b(wax\\s+paper|paper\\s+(?:evidence\\s+|property\\s+)?(folds?|bindles?|bags?|envelopes?|sacks?|towels?)|wax\\s+(folds?|bags?|envelopes?))\\b", " "));
        while (m.find()) {
            String f = m.group(1).toLowerCase(Locale.ROOT);
            if (f.startsWith("powder")) f = "powder";
            else if (f.startsWith("rock") || f.startsWith("chunk")) f = "rock";
            else if (f.startsWith("crystal")) f = "crystal";
            else if (f.startsWith("tablet") || f.startsWith("pill") || f.equals("tabs")) f = "tablet";
            else if (f.startsWith("capsule")) f = "capsule";
            else if (f.startsWith("plant") || f.startsWith("vegetation") || f.startsWith("leafy")) f = "plant";
            out.add(f);
        }
        return out;
    }

    public static String imprint(String s) {
        if (s == null) return null;
        Matcher m = IMPRINT.matcher(s);
        return m.find() ? Prefilter.replaceAll(m.group(1), "\\s+", " ").toUpperCase(Locale.ROOT) : null;
    }

    private static final Pattern IMPRINT_TEXT = Pattern.compile("(?i)\\bimprint(?:ed|s)?\\b\\s*(?:with\\s+|of\\s+|:\\s*)?([^;.()\\n]{1,70})");

    /**
     * The marks of an imprint, however written: "imprinted M 30", "imprinted \"M\" on one side and \"30\" on the
     * other" and "imprint M/30" are all {M, 30}. Marks are the capitals and digits; the words around them are not.
     */
    public static java.util.Set<String> imprintMarks(String s) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (s == null) return out;
        Matcher m = IMPRINT_TEXT.matcher(s);
        if (!m.find()) return out;
        String text = m.group(1).split(",\\s+(?=[a-z]{3,})")[0];
        Matcher t = Pattern.compile("[A-Za-z0-9]+").matcher(text);
        while (t.find()) if (Prefilter.matches(t.group(), "[A-Z0-9]+")) out.add(t.group());
        return out;
    }

    /** The canonical action a purpose or remark names. */
    public static String action(String s) {
        if (s == null || s.isBlank()) return null;
        String l = s.toLowerCase(Locale.ROOT);
        if (Prefilter.matches(l, "(?s).*\\b(return\\w*|released\\s+(by|from)\\s+(the\\s+)?(lab\\w*|crime\\s+lab))\\b.*")) return "returned";
        // "back from lab", "from WSCL": the item coming home from the laboratory.
        if (Prefilter.matches(l, "(?s).*\\b((back|in)\\s+from\\s+(the\\s+)?(\\w+\\s+)?(lab\\w*|crime\\s+lab)|back\\s+from)\\b.*")) return "returned";
        // "Storage pending lab", "hold for lab": kept in storage until it goes.
        if (Prefilter.matches(l, "(?s).*\\b(stor\\w*|hold|holding|shelved)\\b.*\\b(pending|awaiting|until|for)\\b.*")) return "stored";
        // "Hand delivered - analysis": the item handed to the laboratory for its analysis.
        if (Prefilter.matches(l, "(?s).*\\b(deliver\\w*|submi(t|ssion|tted)|courier\\w*|drop[- ]?off)\\b.*")) return "submitted";
        // "Analyst" names a person, not an analysis.
        if (Prefilter.matches(l, "(?s).*\\b(analy[sz](e|ed|is|ing)|tested|examination|examined)\\b.*") && !l.contains("for analysis") && !l.contains("for examination")
                && !l.contains("evaluation as evidence")) return "analyzed";
        if (Prefilter.matches(l, "(?s).*\\b(re-?seal\\w*)\\b.*")) return "resealed";
        // "shown sealed, not opened": an opening the record says did not happen
        if (Prefilter.matches(l, "(?s).*(?<!\\bnot\\s|\\bnever\\s|\\bun)\\b(opened)\\b.*")) return "opened";
        // "Booked - currency recovered from the truck": the booking is the act, the recovery its story
        if (Prefilter.matches(l, "(?s)\\W*(booked|logged|log(ged)?\\s+in|intake|stored|checked\\s+in|entered)\\b.*")) return "stored";
        if (Prefilter.matches(l, "(?s).*\\b(seiz\\w*|recovered|collected|found)\\b.*")) return "seized";
        if (Prefilter.matches(l, "(?s).*\\b(lab\\w*|analysis|crime lab|forensic|chemistry|for testing)\\b.*")) return "submitted";
        if (Prefilter.matches(l, "(?s).*\\b(return\\w*|court|trial|destroy\\w*|disposal)\\b.*")) return "returned";
        if (Prefilter.matches(l, "(?s).*\\b(stor\\w*|log\\w*|book\\w*|property|vault|locker|safekeeping|evidence)\\b.*")) return "stored";
        return "transfer";
    }
}
