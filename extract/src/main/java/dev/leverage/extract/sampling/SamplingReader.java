package dev.leverage.extract.sampling;

import dev.leverage.extract.Citation;
import dev.leverage.extract.custody.ItemKey;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sampling claim of a lab document: how many units were received and analysed (in words or digits),
 * the individual net weights when listed, the combined weight of the analysed units, the total reported for all
 * units and whether it is gross, estimated or extrapolated, the substance, and how units were chosen.
 */
public final class SamplingReader {
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("hundred", 100), Map.entry("a", 1), Map.entry("an", 1), Map.entry("single", 1));
    private static final String NUM_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?";
    private static final String UNITS = "(?:baggies|baggie|bags?|packets?|units?|tablets?|pills?|capsules?|vials?|bindles?|rocks?|envelopes?|packages?|bricks?|blotters?|containers?|balloons?|wraps?|items?)";
    private static final Pattern COUNT = Pattern.compile("(?i)\\b(" + NUM_WORD + ")?\\s*\\(?(\\d{1,6})?\\)?\\s+(?:(?:small|large|clear|plastic|knotted|zip\\w*|individually|wrapped|white|sealed|heat-sealed|of\\s+the)\\s+){0,3}" + UNITS + "\\b");
    private static final Pattern OF_THE = Pattern.compile("(?i)\\b(" + NUM_WORD + "|\\d{1,6})\\s+(?:\\(\\d+\\)\\s+)?of\\s+the\\s+(" + NUM_WORD + "|\\d{1,6})\\b");
    private static final Pattern WEIGHT = dev.leverage.extract.Weights.WEIGHT;
    private static final Pattern UNIT_WEIGHT_LINE = Pattern.compile("(?im)^\\s*(?:item\\s+|unit\\s+|#)?(\\d{1,3}(?:\\.\\d{1,3})?)[\\s\\t:|-]+(\\d{1,4}\\.\\d{1,4})\\s*(g|grams?)\\b\\s*$");
    private static final Pattern TESTED = Pattern.compile("(?i)\\b(analy[sz]ed|tested|sampled|selected|examined)\\b");
    private static final Pattern RECEIVED = Pattern.compile("(?i)\\b(consist(ed|ing|s) of|received|submitted|contain(ed|ing|s)|total of|seized|comprised)\\b");
    private static final Pattern TOTAL = Pattern.compile("(?i)\\b(total|estimated|extrapolated|aggregate|approximate)\\b");
    private static final Pattern COMBINED = Pattern.compile("(?i)\\b(combined|units analy[sz]ed|of the (\\w+ )?(units|baggies|packets|bags) analy[sz]ed|analy[sz]ed units)\\b");
    private static final Pattern UNCERTAINTY = Pattern.compile("(?i)(?:\\+/-|±|plus or minus)\\s*(\\d+(?:\\.\\d+)?)\\s*(g|grams?|mg)");
    private static final Pattern FIELD_TEST = Pattern.compile("(?i)\\b(field test|nik|color(imetric)? (reagent|test)|marquis|scott reagent|presumptive)\\b");
    private static final Pattern CONFIRMED = Pattern.compile("(?i)\\b(gc-?ms|ftir|mass spectr|infrared|confirmed|identified)\\b");

    private final Thresholds thresholds;

    public SamplingReader(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** A sentence on a page: the reader's unit of evidence. */
    public record Located(Page page, String text) {
    }

    /** The sampling claim of a document, or null when it makes none (no units analysed out of a larger number). */
    public SamplingClaim read(Document d, List<Located> sentences) {
        Integer total = null, tested = null;
        Double testedWeight = null, reported = null, uncertainty = null;
        boolean gross = false, estimated = false, confirmed = false, field = false;
        String substance = null, selection = null, item = null;
        List<Double> unitWeights = new ArrayList<>();
        Set<Citation> cites = new LinkedHashSet<>();

        for (Located s : sentences) {
            String t = s.text();
            String lower = t.toLowerCase(Locale.ROOT);
            Matcher of = OF_THE.matcher(t);
            if (of.find() && TESTED.matcher(t).find()) {
                tested = number(of.group(1));
                total = total == null ? number(of.group(2)) : total;
                cites.add(Citation.of(d, s.page(), t));
            }
            Matcher c = COUNT.matcher(t);
            while (c.find()) {
                Integer n = c.group(2) != null ? Integer.valueOf(c.group(2)) : c.group(1) != null ? number(c.group(1)) : null;
                if (n == null) continue;
                String before = t.substring(0, c.start());
                String after = t.substring(c.end());
                if (TESTED.matcher(after.length() > 60 ? after.substring(0, 60) : after).find() && !RECEIVED.matcher(before).find()
                        && !lower.contains("each of")) {
                    if (tested == null) {
                        tested = n;
                        cites.add(Citation.of(d, s.page(), t));
                    }
                } else if (RECEIVED.matcher(t).find() && (total == null || n > total)) {
                    total = n;
                    cites.add(Citation.of(d, s.page(), t));
                }
            }
            if (lower.contains("random")) selection = "random";
            else if (lower.contains("hypergeometric")) selection = "hypergeometric plan";
            else if (selection == null && lower.matches(".*\\b(selected|representative|chosen)\\b.*")) selection = lower.contains("representative") ? "representative" : "selected";

            Matcher w = WEIGHT.matcher(t);
            if (w.find()) {
                double grams = grams(Double.parseDouble(w.group(1).replace(",", "")), w.group(2));
                if (COMBINED.matcher(t).find() && !lower.contains("estimated") && !lower.contains("extrapolat")) {
                    testedWeight = grams;
                    cites.add(Citation.of(d, s.page(), t));
                } else if (TOTAL.matcher(t).find() && !UNCERTAINTY.matcher(t).find()) {
                    reported = grams;
                    gross = lower.contains("gross") || lower.contains("with packaging");
                    estimated = lower.contains("estimat") || lower.contains("extrapolat") || lower.contains("approx");
                    cites.add(Citation.of(d, s.page(), t));
                }
            }
            Matcher u = UNCERTAINTY.matcher(t);
            if (u.find()) uncertainty = grams(Double.parseDouble(u.group(1)), u.group(2));
            if (substance == null || lower.contains("identified") || lower.contains("detected")) {
                for (String name : thresholds.substances()) {
                    if (lower.matches("(?s).*\\b" + Pattern.quote(name) + "\\b.*") && (substance == null || name.length() > substance.length()
                            || lower.contains("identified") || lower.contains("detected"))) {
                        substance = name;
                        if (lower.contains("identified") || lower.contains("detected")) cites.add(Citation.of(d, s.page(), t));
                        break;
                    }
                }
            }
            if (FIELD_TEST.matcher(t).find()) field = true;
            if (CONFIRMED.matcher(t).find()) confirmed = true;
            if (item == null) {
                Matcher im = Pattern.compile("(?i)\\b(?:lab\\s+)?(?:item|exhibit)\\s*#?\\s*(\\d{1,3}[A-Z]?)").matcher(t);
                if (im.find()) item = ItemKey.of(im.group(1)).stream().findFirst().orElse(null);
            }
        }
        // Individual net weights: lines of "1.1  0.61 g", in tables or as text.
        Page weightsPage = null;
        for (Page p : d.pages()) {
            Matcher m = UNIT_WEIGHT_LINE.matcher(p.text());
            List<Double> found = new ArrayList<>();
            while (m.find()) found.add(Double.parseDouble(m.group(2)));
            if (found.size() >= 2 && unitWeights.isEmpty()) {
                unitWeights.addAll(found);
                weightsPage = p;
            }
        }
        if (weightsPage != null) {
            Matcher m = UNIT_WEIGHT_LINE.matcher(weightsPage.text());
            StringBuilder quote = new StringBuilder();
            while (m.find()) quote.append(quote.length() > 0 ? " " : "").append(m.group().strip());
            cites.add(Citation.of(d, weightsPage, quote.toString()));
        }
        if (tested != null && unitWeights.size() > tested) unitWeights = unitWeights.subList(0, tested);
        if (total == null || tested == null || tested >= total) return null;
        if (testedWeight == null && unitWeights.size() == tested) {
            testedWeight = Math.round(unitWeights.stream().mapToDouble(Double::doubleValue).sum() * 1000) / 1000.0;
        }
        return new SamplingClaim(item, substance, total, tested, 0, unitWeights, testedWeight, reported, gross, estimated,
                selection, field && !confirmed, uncertainty, List.copyOf(cites));
    }

    static Integer number(String s) {
        if (s == null) return null;
        String w = s.toLowerCase(Locale.ROOT).strip();
        if (w.matches("\\d+")) return Integer.valueOf(w);
        int total = 0;
        for (String part : w.split("[- ]")) {
            Integer v = WORDS.get(part);
            if (v == null) return null;
            total = v == 100 ? Math.max(1, total) * 100 : total + v;
        }
        return total;
    }

    static double grams(double v, String unit) {
        return dev.leverage.extract.Weights.grams(v, unit);
    }
}
