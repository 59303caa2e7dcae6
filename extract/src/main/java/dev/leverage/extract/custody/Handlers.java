package dev.leverage.extract.custody;

import dev.leverage.extract.Prefilter;
import dev.leverage.extract.people.PersonName;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the custodians written in custody records. A custodian is a person ("Dep. M. Keel #2217") or a place
 * (a property room, a locker, a laboratory). Places inside the evidence system are secure storage; a person, a
 * vehicle or "a locked safe at my residence" is not.
 */
public final class Handlers {
    private static final Pattern STORAGE = Pattern.compile("(?i)\\b((property|evidence|evid\\.?|prop\\.?)\\s+(room|vault|locker|section|unit|storage|cage)|"
            + "(temporary\\s+|temp\\.?\\s+)?(evidence\\s+)?(locker|lkr|lckr)|vault|drop\\s+box|laboratory|crime\\s+lab|\\blab\\b|tcrcl|evidence\\s+custodian|"
            + "(evidence|evid\\.?|property)\\s+(freezer|refrigerator|fridge|drying\\s+(room|cabinet)|safe|magazine)|"
            // "RO Evidence Drop Safe DS-1", "Evidence Temp Locker 4", "pass-through locker"
            + "(evidence|evid\\.?|property|prop\\.?)\\s+([\\w-]+\\s+){1,2}(room|vault|locker|safe|cage|storage|refrigerator|freezer|fridge)|"
            + "drop\\s+(safe|slot|box|locker)|pass[- ]?through\\s+locker|"
            // a court's clerk holds an admitted exhibit in the court's own custody
            + "court\\s+clerk|clerk\\s+of\\s+(the\\s+)?court|exhibit\\s+(vault|room|clerk))");
    private static final Pattern NOT_SECURE = Pattern.compile("(?i)\\b(residence|home|my\\s+(house|car|vehicle|desk|office)|trunk|briefcase|patrol\\s+(car|unit|vehicle))\\b");
    private static final Pattern BADGE = Pattern.compile("#\\s?((?=[\\dOolIS]*\\d)[\\dOolI][\\dOolIS]{1,5})\\b|(?i)badge\\s*#?\\s*(\\d{2,6})"
            // a badge with a unit prefix: "#C4-117", "#K9-12"
            + "|#\\s?((?-i:[A-Z]{1,2})\\d{0,2}-(?=[\\dOolI]*\\d)[\\dOolI]{2,6})\\b"
            // ... written without its "#" at the end of the entry: "Ofc J. Estrella-Boyd SPD S-1147"
            + "|(?<=\\s)((?-i:[A-Z]{1,2})-\\d{3,6})\\s*$");

    private Handlers() {
    }

    public static boolean isBlank(String h) {
        return h == null || h.isBlank() || Prefilter.matches(NO_NAME, h.strip())
                // "(signature illegible; name not printed)", "[unsigned]": a note in place of a name
                || Prefilter.matches(NOTE_FOR_NAME, h.strip());
    }

    private static final Pattern NO_NAME = Pattern.compile("(?i)(n/?a|none|-+|_+|\\?+|illegible|unknown|blank)");
    private static final Pattern NOTE_FOR_NAME = Pattern.compile(
            "(?i)[(\\[]?\\s*(signature\\s+|sig\\.?\\s+)?(illegible|unknown|blank|unsigned|not\\s+(signed|printed|legible)|no\\s+(signature|name))\\b(?-i:[^A-Z])*");

