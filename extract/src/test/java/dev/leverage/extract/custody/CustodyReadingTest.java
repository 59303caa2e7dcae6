package dev.leverage.extract.custody;

import dev.leverage.extract.Citation;
import dev.leverage.extract.Finding;
import dev.leverage.extract.TextTables;
import dev.leverage.ingest.Page;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readers' generic rules, each on a small case of its own (the labelled sets measure them at scale). */
class CustodyReadingTest {

    @Test
    void aDelimitedExportIsSplitOnItsOwnDelimiter() {
        for (String d : List.of(";", "|", "\t")) {
            String csv = String.join(d, "Ln", "Specimen", "Movement Date", "hh:mm", "Signed Over By", "Signed Over To") + "\n"
                    + String.join(d, "1", "1", "06/09/2025", "11:15", "Recovered - tote bag, staff room", "E. Marlowe-Tran W-27") + "\n"
                    + String.join(d, "2", "1", "06/09/2025", "16:05", "E. Marlowe-Tran W-27", "H. Bellweather (Evid Custodian)") + "\n";
            List<Page.Table> tables = TextTables.find(csv, true);
            assertEquals(1, tables.size(), "delimiter " + d);
            assertEquals(6, tables.get(0).rows().get(0).size(), "delimiter " + d);
            assertEquals("Recovered - tote bag, staff room", tables.get(0).rows().get(1).get(4), "a comma inside a cell stays in it");
        }
    }

    @Test
    void headersNoListForeseesAreReadByTheirWordsAndCells() {
        List<String> header = List.of("Ln", "Specimen", "Movement Date", "hh:mm", "Signed Over By", "Signed Over To", "Closure No.", "Piece Ct");
        List<List<String>> rows = List.of(
                List.of("1", "1", "06/09/2025", "11:15", "Recovered - tote bag", "E. Marlowe-Tran W-27", "", "9"),
                List.of("2", "1", "06/09/2025", "16:05", "E. Marlowe-Tran W-27", "H. Bellweather (Evid Custodian)", "MFCU 10441", "9"));
        CustodyTableReader.Columns c = CustodyTableReader.Columns.of(header, rows);
        assertTrue(c.isCustody());
        assertEquals(1, c.item, "Specimen, not the line number");
        assertEquals(2, c.date);
        assertEquals(3, c.time);
        assertEquals(4, c.released);
        assertEquals(5, c.received);
        assertEquals(6, c.seal);
        assertEquals(7, c.count);
    }

    @Test
    void aLaboratoryResultsTableIsNotAChainOfCustody() {
        List<String> header = List.of("Item", "Description", "Received", "Analyzed", "Result", "Analyst");
        List<List<String>> rows = List.of(List.of("1", "Knotted bag", "03/13/2024", "03/20/2024", "Cocaine HCl", "M. Tran"),
                List.of("2", "31 tablets", "03/13/2024", "03/11/2024", "Fentanyl", "M. Tran"));
        assertFalse(CustodyTableReader.Columns.of(header, rows).isCustody());
        // nor are the columns of who seized and who logged a hand-off between them
        List<String> log = List.of("case_no", "item", "description", "date_time_seized", "seized_by", "date_time_logged", "logged_by", "location");
        List<List<String>> logRows = List.of(List.of("HCA-24-1472", "001", "Parcel", "06/11/2024 1402", "Det. S. Okonjo", "06/11/2024 1405", "Det. S. Okonjo", "Temp locker T-3"));
        assertFalse(CustodyTableReader.Columns.of(log, logRows).isCustody());
    }

    @Test
    void sealListsWrittenShortAreCompletedPerItem() {
        assertArrayEquals(new String[]{"031890", "031891", "031892"}, CustodyTableReader.completeSeals(new String[]{"031890", "91", "92"}));
        assertArrayEquals(new String[]{"WSCL T24-1877-01", "WSCL T24-1877-02"}, CustodyTableReader.completeSeals(new String[]{"WSCL T24-1877 -01", "-02"}));
        assertArrayEquals(new String[]{"7718", "7719"}, CustodyTableReader.completeSeals(new String[]{"7718", "7719"}));
    }

