package dev.leverage.extract.nlp;

import dev.leverage.extract.Prefilter;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.RegexNameFinder;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the domain's entities in a sentence: people (with rank or role), badge numbers, evidence items, seals,
 * quantities and weights. The trained name finder handles what needs context (who is a person, where a name
 * ends); OpenNLP's RegexNameFinder handles what is exact (a weight is a number and a unit). Where both find
 * overlapping spans, the longer wins. Not thread-safe: one per thread.
 */
public final class EntityFinder {
    public static final String PERSON = "person";
    public static final String BADGE = "badge";
    public static final String ITEM = "item";
    public static final String SEAL = "seal";
    public static final String QUANTITY = "quantity";
    public static final String WEIGHT = "weight";

    static final String NUMBER_WORDS = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
            + "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?";
    static final String UNIT_NOUNS = "(?:baggies|baggie|bags?|packets?|units?|tablets?|pills?|capsules?|vials?|bindles?|rocks?|envelopes?|packages?|bricks?|blotters?|containers?|balloons?|wraps?|cartridges?)";

    private static final Map<String, Pattern[]> RULES = Map.of(
            BADGE, new Pattern[]{
                    Pattern.compile("(?i)\\b(?:badge|ID|serial)\\s*(?:no\\.?|number|num\\.?)?\\s*#?\\s*\\d{2,6}\\b"),
                    Pattern.compile("(?<![\\w/#-])#\\s?\\d{3,5}\\b")},
            ITEM, new Pattern[]{
                    Pattern.compile("(?i)\\b(?:lab\\s+)?(?:items?|exhibits?|exh\\.|evidence\\s*#)\\s*(?:no\\.?\\s*)?#?\\s*\\d{1,3}(?:\\.\\d{1,2})?[A-Z]?\\b"
                            + "(?:\\s*(?:through|thru|-|to|and|&)\\s*\\d{1,3}(?:\\.\\d{1,2})?[A-Z]?\\b)?"),
                    Pattern.compile("\\b(?:property\\s+tag\\s+)?\\d{4}-\\d{5}-\\d{3}\\b")},
            SEAL, new Pattern[]{
                    Pattern.compile("(?i)\\b(?:heat[- ]?|tamper[- ]evident\\s+|evidence\\s+bag\\s+)?seal\\s*(?:no\\.?|number|#)?\\s*:?\\s*[A-Z]{0,3}-?\\d{3,8}\\b")},
            WEIGHT, new Pattern[]{
                    Pattern.compile("(?i)(?<![\\w.])(?:approximately\\s+|approx\\.\\s*)?\\d{1,6}(?:,\\d{3})*(?:\\.\\d+)?\\s?(?:g|gm|gms|grams?|gram|kg|kilograms?|mg|milligrams?|lbs?|pounds?|oz|ounces?)\\b(?:\\s+(?:net|gross))?")},
            QUANTITY, new Pattern[]{
                    Pattern.compile("(?i)\\b(?:" + NUMBER_WORDS + "\\s*\\(\\d{1,6}\\)|\\d{1,6}|" + NUMBER_WORDS + ")\\s+(?:(?:small|large|clear|plastic|knotted|zip(?:lock|loc)?|individually|wrapped|white|blue|sealed|heat-sealed)\\s+){0,3}" + UNIT_NOUNS + "\\b")});