    /** Evidence custodians and their staff: time with them is time inside the evidence system. */
    private static final Pattern CUSTODIAN = Pattern.compile("(?i)\\b(evid(ence)?\\.?\\s+cust(odian)?\\.?|^\\s*custodian\\s+(?-i:[A-Z])|evid(ence)?\\.?\\s+of+(ice)?c?e?r\\.?|^\\s*EC\\s+[A-Z]|\\bECO\\b|(evid(ence)?|prop(erty)?)\\s+control\\s+(officer|of+c?r)|^\\s*(?-i:Clerk)\\s+(?-i:[A-Z])|prop(erty)?\\.?\\s+(clerk|officer|of+c?r|custodian|tech(nician)?|specialist|manager)|"
            + "ev(id(ence)?)?\\.?\\s+(control\\s+)?(tech(nician)?|spec(ialist)?|clerk|manager|receiving|rec|recv|rcv|control(\\s+unit)?)|\\bECU\\b|\\bECT\\b|\\((?:PET|ET|ECS|ECT|ECO)\\)|(recv|receiving|intake)\\.?\\s+(tech(nician)?|spec(ialist)?|clerk|officer)|accession\\w*|^\\s*(PET|ET|PC)\\b|\\b(PET|ET)\\s+[A-Z]|lab(oratory)?\\s+(tech(nician)?|evidence|receiving|intake)|"
            + "forensic\\s+(chemist|scientist|analyst|tech(nician)?)|chemist|criminalist|intake|receiving)\\b");

    /** "logged into evidence", "booked into property": the evidence system itself, a secure place. */
    private static final Pattern EVIDENCE_SYSTEM = Pattern.compile("(?i)(the\\s+)?(evidence|property)(\\s+(system|storage))?");
    private static final Pattern CARRIER = Pattern.compile("(?i)\\b(UPS|FedEx|Fed\\s*Ex|Federal\\s+Express|USPS|DHL|registered\\s+mail|certified\\s+mail|express\\s+mail)\\b");

    /** A common carrier that moves a sealed package under a tracking number (UPS, FedEx, USPS registered mail). */
    public static boolean isCarrier(String h) {
        return h != null && Prefilter.find(CARRIER, h);
    }

    /** The carrier's name, so that "UPS overnight" and "UPS" are one handler. */
    private static String carrier(String h) {
        if (h == null) return null;
        Matcher m = CARRIER.matcher(h);
        return m.find() ? Prefilter.replaceAll(m.group(1).toUpperCase(java.util.Locale.ROOT), "\\s+", "") : null;
    }

    /** A secure place inside the evidence system (property room, locker, laboratory) or its custodian. */
    public static boolean isSecureStorage(String h) {
        if (h == null) return false;
        if (Prefilter.matches(EVIDENCE_SYSTEM, h.strip())) return true;
        h = CustodyText.ocr(h).replace("rn", "m");
        return (Prefilter.find(STORAGE, h) || Prefilter.find(CUSTODIAN, h)) && !Prefilter.find(NOT_SECURE, h);
    }

    private static final Pattern STORAGE_PURPOSE = Pattern.compile("(?i)\\b(custodial\\s+storage|storage|vault|(evidence|property|evid\\.?|prop\\.?)\\s+(room|rm|unit|section|control)|bin\\s+[\\w-]+|locker|safekeeping|intake|stored|booked(\\s+in(to)?)?|lodged|deposited)\\b");
    private static final Pattern MOVING = Pattern.compile("(?i)\\b(transport\\w*|to\\s+(the\\s+)?lab\\w*|for\\s+(analysis|testing|court|review|examination)|checked\\s+out|release[ds]?\\s+to)\\b");

    /** A purpose or reason that says the item went into storage ("Custodial storage - HVTF vault", "Evidence room intake"). */
    public static boolean isStoragePurpose(String p) {
        if (p == null) return false;
        p = CustodyText.ocr(p);
        return Prefilter.find(STORAGE_PURPOSE, p) && !Prefilter.find(MOVING, p) && !Prefilter.find(NOT_SECURE, p);
    }


    private static final Pattern LAB = Pattern.compile("(?i)\\b(lab|laboratory|laboratories|crime\\s+lab|chemist|criminalist|analyst|forensics?|analytical|intake|receiving|accession\\w*|tox(icology)?|toxicologist|pathologist)\\b");

