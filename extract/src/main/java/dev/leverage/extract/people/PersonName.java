package dev.leverage.extract.people;

import dev.leverage.extract.Prefilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person's name as written, taken apart: title (rank or role word), given name or initial, surname. Reads
 * "Deputy Morgan Keel", "Dep. M. Keel", "M. KEEL", "KEEL", "PRICE, DARNELL", "Forensic Chemist Dr. Anita Sokolov".
 *
 * @param title   the rank/role words ("Deputy", "Evidence Technician"), or ""
 * @param given   given name or initial without the period, or ""
 * @param surname surname in Title Case ("De La Cruz", "Alvarez-Ruiz")
 * @param suffix  generational suffix ("Jr.", "Sr.", "III"), or "": a father and son share the rest
 * @param middle  middle name or initial as written, or "": "Michael P. Doyle" is not "Michael J. Doyle"
 */
public record PersonName(String title, String given, String surname, String suffix, String middle) {
    public PersonName(String title, String given, String surname) {
        this(title, given, surname, "", "");
    }

    public PersonName(String title, String given, String surname, String suffix) {
        this(title, given, surname, suffix, "");
    }

    private static final List<String> TITLES = List.of("det", "detective", "deputy", "dep", "officer", "ofc", "sgt", "sergeant",
            "trooper", "tpr", "lt", "lieutenant", "cpl", "corporal", "capt", "captain", "agent", "s/a", "sa", "tfo", "inv",
            "investigator", "chief", "sheriff", "dr", "mr", "ms", "mrs", "judge", "hon", "ada", "ausa", "et", "pc", "evidence",
            "technician", "tech", "property", "clerk", "forensic", "chemist", "scientist", "criminalist", "analyst", "k9", "handler",
            "patrol", "special", "task", "force", "lab", "assistant", "district", "attorney", "prosecutor", "public", "defender", "supervisor",
            "reporting", "arresting", "transporting", "case", "agent", "senior", "master", "staff", "first", "class",
            // property officer / technician, evidence custodian, patrolman; military ranks as a DA Form 4137 writes them
            "po", "pt", "ptl", "ec", "custodian", "pvt", "pv2", "pfc", "spc", "ssg", "sfc", "msg", "1sg", "sgm", "2lt", "1lt",
            "cpt", "maj", "ltc", "col", "cw2", "cw3",
            // custodians' titles written short: Prop. Clerk, Evid. Cust., Evid. Ofcr., Recv. Tech.
            "prop", "evid", "cust", "ofcr", "offr", "recv", "spec",
            // other agencies' ranks: constables, marshals, wardens and rangers, inspectors, commanders
            "constable", "const", "marshal", "ranger", "warden", "inspector", "insp", "commander", "cmdr", "trp",
            "corrections", "co", "security", "director", "coordinator", "specialist", "mgr", "manager", "rn", "ofc", "0fc", "rgr", "inmate",
            "c/o", "spo", "ppo", "usppo", "dpo", "probation", "parole", "ag", "agt");
    private static final Pattern BADGE_TAIL = Pattern.compile("\\s*(?:\\(|,)?\\s*(?:\\b(?:badge|id)\\b)?\\s*(?:\\bno\\.?|#)?\\s*#?(?:\\b[A-Z]{1,3}-\\d{1,6}|(?:\\b[A-Z]{1,2}-?)?\\d{2,6})\\)?\\s*$", Pattern.CASE_INSENSITIVE);

    /** True when a word is a rank or title ("Dep.", "Sergeant", OCR's "0fc."), never a name on its own. */
    public static boolean isTitle(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace(".", "");
        return TITLES.contains(w) || TITLES.contains(w.replace('0', 'o').replace('1', 'l'));
    }

    private static final Pattern TRAILING_JUNK = Pattern.compile("(?i)(?:\\s*\\([^)]{1,12}\\))+\\s*$|\\s+(?:badge|unit|id|no\\.?)\\b.*$");
    private static final Pattern SUFFIX = Pattern.compile("(?i),?\\s*\\b(jr|sr|junior|senior|ii|iii|iv)\\b\\.?,?");
    private static final List<String> PARTICLES = List.of("de", "la", "del", "van", "von", "der", "da", "di", "du", "le", "mc", "mac", "st", "dos", "das");

    private static final Pattern INFORMANT = Pattern.compile("(?i)^(?:c\\.?i\\.?|c\\.?s\\.?|confidential\\s+(?:informant|source))\\s*(?:[-#]|no\\.?)?\\s*#?(\\d{1,5})$");

