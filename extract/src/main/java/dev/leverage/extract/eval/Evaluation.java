package dev.leverage.extract.eval;

import dev.leverage.extract.nlp.AnnotatedSentences;
import dev.leverage.extract.nlp.EnglishModels;
import dev.leverage.extract.nlp.EntityFinder;
import dev.leverage.extract.nlp.LabelledSentence;
import dev.leverage.extract.nlp.PageAnnotator;
import dev.leverage.extract.nlp.Sentence;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.timeline.EventClassifier;
import opennlp.tools.util.Span;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures the trained extractors on held-out sentences that were never used in training (ner-eval.txt,
 * events-eval.txt): precision, recall and F1 per entity type and per event label, exact span match for entities.
 * The same figures are printed by {@code leverage evaluate} and asserted (as floors) by the tests.
 */
public final class Evaluation {
    /** Counts for one label. */
    public static final class Counts {
        public int tp, fp, fn;

        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        void add(Counts o) {
            tp += o.tp;
            fp += o.fp;
            fn += o.fn;
        }
    }

    /** Scores per label plus the micro-averaged total. */
    public record Scores(String name, int examples, Map<String, Counts> byLabel, Counts micro) {
        public double macroF1() {
            return byLabel.values().stream().mapToDouble(Counts::f1).average().orElse(0);
        }

        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "%s (%d held-out sentences)%n", name, examples);
            out.printf(Locale.ROOT, "  %-18s %6s %6s %6s %5s %5s %5s%n", "label", "prec", "recall", "F1", "tp", "fp", "fn");
            byLabel.forEach((k, c) -> out.printf(Locale.ROOT, "  %-18s %6.3f %6.3f %6.3f %5d %5d %5d%n", k, c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn));
            out.printf(Locale.ROOT, "  %-18s %6.3f %6.3f %6.3f %5d %5d %5d%n", "micro", micro.precision(), micro.recall(), micro.f1(), micro.tp, micro.fp, micro.fn);
            out.printf(Locale.ROOT, "  %-18s %20.3f%n", "macro F1", macroF1());
        }
    }

    private final TrainedModels models;
    private final PageAnnotator annotator = new PageAnnotator(EnglishModels.get());

    public Evaluation(TrainedModels models) {
        this.models = models;
    }

    /**
     * Entity spans found in each held-out sentence against the annotation.
     *
     * @param modelOnly true scores the trained name finder alone; false the whole EntityFinder (model plus rules)
     */
    public Scores entities(boolean modelOnly) {
        List<AnnotatedSentences.Annotated> gold = AnnotatedSentences.read(TrainedModels.open(TrainedModels.NER_EVAL));
        EntityFinder finder = new EntityFinder(models);
        Map<String, Counts> by = new TreeMap<>();
        for (AnnotatedSentences.Annotated a : gold) {
            finder.clearAdaptiveData();
            Sentence s = annotator.sentence(a.text(), 0);
            Set<String> expected = new HashSet<>();
            for (Span sp : a.spans()) expected.add(sp.getType() + ":" + sp.getStart() + ":" + sp.getEnd());
            Set<String> found = new HashSet<>();
            for (EntityFinder.Entity e : finder.find(s)) {
                if (modelOnly && !e.origin().equals("model")) continue;
                found.add(e.type() + ":" + e.start() + ":" + e.end());
            }
            tally(by, expected, found);
        }
        return scores(modelOnly ? "Name finder (trained model alone)" : "Entity finder (trained model + rules)", gold.size(), by);
    }

    /** Event labels given to held-out sentences against the gold label ("other" is a label too). */
    public Scores events(EventClassifier.Mode mode) {
        List<LabelledSentence> gold = LabelledSentence.read(TrainedModels.open(TrainedModels.EVENTS_EVAL));
        EventClassifier classifier = new EventClassifier(models, mode);
        Map<String, Counts> by = new TreeMap<>();
        for (LabelledSentence s : gold) {
            tallyLabel(by, s.label(), classifier.classify(s.text()));
        }
        // "other" is not an event: its agreement is not a finding, so it stays out of the averages.
        by.remove(EventClassifier.OTHER);
        return scores("Event categorizer, " + mode.name().toLowerCase(Locale.ROOT), gold.size(), by);
    }

    /** The custody name finder on its held-out sentences (custody-ner-eval.txt), exact span match. */
    public Scores custodyEntities() {
        List<AnnotatedSentences.Annotated> gold = AnnotatedSentences.read(TrainedModels.open(TrainedModels.CUSTODY_NER_EVAL));
        dev.leverage.extract.nlp.CustodyNlp nlp = new dev.leverage.extract.nlp.CustodyNlp(models);
        Map<String, Counts> by = new TreeMap<>();
        for (AnnotatedSentences.Annotated a : gold) {
            Set<String> expected = new HashSet<>();
            for (Span sp : a.spans()) expected.add(sp.getType() + ":" + sp.getStart() + ":" + sp.getEnd());
            Set<String> found = new HashSet<>();
            for (dev.leverage.extract.nlp.CustodyNlp.Entity e : nlp.entities(a.text())) found.add(e.type() + ":" + e.start() + ":" + e.end());
            tally(by, expected, found);
        }
        return scores("Custody name finder (item, handler, location, seal)", gold.size(), by);
    }

    /** The custody sentence categorizer on its held-out sentences (custody-sentences-eval.txt); "none" is not scored as a label. */
    public Scores custodySentences() {
        return categorizer("Custody sentence categorizer", TrainedModels.CUSTODY_SENTENCES_EVAL, models.custodyCategorizer());
    }

    /** The sampling sentence categorizer on its held-out sentences (sampling-sentences-eval.txt, frames unseen in training). */
    public Scores samplingSentences() {
        return categorizer("Sampling sentence categorizer", TrainedModels.SAMPLING_SENTENCES_EVAL, models.samplingCategorizer());
    }

    private static Scores categorizer(String name, String evalSet, dev.leverage.extract.nlp.SentenceCategorizer model) {
        List<LabelledSentence> gold = LabelledSentence.read(TrainedModels.open(evalSet));
        Map<String, Counts> by = new TreeMap<>();
        for (LabelledSentence s : gold) tallyLabel(by, s.label(), model.categorize(s.text()).label());
        by.remove(dev.leverage.extract.nlp.SentenceCategorizer.NONE);
        return scores(name, gold.size(), by);
    }

    /** One sentence's label: right is a true positive of its label; wrong a miss of the gold label and a false one of the label given. */
    private static void tallyLabel(Map<String, Counts> by, String gold, String got) {
        Counts want = by.computeIfAbsent(gold, k -> new Counts());
        if (got.equals(gold)) {
            want.tp++;
        } else {
            want.fn++;
            by.computeIfAbsent(got, k -> new Counts()).fp++;
        }
    }

    private static void tally(Map<String, Counts> by, Set<String> expected, Set<String> found) {
        for (String e : expected) {
            Counts c = by.computeIfAbsent(e.substring(0, e.indexOf(':')), k -> new Counts());
            if (found.contains(e)) c.tp++;
            else c.fn++;
        }
        for (String f : found) {
            if (!expected.contains(f)) by.computeIfAbsent(f.substring(0, f.indexOf(':')), k -> new Counts()).fp++;
        }
    }

    private static Scores scores(String name, int n, Map<String, Counts> by) {
        Counts micro = new Counts();
        by.values().forEach(micro::add);
        return new Scores(name, n, by, micro);
    }

    /** All the figures, as printed by {@code leverage evaluate}. */
    public List<Scores> all() {
        List<Scores> out = new ArrayList<>();
        out.add(entities(true));
        out.add(entities(false));
        for (EventClassifier.Mode m : EventClassifier.Mode.values()) out.add(events(m));
        out.add(custodyEntities());
        out.add(custodySentences());
        out.add(samplingSentences());
        return out;
    }

    public static void main(String[] args) {
        for (Scores s : new Evaluation(TrainedModels.load(null)).all()) {
            s.print(System.out);
            System.out.println();
        }
    }
}