    @Test
    void aLedgersFileNumberAndBoxNumberAreNotItems() {
        assertEquals(List.of("1@UPD-SDAI-25-0033"), ItemKey.of("UPD-SDAI-25-0033 / 1187-1"), "file / box-item: item 1 of that file");
        assertEquals(List.of("2@SEC-CM-25-0117"), ItemKey.of("SEC-CM-25-0117/2"));
        assertEquals(List.of("1"), ItemKey.of("1187-1"), "box 1187, item 1");
        assertEquals(List.of("2A"), ItemKey.of("0917-2A"));
        assertEquals(List.of("1", "2", "3"), ItemKey.of("1-3"), "a range is still a range");
        assertEquals("1@X-25-0001", ItemKey.inCase("1@X-25-0001", "Y-25-0002"), "a key that already names its case keeps it");
    }

    @Test
    void aShipsClockAndADashedItemCellAreRead() {
        assertEquals(java.time.LocalTime.of(22, 40), dev.leverage.extract.time.TimeParser.parseClock("22h40"));
        assertEquals(java.time.LocalTime.of(8, 40), dev.leverage.extract.time.TimeParser.times("At 08h40 I opened ESF-1.").get(0).time());
        assertTrue(CustodyTableReader.storageCode("SECURITY OFFICE EVIDENCE LOG (ESF-1)", "ESF-1"));
        assertFalse(CustodyTableReader.storageCode("SECURITY OFFICE EVIDENCE LOG (ESF-1)", "SO N. Varga"));
        assertFalse(CustodyTableReader.storageCode("Unit ESF-1 responded", "ESF-1"));
    }

    @Test
    void itemLabelsOfOtherSeriesAreNotTheAgencysNumbers() {
        assertEquals(List.of("1A"), ItemKey.of("CED-24-0388-1A"));
        assertEquals(List.of("CB1"), ItemKey.of("CB1"));
        assertEquals(List.of(), ItemKey.of("K1"));
        assertEquals(List.of("2"), ItemKey.of("Pkg 2"));
        assertEquals(List.of("2"), ItemKey.withLabNumbers(ItemKey.labNumbers("Q24-0712-1 = Agency Item 2."), () -> ItemKey.of("Q24-0712-1")));
    }

    @Test
    void aHandOffRecordedAfterTheReleaseItLedToIsAnOrderingBreak() {
        List<CustodyEvent> chain = List.of(
                ev("2025-04-07T10:20", "Seized - bedroom nightstand", "Det. Ayo Kristiansen H-19", "Seized", "seized"),
                ev("2025-04-07T12:35", "Det. Ayo Kristiansen H-19", "Prop. Clerk Wendell Obi H-P3", "Property intake", "stored"),
                ev("2025-04-09T14:15", "Det. A. Kristiansen", "DEU Examiner Kaveh Lindahl D-6", "Received - DEU", "transfer"),
                ev("2025-04-09T14:50", "Prop. Clerk Wendell Obi H-P3", "Det. Ayo Kristiansen H-19", "Out - DEU exam", "transfer"),
                ev("2025-04-16T10:00", "DEU Examiner Kaveh Lindahl D-6", "Det. Ayo Kristiansen H-19", "DEU return", "returned"),
                ev("2025-04-16T10:40", "Det. Ayo Kristiansen H-19", "Prop. Clerk Wendell Obi H-P3", "Returned to property", "returned"));
        Set<String> kinds = new CustodyAnalyzer().analyze(chain).stream().map(Finding::kind).collect(Collectors.toSet());
        assertTrue(kinds.contains("out_of_order"), kinds.toString());
        assertFalse(kinds.contains("handler_mismatch"), kinds.toString());
    }

