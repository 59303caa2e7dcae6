package dev.leverage.extract;

import dev.leverage.extract.eval.DiscoveryEvaluation;
import dev.leverage.extract.eval.Evaluation;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.sampling.Thresholds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The discovery-gap analyzer on labelled productions (EVALUATION.md, discovery-labels.md): every file through Tika
 * and the extractors as in a case, a video or audio file counted as produced by its name. Prints precision and
 * recall per kind.
 */
class DiscoveryEvaluationTest {
    static final Path SETS = Path.of(System.getProperty("leverage.root", ".."))
            .resolve("extract/src/test/resources/dev/leverage/extract");

    /**
     * Issue 10's bar (precision 0.90, recall 0.85) on discovery-eval, 38 productions of which 12 are complete, for
     * every record class the discovery reader decides itself. Custody gaps (the property room's access and seal
     * logs) follow from the custody analyzer's findings and inherit its precision (issue 3): they are held at a
     * ratchet (P 1.000 R 0.625: a seizure told as "tagged under this report" and a currency count that drops between
     * the scene and the property room are now read). The set as a whole meets the bar (P 0.989 R 0.957, from P 0.846
     * when the custody analyzer still broke more clean chains) and is held to it; every complete production is silent
     * (the last to speak listed its warrant's "Return and Inventory" without the word warrant).
     */
    @Test
    void discoveryGapsOnTheLabelledProductions() throws Exception {
        DiscoveryEvaluation.Result r = run("discovery-eval", 38);
        assertTrue(r.clean() >= 12, "complete productions: " + r.clean());
        for (Map.Entry<String, Evaluation.Counts> e : r.byKind().entrySet()) {
            if (e.getKey().equals("custody")) continue;
            assertTrue(e.getValue().precision() >= 0.90, e.getKey() + " precision " + e.getValue().precision());
            assertTrue(e.getValue().recall() >= 0.85, e.getKey() + " recall " + e.getValue().recall());
        }
        Evaluation.Counts custody = r.byKind().get("custody");
        assertTrue(custody.precision() >= 0.90 && custody.recall() >= 0.62, "custody gaps " + custody.precision() + " / " + custody.recall());
        assertTrue(r.micro().precision() >= 0.90, "precision " + r.micro().precision());
        assertTrue(r.micro().recall() >= 0.85, "recall " + r.micro().recall());
        assertEquals(r.clean(), r.cleanSilent(), "complete productions with no gap");
    }

    /**
     * discovery-blind, 14 productions (5 complete) from agencies the other set does not use, written by someone who
     * saw neither the code nor the other set, and scored once blind after the reader was built: P 0.784 R 0.812, 1 of 5
     * complete productions silent. Its warrant lines then taught that a warrant talked about, applied for or never
     * sought is none, and that a warrant's caption heads it; its misses, radio traffic on a VHF channel and a unit
     * "selected and analyzed" as a sample; later, that warrants are told apart by their numbers and a CAD remark's name
     * ends at its first preposition. It now meets issue 10's bar (P 0.925 R 0.871) with all 5 complete productions
     * silent: CAD-only units, a CBPO in a K9 report, a withheld affidavit and custody gaps are still wrong.
     */
    @Test
    void discoveryGapsOnTheBlindSet() throws Exception {
        DiscoveryEvaluation.Result r = run("discovery-blind", 14);
        assertTrue(r.micro().precision() >= 0.90, "precision " + r.micro().precision());
        assertTrue(r.micro().recall() >= 0.85, "recall " + r.micro().recall());
        assertEquals(r.clean(), r.cleanSilent(), "complete productions with no gap");
    }

    /**
     * discovery-blind2, 14 productions (5 complete) from fourteen further agencies, written blind from the labelling
     * rules alone and scored once before anything was changed for it: P 0.471 R 0.686, 1 of 5 complete productions
     * silent. Its errors were then worked on, generically (agencies without cameras in other words, a listing's entry
     * wrapped onto a second line, lists headed "Not produced:", warrants and informants denied, military grades,
     * a CAD unit with no number): P 0.892 R 0.943, 4 of 5 silent. It is no longer blind; held at that ratchet.
     */
    @Test
    void discoveryGapsOnTheSecondBlindSet() throws Exception {
        holds(run("discovery-blind2", 14), 0.91, 0.94, 5);
    }

    /**
     * discovery-blind3, 12 productions (4 complete) of common cases, written blind while blind2 was being worked on and
     * scored once afterwards: P 0.481 R 0.862, 1 of 4 complete productions silent. Then worked on (files an index
     * lists are produced, stacked ranks, sealed records, warrants not yet sought, lettered index entries): P 0.684
     * R 0.897, 3 of 4 silent. No longer blind; held at that ratchet. Its remaining false gaps are mostly custody's.
     */
    @Test
    void discoveryGapsOnTheThirdBlindSet() throws Exception {
        holds(run("discovery-blind3", 12), 0.70, 0.89, 3);
    }

    /**
     * discovery-blind4, 12 productions (4 complete) from agencies no other set uses (a marine unit, transit and tribal
     * police, liquor enforcement, a fire investigator, wildlife officers), written blind while blind3 and the custody
     * sets were being worked on, and scored once at the end: P 0.710 R 0.759, 1 of 4 complete productions silent. Not
     * tuned on until 2026-11-24's third session, when its recording errors were worked on: P 0.786 R 0.759, 2 of 4.
     */
    @Test
    void discoveryGapsOnTheFourthBlindSet() throws Exception {
        holds(run("discovery-blind4", 12), 0.81, 0.75, 2);
    }

