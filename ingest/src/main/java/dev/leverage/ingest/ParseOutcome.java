package dev.leverage.ingest;

import java.util.List;

/** What parsing one file gives: its documents (the file and anything embedded in it), or a quarantine record. */
public sealed interface ParseOutcome {
    /** The file parsed; the first document is the file itself, the rest are embedded in it. */
    record Parsed(List<Document> documents, List<String> warnings) implements ParseOutcome {
        public Parsed {
            if (documents.isEmpty()) throw new IllegalArgumentException("a parsed file has at least one document");
            documents = List.copyOf(documents);
            warnings = List.copyOf(warnings);
        }
    }

    /** The file was set aside. */
    record Quarantined(Quarantine record) implements ParseOutcome {
    }
}
