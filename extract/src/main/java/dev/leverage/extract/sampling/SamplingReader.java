package dev.leverage.extract.sampling;

import dev.leverage.extract.Prefilter;
import dev.leverage.extract.Citation;
import dev.leverage.extract.custody.CustodyText;
import dev.leverage.extract.custody.ItemKey;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sampling claims of a document, one per item: how many units were received and how many analysed (in
 * words, digits or both, "five of the fifty-four", "n = 29"), the individual net weights when listed (inline or in
 * a table), the combined weight of the analysed units, the total reported for all units with its kind (net, gross)
 * and basis (measured, estimated, extrapolated, approximate), the stated uncertainty and confidence, the substance,
 * how the units were chosen, whether they were combined before testing, and whether identity rests on a field test.
 * <p>
 * A sentence is read when the trained sampling categorizer (if given) calls it a sampling statement or when the
 * exact patterns below find a count or a weight in it; the numbers are always read by the patterns.
 */
public final class SamplingReader {
    private static final String WORD = "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
    /** A number in words ("fifty-four", "one hundred twenty-eight", "two thousand") or digits ("1,200"), optionally with the digits after it: "fifty-four (54)". */
    private static final String NUMBER = "(?:(?:" + WORD + "(?:[- ]" + WORD + ")?(?:\\s+(?:hundred|thousand)(?:\\s+(?:and\\s+)?" + WORD + "(?:[- ]" + WORD + ")?)?)?)(?:\\s*\\(\\s*\\d[\\d,]*\\s*\\))?|\\d{1,3}(?:,\\d{3})+|\\d{1,6})";
    private static final String UNITS = "(?:baggies|baggie|bags?|corners?|twists?|knots?|flaps?|decks?|points?|bgs|packets?|pkts?|units?|tablets?|tabs?|pills?|capsules?|caps|vials?|bindles?|rocks?|envelopes?|packages?|pkgs?|bricks?|blotters?|squares?|containers?|balloons?|wraps?|folds?|bundles?|cartridges?|jars?|bottles?|dosage\\s+units|doses|pieces|cookies|gummies|sheets|strips|syringes|cubes|bars|kilos?|specimens?|samples?|exhibits?|sub-?items?|items?)";
    private static final String MODIFIERS = "(?:(?:small|large|medium|clear|white|blue|green|pink|yellow|orange|brown|tan|black|red|round|oval|plastic|knotted|zip(?:-?lock|per)?|ziploc|heat-?sealed|sealed|individually|wrapped|glassine|wax|paper|corner|cut|twisted|apparent|suspected|similar|identical|additional|separate|of\\s+the|other|remaining|such|total|[a-z]+-(?:like|shaped|colou?red|sized|sealed))[\\s,]+){0,4}";
    private static final Pattern COUNT = Pattern.compile("(?i)\\b(" + NUMBER + ")\\s+" + MODIFIERS + UNITS + "\\b");
    private static final Pattern OF_THE = Pattern.compile("(?i)\\b(" + NUMBER + ")\\s+(?:\\(\\d+\\)\\s+)?(?:" + UNITS + "\\s+)?(?:out\\s+)?of\\s+(?:the\\s+|these\\s+|all\\s+)?(?:total\\s+of\\s+)?(" + NUMBER + ")\\b(?!\\s*(?:pages?|%|percent))");
    private static final Pattern N_EQUALS = Pattern.compile("(?i)\\(?\\bn\\s*=\\s*(\\d{1,6})\\)?");
    private static final Pattern SAMPLE_OF = Pattern.compile("(?i)\\bsample\\s+(?:size\\s+)?of\\s+(" + NUMBER + ")\\b|\\bsample\\s+size\\s*(?:was|of|:|=)?\\s*(" + NUMBER + ")\\b");
    private static final Pattern TESTED_VERB = Pattern.compile("(?i)\\b(test(?:ed|ing)?\\s+(?:on|of)|field[- ]tested|ran|run|picked|pulled|analy[sz]ed|analy[sz]ing|tested|sampled|examined|selected|chosen|subjected\\s+to|submitted\\s+to\\s+(?:gc|ftir)|run\\s+on|confirmatory|were\\s+analy[sz]ed|for\\s+analysis)\\b");
    private static final Pattern WEIGHT = Pattern.compile("(?i)(\\d{1,6}(?:,\\d{3})*(?:\\.\\d+)?|\\.\\d+)\\s?(g|gm|gms|grams?|kg|kgs|kilograms?|mg|milligrams?|lbs?|pounds?|oz|ounces?)\\b");
    private static final Pattern UNCERTAINTY = Pattern.compile("(?i)(?:\\+/-|\\+/−|±|\\+-|plus\\s+or\\s+minus|uncertainty(?:\\s+of)?(?:\\s+is)?:?)\\s*(\\d*\\.?\\d+)\\s*(g|gm|grams?|mg|milligrams?|kg)\\b");
    private static final Pattern CONFIDENCE = Pattern.compile("(?i)\\b(\\d{2}(?:\\.\\d{1,2})?)\\s*%\\s*(?:level\\s+of\\s+)?(?:confidence|coverage|level|probability|ci\\b)|(?:confidence|coverage)(?:\\s+(?:level|interval|probability))?\\s*(?:of|:|=)?\\s*(?:approximately\\s+)?(\\d{2}(?:\\.\\d{1,2})?)\\s*%|\\bk\\s*=\\s*(2|3)\\b");
    private static final Pattern PER_UNIT = Pattern.compile("(?i)\\b(each|individual(?:ly)?|respectively|per\\s+(?:unit|bag|packet|tablet)|unit\\s+weights?|weights?\\s+of\\s+the\\s+(?:individual|analy[sz]ed)|ranged?)\\b");
    private static final Pattern COMBINED = Pattern.compile("(?i)\\b(combined|together|aggregate\\s+of\\s+the\\s+(?:analy[sz]ed|tested|sampled)|total\\s+of\\s+(?:the\\s+)?sample|(?:analy[sz]ed|tested|sampled|selected)\\s+" + UNITS + "|sample\\s+weight|of\\s+the\\s+(?:[\\w()-]+\\s+){0,3}" + UNITS + "\\s+(?:analy[sz]ed|tested|sampled|selected|examined))\\b");
    private static final Pattern TOTAL = Pattern.compile("(?i)\\b(total|estimated|estimate|extrapolat\\w*|aggregate|approximate(?:ly)?|approx\\.?|calculated|all\\s+(?:\\d+|" + WORD + ")|entire|whole)\\b");
    private static final Pattern NOT_A_WEIGHT = Pattern.compile("(?i)\\b(consumed|used\\s+in\\s+analysis|remaining|returned|reserve|balance\\s+(?:check|verification)|calibrat\\w*|reference\\s+(?:weight|mass)|check\\s+weight|limit\\s+of|threshold|statute|minimum|per\\s+kg)\\b");
    private static final Pattern FIELD_TEST = Pattern.compile("(?i)\\b(field[- ]?test\\w*|nik\\b|narcotics?\\s+identification\\s+kit|colou?r(?:imetric)?\\s+(?:reagent|test)|marquis|scott(?:'s)?\\s+(?:reagent|test)|duquenois|simon'?s\\s+(?:reagent|test)|presumptive(?:ly)?\\s+(?:test|positive)|presumptive)\\b");
    private static final Pattern INSTRUMENT = Pattern.compile("(?i)\\b(gc[-/ ]?ms|gc[-/ ]?fid|ftir|ft-ir|lc[-/ ]?ms|mass\\s+spectr\\w*|infrared\\s+spectr\\w*|gas\\s+chromatograph\\w*|confirmatory\\s+(?:test|analysis))\\b");
    private static final Pattern IDENTIFIED_AS = Pattern.compile("(?i)\\b(confirmed|identified|was\\s+found\\s+to\\s+contain|contains?|containing)\\b");
    private static final Pattern NO_CONFIRMATION = Pattern.compile("(?i)\\b(no\\s+(?:laboratory|lab|confirmatory)\\s+(?:analysis|testing|confirmation)|not\\s+(?:been\\s+)?(?:submitted|sent)\\s+(?:to|for)\\s+(?:the\\s+)?(?:lab|laboratory|analysis)|was\\s+not\\s+confirmed|without\\s+(?:laboratory\\s+)?confirmation|pending\\s+laboratory)\\b");
    private static final Pattern COMMINGLED = Pattern.compile("(?i)\\b(composit(?:ed|e\\s+sample)|commingl\\w*|homogeni[sz]ed|pooled|combined\\s+(?:into|and\\s+homogeni|together|before|prior|for\\s+analysis)|(?:contents|powders?|material)\\s+(?:of\\s+(?:the\\s+)?(?:[\\w()-]+\\s+){0,3})?(?:were|was)\\s+(?:combined|mixed|emptied\\s+(?:together|into))|(?:emptied|poured|dumped|consolidated|combined)\\s+(?:the\\s+)?contents\\s+of\\s+(?:the\\s+|all\\s+)?(?:[\\w()-]+\\s+){0,3}into\\s+(?:one|a\\s+single|a)\\b)\\b");
    private static final Pattern ITEM = Pattern.compile("(?i)\\b(?:lab(?:oratory)?\\s+)?(?:item|exhibit|exh\\.?|evidence\\s+item|submission\\s+item)\\s*(?:no\\.?|number|#)?\\s*:?\\s*(\\d{1,3}[A-Z]?(?:\\.\\d{1,2})?)\\b");
    /** A form's label line with the item number at its end ("Exhibit No. / N° de pièce :  2"). */
    private static final Pattern ITEM_LABEL = Pattern.compile("(?i)\\s*(?:lab\\s+)?(?:item|exhibit|exh\\.)\\s*(?:no\\.?|number|#)[^:\\n]{0,40}:\\s*(\\d{1,3}[A-Z]?)\\s*");
    private static final Pattern ITEM_HEADING = Pattern.compile("(?i)^\\s*(?:lab(?:oratory)?\\s+)?(?:item|exhibit|exh\\.?)\\s*(?:no\\.?|#)?\\s*:?\\s*(\\d{1,3}[A-Z]?)(?:\\.\\d{1,2})?\\b");
    private static final Pattern UNIT_WEIGHT_ROW = Pattern.compile("(?im)^\\s*\\|?\\s*(?:(?:item|unit|bag|packet|tablet|sample|#|no\\.?)\\s*)?(\\d{1,3}(?:[.-]\\d{1,3})?[A-Za-z]?)\\s*[|:\\t ]\\s*(?:[^\\n]*?[|\\s])?(\\d{0,4}\\.\\d{1,4})\\s*(g|grams?|mg)?\\s*\\|?[^\\d\\n]{0,40}$");