    /**
     * discovery-blind5, 12 productions (4 complete) from a lottery's security division, a coroner, VA and capitol police,
     * a corrections inspector general, a village marshal and others, written blind and scored once: P 0.680 R 0.586, 2 of
     * 4 complete productions silent; after the work on its recording errors P 0.774 R 0.828.
     */
    @Test
    void discoveryGapsOnTheFifthBlindSet() throws Exception {
        holds(run("discovery-blind5", 12), 0.77, 0.82, 2);
    }

    /**
     * discovery-blind6, 12 productions (4 complete) from a cannabis control division, the Federal Protective Service,
     * the Secret Service, a racing commission, SPCA humane officers, a levee district police, USDA-OIG, FDA-OCI and
     * others, written blind and scored once: P 0.714 R 0.625, 1 of 4 complete productions silent; after generic work
     * (an alert the State does not rely on; no-camera statements that name one agency) P 0.821 R 0.719, 2 of 4.
     */
    @Test
    void discoveryGapsOnTheSixthBlindSet() throws Exception {
        holds(run("discovery-blind6", 12), 0.85, 0.71, 2);
    }

    /**
     * discovery-blind7, 12 productions (4 complete) from a Marshals task force, NCIS, the Forest Service, Border Patrol,
     * IRS-CI, a state bureau, an auto-theft task force, the Coast Guard, TVA police, forest-preserve police, Diplomatic
     * Security and state forestry, written blind and scored once: P 0.615 R 0.750, 0 of 4 complete productions silent;
     * after generic work (a warrant number with and without its court's prefix, wrapped numbered paragraphs, an
     * agency's own no-camera statement, OCR in informant numbers, an export's title lines) P 0.844 R 0.844, 3 of 4.
     */
    @Test
    void discoveryGapsOnTheSeventhBlindSet() throws Exception {
        holds(run("discovery-blind7", 12), 0.84, 0.84, 3);
    }

    /**
     * discovery-blind8, 12 productions (4 complete) from mint police, weights and measures, ferry police, AFOSI, DCIS,
     * BLM, DA investigators, Federal Reserve police, an AG cargo-theft unit, Amtrak police, museum police and Labor-OIG,
     * written blind and scored once: P 0.676 R 0.806, 1 of 4 complete productions silent; after generic work (a
     * 'Supplementary Report 1' title, a number with and without its agency's letters, custody readers' seal numbers in
     * three parts, an examiner's unsealing, ranges over sub-items) P 0.833 R 0.806, 2 of 4.
     */
    @Test
    void discoveryGapsOnTheEighthBlindSet() throws Exception {
        holds(run("discovery-blind8", 12), 0.83, 0.80, 2);
    }

    /**
     * discovery-blind9, 12 productions (4 complete) from NOAA fisheries, SSA-OIG, TIGTA, a secretary of state, NASA
     * protective services, state police, a sheriff for an electric cooperative, Education-OIG, a veterinary board, a
     * cold-case unit, CBP and zoo police, written blind and scored once after the work on blind8: P 0.563 R 0.563, 2 of 4
     * complete productions silent. Worked on the next session (no longer blind): P 0.731 R 0.594, 3 of 4.
     */
    @Test
    void discoveryGapsOnTheNinthBlindSet() throws Exception {
        holds(run("discovery-blind9", 12), 0.73, 0.59, 3);
    }

    /**
     * discovery-blind10, 12 productions (4 complete) from a public library's police, EPA-CID, BOP, a convention center's
     * police, Army Corps rangers, a special victims unit, a rural crimes unit, a narcotics task force, Postal OIG, DLA
     * police, a pesticide regulator and a military department's police, written blind and scored once after the work on
     * discovery-blind9: P 0.826 R 0.543, 3 of 4 complete productions silent. Worked on 2026-11-25 (no longer blind):
     * P 0.864 R 0.543, 4 of 4 silent ("Neither is a confidential source" names no informant).
     */
    @Test
    void discoveryGapsOnTheBlindTenthSet() throws Exception {
        holds(run("discovery-blind10", 12), 0.86, 0.54, 4);
    }

    /**
     * discovery-blind11, 12 productions (4 complete) from HHS-OIG, Reclamation police, sanitation police, a taxi and
     * limousine commission, a DOE protective force, court security, a state police cyber unit, a pawn detail, DHS-OIG, a
     * sheriff's civil process unit, a hazardous devices unit and a resort town's police, written blind on 2026-11-25 and
     * scored once: P 0.771 R 0.771, 3 of 4 complete productions silent.
     */
    @Test
    void discoveryGapsOnTheBlindEleventhSet() throws Exception {
        holds(run("discovery-blind11", 12), 0.77, 0.77, 3);
    }

    /** The set's precision, recall and silent complete productions are at least these. */
    private static void holds(DiscoveryEvaluation.Result r, double precision, double recall, int silent) {
        assertTrue(r.micro().precision() >= precision, "precision " + r.micro().precision());
        assertTrue(r.micro().recall() >= recall, "recall " + r.micro().recall());
        assertTrue(r.cleanSilent() >= silent, "complete productions with no gap: " + r.cleanSilent() + " of " + r.clean());
    }

    private static DiscoveryEvaluation.Result run(String set, int productions) throws Exception {
        DiscoveryEvaluation.Result r = new DiscoveryEvaluation(TrainedModels.load(null), Thresholds.load(null)).run(SETS.resolve(set));
        r.print(System.out);
        assertTrue(r.records().size() >= productions, set + " is there: " + r.records().size());
        return r;
    }
}
