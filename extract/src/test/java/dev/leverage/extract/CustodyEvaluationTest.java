package dev.leverage.extract;

import dev.leverage.extract.eval.CustodyEvaluation;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.sampling.Thresholds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The custody analyzer on the labelled custody records (custody-eval/README.md), every document through Tika and
 * the extractors. Prints precision and recall per kind and holds issue 3's bar: precision 0.95 and recall 0.90,
 * overall and for every kind, and no finding at all on a clean chain.
 */
class CustodyEvaluationTest {
    static final Path SET = Path.of(System.getProperty("leverage.root", ".."))
            .resolve("extract/src/test/resources/dev/leverage/extract/custody-eval");

    @Test
    void custodyFindingsOnLabelledRecords() throws Exception {
        CustodyEvaluation.Result r = new CustodyEvaluation(TrainedModels.load(null), Thresholds.load(null)).run(SET);
        r.print(System.out);
        assertTrue(r.records().size() >= 40, "the labelled set is there: " + r.records().size());
        assertTrue(r.micro().precision() >= 0.95, "custody precision " + r.micro().precision());
        assertTrue(r.micro().recall() >= 0.90, "custody recall " + r.micro().recall());
        r.byKind().forEach((kind, c) -> {
            assertTrue(c.tp + c.fp == 0 || c.precision() >= 0.95, kind + " precision " + c.precision());
            assertTrue(c.tp + c.fn == 0 || c.recall() >= 0.90, kind + " recall " + c.recall());
        });
        long clean = r.records().stream().filter(x -> x.expected().isEmpty()).count();
        long cleanQuiet = r.records().stream().filter(x -> x.expected().isEmpty() && x.found().isEmpty()).count();
        assertTrue(clean >= r.records().size() / 4, "at least a quarter of the records are clean chains: " + clean);
        assertTrue(cleanQuiet == clean, "clean chains with no finding: " + cleanQuiet + " of " + clean);
    }

    /**
     * The blind holdout (custody-holdout/README.md), written after the analyzer was tuned on custody-eval: the
     * honest measure of how the readers generalise. Printed with the build; the floor is a ratchet at today's
     * figure, far under issue 3's bar, which this set does not meet yet (EVALUATION.md).
     */
    @Test
    void custodyFindingsOnTheBlindHoldout() throws Exception {
        Path holdout = SET.resolveSibling("custody-holdout");
        CustodyEvaluation.Result r = new CustodyEvaluation(TrainedModels.load(null), Thresholds.load(null)).run(holdout);
        r.print(System.out);
        assertTrue(r.records().size() >= 24, "the holdout is there: " + r.records().size());
        assertTrue(r.micro().precision() >= 0.33, "holdout precision " + r.micro().precision());
        assertTrue(r.micro().recall() >= 0.50, "holdout recall " + r.micro().recall());
    }
}