    @Test
    void aSumOfMoneyThatChangesBetweenCountsIsACountMismatch() {
        List<CustodyEvent> chain = List.of(
                ev("2025-06-17T04:52", "--", "Tpr. C. Rasmussen #5-14", "Seized; scene count $14,320", "seized"),
                ev("2025-06-17T07:41", "Tpr. C. Rasmussen #5-14", "Troop A Property Drop Safe", "Deposited, env. sealed", "transfer"),
                ev("2025-06-17T14:22", "Troop A Property Drop Safe", "P.T. M. Lund #0781", "Property room count: $14,230", "transfer"));
        List<Finding> found = new CustodyAnalyzer().analyze(chain);
        assertEquals(List.of("count_mismatch"), found.stream().map(Finding::kind).toList());
        assertEquals("$14,320", found.get(0).facts().get("expected"));
        assertEquals("$14,230", found.get(0).facts().get("observed"));

        // the same sum written twice, a price, an estimate, or part returned to the owner in between: no finding
        assertEquals(14230.0, CustodyText.amount("Amount deposited: $14,230.00"));
        assertEquals(null, CustodyText.amount("CI paid $200 of pre-recorded funds"));
        assertEquals(null, CustodyText.amount("approximately $14,000 in bundles"));
        List<CustodyEvent> returned = List.of(
                ev("2025-06-17T04:52", "--", "Tpr. C. Rasmussen #5-14", "Seized; scene count $14,320", "seized"),
                ev("2025-06-18T09:00", "P.T. M. Lund #0781", "R. Owner", "$1,000 returned to owner per court order", "returned"),
                ev("2025-06-19T10:48", "P.T. M. Lund #0781", "Bank teller", "Deposited: $13,320", "transfer"));
        assertTrue(new CustodyAnalyzer().analyze(returned).stream().noneMatch(f -> f.kind().equals("count_mismatch")));
    }

    @Test
    void aFormsTwoLineCellsAreOneRow() {
        String form = String.join("\n",
                "ITEM  DATE / TIME      RELEASED BY                  RECEIVED BY                  PURPOSE OF CHANGE",
                "                       (signature/name, grade)      (signature/name, grade)      OF CUSTODY",
                "----  ---------------  ---------------------------  ---------------------------  ----------------------",
                "1-2   23 MAY 2025      MA1 D. Trevelyan             SECDEPT Temporary Evidence   Secured after hours,",
                "      2140                                          Locker TL-1 (Bldg 22 Rm 108) custodian off duty",
                "1-2   27 MAY 2025      SECDEPT Temporary Evidence   MA2 Yesenia Albrecht-Moya,   Logged into evidence",
                "      0745             Locker TL-1                  Evidence Custodian           vault, seals intact",
                "- - - - - - - -  OFFICE CLOSED 05/26 (HOLIDAY)  - - - - - - - -",
                "2     30 MAY 2025      Ms. R. Pike                  MA1 D. Trevelyan             Court");
        List<Page.Table> tables = TextTables.find(form, false);
        assertEquals(1, tables.size());
        CustodyTableReader.Columns c = CustodyTableReader.Columns.of(tables.get(0).rows().get(0), tables.get(0).rows().subList(1, tables.get(0).rows().size()));
        List<List<String>> rows = CustodyTableReader.continued(tables.get(0).rows().subList(1, tables.get(0).rows().size()), c);
        assertEquals(3, rows.size(), "the header's second line and the ruled note are no rows: " + rows);
        assertEquals("23 MAY 2025 2140", rows.get(0).get(c.date));
        assertEquals("SECDEPT Temporary Evidence Locker TL-1 (Bldg 22 Rm 108)", rows.get(0).get(c.received));
    }

