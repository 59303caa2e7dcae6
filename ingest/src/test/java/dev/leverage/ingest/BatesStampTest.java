package dev.leverage.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BatesStampTest {
    @Test
    void stampsInFootersAndHeaders() {
        assertEquals("ARV-000004", BatesStamp.find("narrative text\nPage 1 of 1 | ARV-000004"));
        assertEquals("DOJ_0012345", BatesStamp.find("DOJ_0012345\nSTATEMENT OF WITNESS\n..."));
        assertEquals("SMITH 00017", BatesStamp.find("body\nCONFIDENTIAL SMITH 00017"));
    }

    @Test
    void caseNumbersPlatesAndStatutesAreNotStamps() {
        assertNull(BatesStamp.find("Case No. 25-003117\nPlate KTR-4471 statute 35-17-4(a)(1)"));
        assertNull(BatesStamp.find(""));
    }
}
