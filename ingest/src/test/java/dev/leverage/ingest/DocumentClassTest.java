package dev.leverage.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocumentClassTest {
    @Test
    void classesFromTextAndNames() {
        assertEquals("email", DocumentClass.classify("msg.eml", "message/rfc822", "From: ADA"));
        assertEquals("lab_report", DocumentClass.classify("CL24-118.pdf", "application/pdf",
                "STATE CRIME LABORATORY\nDRUG CHEMISTRY REPORT\nResults: Methamphetamine was identified. Net weight 14.2 grams."));
        assertEquals("k9_report", DocumentClass.classify("report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "K9 DEPLOYMENT REPORT\nHandler: Cpl. A. Reyes\nK9: Bruno\nFinal response at the trunk."));
        assertEquals("cad_log", DocumentClass.classify("export.csv", "text/csv", "Incident\tDate\tTime\tUnit\tStatus\tDispatcher"));
        assertEquals("custody_log", DocumentClass.classify("chain.xlsx", "application/vnd.ms-excel",
                "EVIDENCE CHAIN OF CUSTODY\nItem\tReleased By\tReceived By\tPurpose"));
    }
}
