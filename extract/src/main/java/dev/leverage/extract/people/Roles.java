package dev.leverage.extract.people;

import dev.leverage.extract.Prefilter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The roles a mention shows a person in: from the title written with the name (a rank makes an officer, "Forensic
 * Chemist" an analyst) and from the words around it (a K9 word beside an officer's name, "passenger", "arrested").
 */
public final class Roles {
    private static final Pattern OFFICER = Pattern.compile("(?i)^(det|detective|deputy|dep|officer|ofc|sgt|sergeant|trooper|tpr|lt|lieutenant|cpl|corporal|capt|captain|agent|s/a|sa|tfo|inv|investigator|chief|sheriff)\\b");
    private static final Pattern TECH = Pattern.compile("(?i)\\b(evidence\\s+tech(nician)?|^et\\b)");
    private static final Pattern CLERK = Pattern.compile("(?i)\\b(property\\s+clerk|^pc\\b)");
    private static final Pattern ANALYST = Pattern.compile("(?i)\\b(chemist|criminalist|analyst|forensic\\s+scientist)\\b");
    private static final Pattern JUDGE = Pattern.compile("(?i)\\b(judge|hon)\\b");
    private static final Pattern PROSECUTOR = Pattern.compile("(?i)\\b(ada|ausa|prosecutor)\\b");
    /** A K9 word written as part of the officer's designation: "K9 Handler Deputy Keel", "K-9 Officer Ruiz". */
    private static final Pattern K9_BEFORE = Pattern.compile("(?i)\\b(k-?9|canine)(\\s+(handler|unit|deputy|officer|trooper|sgt\\.?))?\\s*:?\\s*$|\\bhandler\\s*:?\\s*$");
    /** ... or right after the name: "Keel (K9 Kilo)", "Keel and K9 Kilo", "Keel, K9 handler", "Keel with his dog". */
    private static final Pattern K9_AFTER = Pattern.compile("(?i)^\\s*(#\\s?\\d+\\s*)?(\\(|,|and|with|&)?\\s*(his|her|the)?\\s*(k-?9|canine|handler|dog)\\b");
    private static final Pattern DEFENDANT = Pattern.compile("(?i)\\b(defendant|arrested|suspect|under arrest|in custody|the driver|driver:?|accused)\\b");
    private static final Pattern WITNESS = Pattern.compile("(?i)\\b(passenger|witness|statement of|bystander|complainant|victim)\\b");
    private static final Pattern TOW = Pattern.compile("(?i)\\b(tow(ing)?|wrecker|recovery)\\b");
    private static final Pattern INFORMANT = Pattern.compile("(?i)\\b(CI|C/I|confidential informant|informant|CS|confidential source)\\b");

    private Roles() {
    }

    /**
     * Roles one mention supports.
     *
     * @param title  the title words written with the name
     * @param before the text just before the mention (a few dozen characters)
     * @param after  the text just after it
     */
    public static Set<String> of(String title, String before, String after) {
        Set<String> roles = new LinkedHashSet<>();
        String t = title.toLowerCase(Locale.ROOT);
        boolean officer = Prefilter.find(OFFICER, t);
        if (officer) roles.add("officer");
        if (Prefilter.find(TECH, t)) roles.add("evidence_technician");
        if (Prefilter.find(CLERK, t)) roles.add("property_clerk");
        if (Prefilter.find(ANALYST, t)) roles.add("analyst");
        if (Prefilter.find(JUDGE, t)) roles.add("judge");
        if (Prefilter.find(PROSECUTOR, t)) roles.add("prosecutor");
        if (officer && (Prefilter.find(K9_BEFORE, before) || Prefilter.find(K9_AFTER, after))) roles.add("k9_handler");
        // A title written after the name: "Dr. Anita Sokolov, Forensic Chemist", "R. Brandt, Evidence Technician".
        String apposition = Prefilter.replaceFirst(after, "^\\s*(#\\s?\\d+\\s*)?,\\s*", "");
        if (apposition.length() < after.length()) {
            if (Prefilter.lookingAt(ANALYST, apposition) || Prefilter.matches(apposition, "(?is)^(forensic|senior|drug)?\\s*(chemist|criminalist|analyst|scientist).*")) roles.add("analyst");
            if (Prefilter.matches(apposition, "(?is)^evidence\\s+tech.*")) roles.add("evidence_technician");
            if (Prefilter.matches(apposition, "(?is)^property\\s+(clerk|custodian|officer).*")) roles.add("property_clerk");
        }
        if (roles.isEmpty()) {
            String context = before + " " + after;
            if (Prefilter.find(INFORMANT, context)) roles.add("informant");
            else if (Prefilter.find(TOW, context)) roles.add("tow_operator");
            else if (Prefilter.find(WITNESS, context)) roles.add("witness");
            else if (Prefilter.find(DEFENDANT, context)) roles.add("defendant");
        }
        return roles;
    }

    /** True when a mention's role list (comma-separated) includes the role. */
    public static boolean has(String roles, String role) {
        if (roles == null) return false;
        for (String r : roles.split(",")) if (r.strip().equals(role)) return true;
        return false;
    }
}
