package dev.leverage.extract.people;

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
 * @param surname surname in Title Case
 */
public record PersonName(String title, String given, String surname) {
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
            "corrections", "co", "security", "director", "coordinator", "specialist");
    private static final Pattern BADGE_TAIL = Pattern.compile("\\s*(?:\\(|,)?\\s*(?:badge|id)?\\s*(?:no\\.?|#)?\\s*#?(?:[A-Z]{1,2}-?)?\\d{2,6}\\)?\\s*$", Pattern.CASE_INSENSITIVE);

    /** True when a word is a rank or title ("Dep.", "Sergeant"), never a name on its own. */
    public static boolean isTitle(String word) {
        return TITLES.contains(word.toLowerCase(Locale.ROOT).replace(".", ""));
    }

    public static PersonName parse(String written) {
        String s = BADGE_TAIL.matcher(written.strip()).replaceAll("").replaceAll("[’']s$", "").strip();
        // A signature line ("/s/ L. Ortega") or a form label ("Technician: Mendez") is not part of the name.
        s = s.replaceFirst("^.*:\\s*", "").replaceFirst("(?i)^(/s/|s/)\\s*", "").replaceFirst("^[^\\p{L}]+", "").strip();
        if (s.contains(",")) {
            // "PRICE, DARNELL" (forms and CAD write surname first)
            String[] p = s.split(",", 2);
            String last = p[0].strip();
            String first = p[1].strip().split("\\s+")[0];
            if (!last.contains(" ") && !first.isEmpty()) return new PersonName("", cap(first.replace(".", "")), cap(last));
            s = p[0];
        }
        String[] tokens = s.split("\\s+");
        List<String> title = new ArrayList<>();
        int i = 0;
        while (i < tokens.length - 1 && TITLES.contains(tokens[i].toLowerCase(Locale.ROOT).replace(".", ""))) title.add(tokens[i++]);
        List<String> rest = new ArrayList<>(List.of(tokens).subList(i, tokens.length));
        if (rest.isEmpty()) return new PersonName(String.join(" ", title), "", "");
        String surname = cap(rest.get(rest.size() - 1));
        String given = rest.size() > 1 ? cap(rest.get(0).replace(".", "")) : "";
        return new PersonName(String.join(" ", title), given, surname);
    }

    /** "Anita Sokolov", "M. Keel" or "Keel": the name without its title. */
    public String display() {
        if (given.isEmpty()) return surname;
        return given.length() == 1 ? given + ". " + surname : given + " " + surname;
    }

    public boolean hasFullGiven() {
        return given.length() > 1;
    }

    /** Could these two be the same person? Same surname and compatible given names (M. fits Morgan). */
    public boolean compatible(PersonName o) {
        if (!surname.equalsIgnoreCase(o.surname)) return false;
        if (given.isEmpty() || o.given.isEmpty()) return true;
        if (given.length() == 1 || o.given.length() == 1) return Character.toUpperCase(given.charAt(0)) == Character.toUpperCase(o.given.charAt(0));
        return given.equalsIgnoreCase(o.given);
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
