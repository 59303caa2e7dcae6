package dev.leverage.extract.people;

import dev.leverage.extract.Prefilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person mentions written in the fixed shapes of police paperwork, which the sentence models miss because a form
 * is not prose: a rank before a name ("TPR. DE LA CRUZ", "Ofc. Kane Jr. (2A19)"), a labelled field ("Seized by:
 * WHITCOMB, DANA #3318", "Driver: Dale R. Keel"), a signature ("/s/ K. Whitcomb 3407"), a CAD unit with its
 * officer in parentheses ("K9-12 (KEEL)", "3318 (WHITCOMB D)"), a transcript's speaker label, and then every
 * later use of a surname the page has already introduced ("Fenton appeared nervous").
 * Each span is the name as written, title and badge included, so the registry can read them.
 */
public final class PersonRules {
    /** A found name: offsets in the page text. */
    public record Found(int start, int end, String text, String role) {
        public Found(int start, int end, String text) {
            this(start, end, text, null);
        }
    }

    private static final String TITLE_WORDS = "Deputy|Dep\\.?|Officer|[O0]fc\\.?|P\\.[O0]\\.|Mgr\\.?|Patrolman|Ptl\\.?|Sergeant|Sgt\\.?|Trooper|Tpr\\.?|Detective|Det\\.?"
            + "|Corporal|Cpl\\.?|Lieutenant|Lt\\.?|Captain|Capt\\.?|Special\\s+Agent|Task\\s+Force\\s+Officer|Investigator|Inv\\.?|Criminalist"
            + "|Forensic\\s+Chemist|Forensic\\s+Scientist|Chemist|Analyst|Evidence\\s+Technician|Evidence\\s+Tech\\.?|Property\\s+Clerk|Property\\s+Officer"
            + "|Judge|Hon\\.|Magistrate|Mr\\.?|Ms\\.?|Mrs\\.?|Dr\\.|Corrections\\s+Officer|Agent|Chief|Sheriff|Marshal|Ranger|Rgr\\.|Warden|Handler|Dispatcher|C/O|SPO|Probation\\s+Officer|Parole\\s+Officer";
    /** Short titles that are also ordinary words in lower case: only in capitals. */
    private static final String CAPS_TITLES = "P\\.O\\.|PO|SA|S/A|TFO|TFC|ET|CO|ADA|AUSA|PFC|SPC|SSG|SFC|MSG|DET|DEP|OFC|SGT|TPR|CPL|LT|CAPT|INV";
    // grouped by first letter (Alternation.dispatch): these run at every word of every page
    private static final String TITLE = "(?:(?i:" + dev.leverage.extract.Alternation.dispatch(TITLE_WORDS, true) + ")|" + dev.leverage.extract.Alternation.dispatch(CAPS_TITLES, false) + "\\.?)";
    private static final String PARTICLE = "(?:[Dd]e|[Ll]a|[Dd]el|[Vv]an|[Vv]on|[Dd]er|[Dd]a|[Dd]i|[Dd]u|[Ll]e|DE|LA|DEL|VAN|VON|DER|DA|DI|DU|LE|St\\.|Mc|MC|Mac)";
    /** One word of a name: Capitalised (O'Neal, McAllister, Alvarez-Ruiz), ALL CAPS, or OCR-spoilt (Ha11oran, Kirnrnel). */
    private static final String WORD = "(?:(?:Mc|Mac|[O0]['’]?|D['’])[A-Z][a-z]+(?:-[A-Z][a-z'’]+)?|[A-Z0][a-z0-9'’]*[a-z][a-z0-9'’]*(?:-[A-Z][a-z'’]+)?|[A-Z0][A-Z0-9'’]*[A-Z][A-Z0-9'’]*(?:-[A-Z]{2,})?)";
    private static final String INITIAL = "(?:[A-Z]\\.(?:[A-Z]\\.)?|[A-Z](?=[ \\t]))";
    private static final String SUFFIX = "(?:,?[ \\t]*(?:Jr|Sr|JR|SR|Junior|Senior)\\.?|,?[ \\t]+(?:II|III|IV)\\b)";
    private static final String BADGE = "(?:[ \\t]*(?:#[ \\t]?\\d{2,6}|\\(\\d{2,6}\\)|,?[ \\t]*(?:Badge|BADGE|ID)[ \\t]*(?:No\\.?|#)?[ \\t]*\\d{2,6}|[ \\t]\\d{3,5}\\b))";
    /** A name after a title or label: initials and given names, particles, the surname, a suffix. */
    private static final String NAME = "(?:(?:" + INITIAL + "[ \\t]*|" + WORD + "[ \\t]+){0,2}(?:" + PARTICLE + "[ \\t]*){0,2}" + WORD + SUFFIX + "?)";
    private static final String NAME_FIRST = "(?:" + WORD + "(?:[ \\t]+" + PARTICLE + ")*,[ \\t]*(?:" + WORD + "|" + INITIAL + ")(?:[ \\t]+" + INITIAL + "|[ \\t]+" + WORD + ")?" + SUFFIX + "?)";

    private static final Pattern TITLED = Pattern.compile("(?<![\\p{L}])(?:" + TITLE + "[ \\t]+)+" + NAME + BADGE + "?");
    private static final Pattern LABELLED = Pattern.compile("(?im)" + dev.leverage.extract.Alternation.dispatch("reporting\\s+(?:officer|deputy)|officer|deputy|trooper|agent|handler|analyst|chemist|examiner|driver|arrestee"
            + "|suspect|defendant|witness|victim|complainant|owner|registered\\s+owner|passenger|subject|name|seized\\s+by|received\\s+by|released\\s+by"
            + "|submitted\\s+by|collected\\s+by|delivered\\s+by|prepared\\s+by|approved\\s+by|reviewed\\s+by|signed|interviewed\\s+by|interviewer|technician"
            + "|clerk|supervisor|affiant|judge|operator|tow\\s+operator|custodian|by", true) + "\\s*:[ \\t]*(?-i:(" + NAME_FIRST + "|(?:" + TITLE + "[ \\t]+)*" + NAME + ")" + BADGE + "?)");
    private static final Pattern SIGNED = Pattern.compile("(?i:/s/|s/)[ \\t]*(?-i:((?:" + TITLE + "[ \\t]+)*" + NAME + ")" + BADGE + "?)");
    private static final Pattern CAD_UNIT = Pattern.compile("\\b[A-Z0-9][A-Z0-9-]{1,7}\\s*\\(((?:" + CAPS_TITLES + ")?\\.?\\s*[A-Z][A-Z'’-]+(?:\\s[A-Z][A-Z'’-]+)?(?:,?\\s[A-Z]\\.?)?(?:\\s(?:JR|SR)\\.?)?)\\)");
    private static final Pattern CAPS_FIRST = Pattern.compile("\\b((?:(?:DE|LA|DEL|VAN|VON|MC|DA|DI|DU|LE)[ \\t])*[A-Z][A-Z'’-]+,[ \\t]?[A-Z][A-Z'’-]+(?:[ \\t][A-Z]\\.?|[ \\t][A-Z]{2,})?(?:,?[ \\t](?:JR|SR|III|II|IV)\\.?)?)(?![a-z])");
    /** A given name the lexicon knows, then perhaps a middle name or initial, then a surname: "Jerome Baptiste", "Brian T. Kessler". */
    private static final Pattern GIVEN_FIRST = Pattern.compile("(?<![\\p{L}\\p{N}'’.])(" + WORD + ") {1,2}(?:(" + INITIAL + "|" + WORD + ") {0,2})?((?:" + PARTICLE + " ?){0,2}" + WORD + ")(" + SUFFIX + ")?(?![\\p{L}])");
    /** "Kimmel, Emma", "Ellison, Travis J.": surname, comma, a given name the lexicon knows. */
    private static final Pattern SURNAME_COMMA = Pattern.compile("(?<![\\p{L}])((?:" + PARTICLE + " )*" + WORD + "), {0,2}(" + WORD + ")((?: {1,2}" + INITIAL + "| {1,2}" + WORD + ")?" + SUFFIX + "?)");
    /** A roster or CAD cell: "LINDQVIST G", "PRATT OWEN D", "TUTTLE RAYMOND SR", "HALL T 0872". */
    private static final Pattern ROSTER = Pattern.compile("(?<![\\w.])([A-Z][A-Z'’-]{2,}) (?:([A-Z]{2,}) ?)?(?:([A-Z])\\.?(?![\\w/-]))?(?:[ \\t]*(JR|SR)\\.?)?(" + BADGE + "?)");
    /** An informant by number: "CI-0419", "C.I. #0419", "CS-12", "Confidential Informant #7". */
    private static final Pattern INFORMANT = Pattern.compile("\\b(?:C\\.I\\.|CI|CS|C\\.S\\.|(?i:confidential\\s+(?:informant|source)))[ \\t]*(?:[-#]|No\\.?)?[ \\t]*#?(\\d{1,5})\\b");
    private static final Pattern LONE_GIVEN = Pattern.compile("(?:\\b(?:husband|wife|son|daughter|brother|sister|friend|boyfriend|girlfriend|cousin|"
            + "mother|father|roommate|neighbor|coworker|named|called|nicknamed),? \"?([A-Z][a-z]{2,})\\b)"
            + "|(?:\\b([A-Z][a-z]{2,}),? (?=(?:said|says|stated|told|texted|called|asked|grabbed|struck|hit|punched|left|came|went|drove|ran|"
            + "got|gave|took|saw|knew|wanted|started|kept|threw|handed|sold|bought|paid)\\b))"
            + "|(?:\\b(?:[Mm]e|I) and ([A-Z][a-z]{2,})\\b)"
            + "|(?:\\b(?:guy|man|woman|girl|boy|lady|dude|kid|uncle|aunt|grandma|grandpa|buddy|bartender|neighbor) ([A-Z][a-z]{2,})\\b)"
            + "|(?:\\b([A-Z][a-z]{2,}) (?=(?:and (?:I|me)|was|were|had|did|didn't|never|always|kept|would|could|wouldn't)\\b))"
            // an e-mail or note signed with a given name alone, on its own line
            + "|(?:(?m)^[ \\t]*(?:-|(?:Thanks|Thank you|Regards|Best|Sincerely|Hi|Hello|Dear),?)?[ \\t]*([A-Z][a-z]{2,})[ \\t]*[,:]?[ \\t]*$)");
    /** The role a nickname mention carries when the page says whose it is: "alias=Gavin T. Roarke". */
    public static final String ALIAS = "alias=";
    private static final String NICK = "([A-Z][a-z]{1,12}(?: [A-Z][a-z]{1,12})?)";
    private static final Pattern NICK_AS = Pattern.compile("[\"“]" + NICK + "[\"”] as ((?:" + TITLE + " )?" + NAME + ")");
    private static final Pattern AKA = Pattern.compile("(" + NAME + "),? (?:a/k/a|aka|AKA|A/K/A|also known as|known as|who goes by|nicknamed) [\"“]?" + NICK + "[\"”]?");
    private static final Pattern KNOWN_AS = Pattern.compile("(?:known as|goes by|nicknamed|a/k/a|aka|called) [\"“]" + NICK + "[\"”]");
    private static volatile Set<String> given;

    /**
     * Whether the text has any of AKA's cue words: a cheap test before a pattern that tries a full name at every
     * position of the page and almost never finds its cue after it.
     */
    private static boolean hasAkaCue(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("a/k/a") || lower.contains("aka") || lower.contains("known as") || lower.contains("goes by") || lower.contains("nicknamed");
    }

    /** True for a given name the lexicon knows ("Jerome", OCR's "Vict0r"). */
    public static boolean isGivenName(String word) {
        Set<String> g = given;
        if (g == null) {
            Set<String> load = new java.util.HashSet<>();
            try (var in = PersonRules.class.getResourceAsStream("/dev/leverage/extract/people/given-names.txt")) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    if (!line.startsWith("#")) for (String w : line.strip().split("\\s+")) if (!w.isEmpty()) load.add(w);
                }
            } catch (java.io.IOException | NullPointerException e) {
                throw new IllegalStateException("the given-name lexicon is missing from the build", e);
            }
            given = g = load;
        }
        return g.contains(PersonName.fold(word)) || g.contains(word.toLowerCase(Locale.ROOT))
                || !PersonName.formalGiven(word).equals(PersonName.fold(word)); // a short form: "Mikey", "Bobby"
    }

    private static final Pattern SPEAKER = Pattern.compile("(?m)^[ \\t]*(?:\\[[\\d:.]+\\][ \\t]*)?(" + "(?:" + TITLE + "[ \\t]+)?[A-Z][A-Za-z'’-]+(?:[ \\t][A-Z][A-Za-z'’-]+)?)[ \\t]*:");

    /** Words that begin with a capital in forms but are never names. */
    private static final Set<String> NOT_NAMES = new java.util.HashSet<>(List.of("the", "on", "at", "in", "i", "a", "an", "and", "of", "to", "for", "with", "by", "from", "badge", "unit",
            "no", "case", "item", "items", "exhibit", "county", "department", "office", "police", "report", "date", "time", "location", "narrative",
            "supplement", "statement", "evidence", "property", "lab", "laboratory", "division", "section", "state", "district", "court", "dispatch",
            "unknown", "none", "n/a", "na", "note", "notes", "page", "q", "a", "question", "answer", "signature", "sworn", "road", "street", "route",
            "highway", "avenue", "ave", "st", "rd", "hwy", "vehicle", "car", "dog", "k9", "canine", "stop", "traffic", "arrest", "search", "warrant",
            "seal", "sealed", "received", "released", "submitted", "analysis", "result", "results", "description", "remarks", "status", "event", "action",
            "sheriff's", "sheriffs", "patrol", "task", "force", "dea", "fbi", "atf", "crime", "drug", "narcotics", "team", "squad", "room", "bwc", "cad",
            "recording", "transcript", "audio", "video", "radio", "male", "female", "yes", "not", "was", "were", "had", "has", "he", "she", "they", "we",
            "his", "her", "my", "me", "you", "your", "our", "it", "this", "that", "there", "then", "when", "after", "before", "during", "while", "upon",
            "approximately", "approx", "hrs", "hours", "am", "pm", "mph", "dob", "dl", "id", "ssn", "vin", "north", "south", "east", "west", "nb", "sb",
            "eb", "wb", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "towing", "recovery", "inc", "llc", "co", "corp", "company",
            "center", "hospital", "jail", "detention", "clerk", "agency", "bureau", "services", "service", "lot", "impound", "general", "store", "market",
            "bar", "grill", "motel", "hotel", "inn", "apartment", "apt", "suite", "building", "school", "church", "bank", "club",
            "driver", "passenger", "suspect", "witness", "victim", "owner", "defendant", "arrestee", "subject", "complainant", "registered", "handler",
            "reporting", "arresting", "assisting", "interview", "interviewed", "advised", "told", "stated", "said", "asked", "contacted", "observed",
            "located", "placed", "transported", "booked", "signed", "also", "both", "per", "via", "see", "attn", "re", "cc", "to:", "from:", "if",
            "subj", "susp", "veh", "enrt", "eta", "clr", "arr", "disp", "dispo", "rpt", "req", "resp", "sig", "loc", "pos", "neg", "unk", "wit",
            "vic", "comp", "rp", "tow", "or", "other", "our", "off", "out", "over", "one", "only", "hold", "rotation", "certification", "hair", "routine", "dob", "vin", "ssn", "dl", "oln", "sid", "fbi", "doc", "race", "sex", "hgt", "wgt", "eyes", "scene", "adv", "advised", "w/", "units", "onscene", "enroute", "cleared", "custody", "transport", "booking", "inmate", "cell", "zone", "block", "sector", "beat", "shift", "bay", "dock", "gate", "level", "floor",
            "side", "post", "area", "ward", "pod", "tier", "plan", "rear", "front", "left", "right", "door", "trunk", "hood", "seat", "console", "glove",
            "box", "bag", "county", "city", "township", "village", "ohio", "texas", "georgia", "michigan", "tennessee", "florida", "blvd", "lane", "ln", "dr",
            "court", "ct", "parkway", "pkwy", "circle", "place", "pl", "way", "interstate", "mile", "marker", "exit", "miranda", "rights", "waiver",
            "mother", "father", "son", "daughter", "brother", "sister", "wife", "husband", "cousin", "friend", "uncle", "aunt", "det", "sgt", "ofc"));

    private PersonRules() {
    }

    /** Names on a page in the shapes above, then later uses of the surnames the page (or {@code known}) introduced. */
    public static List<Found> find(String text, Set<String> known) {
        List<Found> out = new ArrayList<>();
        add(out, TITLED.matcher(text), 0, text);
        add(out, LABELLED.matcher(text), 1, text);
        add(out, SIGNED.matcher(text), 1, text);
        add(out, CAD_UNIT.matcher(text), -1, text, "officer"); // the officer of a unit: "K9-12 (KEEL)"
        add(out, CAPS_FIRST.matcher(text), -1, text);
        // A rejected match must not swallow the name after it ("Witness Ivy Ferreira"): retry one character on.
        Matcher gf = GIVEN_FIRST.matcher(text);
        for (int from = 0; from < text.length() && gf.find(from); from = gf.start() + 1) {
            Matcher m = gf;
            if (!isGivenName(m.group(1)) || NOT_NAMES.contains(m.group(3).toLowerCase(Locale.ROOT)) || PersonName.isTitle(m.group(3))
                    || m.group(2) != null && m.group(2).length() > 2 && (NOT_NAMES.contains(m.group(2).toLowerCase(Locale.ROOT)) || PersonName.isTitle(m.group(2)))
                    || isGivenName(m.group(3)) && m.group(2) == null && m.group(3).length() <= 4) continue;
            put(out, new Found(m.start(), m.end(), m.group()));
        }
        Matcher sc = SURNAME_COMMA.matcher(text);
        for (int from = 0; from < text.length() && sc.find(from); from = sc.start() + 1) {
            Matcher m = sc;
            if (!isGivenName(m.group(2)) || NOT_NAMES.contains(m.group(1).toLowerCase(Locale.ROOT)) || PersonName.isTitle(m.group(1))) continue;
            put(out, new Found(m.start(), m.end(), m.group().strip()));
        }
        for (Matcher m = INFORMANT.matcher(text); m.find(); ) put(out, new Found(m.start(), m.end(), m.group(), "informant"));
        // Nicknames: 'identified "Buzz" as Gavin T. Roarke', 'Gavin Roarke a/k/a "Buzz"', 'a regular known as "Buzz"'.
        Set<String> nicknames = new LinkedHashSet<>();
        for (Matcher m = NICK_AS.matcher(text); m.find(); ) {
            put(out, new Found(m.start(2), m.end(2), m.group(2)));
            put(out, new Found(m.start(1), m.end(1), m.group(1), ALIAS + m.group(2).strip()));
            nicknames.add(m.group(1));
        }
        boolean akaCue = hasAkaCue(text);
        for (Matcher m = AKA.matcher(text); akaCue && m.find(); ) {
            put(out, new Found(m.start(1), m.end(1), m.group(1)));
            put(out, new Found(m.start(2), m.end(2), m.group(2), ALIAS + m.group(1).strip()));
            nicknames.add(m.group(2));
        }
        for (Matcher m = KNOWN_AS.matcher(text); m.find(); ) {
            put(out, new Found(m.start(1), m.end(1), m.group(1), "nickname"));
            nicknames.add(m.group(1));
        }
        for (String nick : nicknames) {
            Matcher m = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(nick) + "(?![\\p{L}])").matcher(text);
            while (m.find()) put(out, new Found(m.start(), m.end(), nick, "nickname"));
        }
        Set<String> surnames = new LinkedHashSet<>(known);
        for (Found f : out) {
            String s = PersonName.parse(f.text).surname();
            if (s.length() >= 3 && !NOT_NAMES.contains(s.toLowerCase(Locale.ROOT)) && !PersonName.isTitle(s)) surnames.add(s.toLowerCase(Locale.ROOT));
        }
        // Roster cells ("WHITCOMB D", "PRATT OWEN D"): a name when the surname is one the paperwork introduced, or the
        // given name is one the lexicon knows, or the line is a table row with an initial after the surname.
        Matcher ro = ROSTER.matcher(text);
        for (int from = 0; from < text.length() && ro.find(from); from = ro.start() + 1) {
            Matcher m = ro;
            String first = m.group(1);
            if (NOT_NAMES.contains(first.toLowerCase(Locale.ROOT)) || PersonName.isTitle(first) || m.group(2) == null && m.group(3) == null && m.group(4) == null) continue;
            if (m.group(2) != null && (NOT_NAMES.contains(m.group(2).toLowerCase(Locale.ROOT)) || PersonName.isTitle(m.group(2)) || !isGivenName(m.group(2)))) continue;
            String line = lineOf(text, m.start());
            boolean tabular = line.contains("\t") || line.contains(",") || Prefilter.matches(line, ".*\\S {2,}\\S.*") || line.contains("(");
            boolean givenKnown = m.group(2) != null && isGivenName(m.group(2));
            if (surnames.contains(first.toLowerCase(Locale.ROOT)) || givenKnown || tabular && m.group(3) != null && m.group(2) == null) {
                int end = m.end();
                while (end > m.start() && Character.isWhitespace(text.charAt(end - 1))) end--;
                put(out, new Found(m.start(), end, text.substring(m.start(), end)));
            }
        }
        for (Matcher m = SPEAKER.matcher(text); m.find(); ) {
            PersonName n = PersonName.parse(m.group(1));
            if (surnames.contains(n.surname().toLowerCase(Locale.ROOT))) put(out, new Found(m.start(1), m.end(1), m.group(1)));
        }
        for (Found f : uses(text, surnames)) put(out, f);
        // A given name alone where the words around it say a person: "her husband, Gary,", "Kyle said", "me and Brandon".
        Matcher lone = LONE_GIVEN.matcher(text);
        while (lone.find()) {
            int g = 1;
            while (g < lone.groupCount() && lone.group(g) == null) g++;
            if (lone.group(g) == null) continue;
            if (isGivenName(lone.group(g))) put(out, new Found(lone.start(g), lone.end(g), lone.group(g)));
        }
        // A given name alone, once the page has named its bearer in full ("her husband, Gary, struck her").
        Set<String> givens = new LinkedHashSet<>();
        for (Found f : out) {
            String g = PersonName.parse(f.text).given();
            if (g.length() >= 3 && isGivenName(g)) givens.add(g);
        }
        for (String g : givens) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}'’.-])" + Pattern.quote(g) + "(?![\\p{L}\\p{N}]| {1,2}[A-Z][a-z]| {1,2}[A-Z]\\.)").matcher(text);
            while (m.find()) {
                String before = text.substring(Math.max(0, m.start() - 3), m.start());
                if (Prefilter.matches(before, ".*[A-Z][a-z]* ?$") && !before.isBlank()) continue;
                put(out, new Found(m.start(), m.end(), m.group()));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Found::start));
        return out;
    }

    /**
     * Every Title-case or capitals use of the given surnames on a page, with the given names or initials just
     * before and a suffix or badge just after ("Kathleen Morrison", "Whitfield Jr.", "Park (1142)").
     */
    public static List<Found> uses(String text, Set<String> surnames) {
        List<Found> out = new ArrayList<>();
        // only the surnames whose last word the page has: a case of a hundred thousand pages and hundreds of names
        // must not run every name's pattern over every page
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> words = new java.util.HashSet<>();
        for (String w : lower.split("[^\\p{L}\\p{N}'’]+")) if (!w.isEmpty()) words.add(w);
        for (String s : surnames) {
            String last = s.substring(s.lastIndexOf(' ') + 1);
            last = last.substring(last.lastIndexOf('-') + 1);
            if (!words.contains(last) && !words.contains(last.replace("'", "’")) && !words.contains(last.replace("’", "'"))) continue;
            // found by plain search, then checked: a word of its own, written with a capital, not a business or a place
            for (int at = lower.indexOf(s); at >= 0; at = lower.indexOf(s, at + 1)) {
                int end = at + s.length();
                if (at > 0 && (Character.isLetterOrDigit(text.charAt(at - 1)) || "'’.-".indexOf(text.charAt(at - 1)) >= 0)) continue;
                if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) continue;
                if (!Character.isUpperCase(text.charAt(at))) continue; // "keel over" is no name
                if (AFTER_USE.matcher(text).region(end, Math.min(text.length(), end + 40)).lookingAt()) continue;
                Found f = extend(text, at, end);
                Matcher title = COURTESY_BEFORE.matcher(text.substring(Math.max(0, f.start() - 6), f.start()));
                if (title.find()) f = new Found(f.start() - (title.end() - title.start()), f.end(), text.substring(f.start() - (title.end() - title.start()), f.end()));
                put(out, f);
            }
        }
        return out;
    }

    /** A surname used as the name of a business or a place is no mention of the person: "Whitcomb Towing", "Keel Road". */
    private static final String PLACE_AFTER = "\\s+(?i:towing|recovery|inc\\b|llc|co\\.|company|corp|market|store|motel|hotel|bar\\b|grill|auto\\b|motors|"
            + "trucking|services|street|st\\.|road|rd\\b|avenue|ave\\b|lane|ln\\b|drive\\b|blvd|boulevard|county|city|park\\b|hall\\b|center|"
            + "bank|church|school|apartments|plaza|lake|creek|river|farm|estates|heights|mill|ranch|tavern|pub\\b|liquor|pharmacy|clinic|hospital)";
    private static final Pattern AFTER_USE = Pattern.compile("['’]s\\s+[A-Z]|" + PLACE_AFTER);
    private static final Pattern COURTESY_BEFORE = Pattern.compile("(?:Mr|Ms|Mrs|Dr)\\.? $");

    private static final java.util.Map<String, Pattern> USE_PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Pattern WORD_BEFORE = Pattern.compile("(" + WORD + "|" + INITIAL.replace("(?=\\s)", "") + ")[ \\t]+$");
    private static final Pattern SUFFIX_AFTER = Pattern.compile("^" + SUFFIX + BADGE + "?|^" + BADGE);

    /**
     * A surname found again, with the given names or initials written just before it ("Kathleen Morrison", "ANDRE
     * HALE", "Gary Lee Morrison") and a suffix or badge just after ("Whitfield Jr.", "Park (1142)").
     */
    private static Found extend(String text, int start, int end) {
        for (int k = 0; k < 2; k++) {
            Matcher b = WORD_BEFORE.matcher(text.substring(Math.max(0, start - 40), start));
            if (!b.find()) break;
            String w = b.group(1);
            if (NOT_NAMES.contains(w.toLowerCase(Locale.ROOT).replace(".", "")) || NOT_NAMES.contains(PersonName.fold(w)) || PersonName.isTitle(w)) break;
            start = start - (b.end() - b.start());
        }
        Matcher a = SUFFIX_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 30)));
        if (a.find() && a.end() > 0) end += a.end();
        return new Found(start, end, text.substring(start, end));
    }

    private static void add(List<Found> out, Matcher m, int group, String text) {
        add(out, m, group, text, null);
    }

    private static void add(List<Found> out, Matcher m, int group, String text, String role) {
        while (m.find()) {
            int g = Math.abs(group);
            int s = g == 0 ? m.start() : m.start(g), e = g == 0 ? m.end() : m.end(g);
            if (group > 0 && e < m.end()) e = m.end(); // the badge after a labelled name belongs with it
            String span = text.substring(s, e).strip();
            PersonName n = PersonName.parse(span);
            if (n.surname().length() < 2 || NOT_NAMES.contains(n.surname().toLowerCase(Locale.ROOT)) || PersonName.isTitle(n.surname())) continue;
            if (!n.given().isEmpty() && NOT_NAMES.contains(n.given().toLowerCase(Locale.ROOT))) continue;
            put(out, new Found(s, s + span.length(), span, role));
        }
    }

    private static String lineOf(String text, int at) {
        int from = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int to = text.indexOf('\n', at);
        return text.substring(from, to < 0 ? text.length() : to);
    }

    /** True for a word that capitalised forms use but that is never a name ("Booked", "Warrant", "Driver"). */
    public static boolean notName(String word) {
        // lab and agency acronyms read as names: TCRCL, GC-MS
        if (Prefilter.matches(word, "(?i)[bcdfghjklmnpqrstvwxz]{4,}|[A-Za-z]{2,3}-[A-Za-z]{2,3}")) return true;
        return NOT_NAMES.contains(word.toLowerCase(Locale.ROOT).replace(".", "")) || Prefilter.matches(word, "(?i)jr|sr|junior|senior|ii|iii|iv|booked|visit|warrant|released|transferred");
    }

    /** Adds a span unless a longer one already covers it; a longer one replaces the shorter ones it covers. */
    private static void put(List<Found> out, Found f) {
        for (Found o : out) if (o.start <= f.start && o.end >= f.end) return;
        out.removeIf(o -> f.start <= o.start && f.end >= o.end);
        out.removeIf(o -> o.start < f.end && f.start < o.end && (o.end - o.start) < (f.end - f.start));
        for (Found o : out) if (o.start < f.end && f.start < o.end) return;
        out.add(f);
    }
}