    @Test
    void sealsItemsAndNamesWrittenTheWaysBlindSetsWroteThem() {
        // a range of seals on a row for several items; a range that does not fit the items stays one seal
        assertArrayEquals(new String[] {"21103", "21104", "21105"}, CustodyTableReader.sealRange("21103-05", 3));
        assertArrayEquals(new String[] {"2024-05"}, CustodyTableReader.sealRange("2024-05", 3));
        // "Item 1 - 12 steel gaffs" is item 1 and its count; "Items 1-3" are three
        assertEquals(List.of("1"), CustodyProse.items("Item 1 - 12 steel gaffs (curved), loose."));
        assertEquals(List.of("1", "2", "3"), CustodyProse.items("Items 1-3 were placed in Temp Locker 1."));
        // a lab's exhibit after its own letters, paired with the agency's
        String report = "Division Exh. 1A (seal LV 0090140, FLS Exh. 1) and Division Exh. 1B (seal LV 0090141, FLS Exh. 2).";
        assertEquals(List.of("1A"), ItemKey.withLabNumbers(ItemKey.labNumbers(report), () -> CustodyProse.items("FLS Exh. 1 resealed at 14:05")));
        // capitalised agency titles and a grade before a title are not given names; a double surname in capitals
        assertEquals("T. Renwick-Ames", dev.leverage.extract.people.PersonName.parse("HLEO T. Renwick-Ames").display());
        assertEquals("Morrison", dev.leverage.extract.people.PersonName.parse("MORRISON GARY L").surname());
        assertTrue(Handlers.same("CVEO Anselm J. Kowalczyk, #D4-207", "A. Kowalczyk 207"));
        assertTrue(Handlers.same("Sr. Inv. Rosalind Achterberg #BI-12", "R. Achterberg BI-12"));
        assertTrue(Handlers.same("HLEO M. Quintanar-Boyce", "QUINTANAR BOYCE, M."));
        assertTrue(Handlers.same("Ofc. B. Quenneville P-117", "0fc. B. Quennevi1le P-ll7"), "a badge OCR wrote with letters is no surname");
        assertFalse(Handlers.same("HLEO M. Quintanar-Boyce", "QUINTANAR BOYCE, T."));
        // a weight taken after a resealing is not a resealing
        assertEquals(null, CustodyText.sealStatus("Gross after reseal 17.09 g (12.86 + 0.78 + 1.05 + 2.40)."));
        assertEquals("resealed", CustodyText.sealStatus("Resealed with lab seal 2291 by S. Eklund."));
    }

    private static int order;

    private static CustodyEvent ev(String time, String from, String to, String purpose, String action) {
        return new CustodyEvent("1", LocalDateTime.parse(time), from, to, purpose, null, null, null, null, null, null, null, action, "table", order++,
                new Citation("log.csv", 1, null, time + " " + from + " " + to + " " + purpose));
    }

    @Test
    void oneHandlerWrittenTwoWaysIsOneHandler() {
        String[][] same = {
                // a courier with and without the company before the role
                {"courier U. Mbeki-Sorensen", "Halberry courier U. Mbeki-Sorensen"},
                // OCR split the surname's end off and wrote the badge's 1 as l
                {"CSO Y. Petrakis-Nwosu CS-l06", "CS0 Y. Petrakis-Nwos u CS-106"},
                // a one-digit unit badge, with and without #; a title written short
                {"Inv. C. Arkwright-Soto #VI-5", "Inv. C. Arkwright-Soto VI-5"},
                {"Agent J. Whitford-Asante #PA-80", "Ag. J. Whitford-Asante PA-80"},
                {"TL-2", "TL-2"},
                // a typist's slip in a long surname, with the initial and badge agreeing
                {"Inv. R. Ingleby-Tarn S-12", "Inv. R. Ingelby-Tarn S-12"},
                {"Inv. O. Thistlewood DI-14", "Inv. O. Thistlewod DI-14"}};
        for (String[] p : same) assertTrue(Handlers.same(p[0], p[1]), p[0] + " / " + p[1]);
        String[][] different = {
                {"courier U. Mbeki-Sorensen", "H. Castro-Lindqvist"},
                // a slip is not read into a short surname, nor across two initials
                {"Ofc. J. Hanson", "Ofc. J. Hansen"},
                {"Inv. R. Ingleby-Tarn", "Inv. K. Ingelby-Tarn"}};
        for (String[] p : different) assertFalse(Handlers.same(p[0], p[1]), p[0] + " / " + p[1]);
        // the evidence system: a custodian by title alone, a lodging in a cabinet, an Evidence Control Officer, a property book's clerk
        for (String h : new String[]{"Custodian V. Strathmore", "Lt. C. Ifeanyi-Ross ECO", "Clerk O. Fontenot"}) assertTrue(Handlers.isSecureStorage(h), h);
        assertTrue(Handlers.isStoragePurpose("Lodged - CS cabinet 3"));
    }

