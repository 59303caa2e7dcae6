package dev.leverage.extract.eval;

import dev.leverage.extract.DocumentExtractor;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.ParseOutcome;
import dev.leverage.ingest.TikaDocumentParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One folder of a labelled set: its documents (every file but expected.json), parsed by Tika and extracted as in a case. */
final class LabelledRecord {
    private LabelledRecord() {
    }

    /** The record folders of a labelled set: those with an expected.json, in name order. */
    static List<Path> folders(Path set) throws IOException {
        try (Stream<Path> s = Files.list(set)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
        }
    }

    static List<DocumentFacts> facts(Path folder, TikaDocumentParser parser, DocumentExtractor extractor) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> !p.getFileName().toString().equals("expected.json")).sorted().toList();
        }
        List<DocumentFacts> out = new ArrayList<>();
        for (Path f : files) {
            ParseOutcome o = parser.parse(f, f.getFileName().toString(), TikaDocumentParser.sha256(f));
            if (!(o instanceof ParseOutcome.Parsed p)) continue;
            for (Document d : p.documents()) out.add(extractor.extract(d));
        }
        return out;
    }
}