    private final Thresholds thresholds;
    private final Predicate<String> samplingStatement;

    public SamplingReader(Thresholds thresholds) {
        this(thresholds, null);
    }

    /**
     * @param samplingStatement the trained categorizer's verdict on a sentence (true: a sampling statement), or
     *                          null to read every sentence with a count or a weight
     */
    public SamplingReader(Thresholds thresholds, Predicate<String> samplingStatement) {
        this.thresholds = thresholds;
        this.samplingStatement = samplingStatement;
    }

    /** A sentence on a page: the reader's unit of evidence. */
    public record Located(Page page, String text) {
    }

    /** Facts gathered for one item as the document's sentences are read. */
    private static final class Facts {
        Integer total, tested, negatives;
        List<Double> unitWeights = new ArrayList<>();
        Double testedWeight, reported, uncertainty, confidence;
        String kind, basis, selection, substance;
        boolean field, confirmed, noConfirmation, commingled, inPackaging, limited;
        Set<Citation> cites = new LinkedHashSet<>();

        boolean any() {
            return total != null || tested != null || reported != null || testedWeight != null || !unitWeights.isEmpty() || field;
        }
    }

    /** The sampling claims of a document, one per item that the document makes a claim about. */
    public List<SamplingClaim> readAll(Document d, List<Located> sentences) {
        Map<String, Facts> byItem = new LinkedHashMap<>();
        String current = null;
        Facts document = new Facts(); // statements made before any item is named, or of the whole report
        boolean anyConfirmed = false, anyField = false;
        for (Located s : sentences) {
            String t = ocrWords(CustodyText.ocrDigits(Prefilter.replaceAll(s.text().replace('\n', ' '), "\\s+", " ").strip()));
            // An item heading or an item named in the sentence moves the reader to that item.
            Matcher heading = ITEM_HEADING.matcher(t);
            Matcher label = ITEM_LABEL.matcher(t);
            if (label.matches()) {
                current = ItemKey.of(label.group(1)).stream().findFirst().orElse(current);
                continue;
            }
            List<String> named = new ArrayList<>();
            // An item named in passing "(see Property Report item 2)" is a reference, not the item being described.
            Matcher im = ITEM.matcher(Prefilter.replaceAll(t, "\\([^)]*\\)", " "));
            while (im.find()) for (String k : ItemKey.of(im.group(1))) if (!named.contains(k)) named.add(k);
            if (heading.find()) current = ItemKey.of(heading.group(1)).stream().findFirst().orElse(current);
            else if (named.size() == 1) current = named.get(0);
            // "booked them as Item #3": what the narrative said before about the units is about that item.
            if (named.size() == 1 && Prefilter.matches(t, "(?is).*\\b(as|marked|labell?ed|designated|logged|booked|tagged)\\s+(?:it\\s+|them\\s+)?(?:as\\s+)?(?:item|exhibit|exh\\.)\\s*(?:no\\.?|#)?\\s*\\d.*")
                    && document.any()) {
                merge(byItem.computeIfAbsent(named.get(0), k -> new Facts()), document, true);
                document = new Facts();
            }
            Facts f = current == null ? document : byItem.computeIfAbsent(current, k -> new Facts());
            if (confirmed(t)) anyConfirmed = true;
            if (Prefilter.find(FIELD_TEST, t)) anyField = true;
            read(d, s.page(), t, f);
        }
        // Individual weights in table rows ("1.1 | 0.412 g"), by the item the row's label names.
        for (Page p : d.pages()) readWeightRows(d, p, byItem, document);
        if (byItem.isEmpty() && document.any()) byItem.put("1", document);
        else if (!byItem.isEmpty() && document.any()) merge(byItem.values().iterator().next(), document, byItem.size() == 1);
        List<SamplingClaim> out = new ArrayList<>();
        for (var e : byItem.entrySet()) {
            Facts f = e.getValue();
            if (!f.any()) continue;
            if (f.tested != null && f.unitWeights.size() > f.tested) f.unitWeights = new ArrayList<>(f.unitWeights.subList(0, f.tested));
            if (f.testedWeight == null && f.tested != null && f.unitWeights.size() == f.tested && f.tested > 1) {
                f.testedWeight = Math.round(f.unitWeights.stream().mapToDouble(Double::doubleValue).sum() * 1000) / 1000.0;
            }
            // A composite: the combined weight is the only weight of the item, the reported one.
            if (f.commingled && f.tested == null && f.reported == null && f.testedWeight != null) {
                f.reported = f.testedWeight;
                f.testedWeight = null;
                if (f.kind == null) f.kind = "net";
                f.basis = "measured";
            }
            // A single unit, or every unit analysed: what was tested is the whole, and its weight is the reported one.
            if (f.total != null && f.total == 1 && f.tested == null && (f.reported != null || f.substance != null)) f.tested = 1;
            if (f.total != null && f.total.equals(f.tested) && f.testedWeight == null && f.reported != null && "net".equals(f.kind)
                    && (f.basis == null || f.basis.equals("measured"))) f.testedWeight = f.reported;
            boolean fieldOnly = (f.field || anyField && f.substance != null) && !f.confirmed && !anyConfirmed || f.field && f.noConfirmation;
            if (f.basis == null && f.reported != null) f.basis = "measured";
            out.add(new SamplingClaim(e.getKey(), f.substance, f.total, f.tested, f.negatives, f.unitWeights, f.testedWeight,
                    f.reported, f.kind, f.basis, f.selection, fieldOnly, f.commingled, f.uncertainty, f.confidence, f.inPackaging,
                    f.limited && f.reported == null, List.copyOf(f.cites)));
        }
        return out;
    }

