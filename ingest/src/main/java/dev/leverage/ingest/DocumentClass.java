package dev.leverage.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;

/**
 * Sorts a document into the classes of police discovery (police_report, cad_log, ...) from its file name and
 * the words of its first page. Titles of these forms are conventional, so weighted cue phrases are reliable;
 * the cue in the title outweighs a passing mention in the body.
 */
public final class DocumentClass {
    public static final String OTHER = "other";

    private static final Map<String, List<String>> CUES = new LinkedHashMap<>();

    static {
        CUES.put("lab_report", List.of("drug chemistry report", "laboratory report", "chemistry report", "certificate of analysis",
                "report of laboratory examination", "controlled substance analysis", "lab report", "chemical analysis", "analysis report",
                "crime laboratory", "regional laboratory", "forensic laboratory", "forensic science", "toxicology report", "laboratory -",
                "drug chemistry", "drug identification", "forensic services", "laboratory report", "laboratory analysis report", "certificate of analysis",
                "forensic report", "forensics laboratory", "toxicology laboratory", "material identification", "identification report",
                "laboratory no", "laboratory number", "lab no", "tox no", "report of drug analysis", "drug analysis", "report of analysis",
                "analytical report", "analytical toxicology", "results of analysis", "laboratory analysis", "analysis summary", "forensic analytical"));
        CUES.put("lab_submission", List.of("request for laboratory analysis", "laboratory submission", "evidence submission",
                "request for analysis", "lab submission", "submission form", "lab request", "laboratory request", "request for examination",
                "submission receipt", "request for lab", "request for laboratory", "submitting officer", "analysis requested"));
        CUES.put("k9_report", List.of("k9 deployment", "k-9 deployment", "canine deployment", "k9 report", "canine report", "k9 sniff report"));
        CUES.put("custody_log", List.of("chain of custody", "evidence custody", "property record", "property/evidence", "property & evidence",
                "evidence log", "custody log", "da form 4137", "custody document", "property room", "property ledger", "evidence ledger",
                "property receipt", "property intake", "evidence intake log", "custody form", "drug property", "evidence tracking",
                "property collected", "count sheet", "intake receipt", "evidence receipt", "collection log", "evidence collection log",
                "evidence room ledger", "transfer record", "evidence transfer", "seizure receipt", "property seizure", "exhibit log", "custody record"));
        CUES.put("cad_log", List.of("cad incident", "cad chronology", "dispatch log", "computer aided dispatch", "incident chronology",
                "unit history", "cad", "dispatcher", "unit\tstatus", "call type", "disposition code"));
        CUES.put("bodycam_transcript", List.of("body-worn camera", "body worn camera", "bodycam", "body cam", "bwc transcript",
                "recording start", "transcript of"));
        CUES.put("citation", List.of("written warning", "warning notice", "uniform traffic citation", "citation no", "traffic citation",
                "notice to appear", "warning no", "uniform summons", "esummons", "summons no", "ticket no"));
        CUES.put("witness_statement", List.of("voluntary statement", "witness statement", "statement of", "sworn statement"));
        CUES.put("warrant", List.of("search warrant", "arrest warrant", "search and seizure warrant", "seizure warrant", "affidavit for", "warrant return", "affidavit of probable cause", "probable cause affidavit"));
        CUES.put("miranda_form", List.of("miranda", "advisement of rights", "waiver of rights", "advice of rights", "rights advisement", "warning of rights", "rights warning", "rights waiver", "statement of rights"));
        CUES.put("tow_inventory", List.of("tow", "impound", "inventory sheet", "vehicle inventory"));
        CUES.put("supplement_report", List.of("supplement report", "supplemental report", "supplement narrative", "supplemental narrative"));
        CUES.put("police_report", List.of("incident report", "offense report", "arrest report", "incident/offense", "narrative",
                "investigation report", "case report", "investigative report", "search and seizure report", "scene report", "field search report",
                "report of investigation", "origin and cause", "fire investigation report", "memorandum of activity", "report of activity",
                "activity report", "field report", "inspection report", "enforcement report", "investigative summary", "investigator's report",
                "investigator report", "incident summary", "field visit report", "case summary"));
    }

    private DocumentClass() {
    }

    /** Every class a document can be given, "email" and "other" included. */
    public static java.util.List<String> types() {
        java.util.List<String> all = new java.util.ArrayList<>(CUES.keySet());
        all.add("email");
        all.add(OTHER);
        return all;
    }

    private static final java.util.Map<String, Pattern> WORDS = new java.util.concurrent.ConcurrentHashMap<>();


    /**
     * The class of a document.
     *
     * @param fileName  the file's name (cues in names such as "K9_Deployment_Report.docx" count)
     * @param mediaType the detected media type (an email is "email" whatever it says)
     * @param firstPage text of the first page
     */
    public static String classify(String fileName, String mediaType, String firstPage) {
        if (mediaType != null && (mediaType.startsWith("message/rfc822") || mediaType.contains("outlook"))) return "email";
        String name = fileName.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        String text = firstPage == null ? "" : OcrText.letters(firstPage).toLowerCase(Locale.ROOT);
        String head = text.length() > 400 ? text.substring(0, 400) : text;
        // The title: the first lines, where an agency's name and unit come before the form's own name.
        // Blank lines and an address under the agency's name do not count: the first four lines with words.
        String title = String.join("\n", java.util.Arrays.stream(text.strip().split("\n", 12)).filter(l -> !l.isBlank()).limit(4).toList());
        String best = OTHER;
        int bestScore = 0;
        for (var e : CUES.entrySet()) {
            int score = 0;
            for (String cue : e.getValue()) {
                String spaced = cue.replace('-', ' ').replace('_', ' ');
                // whole words only: "tow" is not in "towel", "cad" not in "decade"
                Pattern word = WORDS.computeIfAbsent(cue, c -> Pattern.compile((Character.isLetterOrDigit(c.charAt(0)) ? "\\b" : "")
                        + Pattern.quote(c) + (Character.isLetterOrDigit(c.charAt(c.length() - 1)) ? "\\b" : "")));
                if (word.matcher(name).find() || name.contains(spaced) && spaced.contains(" ")) score += 5;
                if (word.matcher(title).find()) score += 6; // the form's own title outweighs any mention below it
                else if (word.matcher(head).find()) score += 4;
                else if (word.matcher(text).find()) score += 1;
            }
            // A report that mentions the crime laboratory it sent evidence to is not the laboratory's report: a lab
            // class needs its cue in the file name, the title or the head of the first page.
            if (e.getKey().startsWith("lab_") && score < 4) continue;
            if (score > bestScore) {
                bestScore = score;
                best = e.getKey();
            }
        }
        return best;
    }
}
