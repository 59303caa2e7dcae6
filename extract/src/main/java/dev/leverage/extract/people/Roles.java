package dev.leverage.extract.people;

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
    private static final Pattern K9 = Pattern.compile("(?i)\\b(k-?9|canine|handler)\\b");
    private static final Pattern DEFENDANT = Pattern.compile("(?i)\\b(defendant|arrested|suspect|under arrest|in custody|the driver|driver:?|accused)\\b");
    private static final Pattern WITNESS = Pattern.compile("(?i)\\b(passenger|witness|statement of|bystander|complainant|victim)\\b");
    private static final Pattern INFORMANT = Pattern.compile("(?i)\\b(CI|C/I|confidential informant|informant|CS|confidential source)\\b");

    private Roles() {
    }

    /**
     * Roles one mention supports.
     *
     * @param title   the title words written with the name
     * @param context the text around the mention (a few dozen characters each side)
     */
    public static Set<String> of(String title, String context) {
        Set<String> roles = new LinkedHashSet<>();
        String t = title.toLowerCase(Locale.ROOT);
        boolean officer = OFFICER.matcher(t).find();
        if (officer) roles.add("officer");
        if (TECH.matcher(t).find()) roles.add("evidence_technician");
        if (CLERK.matcher(t).find()) roles.add("property_clerk");
        if (ANALYST.matcher(t).find()) roles.add("analyst");
        if (JUDGE.matcher(t).find()) roles.add("judge");
        if (PROSECUTOR.matcher(t).find()) roles.add("prosecutor");
        if (officer && K9.matcher(context).find()) roles.add("k9_handler");
        if (roles.isEmpty()) {
            if (INFORMANT.matcher(context).find()) roles.add("informant");
            else if (WITNESS.matcher(context).find()) roles.add("witness");
            else if (DEFENDANT.matcher(context).find()) roles.add("defendant");
        }
        return roles;
    }
}