    /** What the facts before any item apply to: the only item, or fill gaps of the first. */
    private static void merge(Facts into, Facts from, boolean only) {
        if (!only) {
            if (into.selection == null) into.selection = from.selection;
            if (from.commingled) into.commingled = true;
            into.confirmed |= from.confirmed;
            return;
        }
        if (into.total == null) into.total = from.total;
        if (into.tested == null) into.tested = from.tested;
        if (into.unitWeights.isEmpty()) into.unitWeights.addAll(from.unitWeights);
        if (into.testedWeight == null) into.testedWeight = from.testedWeight;
        if (into.reported == null) {
            into.reported = from.reported;
            into.kind = from.kind;
            into.basis = from.basis;
        }
        if (into.uncertainty == null) into.uncertainty = from.uncertainty;
        if (into.confidence == null) into.confidence = from.confidence;
        if (into.selection == null) into.selection = from.selection;
        if (into.substance == null) into.substance = from.substance;
        into.field |= from.field;
        into.confirmed |= from.confirmed;
        into.noConfirmation |= from.noConfirmation;
        into.commingled |= from.commingled;
        into.inPackaging |= from.inPackaging;
        into.limited |= from.limited;
        into.cites.addAll(from.cites);
    }

    private void read(Document d, Page page, String t, Facts f) {
        String lower = t.toLowerCase(Locale.ROOT);
        boolean counted = false, weighed = false;
        // The sampling categorizer is asked only when a weight is on the line (its one use below): most lines have none.
        java.util.function.BooleanSupplier relevant = () -> samplingStatement != null && samplingStatement.test(t);
        // Counts: "five (5) of the fifty-four (54) bags", "n = 29", "a sample of 4 units", "28 packets were analyzed".
        Matcher of = OF_THE.matcher(t);
        while (of.find()) {
            Integer a = number(of.group(1)), b = number(of.group(2));
            String around = t.substring(Math.max(0, of.start() - 40), Math.min(t.length(), of.end() + 60));
            if (a == null || b == null || a > b || b < 2) continue;
            if (Prefilter.matches(t.substring(Math.max(0, of.start() - 8), of.start()).toLowerCase(Locale.ROOT), ".*\\b(page|pg\\.?|p\\.)\\s*$")) continue;
            // "four bundles of ten" packs the units; "5 of the 54 bags were analyzed" samples them.
            if (!Prefilter.find(TESTED_VERB, around) && !Prefilter.find(IDENTIFIED, t)) continue;
            if (f.tested == null) f.tested = a;
            if (f.total == null || b > f.total) f.total = b;
            counted = true;
        }
        // "I picked out five of them", "I only ran 3 of the 24": the analyst's own words for the sample.
        Matcher took = TOOK.matcher(t);
        if (took.find() && f.tested == null) {
            f.tested = number(took.group(1));
            counted = f.tested != null;
        }
        Matcher nOf = N_OF.matcher(t);
        if (nOf.find()) {
            Integer a = Integer.valueOf(nOf.group(1)), b = number(nOf.group(2));
            if (b != null && a < b) {
                if (f.tested == null) f.tested = a;
                if (f.total == null || b > f.total) f.total = b;
                counted = true;
            }
        }
        if (f.tested == null) {
            Matcher n = N_EQUALS.matcher(t);
            Matcher so = SAMPLE_OF.matcher(t);
            if (n.find() && (lower.contains("sampl") || Prefilter.find(TESTED_VERB, t))) {
                f.tested = Integer.valueOf(n.group(1));
                counted = true;
            } else if (so.find()) {
                f.tested = number(so.group(1) != null ? so.group(1) : so.group(2));
                counted = f.tested != null;
            }
        }
        Matcher c = COUNT.matcher(t);
        while (c.find()) {
            Integer n = number(c.group(1));
            if (n == null || n == 0) continue;
            String before = t.substring(Math.max(0, c.start() - 60), c.start());
            String after = t.substring(c.end(), Math.min(t.length(), c.end() + 70));
            // "Item 1 consisted of" names the item, not one unit; "each of the 4 bags" is a count of the tested.
            if (Prefilter.matches(before, "(?is).*\\b(item|exhibit|exh\\.?|no\\.?|#|lab)\\s*$")) continue;
            boolean testedHere = Prefilter.find(TESTED_VERB, after.length() > 45 ? after.substring(0, 45) : after)
                    && !Prefilter.matches(after, "(?is)^\\W*(?:and|,)?\\s*(?:were\\s+)?(?:received|submitted).*")
                    || Prefilter.matches(before, "(?is).*\\b(analy[sz]ed|tested|sampled|examined|selected|analysis\\s+of|sample\\s+of|sampling\\s+of|representative|random(?:ly)?\\s+selected|chose|weighed\\s+individually|each\\s+of\\s+the)\\s*(?:the\\s+)?$");
            // A count of units that were not the ones analysed is what the item holds.
            boolean receivedHere = true;
            if (testedHere && (f.tested == null || counted && n < f.tested)) {
                if (f.tested == null) f.tested = n;
                counted = true;
            } else if (!testedHere && receivedHere && (f.total == null || n > f.total)) {
                if (f.tested == null || n >= f.tested) f.total = n;
                counted = true;
            }
        }
        // Weights in the sentence, by what the words around each say it is.
        if (!Prefilter.find(NOT_A_WEIGHT, t) || WEIGHT.matcher(t).results().count() > 1) {
            List<double[]> weights = new ArrayList<>(); // grams, start
            Matcher w = WEIGHT.matcher(t);
            while (w.find()) {
                String pre = t.substring(Math.max(0, w.start() - 14), w.start());
                if (Prefilter.matches(pre, "(?is).*(\\+/-|±|\\+-|or\\s+minus|uncertainty(?:\\s+of|\\s+is)?:?)\\s*$")) continue; // the uncertainty
                String ctx = t.substring(Math.max(0, w.start() - 25), w.start()).toLowerCase(Locale.ROOT);
                if (Prefilter.matches(ctx, ".*(consumed|remaining|remain|returned|reserve)\\W*$")) continue;
                weights.add(new double[]{dev.leverage.extract.Weights.grams(Double.parseDouble(w.group(1).replace(",", "")), w.group(2)), w.start()});
            }
            if (!weights.isEmpty() && (Prefilter.find(WEIGHT_WORD, lower) || relevant.getAsBoolean())) {
                boolean perUnit = Prefilter.find(PER_UNIT, t) && weights.size() >= 2 || weights.size() >= 3 && !Prefilter.find(TOTAL, t);
                if (perUnit) {
                    for (double[] x : weights) f.unitWeights.add(round3(x[0]));
                    weighed = true;
                } else {
                    for (double[] x : weights) {
                        String pre = t.substring(0, (int) x[1]);
                        String near = pre.length() > 70 ? pre.substring(pre.length() - 70) : pre;
                        String clause = clauseAround(t, (int) x[1]);
                        Matcher ofTested = OF_THE_TESTED.matcher(near);
                        boolean namesTested = ofTested.find() && f.tested != null && f.tested.equals(number(ofTested.group(1))) && !Prefilter.find(TOTAL, near);
                        if (namesTested || Prefilter.find(COMBINED, near) || Prefilter.find(COMBINED, clause) && !Prefilter.find(TOTAL, near)) {
                            if (f.testedWeight == null) f.testedWeight = round3(x[0]);
                            weighed = true;
                        } else if (f.reported == null || Prefilter.find(TOTAL, near)) {
                            if (f.reported != null && !Prefilter.find(TOTAL, near)) continue;
                            if (Prefilter.matches(lower, "(?s).*\\b(weigh\\w*|weight|wt\\.?|net|gross|mass|total)\\b.*")) {
                                f.reported = round3(x[0]);
                                String k = clause.toLowerCase(Locale.ROOT);
                                f.kind = Prefilter.matches(k, "(?s).*\\b(gross|with\\s+packaging|including\\s+(?:the\\s+)?(?:packaging|baggies|bags|bag|wrappers?|containers?|envelopes?|bottles?)|in\\s+packaging|packaged\\s+weight)\\b.*") ? "gross"
                                        : Prefilter.matches(k, "(?s).*\\bnet\\b.*") ? "net" : Prefilter.matches(lower, "(?s).*\\bgross\\b.*") ? "gross" : Prefilter.matches(lower, "(?s).*\\bnet\\b.*") ? "net" : null;
                                f.basis = Prefilter.matches(k, "(?s).*\\bextrapolat\\w*.*") ? "extrapolated" : Prefilter.matches(k, "(?s).*\\bestimat\\w*.*") ? "estimated"
                                        : Prefilter.matches(k, "(?s).*\\bcalculated\\b.*") ? "extrapolated" : Prefilter.matches(k, "(?s).*\\b(approx\\w*|about|roughly)\\b.*") ? "approximate" : null;
                                weighed = true;
                            }
                        }
                    }
                }
            }
        }
        Matcher u = UNCERTAINTY.matcher(t);
        if (u.find() && f.uncertainty == null) {
            f.uncertainty = round3(dev.leverage.extract.Weights.grams(Double.parseDouble(u.group(1)), u.group(2)));
            weighed = true;
        }
        Matcher conf = CONFIDENCE.matcher(t);
        if (conf.find() && f.confidence == null && (weighed || counted || lower.contains("uncertain") || lower.contains("sampl") || lower.contains("confiden"))) {
            String pct = conf.group(1) != null ? conf.group(1) : conf.group(2);
            // A coverage factor alone ("k=2") states no confidence level; only a written percentage does.
            if (pct != null) f.confidence = Double.parseDouble(pct) / 100;
        }
        // How units were chosen, and whether they were combined first.
        if (Prefilter.matches(lower, "(?s).*\\bhypergeometric\\b.*")) f.selection = "hypergeometric";
        else if (Prefilter.matches(lower, "(?s).*\\b(random(?:ly)?|at\\s+random)\\b.*") && !Prefilter.matches(lower, "(?s).*\\b(not|non)[- ]random.*")) {
            if (!"hypergeometric".equals(f.selection)) f.selection = "random";
        } else if (f.selection == null && Prefilter.matches(lower, "(?s).*\\brepresentative\\b.*") && (counted || lower.contains("sample"))) f.selection = "representative";
        else if (f.selection == null && Prefilter.matches(lower, "(?s).*\\b(selected|chosen|arbitrar\\w*|picked)\\b.*") && (counted || Prefilter.matches(lower, "(?s).*\\b(units?|bags?|packets?|tablets?|samples?)\\b.*"))) f.selection = "selected";
        if (Prefilter.find(IN_PACKAGING, t)) f.inPackaging = true;
        // "Purity: 62% ..., determined on lab item 1.3": one unit's purity stands for all of them.
        if (Prefilter.find(PURITY_ONE, t) && f.tested == null) {
            f.tested = 1;
            counted = true;
        }
        if (Prefilter.find(LIMITED, t)) f.limited = true;
        if (Prefilter.find(COMMINGLED, t) && !Prefilter.matches(lower, "(?s).*\\b(not|never|were\\s+not|was\\s+not)\\s+(combined|composited|commingled|pooled).*")) f.commingled = true;
        // Identity.
        if (Prefilter.find(FIELD_TEST, t)) f.field = true;
        if (confirmed(t)) f.confirmed = true;
        if (Prefilter.find(NO_CONFIRMATION, t)) f.noConfirmation = true;
        String found = substance(lower);
        if (found != null && (f.substance == null || found.startsWith(f.substance) && found.length() > f.substance.length()
                || Prefilter.matches(lower, "(?s).*\\b(identified|detected|confirmed|contain\\w*|positive)\\b.*") && found.length() >= f.substance.length() && !f.substance.startsWith(found))) {
            f.substance = found;
        }
        if (counted || weighed || f.field && Prefilter.find(FIELD_TEST, t) || Prefilter.find(COMMINGLED, t)) f.cites.add(Citation.of(d, page, t));
    }

