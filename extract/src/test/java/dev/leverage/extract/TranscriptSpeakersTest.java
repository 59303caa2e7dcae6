package dev.leverage.extract;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who speaks on a recording: the header's key to initials, and the officer who wore the camera. */
class TranscriptSpeakersTest {
    @Test
    void initialsAreReadFromTheHeadersKey() {
        var key = DocumentExtractor.speakerKey("Present: Agent Lorna Beck (LB); Agent Devin Sato (DS); Anton DELACROIX (AD)\n"
                + "Seized items (2) were logged (see Item 3 (K9))");
        assertEquals("Agent Lorna Beck", key.get("LB"));
        assertEquals("Anton DELACROIX", key.get("AD"));
        // initials that are not the name's are no key
        assertTrue(DocumentExtractor.speakerKey("Kestrel County Sheriff (KCPD)").isEmpty());
    }

    @Test
    void theWearerIsTheOfficerTheHeaderNames() {
        assertEquals("Ruiz-Tate", DocumentExtractor.wearer("HOUSING AUTHORITY POLICE\nBODY-WORN CAMERA TRANSCRIPT\nCamera: AXON Body 3, serial X6039912\n"
                + "Officer: Ofc. Felipe Ruiz-Tate #41\nRecording start: 2024-02-22 19:38:10"));
        assertEquals("Ferreira", DocumentExtractor.wearer("SHERIFF'S OFFICE - BODY WORN CAMERA TRANSCRIPT\nCamera: BWC-M14 (Dep. N. Ferreira)     Case: HP-25-0704-03"));
        assertEquals("Whitfield", DocumentExtractor.wearer("BODY-WORN CAMERA TRANSCRIPT\nTrooper: J. Whitfield #F-88     Device: NSP-BWC 20F88"));
        // a report that is no recording names no wearer
        assertNull(DocumentExtractor.wearer("SUPPLEMENTAL REPORT\nOfficer: Ofc. Felipe Ruiz-Tate #41"));
    }
}