    /** Names repeat through a case (a deputy is written the same way hundreds of times): parses are remembered. */
    private static final int CACHE = 50_000;
    private static final java.util.Map<String, PersonName> PARSED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, PersonName> eldest) {
                    return size() > CACHE;
                }
            });

    public static PersonName parse(String written) {
        PersonName cached = PARSED.get(written);
        if (cached != null) return cached;
        PersonName n = read(written);
        PARSED.put(written, n);
        return n;
    }

    private static PersonName read(String written) {
        // "(SR)", "(Jr.)": a suffix in parentheses is still the suffix
        String s = Prefilter.replaceAll(written.strip(), "(?i)\\s*\\((jr|sr|ii|iii|iv)\\.?\\)", " $1");
        // a wide gap or a tab ends the name (the next form column is not part of it); a comma with no space after it
        // is a CSV separator, so the name is the last cell ("COURIER,STCLAIR D")
        s = s.split(" {3,}|\t")[0].strip();
        if (Prefilter.matches(s, ".*[^\\s,],(?=[A-Za-z]).*")) s = s.substring(s.lastIndexOf(',') + 1).strip();
        // "B. O Shea", "G D Angelo": a lone O or D before the surname is its apostrophe prefix
        s = Prefilter.replaceAll(s, "(?<=\\S )([OD]) (?=[A-Z][a-z]+$)", "$1'");
        java.util.regex.Matcher ci = INFORMANT.matcher(s);
        // an informant is known by number: CI-0419 is one person however the number is written
        if (ci.matches()) return new PersonName("CI", "", "CI-" + Prefilter.replaceFirst(ci.group(1), "^0+(?=\\d)", ""));
        s = Prefilter.replaceAll(s, "\\b([A-Z])\\.(?=[A-Z][a-z])", "$1. ");
        for (int i = 0; i < 3; i++) s = TRAILING_JUNK.matcher(BADGE_TAIL.matcher(s).replaceAll("")).replaceAll("").strip();
        s = Prefilter.replaceAll(s, "[’']s$", "").strip();
        // A signature line ("/s/ L. Ortega") or a form label ("Technician: Mendez") is not part of the name.
        s = Prefilter.replaceFirst(Prefilter.replaceFirst(Prefilter.replaceFirst(s, "^.*:\\s*", ""), "(?i)^(?:/s/|s/(?=\\s))\\s*", ""), "^[^\\p{L}0]+", "").strip();
        String suffix = "";
        java.util.regex.Matcher sm = SUFFIX.matcher(s);
        while (sm.find()) {
            // a suffix follows a name word, never stands first
            if (sm.start() == 0) continue;
            suffix = switch (sm.group(1).toLowerCase(Locale.ROOT)) {
                case "jr", "junior" -> "Jr.";
                case "sr", "senior" -> "Sr.";
                default -> sm.group(1).toUpperCase(Locale.ROOT);
            };
            s = Prefilter.replaceAll((s.substring(0, sm.start()) + " " + s.substring(sm.end())).strip(), ",\\s*$", "");
            break;
        }
        if (s.contains(",")) {
            // "PRICE, DARNELL" and "De La Cruz, Marisol" (forms and CAD write surname first)
            String[] p = s.split(",", 2);
            String last = p[0].strip();
            String[] rest = p[1].strip().split("\\s+");
            String first = rest[0];
            // "H. OBUYA, LT.": a rank after the comma is the title of the name before it
            if (rest.length == 1 && isTitle(first)) return parse(first + " " + last);
            List<String> lastWords = List.of(last.split("\\s+"));
            boolean lastIsName = lastWords.size() == 1 || lastWords.subList(0, lastWords.size() - 1).stream().allMatch(w -> PARTICLES.contains(w.toLowerCase(Locale.ROOT).replace(".", "")))
                    // "QUINTANAR BOYCE, M.": a double surname a form writes in capitals, before an initial
                    || lastWords.size() == 2 && Prefilter.matches(first, "[A-Z]\\.?") && rest.length == 1
                    && lastWords.stream().allMatch(w -> Prefilter.matches(w, "[A-Z][A-Z'’]+") && !isTitle(w) && !PersonRules.notName(w));
            if (lastIsName && !first.isEmpty() && !isTitle(last))
                return new PersonName("", given(first), surname(lastWords), suffix, rest.length > 1 && !PersonRules.notName(rest[1]) ? given(rest[1]) : "");
            s = p[0];
        }
        String[] tokens = s.split("\\s+");
        List<String> title = new ArrayList<>();
        int i = 0;
        while (i < tokens.length - 1 && (isTitle(tokens[i])
                // "Sr. Inv. Rosalind Achterberg", "Supervisory Special Agent": a grade before a title is part of it
                || Prefilter.matches(tokens[i], "(?i)sr\\.?|snr\\.?|senior|supervisory|asst\\.?|assistant|acting|chief|special|lead|principal")
                && i + 2 < tokens.length && (isTitle(tokens[i + 1]) || Prefilter.matches(tokens[i + 1], "(?i)special|agent")))) title.add(tokens[i++]);
        // An agency's own title in capitals before a name written in mixed case ("HLEO T. Renwick-Ames", "CVEO Anselm
        // J. Kowalczyk"): a title, not a given name; "MORRISON GARY L" and "JOHN SMITH" stay names.
        if (title.isEmpty() && tokens.length >= 3 && Prefilter.matches(tokens[0], "[A-Z]{2,5}") && !PersonRules.isGivenName(tokens[0])
                && java.util.Arrays.stream(tokens, 1, tokens.length).anyMatch(t -> Prefilter.matches(t, ".*\\p{Ll}.*"))
                && Prefilter.matches(tokens[tokens.length - 1], "\\p{Lu}\\p{Ll}.*")) title.add(tokens[i++]);
        List<String> rest = new ArrayList<>(List.of(tokens).subList(i, tokens.length));
        if (rest.isEmpty()) return new PersonName(String.join(" ", title), "", "", suffix);
        // CAD and unit rosters write "WHITCOMB D", "MORRISON GARY L": surname first, in capitals, an initial last
        boolean caps = rest.stream().allMatch(w -> w.equals(w.toUpperCase(Locale.ROOT)));
        if (caps && rest.size() >= 2 && rest.size() <= 3 && Prefilter.matches(rest.get(0), "[A-Z][A-Z'’-]+")
                && (Prefilter.matches(rest.get(rest.size() - 1), "[A-Z]\\.?") || rest.size() == 2 && !PersonRules.isGivenName(rest.get(0)) && PersonRules.isGivenName(rest.get(1)))) {
            return new PersonName(String.join(" ", title), given(rest.get(1)), surname(List.of(rest.get(0))), suffix,
                    rest.size() == 3 && !PersonRules.notName(rest.get(2)) ? given(rest.get(2)) : "");
        }
        // "De La Cruz", "Mc Allister": the surname starts at its first particle
        int at = rest.size() - 1;
        for (int k = 0; k < rest.size() - 1; k++) {
            if (PARTICLES.contains(rest.get(k).toLowerCase(Locale.ROOT).replace(".", ""))) {
                at = k;
                break;
            }
        }
        String surname = surname(rest.subList(at, rest.size()));
        String given = at > 0 ? given(rest.get(0)) : "";
        String middle = at > 1 && !PersonRules.notName(rest.get(1)) ? given(rest.get(1)) : "";
        return new PersonName(String.join(" ", title), given, surname, suffix, middle);
    }

    private static String given(String word) {
        // "C.H." is an initial, "Curtis" a name
        if (Prefilter.matches(word, "(?:[A-Za-z]\\.){1,3}")) return word.substring(0, 1).toUpperCase(Locale.ROOT);
        return cap(word.replace(".", ""));
    }

    private static String surname(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) out.add(cap(w));
        return String.join(" ", out);
    }

    /**
     * The surname as a key that ignores how it was typed or scanned: no spaces, hyphens or apostrophes
     * ("De La Cruz" = "DeLaCruz", "Alvarez-Ruiz" = "ALVAREZRUIZ", "O'Neal" = "ONeal") and OCR's usual swaps folded
     * ("Ha11oran" = "Halloran", "Kirnrnel" = "Kimmel").
     */
    public String surnameKey() {
        return surname.startsWith("CI-") ? surname.toLowerCase(Locale.ROOT) : fold(surname);
    }

    static String fold(String w) {
        // Wróbel = Wrobel: accents dropped
        String s = Prefilter.replaceAll(java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFD), "\\p{M}", "").toLowerCase(Locale.ROOT).replace('0', 'o').replace('1', 'l').replace('5', 's').replace('|', 'l')
                .replaceAll("[^a-z]", "");
        return s.replace("rn", "m").replace("vv", "w");
    }

    /** "Anita Sokolov", "M. Keel" or "Keel": the name without its title. */
    public String display() {
        String name = given.isEmpty() ? surname : given.length() == 1 ? given + ". " + surname : given + " " + surname;
        return suffix.isEmpty() ? name : name + " " + suffix;
    }

    public boolean hasFullGiven() {
        return given.length() > 1;
    }

    /** Could these two be the same person? Same surname and compatible given names (M. fits Morgan). */
    public boolean compatible(PersonName o) {
        if (!surnameKey().equals(o.surnameKey())) return false;
        if (!suffix.isEmpty() && !o.suffix.isEmpty() && !suffix.equals(o.suffix)) return false;
        if (!middle.isEmpty() && !o.middle.isEmpty() && Character.toLowerCase(middle.charAt(0)) != Character.toLowerCase(o.middle.charAt(0))) return false;
        return givenCompatible(given, o.given);
    }

    /** Given names that can be one person's: equal, an initial that fits, or a common short form ("Tom", "Thomas"). */
    public static boolean givenCompatible(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) return true;
        String a = fold(x), b = fold(y);
        if (a.isEmpty() || b.isEmpty()) return true;
        if (x.length() == 1 || y.length() == 1) return a.charAt(0) == b.charAt(0);
        return a.equals(b) || formal(a).equals(formal(b));
    }

    private static final java.util.Map<String, String> NICKNAMES = nicknames();

    private static java.util.Map<String, String> nicknames() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        String[][] groups = {{"thomas", "tom", "tommy"}, {"michael", "mike", "mikey", "mick"}, {"robert", "bob", "bobby", "rob", "robbie", "bert"},
                {"william", "bill", "billy", "will", "willie", "liam"}, {"james", "jim", "jimmy", "jamie"}, {"joseph", "joe", "joey"},
                {"david", "dave", "davey"}, {"steven", "steve", "stevie"}, {"stephen", "steve"}, {"christopher", "chris"}, {"daniel", "dan", "danny"},
                {"matthew", "matt"}, {"anthony", "tony"}, {"richard", "rick", "ricky", "rich", "dick"}, {"katherine", "kathy", "kate", "katie"},
                {"kathleen", "kathy", "kate", "katie"}, {"elizabeth", "liz", "beth", "betty", "lizzie"}, {"jennifer", "jen", "jenny"},
                {"samuel", "sam"}, {"benjamin", "ben"}, {"nicholas", "nick"}, {"andrew", "andy", "drew"}, {"gregory", "greg"},
                {"jeffrey", "jeff"}, {"kenneth", "ken", "kenny"}, {"ronald", "ron", "ronnie"}, {"donald", "don", "donnie"},
                {"patrick", "pat", "paddy"}, {"patricia", "pat", "patty", "trish"}, {"alexander", "alex"}, {"timothy", "tim", "timmy"},
                {"edward", "ed", "eddie", "ted"}, {"lawrence", "larry"}, {"gerald", "jerry"}, {"raymond", "ray"}, {"charles", "charlie", "chuck", "chas"},
                {"margaret", "peggy", "maggie", "meg"}, {"susan", "sue", "susie"}, {"deborah", "deb", "debbie"}, {"rebecca", "becky"},
                {"victoria", "vicky", "tori"}, {"jonathan", "jon"}, {"zachary", "zach"}, {"joshua", "josh"}, {"nathaniel", "nate", "nathan"},
                {"frederick", "fred", "freddie"}, {"douglas", "doug"}, {"leonard", "leo", "len"}, {"phillip", "phil"}, {"philip", "phil"},
                {"gabriel", "gabe"}, {"vincent", "vince", "vinny"}, {"abigail", "abby"}, {"samantha", "sam"}, {"alexandra", "alex", "sandra"},
                {"christine", "chris", "christy"}, {"cynthia", "cindy"}, {"pamela", "pam"}, {"kimberly", "kim"}, {"jacqueline", "jackie"}, {"reginald", "reggie", "reg"}, {"cedric", "ced"}, {"anthony", "ant"},
                {"terrence", "terry"}, {"dwayne", "dee"}, {"harold", "harry", "hal"}, {"kenneth", "kenny"}};
        for (String[] g : groups) for (int i = 1; i < g.length; i++) m.putIfAbsent(g[i], g[0]);
        return m;
    }

    /** The formal given name a short form stands for ("mike" -> "michael"), folded; the name itself otherwise. */
    public static String formalGiven(String given) {
        return formal(fold(given));
    }

    private static String formal(String folded) {
        return NICKNAMES.getOrDefault(folded, folded);
    }

    static String cap(String w) {
        if (w.isEmpty()) return w;
        StringBuilder b = new StringBuilder();
        boolean up = true;
        for (char c : w.toCharArray()) {
            b.append(up ? Character.toUpperCase(c) : Character.toLowerCase(c));
            up = c == '-' || c == '\'';
        }
        return b.toString();
    }
}