    private static final Pattern BARE_LABEL = Pattern.compile("(?i)\\s*(?:(?:unit|bag|packet|tablet|sample|#|no\\.?)\\s*)?\\d{1,3}\\.\\d{1,3}[A-Za-z]?\\s*");
    private static final Pattern BARE_WEIGHT = Pattern.compile("(?i)\\s*(\\d{0,4}\\.\\d{1,4})\\s*(g|grams?|mg)?\\s*");
    private static final Pattern TOOK = Pattern.compile("(?i)\\b(?:picked|selected|chose|took|pulled|ran|tested|analy[sz]ed|sampled|opened)\\s+(?:out\\s+|only\\s+)?(" + NUMBER + ")\\s+of\\s+(?:them|these|those|the\\s+(?:bags|baggies|packets|envelopes|units|tablets))\\b");
    /** "The net weight of the five was 3.85 grams": the tested units named by their number alone. */
    private static final Pattern OF_THE_TESTED = Pattern.compile("(?i)\\bof\\s+(?:the|these|those)\\s+(" + NUMBER + ")\\s+(?:" + UNITS + "\\s+)?(?:was|were|is|analy[sz]ed|tested|sampled|selected|:|-)");
    private static final Pattern N_OF = Pattern.compile("(?i)\\(?\\bn\\s*=\\s*(\\d{1,6})\\)?\\s+(?:of|from)\\s+(?:the\\s+|all\\s+)?(" + NUMBER + ")\\b");
    private static final Pattern IDENTIFIED = Pattern.compile("(?i)\\b(identified|confirmed|positive|detected|found\\s+to\\s+contain)\\b");
    /** Words OCR writes with "rn" for "m" or "0" for "o", mapped back; only these, since "rn" is real in "return". */
    private static final Map<String, String> OCR_WORDS = new java.util.HashMap<>();

