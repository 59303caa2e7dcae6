package dev.leverage.extract;

import dev.leverage.extract.custody.CustodyAnalyzer;
import dev.leverage.extract.custody.CustodyEvent;
import dev.leverage.extract.custody.CustodyText;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustodyAnalyzerTest {
    static int order;

    static CustodyEvent ev(String time, String from, String to, String purpose, String seal, String sealStatus, Integer count,
                           Double grams, String kind, String description, String action, String quote) {
        return new CustodyEvent("1", time == null ? null : LocalDateTime.parse(time), from, to, purpose, null, seal, sealStatus, count, grams,
                kind, description, action, "table", order++, new Citation("log.csv", 1, null, quote == null ? "row " + order : quote));
    }

    static Set<String> kinds(List<CustodyEvent> chain) {
        return new CustodyAnalyzer().analyze(chain).stream().map(Finding::kind).collect(Collectors.toSet());
    }

    @Test
    void aCleanChainHasNoFinding() {
        List<CustodyEvent> chain = List.of(
                ev("2024-06-03T01:10", "Found in console", "Ofc. J. Pike #412", "Seized", "S-1001", null, 22, 31.4, "gross", "white powder", "seized", null),
                ev("2024-06-03T03:40", "Ofc. J. Pike #412", "Property Room", "Stored", "S-1001", "intact", 22, null, null, null, "stored", null),
                ev("2024-06-20T09:00", "Property Room", "PC L. Aung #77", "Transport to lab", "S-1001", "intact", 22, null, null, null, "submitted", null),
                ev("2024-06-20T10:15", "PC L. Aung #77", "State Crime Laboratory", "Submitted for analysis", "S-1001", "intact", 22, 31.2, "gross", "white powder", "lab_received", null));
        assertEquals(Set.of(), kinds(chain));
    }

    @Test
    void eachBreak() {
        assertEquals(Set.of("handler_mismatch", "unaccounted_interval"), kinds(List.of(
                ev("2024-06-03T01:10", "Ofc. Pike", "Ofc. J. Pike", null, null, null, null, null, null, null, "seized", null),
                ev("2024-06-04T09:00", "Sgt. R. Vale", "Property Room", null, null, null, null, null, null, null, "stored", null))));
        assertTrue(kinds(List.of(
                ev("2024-06-03T01:10", "Ofc. J. Pike", "Property Room", null, null, null, 50, null, null, null, "stored", null),
                ev("2024-06-05T09:00", "Property Room", "Crime Lab", null, null, null, 48, null, null, null, "submitted", null))).contains("count_mismatch"));
        assertTrue(kinds(List.of(
                ev("2024-06-03T01:10", "Ofc. J. Pike", "Property Room", null, "S-1", null, null, 31.4, "gross", null, "stored", null),
                ev("2024-06-05T09:00", "Property Room", "Crime Lab", null, "S-1", null, null, 33.0, "net", null, "submitted", null))).contains("weight_mismatch"));
        assertTrue(kinds(List.of(
                ev("2024-06-03T01:10", "Ofc. J. Pike", "Property Room", null, "S-1001", null, null, null, null, null, "stored", null),
                ev("2024-06-05T09:00", "Property Room", "Crime Lab", null, "S-2002", null, null, null, null, null, "submitted", null))).contains("seal_issue"));
        assertTrue(kinds(List.of(
                ev("2024-06-03T01:10", "Ofc. J. Pike", "Property Room", null, null, null, null, null, null, "off-white powder", "stored", null),
                ev("2024-06-05T09:00", "Property Room", "Crime Lab", null, null, null, null, null, null, "tan rock-like substance", "submitted", null))).contains("description_mismatch"));
        assertTrue(kinds(List.of(
                ev("2024-06-03T01:10", "Ofc. J. Pike", "Ofc. J. Pike", null, null, null, null, null, null, null, "seized",
                        "I kept Item 1 in a locked safe at my residence overnight."))).contains("custody_outside_system"));
        assertTrue(kinds(List.of(
                ev("2024-06-03T01:10", "Ofc. J. Pike", "Property Room", null, null, null, null, null, null, null, "stored", null),
                ev("2024-06-05T09:00", "", "Crime Lab", null, null, null, null, null, null, null, "submitted", null))).contains("missing_handler"));
        assertTrue(kinds(List.of(
                ev("2024-06-10T09:00", "PC L. Aung", "State Crime Laboratory", null, null, null, null, null, null, null, "submitted", null),
                ev("2024-06-08T10:00", "PC L. Aung", "State Crime Laboratory", null, null, null, null, null, null, null, "lab_received", null))).contains("out_of_order"));
    }

    @Test
    void wordsOfCustodyRecords() {
        assertEquals(453.59237 * 59, CustodyText.grams("59 lbs"), 0.01);
        assertEquals("net", CustodyText.weightKind("Net wt. 11.2 g"));
        assertEquals("broken", CustodyText.sealStatus("Evidence seal was broken on arrival"));
        assertEquals("not_inventoried", CustodyText.sealStatus("Sealed container received, not inventoried"));
        assertEquals(Set.of("off-white"), CustodyText.colours("off white powder"));
        assertEquals(Set.of("rock"), CustodyText.forms("tan rock-like substance"));
        assertTrue(CustodyText.outsideSystem("stored it in the trunk of my personal vehicle") != null);
        assertEquals(null, CustodyText.outsideSystem("placed in temporary evidence locker 12"));
    }
}