    @Test
    void anExportsTitleLinesAreNotItsHeader() {
        String csv = "FPDP PROPERTY / EVIDENCE RECORD - FP25-0447\n"
                + "item|description|date|time|released_by|received_by|location|remarks\n"
                + "1|black folding knife|10/11/2025|1653|--|Ofc. S. Ikeda #74|S trailhead footbridge|collected\n"
                + "1|--|10/11/2025|1748|Ofc. S. Ikeda #74|temporary evidence locker 4|FPDP HQ|sealed FPDP 55213\n";
        List<Page.Table> tables = TextTables.find(csv, true);
        assertEquals(1, tables.size());
        assertEquals("released_by", tables.get(0).rows().get(0).get(4));
        // "Received Dt" / "Received Tm" are the receipt's date and time, not its receiver
        CustodyTableReader.Columns c = CustodyTableReader.Columns.of(List.of("Intake Line", "Item Tag", "Received Dt", "Received Tm", "Brought In By", "Checked In By", "Intake Remarks"),
                List.of(List.of("1", "SCSO-24-21904-1", "12/3/2024", "11:25", "Dep. P. Castellanos-Webb S-402", "PT G. Ashdown-Ruiz P-22", "Sealed gun box recv'd - not inventoried")));
        assertEquals(2, c.date);
        assertEquals(3, c.time);
        assertEquals(5, c.received);
        assertEquals(6, c.remarks);
    }

    @Test
    void runInLabelsSealShorthandsAndOpeningsOnPurpose() {
        // a lab report's run-in label is the verb of the paragraph it heads, and of the next clause too
        String sentence = "RESEAL - by Y. Boudreaux-Kline on 03/20/2025: Exhibit A at 1330 hrs";
        assertTrue(CustodyProse.runIn(sentence, sentence).startsWith("resealed by Y. Boudreaux-Kline"), CustodyProse.runIn(sentence, sentence));
        assertEquals("resealed Exhibit B at 1345 hrs", CustodyProse.runIn(sentence, "Exhibit B at 1345 hrs"));
        // a clause with a verb of its own keeps it; a label in the middle of a sentence is no label
        assertEquals("Exhibit B was released to K. Ames", CustodyProse.runIn(sentence, "Exhibit B was released to K. Ames"));
        assertEquals("the release - signed by K. Ames", CustodyProse.runIn("the release - signed by K. Ames", "the release - signed by K. Ames"));
        // "25-0488-A / -B": the second seal is the first with its last part replaced
        assertArrayEquals(new String[]{"SSCL 25-0488-A", "SSCL 25-0488-B"}, CustodyTableReader.completeSeals(new String[]{"SSCL 25-0488-A", "-B"}));
        // a seal cut on purpose and said so is an opening; one found cut is a break
        assertEquals("opened", CustodyText.sealStatus("Seal cut for documented split per memo M1."));
        assertEquals("opened", CustodyText.sealStatus("Seal broken by Chemist A. Ruiz to examine contents."));
        assertEquals("broken", CustodyText.sealStatus("Seal broken on receipt, cause unknown."));
        assertEquals("broken", CustodyText.sealStatus("Evidence seal cut for unknown reasons."));
        // "not opened" is no opening
        assertFalse("opened".equals(CustodyText.action("Shown to the grand jury sealed, not opened")));
        assertEquals("opened", CustodyText.action("Package opened in the presence of Det. Ames"));
        // an evidence specialist written short is in the evidence system
        assertTrue(Handlers.isSecureStorage("Ev. Spec. H. Abernathy (ERC)"));
    }

