package dev.leverage.extract;

import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageFurnitureTest {
    @Test
    void runningHeadersAndPrintStampsAreMaskedNotMoved() {
        Page p1 = new Page(1, "MILLBROOK POLICE DEPARTMENT - NARRATIVE\nOn 05/02/2024 at 2214 hrs I stopped a gray Kia.\nPrinted 05/09/2024 13:02 by JSMITH\nMPD-000101", "MPD-000101", false, List.of());
        Page p2 = new Page(2, "MILLBROOK POLICE DEPARTMENT - NARRATIVE\nAt 2231 hrs the driver was arrested.\nPrinted 05/09/2024 13:02 by JSMITH\nMPD-000102", "MPD-000102", false, List.of());
        Document d = new Document("x", "r.pdf", "x", "police_report", "application/pdf", Map.of(), List.of(p1, p2), null);
        PageFurniture f = new PageFurniture(d);
        String masked = f.mask(p2);
        assertEquals(p2.text().length(), masked.length(), "offsets are kept");
        assertTrue(masked.contains("At 2231 hrs the driver was arrested."));
        assertFalse(masked.contains("Printed"));
        assertFalse(masked.contains("MILLBROOK"), "a line repeated on every page is a running header");
        assertFalse(masked.contains("MPD-000102"));
    }
}