    private static final Pattern OFFICER = Pattern.compile("(?i)\\b(ofc|officer|det|detective|dep|deputy|sgt|sergeant|tpr|trooper|cpl|corporal|lt|lieutenant|capt|captain|"
            + "agent|sa|s/a|tfo|inv|investigator|spc|pfc|sfc|ssg|ptl|patrolman|po|chief|sheriff)\\b\\.?");

    /** A handler written with a police or military rank. */
    public static boolean isOfficer(String h) {
        return h != null && Prefilter.find(OFFICER, h);
    }

    /** A laboratory or one of its people as custodian. */
    public static boolean isLab(String h) {
        // Labs go by acronyms that end in L: NSCL, AFL, BRFL, PEMCL.
        // "(BCRCL EVID REC)": the lab's acronym opening a unit written in parentheses.
        return h != null && (Prefilter.find(LAB, h) || Prefilter.matches(h, "(?s).*((?<![(A-Za-z])[A-Z]{2,5}L\\b(?!\\))|\\([A-Z]{2,5}L\\s+[A-Z]).*"));
    }

    private static final Pattern PLACE = Pattern.compile("(?i)\\b(room|vault|locker|lkr|lckr|safe|cage|bin|shelf|drawer|box|cabinet|storage|lab|laboratory|freezer|refrigerator|fridge|bench|rack|"
            + "car|vehicle|truck|trunk|residence|home|house|office|desk|briefcase|station|barracks|scene|custody\\s+of\\s+the\\s+lab|in\\s+transit)\\b");

    /** A place rather than a person ("Temp Locker 9", "my personal gym locker", "Drug Vault 2"). */
    public static boolean isPlace(String h) {
        if (isBlank(h)) return false;
        if (Prefilter.matches(EVIDENCE_SYSTEM, h.strip())) return true;
        String s = strip(CustodyText.ocr(h).replace("rn", "m"));
        return Prefilter.find(PLACE, s) && !Prefilter.matches(s, ".*\\b[A-Z]\\.\\s*[A-Z][a-z]+.*") || s.toLowerCase(Locale.ROOT).startsWith("my ");
    }

    // "... for Inv. C. Bexhill-Marr", and a printout's capitals: "PT L HADFIELD P-07 FOR PT W YARBOROUGH P-03"
    private static final Pattern SIGNED_FOR = Pattern.compile("\\s+for\\s+(?:(?:Inv|Det|Ofc|Officer|Sgt|Dep|Agent|SA|Lt|Cpl|Tpr|Insp|Mr|Ms|Dr)\\.?\\s+)?(?:[A-Z]\\.\\s*)+[A-Z][A-Za-z'-]+"
            + "|\\s+FOR\\s+(?:(?:INV|DET|OFC|SGT|DEP|SA|LT|CPL|TPR|PT|PET|ET|TECH)\\.?\\s+)?[A-Z]\\.?\\s+[A-Z][A-Z'-]{2,}");

    /** The one who signed in "X for Y", or null when the handler is not written so. */
    private static String signer(String h) {
        Matcher m = SIGNED_FOR.matcher(h);
        if (!m.find() || m.start() == 0) return null;
        String before = h.substring(0, m.start()).strip();
        return before.chars().anyMatch(Character::isLetter) ? before : null;
    }