    @Test
    void anUndatedFormRepeatingASealIsNoSealChange() {
        List<CustodyEvent> chain = List.of(
                sealed("2025-03-04T09:10", "Det. R. Vance", "Prop. Clerk L. Moyo", "Booked", "SA 44120"),
                sealed("2025-03-06T13:30", "Prop. Clerk L. Moyo", "Chemist P. Ilyin", "To lab for analysis", "SA 44120"),
                sealed(null, null, null, "Item list: one sealed bag", "SA 44120"));
        assertTrue(new CustodyAnalyzer().analyze(chain).stream().noneMatch(f -> f.kind().equals("seal_issue")));
        // a dated record with another seal still is one
        List<CustodyEvent> changed = List.of(chain.get(0),
                sealed("2025-03-09T10:00", "Prop. Clerk L. Moyo", "Det. R. Vance", "Out to court", "SA 44177"));
        assertTrue(new CustodyAnalyzer().analyze(changed).stream().anyMatch(f -> f.kind().equals("seal_issue")));
    }

    private static CustodyEvent sealed(String time, String from, String to, String purpose, String seal) {
        return new CustodyEvent("1", time == null ? null : LocalDateTime.parse(time), from, to, purpose, null, seal, null, null, null, null, null,
                CustodyText.action(purpose), "table", order++, new Citation("log.csv", 1, null, purpose + " " + seal));
    }

    @Test
    void sealNumbersInSeveralPartsAndRangesOverSubItems() {
        assertEquals("OSI-417-0388", CustodyText.sealNumber("Received: 11 Sep 25, USPS Registered Mail RE114009377US, seal OSI-417-0388 intact"));
        assertEquals("BLM-E-55120", CustodyText.sealNumber("sealed with BLM-E-55120 at 2115"));
        // an examiner unsealing the package, its seal whole, is an opening, not a broken seal
        assertEquals("opened", CustodyText.sealStatus("10/20/25 0902 Item 1 unsealed (BLM-E-55120 intact)."));
        assertEquals("unsealed", CustodyText.sealStatus("The envelope arrived unsealed."));
        // "1A-3" beside rows for 1A, 1B, 2 and 3 runs over all four; "1-3" with no sub-items is 1, 2, 3
        Set<String> keys = new java.util.LinkedHashSet<>(List.of("1A", "1B", "2", "3"));
        assertEquals(List.of("1A", "1B", "2", "3"), CustodyTableReader.lettered("1A-3", keys, ItemKey.of("1A-3")));
        assertEquals(List.of("1A", "1B"), CustodyTableReader.lettered("1A-1B", keys, ItemKey.of("1A-1B")));
        assertEquals(List.of("1", "2", "3"), CustodyTableReader.lettered("1-3", keys, ItemKey.of("1-3")));
    }

    @Test
    void sealCellsWithTheirSealerAndLabBagsWeighedWithTheEvidence() {
        // a property record's seal column that adds who sealed and when
        assertEquals("E 0718342", CustodyTableReader.sealOnly("E 0718342 / CMY / 03-07 0710"));
        assertEquals("7718/7719", CustodyTableReader.sealOnly("7718/7719"), "two seals stay two");
        // an evidence control technician holds items for the evidence system
        assertTrue(Handlers.isSecureStorage("Osei-Grant, Pernille (ECT)"));
        assertTrue(Handlers.isSecureStorage("ECT P. Osei-Grant"));
        // a lab's stated bag weight is not the evidence's
        assertEquals(24.55, CustodyText.grams("The return gross weight of 27.35 g includes the NBIL heat-seal bag (2.80 g empty)."), 0.001);
        assertEquals(27.35, CustodyText.grams("Gross 27.35 g in heat-seal bag."), 0.001);
    }
}