    private static final Pattern TITLED_NAME = Pattern.compile(
            "\\b(?:(?:Det\\.|Detective|Deputy|Dep\\.|Officer|Ofc\\.|Sgt\\.|Sergeant|Trooper|Tpr\\.|Lt\\.|Lieutenant|Cpl\\.|Corporal|Capt\\.|Captain|Agent|S/A|SA|TFO|Inv\\.|Investigator|Chief|Sheriff|Dr\\.|Mr\\.|Ms\\.|Mrs\\.|Judge|Hon\\.|ADA|AUSA|ET|PC|Evidence[ \\u00A0\\n]+Technician|Evidence[ \\u00A0\\n]+Tech\\.?|Property[ \\u00A0\\n]+Clerk|Forensic[ \\u00A0\\n]+Chemist|Forensic[ \\u00A0\\n]+Scientist|Chemist|Criminalist|Analyst)[ \\u00A0\\n]+)+"
                    + "(?:[A-Z][a-z]+[ \\u00A0\\n]+|[A-Z]\\.[ \\u00A0\\n]*){0,2}(?:[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?|[A-Z]{2,}(?:-[A-Z]{2,})?)\\b");
    private static final Pattern LAST_COMMA_FIRST = Pattern.compile("\\b([A-Z]{2,}(?:-[A-Z]{2,})?),[ \\u00A0]*([A-Z]{2,})(?:[ \\u00A0]+[A-Z]\\.?)?\\b");

    /** Upper-case words of lab and police paperwork that "SURNAME, GIVEN" would otherwise take for names. */
    private static final java.util.Set<String> ACRONYMS = java.util.Set.of("GC-MS", "GCMS", "LC-MS", "FTIR", "HPLC", "TLC", "NMR", "UV",
            "NIK", "NCIC", "DOB", "SSN", "VIN", "DUI", "DWI", "CAD", "RMS", "BWC", "USC", "DEA", "FBI", "ATF", "HSI", "NA", "N/A",
            "NONE", "UNK", "UNKNOWN", "YES", "NO", "EST", "AM", "PM", "HRS");

    private final NameFinderME model;
    private final RegexNameFinder rules;

    public EntityFinder(TrainedModels models) {
        this.model = models.nameFinder();
        this.rules = new RegexNameFinder(RULES);
    }

    /** A typed span with character offsets relative to the sentence, and what found it. */
    public record Entity(String type, int start, int end, String text, String origin) {
    }

    /** Entities in a sentence, offsets relative to the sentence text. */
    public List<Entity> find(Sentence s) {
        List<Entity> all = new ArrayList<>();
        if (s.words().length > 0) {
            for (Span span : model.find(s.words())) {
                int start = s.tokens()[span.getStart()].getStart();
                int end = s.tokens()[span.getEnd() - 1].getEnd();
                all.add(new Entity(span.getType(), start, end, s.text().substring(start, end), "model"));
            }
        }
        for (Span span : rules.find(s.text())) {
            all.add(new Entity(span.getType(), span.getStart(), span.getEnd(), s.text().substring(span.getStart(), span.getEnd()), "rule"));
        }
        var m = TITLED_NAME.matcher(s.text());
        while (m.find()) all.add(new Entity(PERSON, m.start(), m.end(), m.group(), "rule"));
        m = LAST_COMMA_FIRST.matcher(s.text());
        while (m.find()) {
            if (!ACRONYMS.contains(m.group(1)) && !ACRONYMS.contains(m.group(2))) all.add(new Entity(PERSON, m.start(), m.end(), m.group(), "rule"));
        }
        // An entity never runs across table cells, and a form label ("Request Received:") is not a name.
        all.removeIf(e -> e.text().indexOf('\t') >= 0 || e.type().equals(PERSON) && e.text().indexOf('\n') >= 0 && Prefilter.matches(s.text().substring(e.end()), "(?s)[ \\u00A0]*:.*"));
        return resolveOverlaps(all);
    }

    /** Forgets what the model learned of this document's names; call between documents. */
    public void clearAdaptiveData() {
        model.clearAdaptiveData();
    }

    static List<Entity> resolveOverlaps(List<Entity> all) {
        all.sort(Comparator.comparingInt((Entity e) -> e.end() - e.start()).reversed().thenComparing(Entity::start));
        List<Entity> kept = new ArrayList<>();
        for (Entity e : all) {
            boolean clash = kept.stream().anyMatch(k -> e.start() < k.end() && k.start() < e.end());
            if (!clash && !e.text().isBlank()) kept.add(e);
        }
        kept.sort(Comparator.comparingInt(Entity::start));
        return kept;
    }
}