    static {
        for (String w : List.of("item", "items", "grams", "gram", "small", "approximately", "examination", "remaining", "number", "sample",
                "sampled", "samples", "methamphetamine", "milligrams", "random", "randomly", "combined", "submitted", "comprised", "mixture",
                "amount", "homogenized", "determined", "from", "some", "them", "measured", "measurement", "estimated", "confirmed", "formed",
                "uniform", "dimensions", "chemist", "examined", "remainder", "marijuana", "marihuana", "mdma", "plasma", "total", "one", "two",
                "four", "of", "for", "analyzed", "analysed", "chosen", "selected", "contained", "containing", "consisted", "bags", "baggies",
                "six", "sixty", "five", "fifty", "nine", "ninety", "exhibit", "representative", "individually", "identified", "units",
                "tablets", "weight", "received", "heroin", "fentanyl", "cocaine", "sub", "analysis", "estimated", "extrapolated")) {
            // every mix of m/rn and o/0 a scan may produce, for words with few of them
            List<String> variants = new ArrayList<>(List.of(""));
            for (char ch : w.toCharArray()) {
                List<String> next = new ArrayList<>();
                for (String v : variants) {
                    next.add(v + ch);
                    if (ch == 'm') {
                        next.add(v + "rn");
                        next.add(v + 'n');
                    }
                    if (ch == 'o') next.add(v + '0');
                    if (ch == 'i') next.add(v + 'l');
                    if (ch == 'l') next.add(v + '1');
                }
                variants = next.size() > 64 ? next.subList(0, 64) : next;
            }
            for (String v : variants) if (!v.equals(w)) OCR_WORDS.put(v, w);
        }
    }

