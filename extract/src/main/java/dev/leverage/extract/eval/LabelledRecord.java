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

    /** Scores one record's findings, each a "kind:key" string, into the counts per kind. */
    static void tally(java.util.Set<String> expected, java.util.Set<String> found, java.util.Map<String, Evaluation.Counts> byKind) {
        for (String e : expected) {
            Evaluation.Counts c = byKind.computeIfAbsent(e.substring(0, e.indexOf(':')), k -> new Evaluation.Counts());
            if (found.contains(e)) c.tp++;
            else c.fn++;
        }
        for (String f : found) if (!expected.contains(f)) byKind.computeIfAbsent(f.substring(0, f.indexOf(':')), k -> new Evaluation.Counts()).fp++;
    }

    /** The counts of every kind together. */
    static Evaluation.Counts micro(java.util.Map<String, Evaluation.Counts> byKind) {
        Evaluation.Counts micro = new Evaluation.Counts();
        byKind.values().forEach(c -> {
            micro.tp += c.tp;
            micro.fp += c.fp;
            micro.fn += c.fn;
        });
        return micro;
    }

    /** Precision, recall and F1 per kind and over all, one line each. */
    static void printKinds(java.io.PrintStream out, java.util.Map<String, Evaluation.Counts> byKind, Evaluation.Counts micro) {
        out.printf(java.util.Locale.ROOT, "  %-24s %6s %6s %6s %4s %4s %4s%n", "kind", "prec", "recall", "F1", "tp", "fp", "fn");
        byKind.forEach((k, c) -> out.printf(java.util.Locale.ROOT, "  %-24s %6.3f %6.3f %6.3f %4d %4d %4d%n", k, c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn));
        out.printf(java.util.Locale.ROOT, "  %-24s %6.3f %6.3f %6.3f %4d %4d %4d%n", "all", micro.precision(), micro.recall(), micro.f1(), micro.tp, micro.fp, micro.fn);
    }

    static List<DocumentFacts> facts(Path folder, TikaDocumentParser parser, DocumentExtractor extractor) throws IOException {
        return production(folder, parser, extractor).facts();
    }

    /** A labelled folder as a case sees it: the facts of every document read, and every file by path, read or not. */
    record Production(List<DocumentFacts> facts, List<String> files) {
    }

    /**
     * Every file of a folder and its subfolders but expected.json, parsed by Tika and extracted as in a case. Files
     * Tika cannot read (a video) are listed by path all the same; documents inside a file are listed by theirs.
     */
    static Production production(Path folder, TikaDocumentParser parser, DocumentExtractor extractor) throws IOException {
        List<Path> paths;
        try (Stream<Path> s = Files.walk(folder)) {
            paths = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("expected.json")).sorted().toList();
        }
        List<DocumentFacts> facts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Path f : paths) {
            String relative = folder.relativize(f).toString().replace('\\', '/');
            files.add(relative);
            ParseOutcome o = parser.parse(f, relative, TikaDocumentParser.sha256(f));
            if (!(o instanceof ParseOutcome.Parsed p)) continue;
            for (Document d : p.documents()) {
                facts.add(extractor.extract(d));
                if (!files.contains(d.path())) files.add(d.path());
            }
        }
        return new Production(facts, files);
    }
}