    /** Whether two records name the same custodian. */
    public static boolean same(String a, String b) {
        if (isBlank(a) || isBlank(b)) return false;
        // "Inv. T. Wrenhaven (T-311) for Inv. C. Bexhill-Marr (T-306)": the one who signed is the one who held it
        String signerA = signer(a), signerB = signer(b);
        if (signerA != null || signerB != null) return same(signerA != null ? signerA : a, signerB != null ? signerB : b);
        // "UPS overnight" and "UPS": one carrier
        String ca = carrier(a);
        if (ca != null) return ca.equals(carrier(b));
        String ba = badge(a), bb = badge(b);
        if (ba != null && bb != null) return ba.equals(bb);
        boolean pa0 = isPlace(a), pb0 = isPlace(b);
        // the same words twice ("TL-2" and "TL-2") are one holder, whatever they name; a place is only itself
        if (norm(strip(a)).equals(norm(strip(b)))) return true;
        if (pa0 || pb0) return false;
        PersonName pa = PersonName.parse(nameOf(a)), pb = PersonName.parse(nameOf(b));
        if (pa.surname().isEmpty()) return false;
        if (pa.compatible(pb)) return true;
        // A scanned log's OCR writes one name two ways ("Szczepanlk", "Okarnoto", "0kamoto"): compared with the
        // letters OCR confuses folded together, and only for names long enough not to collide.
        if (pa.surname().length() >= 5 && new PersonName("", ocrFold(pa.given()), ocrFold(pa.surname()))
                .compatible(new PersonName("", ocrFold(pb.given()), ocrFold(pb.surname())))) return true;
        // A typist's slip in a long surname ("Ingelby-Tarn" for "Ingleby-Tarn", "Thistlewod"): one letter dropped, added,
        // changed or two swapped, with the first letter and the given name or initial agreeing.
        String sa = pa.surname().toLowerCase(Locale.ROOT), sb = pb.surname().toLowerCase(Locale.ROOT);
        return sa.length() >= 7 && sb.length() >= 7 && sa.charAt(0) == sb.charAt(0) && oneSlip(sa, sb)
                && pa.compatible(new PersonName("", pb.given(), pa.surname()));
    }

