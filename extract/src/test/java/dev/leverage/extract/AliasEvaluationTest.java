package dev.leverage.extract;

import dev.leverage.extract.eval.AliasEvaluation;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.sampling.Thresholds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alias resolution on the labelled pairs of alias-eval (22 scenarios, 530 pairs, 285 same and 245 different, 141 of
 * the different pairs sharing a surname; written by a helper without sight of the code), end to end: the extractor
 * finds the mentions in the scenario's documents and the registry resolves them. Prints precision and recall.
 *
 * <p>Issue 6's bar: precision 0.95 and recall 0.90. The first run scored P 0.776 R 0.158 (the extractor found 194 of
 * 446 marked mentions); EVALUATION.md has each step since.
 */
class AliasEvaluationTest {
    static final Path SET = Path.of(System.getProperty("leverage.root", ".."))
            .resolve("extract/src/test/resources/dev/leverage/extract/alias-eval");
    static final double PRECISION_FLOOR = 0.95, RECALL_FLOOR = 0.90;
    static final Path BLIND2 = SET.resolveSibling("alias-blind2");
    static final double BLIND2_PRECISION_FLOOR = 0.89, BLIND2_RECALL_FLOOR = 0.64;

    @Test
    void sameAndDifferentPeople() throws Exception {
        AliasEvaluation.Result r = new AliasEvaluation(TrainedModels.load(null), Thresholds.load(null)).run(SET);
        r.print(System.out);
        assertTrue(r.pairs().size() >= 60, "the issue asks for at least 60 labelled pairs");
        assertTrue(r.counts().precision() >= PRECISION_FLOOR, "alias precision " + r.counts().precision() + " fell under " + PRECISION_FLOOR);
        assertTrue(r.counts().recall() >= RECALL_FLOOR, "alias recall " + r.counts().recall() + " fell under " + RECALL_FLOOR);
    }

    /**
     * alias-blind2 (14 scenarios, 486 pairs, 136 different pairs sharing a surname; written blind after the work on
     * the first set): its first blind run scored P 0.894 R 0.527, the honest figure for paperwork the rules have not
     * seen. The floors hold it while the set is worked on as a development set.
     */
    @Test
    void secondSetWrittenBlind() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(BLIND2), "alias-blind2 not written yet");
        AliasEvaluation.Result r = new AliasEvaluation(TrainedModels.load(null), Thresholds.load(null)).run(BLIND2);
        r.print(System.out);
        assertTrue(r.counts().precision() >= BLIND2_PRECISION_FLOOR, "alias-blind2 precision " + r.counts().precision() + " fell under " + BLIND2_PRECISION_FLOOR);
        assertTrue(r.counts().recall() >= BLIND2_RECALL_FLOOR, "alias-blind2 recall " + r.counts().recall() + " fell under " + BLIND2_RECALL_FLOOR);
    }
}