    /** A sentence with OCR's misread letters put back in the words a lab report counts and weighs with. */
    static String ocrWords(String t) {
        Matcher m = Pattern.compile("[A-Za-z0-9]+").matcher(t);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String w = m.group();
            String fixed = OCR_WORDS.get(w.toLowerCase(Locale.ROOT));
            if (fixed != null && !w.equalsIgnoreCase(fixed)) {
                fixed = Character.isUpperCase(w.charAt(0)) ? Character.toUpperCase(fixed.charAt(0)) + fixed.substring(1) : fixed;
                if (w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT)) && Character.isLetter(w.charAt(1))) fixed = fixed.toUpperCase(Locale.ROOT);
            } else {
                fixed = w;
            }
            m.appendReplacement(b, Matcher.quoteReplacement(fixed));
        }
        m.appendTail(b);
        // a lone "l" or "I" where a count or an item number stands: "One (l)", "Item l:"
        return Prefilter.replaceAll(Prefilter.replaceAll(b.toString(), "\\(\\s*[lI|]\\s*\\)", "(1)"), "(?i)\\b(item|exhibit|exh\\.)\\s+[lI](?=\\s*[:.,)]|\\s)", "$1 1");
    }

    /** A laboratory identification: an instrument named, or a substance "identified" (not "the driver was identified as"). */
    private boolean confirmed(String t) {
        if (Prefilter.find(INSTRUMENT, t)) return true;
        return !Prefilter.find(FIELD_TEST, t) && Prefilter.find(IDENTIFIED_AS, t) && substance(t.toLowerCase(Locale.ROOT)) != null;
    }

    private static final Pattern PURITY_ONE = Pattern.compile("(?i)\\bpurity\\b[^.;]{0,120}?\\b(?:determined|measured|quantitat\\w*|performed|obtained)\\s+(?:on|from|using)\\s+(?:(?:lab\\s+)?(?:item|unit|sample|bag|tablet|packet)\\s+\\d+(?:\\.\\d+)?|one\\s+(?:unit|bag|tablet|packet|sample))\\b");
    /** "weighed together, in their original knotted plastic bags": a weight with its packaging. */
    private static final Pattern IN_PACKAGING = Pattern.compile("(?i)\\bweigh\\w*\\b[^.;]{0,60}\\b(?:in|inside|within|with)\\s+(?:their|the|its)\\s+(?:original\\s+)?(?:[\\w-]+\\s+){0,3}(?:packaging|bags?|baggies|wrappers?|containers?|envelopes?|bottles?)\\b");
    /** "No conclusion is expressed as to the remaining units": the report claims nothing for the units it did not test. */
    private static final Pattern LIMITED = Pattern.compile("(?i)\\b(no\\s+conclusions?\\s+(?:is|are|was|were)?\\s*(?:expressed|drawn|made|reached|offered)|(?:results?|conclusions?|findings?)\\s+(?:apply|applies|pertain|pertains|relate|relates|are\\s+limited|is\\s+limited)\\s+only\\s+to)\\b");

    /** The part of a sentence around a position, cut at semicolons. */
    private static String clauseAround(String t, int at) {
        int a = t.lastIndexOf(';', at);
        int b = t.indexOf(';', at);
        return t.substring(a < 0 ? 0 : a + 1, b < 0 ? t.length() : b);
    }

    /** Rows of a weight table: a unit label and a net weight ("1.1 | 0.412", "Bag 3   0.44 g"). */
    private void readWeightRows(Document d, Page p, Map<String, Facts> byItem, Facts document) {
        String[] lines = p.text().split("\n");
        boolean weightTable = false;
        List<String> quoted = new ArrayList<>();
        Map<String, List<Double>> rows = new LinkedHashMap<>();
        String pendingLabel = null;
        int pendingAt = 0;
        String tableUnit = "g";
        for (String line : lines) {
            String l = CustodyText.ocrDigits(line);
            if (Prefilter.matches(l.toLowerCase(Locale.ROOT), ".*\\b(net\\s+(wt|weight)|weight\\s*\\((g|mg)\\)|wt\\.?\\s*\\((g|mg)\\)|net\\s*\\((g|mg)\\)|mass\\s*\\((g|mg)\\)|grams|milligrams)\\b.*")
                    && !Prefilter.matches(l, ".*\\d\\.\\d.*")) {
                weightTable = true;
                // the header's unit is the unit of the rows that write none ("Net wt (mg)")
                tableUnit = Prefilter.matches(l.toLowerCase(Locale.ROOT), ".*(\\(mg\\)|\\bmg\\b|milligram).*") ? "mg" : "g";
                continue;
            }
            // A table whose cells come out one per line (a PDF table): a bare unit label, then its weight a few lines on.
            if (Prefilter.matches(BARE_LABEL, l)) {
                pendingLabel = Prefilter.replaceFirst(l.strip(), "(?i)^(unit|bag|packet|tablet|sample|#|no\\.?)\\s*", "");
                pendingAt = 0;
                continue;
            }
            if (pendingLabel != null && ++pendingAt <= 6) {
                Matcher bare = BARE_WEIGHT.matcher(l);
                if (bare.matches()) {
                    String label = pendingLabel;
                    String item = label.contains(".") ? label.substring(0, label.indexOf('.')) : null;
                    rows.computeIfAbsent(item == null ? "" : item, k -> new ArrayList<>())
                            .add(round3(dev.leverage.extract.Weights.grams(Double.parseDouble(bare.group(1)), bare.group(2) == null ? tableUnit : bare.group(2))));
                    quoted.add(label + " " + l.strip());
                    pendingLabel = null;
                    continue;
                }
            }
            Matcher m = UNIT_WEIGHT_ROW.matcher(l);
            if (!m.matches() || !weightTable && m.group(3) == null) {
                if (l.isBlank() || Prefilter.matches(l, "\\s*[-=|+ ]+\\s*")) continue;
                if (!rows.isEmpty() && !m.matches()) weightTable = false;
                continue;
            }
            if (Prefilter.matches(l.toLowerCase(Locale.ROOT), ".*\\b(total|mean|average|sum|combined|gross)\\b.*")) continue;
            String label = m.group(1);
            String item = label.contains(".") ? label.substring(0, label.indexOf('.')) : label.contains("-") ? label.substring(0, label.indexOf('-')) : null;
            double g = dev.leverage.extract.Weights.grams(Double.parseDouble(m.group(2)), m.group(3) == null ? tableUnit : m.group(3));
            rows.computeIfAbsent(item == null ? "" : item, k -> new ArrayList<>()).add(round3(g));
            quoted.add(line.strip());
        }
        for (var e : rows.entrySet()) {
            if (e.getValue().size() < 2) continue;
            Facts f = e.getKey().isEmpty() ? (byItem.size() == 1 ? byItem.values().iterator().next() : document)
                    : byItem.computeIfAbsent(e.getKey(), k -> new Facts());
            if (f.unitWeights.isEmpty()) {
                f.unitWeights.addAll(e.getValue());
                f.cites.add(Citation.of(d, p, String.join(" ", quoted)));
            }
        }
    }

    /** The substance a text names, by the thresholds tables' names and the names labs write. */
    String substance(String lower) {
        // "Fentanyl not detected", "negative for heroin": a substance ruled out is not the one identified.
        // This runs on every sentence of every page: each pattern is tried only where a word it needs is on the line.
        if (lower.contains("not") || lower.contains("negative")) lower = RULED_OUT_AFTER.matcher(lower).replaceAll(" ");
        if (lower.contains("no")) lower = RULED_OUT_BEFORE.matcher(lower).replaceAll(" ");
        for (Alias alias : ALIASES) if (alias.in(lower)) return alias.name();
        if (substancePatterns == null) {
            // compiled once per reader, not once per call
            substancePatterns = thresholds.substances().stream()
                    .map(n -> Map.entry(Pattern.compile("\\b" + Pattern.quote(n) + "\\b"), n)).toList();
        }
        for (Map.Entry<Pattern, String> name : substancePatterns) if (lower.contains(name.getValue()) && name.getKey().matcher(lower).find()) return name.getValue();
        return null;
    }

    private static final Pattern WEIGHT_WORD = Pattern.compile("\\b(weigh\\w*|weight|wt\\.?|net|gross|mass)\\b");
    private static final Pattern RULED_OUT_AFTER = Pattern.compile(
            "\\b[a-z-]+(?:\\s+[a-z-]+)?\\s+(?:was\\s+|were\\s+)?(?:not\\s+detected|not\\s+identified|negative)\\b");
    private static final Pattern RULED_OUT_BEFORE = Pattern.compile(
            "\\b(?:negative|no)\\s+(?:for\\s+)?[a-z-]+(?:\\s+[a-z-]+)?\\s+(?:was\\s+)?(?:detected|found|identified)?");
    private List<Map.Entry<Pattern, String>> substancePatterns;

    /**
     * Names a substance is written under, the name it is reported as, and words one of which every spelling the
     * pattern matches contains (the pattern is not tried on a line without one).
     */
    private record Alias(Pattern pattern, String name, List<String> needles) {
        Alias(String regex, String name, String... needles) {
            this(Pattern.compile("\\b(?:" + regex + ")\\b"), name, List.of(needles));
        }

        boolean in(String lower) {
            for (String n : needles) if (lower.contains(n)) return pattern.matcher(lower).find();
            return false;
        }
    }

    private static final List<Alias> ALIASES = List.of(
            new Alias("cocaine\\s+base|crack\\s+cocaine|cocaine\\s+\\(base\\)", "cocaine base", "cocaine"),
            new Alias("cocaine\\s+hydrochloride|cocaine\\s+hcl|cocaine\\s+salt", "cocaine hydrochloride", "cocaine"),
            new Alias("methamphetamine\\s+hydrochloride|methamphetamine\\s+hcl|d-methamphetamine", "methamphetamine", "methamphetamine"),
            new Alias("fentanyl\\s+hydrochloride|fentanyl\\s+citrate", "fentanyl", "fentanyl"),
            new Alias("3,4-methylenedioxymethamphetamine|mdma", "mdma", "methylenedioxymethamphetamine", "mdma"),
            new Alias("lysergic\\s+acid\\s+diethylamide|lsd", "lsd", "lysergic", "lsd"),
            new Alias("oxycodone(?:\\s+hydrochloride)?", "oxycodone", "oxycodone"),
            new Alias("alprazolam", "alprazolam", "alprazolam"),
            new Alias("psilocyb?in|psilocin", "psilocybin", "psilocy", "psiloci"),
            new Alias("diacetylmorphine|heroin", "heroin", "diacetylmorphine", "heroin"),
            new Alias("marihuana|marijuana|cannabis", "marijuana", "marihuana", "marijuana", "cannabis"),
            new Alias("phencyclidine|pcp", "pcp", "phencyclidine", "pcp"));

    /** A count written in words or digits, or both ("fifty-four (54)": the digits win). */
    static Integer number(String s) {
        return dev.leverage.extract.NumberWords.value(s);
    }

    /** A weight as written, without the binary noise of a unit conversion (0.0984 g from 98.4 mg). */
    private static double round3(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }

}