    /** Whether two words differ by at most one edit: a letter dropped, added or changed, or two neighbours swapped. */
    static boolean oneSlip(String a, String b) {
        if (a.equals(b)) return true;
        if (Math.abs(a.length() - b.length()) > 1) return false;
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) i++;
        if (a.length() == b.length()) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) return true;
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i) && a.substring(i + 2).equals(b.substring(i + 2));
        }
        String longer = a.length() > b.length() ? a : b, shorter = a.length() > b.length() ? b : a;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }

    private static String ocrFold(String name) {
        return name.toLowerCase(Locale.ROOT).replace("rn", "m").replace("cl", "d").replace("vv", "w")
                .replaceAll("[l1|!]", "i").replace('0', 'o').replace('5', 's').replace('8', 'b');
    }

    private static final Pattern ROLE_WORD = Pattern.compile("(?i)(evid(ence)?|prop(erty)?|control|specialist|tech(nician)?|clerk|custodian|intake|receiving|"
            + "lab(oratory)?|forensic|chemist|analyst|criminalist|scientist|senior|supervisor|manager|unit|section|courier|(?-i:[A-Z]{2,6}))\\.?");

    /**
     * The person a handler entry names, without the unit or role written before it: "NERFL Evid. Control - J. Poh1"
     * and "Evidence Control Specialist Johanna Pohl" both name J. Pohl (OCR's digits in a name undone).
     */
    static String nameOf(String h) {
        String s = strip(Prefilter.replaceAll(CustodyText.ocr(h).replace('\n', ' '), "\\b(\\p{Lu}\\p{Ll}+)[1|]\\b", "$1l"));
        // a badge OCR wrote with letters for digits ("P-ll7") ends the entry, it is not a surname
        s = Prefilter.replaceAll(s, "\\s+#?[A-Z]{1,2}-?(?=[0-9OolI|]*\\d)[0-9OolI|]{2,6}$", "");
        // a unit badge with one digit ("#VI-5", "VI-5")
        s = Prefilter.replaceAll(s, "\\s+#?[A-Z]{1,3}-\\d$", "");
        // a regional badge ("R2-019", "#D4-207")
        s = Prefilter.replaceAll(s, "\\s+#?[A-Z]{1,3}\\d{1,2}-\\d{1,4}$", "");
        // OCR split the last letters of a surname off ("Petrakis-Nwos u"): a lone one- or two-letter lower-case tail is the word's end
        s = Prefilter.replaceAll(s, "(\\p{L}{3,}) (\\p{Ll}{1,2})$", "$1$2");
        int dash = s.lastIndexOf(" - ");
        if (dash > 0 && Prefilter.matches(s.substring(dash + 3), ".*\\p{Lu}.*")) s = s.substring(dash + 3).strip();
        String[] w = s.split("\\s+");
        int i = 0;
        while (i < w.length - 1 && (Prefilter.matches(ROLE_WORD, w[i]) && !Prefilter.matches(w[i], "\\p{Lu}\\.") || PersonName.isTitle(w[i]))) i++;
        // "Non-Drug/Drug Custodian K. Wheatley": a unit's words, then the role, then the name
        for (int j = w.length - 2; j > i; j--) {
            if (Prefilter.matches(w[j], "(?i)custodian|technician|tech\\.?|specialist|clerk|officer|supervisor|manager|examiner|analyst|chemist|criminalist|scientist|investigator|inspector|agent|courier")
                    && Prefilter.matches(w[j + 1], "\\p{Lu}.*")) {
                i = j + 1;
                break;
            }
        }
        return String.join(" ", java.util.Arrays.copyOfRange(w, i, w.length));
    }

    /** The badge number written in a handler entry ("Dep. M. Keel #2217"), or null. */
    public static String badge(String h) {
        Matcher m = BADGE.matcher(h);
        if (!m.find()) return null;
        String b = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        return CustodyText.lookAlikeDigits(b);
    }

    /** The name part of a handler entry: no signature mark, affiliation after a comma, parentheses or badge. */
    static String strip(String h) {
        String s = h.strip();
        if (s.toLowerCase(Locale.ROOT).startsWith("/s/")) {
            // "/s/ T. Marinescu SSG Teodora MARINESCU, MPI": a signature, then the printed name block under it.
            s = s.substring(3).strip();
            String[] w = s.split("\\s+");
            for (int i = 1; i < w.length - 1; i++) {
                if (PersonName.isTitle(w[i]) && Character.isUpperCase(w[i + 1].charAt(0))) {
                    s = String.join(" ", java.util.Arrays.copyOfRange(w, i, w.length));
                    break;
                }
            }
        }
        s = Prefilter.replaceAll(Prefilter.replaceAll(Prefilter.replaceAll(s, "(?i)/s/.*$", " "), "\\(.*?\\)", " "), "#\\s?[\\w-]+", " ")
                .replaceAll("(?i)\\bbadge\\s*\\w+", " ");
        int comma = s.indexOf(',');
        if (comma > 0) {
            String before = s.substring(0, comma).strip();
            // "Property Officer, Ida Gutierrez", "the night Property Officer, Ida Gutierrez": a role, then the name.
            boolean titleOnly = java.util.Arrays.stream(before.split("\\s+")).allMatch(w -> PersonName.isTitle(w) || Prefilter.matches(w, "\\p{Ll}[\\p{L}-]*"));
            if (titleOnly) s = s.substring(comma + 1); // "Property Officer, Ida Gutierrez"
            // "SA Theo Granger, CID"; but "QUINTANAR BOYCE, M." is a surname and its initial
            else if (before.contains(" ") && !Prefilter.matches(s.substring(comma + 1).strip(), "[A-Z]\\.?(\\s?[A-Z]\\.?)?")) s = before;
        }
        return Prefilter.replaceAll(s, "\\s+", " ").strip();
    }

    /** A place's comparison key; the letters OCR confuses ("Roorn", "shelf l-D", "0fficer") compare as one. */
    private static String norm(String h) {
        return Prefilter.replaceAll(h.toLowerCase(Locale.ROOT).replace("rn", "m").replace('0', 'o').replace('1', 'l').replace('|', 'l'), "[^a-z0-9]", "");
    }
}
