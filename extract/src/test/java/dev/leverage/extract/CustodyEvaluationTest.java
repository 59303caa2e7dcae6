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
        holdsTheBar(SET, 40);
    }

    /**
     * The second set (custody-holdout/README.md), written blind after the analyzer was tuned on custody-eval. Its
     * first, blind run scored P 0.103 R 0.407; the readers were then generalised on its failures, so it is now a
     * development set held to the same bar, and custody-blind3 is the one held out.
     */
    @Test
    void custodyFindingsOnTheSecondSet() throws Exception {
        holdsTheBar(SET.resolveSibling("custody-holdout"), 24);
    }

    /**
     * The later sets, each written blind after the one before was worked on (their READMEs). First, blind runs:
     * blind3 P 0.159 R 0.259, blind4 P 0.267 R 0.444, blind5 P 0.227 R 0.556, blind6 P 0.121 R 0.296, blind7 P 0.145 R 0.333
     * (0.098 / 0.222 with the readers as they were before blind6 was worked on), blind8 P 0.270 R 0.630 (scored once after
     * the work on blind7, 2026-11-24); the readers do not yet generalise to
     * unseen paperwork well enough for issue 3's bar. Each became a development set after its first run; the floors
     * are a ratchet at the latest figures (EVALUATION.md), printed with the build.
     */
    @Test
    void custodyFindingsOnTheBlindThirdSet() throws Exception {
        ratchet("custody-blind3", 0.77, 0.77);
    }

    @Test
    void custodyFindingsOnTheBlindFourthSet() throws Exception {
        ratchet("custody-blind4", 0.95, 0.70);
    }

    @Test
    void custodyFindingsOnTheBlindFifthSet() throws Exception {
        ratchet("custody-blind5", 0.58, 0.66);
    }

    @Test
    void custodyFindingsOnTheBlindSixthSet() throws Exception {
        ratchet("custody-blind6", 0.56, 0.66);
    }

    /** Written blind while blind6 was being worked on; scored once at P 0.145 R 0.333, worked on 2026-11-24. */
    @Test
    void custodyFindingsOnTheBlindSeventhSet() throws Exception {
        ratchet("custody-blind7", 0.41, 0.44);
    }

    /** Written blind while blind7 was being worked on; scored once at P 0.270 R 0.630 (0 of 8 clean chains silent). */
    @Test
    void custodyFindingsOnTheBlindEighthSet() throws Exception {
        ratchet("custody-blind8", 0.58, 0.66);
    }

    /**
     * Written blind while blind8 was being worked on; scored once at P 0.143 R 0.370 (3 of 8 clean chains silent), then
     * P 0.275 R 0.407 after one fix (exhibit tags whose case number holds letters).
     */
    @Test
    void custodyFindingsOnTheBlindNinthSet() throws Exception {
        ratchet("custody-blind9", 0.33, 0.44);
    }

    /**
     * Written blind this session (athletic commission, EMS diversion, court security, sanitation police, a Guard
     * counterdrug task force, parole, marshal evictions, a veterinary board); scored once at P 0.232 R 0.464 (1 of 8
     * clean chains silent), then P 0.467 R 0.500 (4 of 8) after generic fixes.
     */
    @Test
    void custodyFindingsOnTheBlindTenthSet() throws Exception {
        ratchet("custody-blind10", 0.55, 0.53);
    }

    /**
     * Written blind on 2026-11-24 (a dental board, weights and measures, a securities division, power authority police,
     * a department of investigation, Defense Department police at a supply depot, mint police, library police); scored
     * once at P 0.274 R 0.586 (2 of 8 clean chains silent), then P 0.474 R 0.621 (1 of 8) after generic fixes.
     */
    @Test
    void custodyFindingsOnTheBlindEleventhSet() throws Exception {
        ratchet("custody-blind11", 0.50, 0.62);
    }

    /**
     * Written blind on 2026-11-24 (a national bureau field office, a labor department's fraud unit, museum protective
     * services, a national laboratory's protective force, a consular bureau, internal affairs, a mine-safety explosives
     * office, zoo police); scored once at P 0.333 R 0.593 (1 of 8 clean chains silent), then P 0.381 R 0.593 (3 of 8)
     * after generic fixes (a seal cell with its sealer and time, an ECT custodian, a lab bag weighed with the evidence).
     */
    @Test
    void custodyFindingsOnTheBlindTwelfthSet() throws Exception {
        ratchet("custody-blind12", 0.39, 0.62);
    }

    /**
     * Written blind on 2026-11-24 (a taxi and limousine commission, a parcel carrier's security, a social-services fraud
     * unit, a parking authority, a cruise line's security, a state treasurer's unclaimed property unit, reserve bank
     * police with Julian dates, a court clerk's exhibits section); scored once, after this session's work, at P 0.135
     * R 0.467 (2 of 8 clean chains silent): item keys read from box numbers and Julian dates made false chains. Worked on
     * the next session (no longer blind): P 0.304 R 0.567; 0.333 / 0.567 after the work on blind14.
     */
    @Test
    void custodyFindingsOnTheBlindThirteenthSet() throws Exception {
        ratchet("custody-blind13", 0.33, 0.56);
    }

    /**
     * Written blind on 2026-11-24 (a board of nursing, a ski resort's patrol, a drug maker's plant security, an
     * armored-car company, a coach line's terminal security, a vital-records fraud unit, a hotel's security, a beach
     * patrol); scored once, after the session's work on custody-blind13, at P 0.115 R 0.300 (2 of 9 clean chains silent).
     * Worked on 2026-11-25 (no longer blind): P 0.208 R 0.333 (3 of 9 silent).
     */
    @Test
    void custodyFindingsOnTheBlindFourteenthSet() throws Exception {
        ratchet("custody-blind14", 0.20, 0.33);
    }

    /**
     * Written blind on 2026-11-25 (a theme park's security, a car-rental security unit, a self-storage operator, a
     * residential treatment center, a city code-compliance division, a fitness-club chain, a boarding school, a moving
     * company); scored once, after the work on custody-blind14, at P 0.108 R 0.500 (0 of 9 clean chains silent).
     */
    @Test
    void custodyFindingsOnTheBlindFifteenthSet() throws Exception {
        ratchet("custody-blind15", 0.10, 0.50);
    }

    private static void ratchet(String name, double precision, double recall) throws Exception {
        CustodyEvaluation.Result r = new CustodyEvaluation(TrainedModels.load(null), Thresholds.load(null)).run(SET.resolveSibling(name));
        r.print(System.out);
        assertTrue(r.records().size() >= 24, "the blind set is there: " + r.records().size());
        assertTrue(r.micro().precision() >= precision, name + " precision " + r.micro().precision());
        assertTrue(r.micro().recall() >= recall, name + " recall " + r.micro().recall());
    }

    private static void holdsTheBar(Path set, int records) throws Exception {
        CustodyEvaluation.Result r = new CustodyEvaluation(TrainedModels.load(null), Thresholds.load(null)).run(set);
        r.print(System.out);
        assertTrue(r.records().size() >= records, "the labelled set is there: " + r.records().size());
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
}
