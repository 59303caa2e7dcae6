package dev.leverage.extract.discovery;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a cited record's number is matched to the records produced. */
class RecordNumbersTest {

    @Test
    void oneNumberWithAndWithoutItsAgencysLetters() {
        // "Report WM-2025-1187" cited, "Report No. 2025-1187" produced
        assertTrue(DiscoveryGapAnalyzer.samePrefixedNumber("wm20251187", "20251187"));
        assertTrue(DiscoveryGapAnalyzer.samePrefixedNumber("20251187", "wm20251187"));
        // a short number, other digits, or a prefix that is itself a number are other records
        assertFalse(DiscoveryGapAnalyzer.samePrefixedNumber("sw1187", "1187"));
        assertFalse(DiscoveryGapAnalyzer.samePrefixedNumber("wm20251188", "20251187"));
        assertFalse(DiscoveryGapAnalyzer.samePrefixedNumber("supplement20251187", "20251187"));
        assertFalse(DiscoveryGapAnalyzer.samePrefixedNumber("120251187", "20251187"));
        // a warrant number with and without its court's prefix
        assertEquals("MC-25-SW-061", DiscoveryGapAnalyzer.fullNumber("25-SW-061", Set.of("MC-25-SW-061", "25-0412")));
    }
}
