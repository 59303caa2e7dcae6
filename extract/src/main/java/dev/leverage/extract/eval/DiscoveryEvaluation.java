package dev.leverage.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leverage.extract.CaseAnalysis;
import dev.leverage.extract.DocumentExtractor;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Finding;
import dev.leverage.extract.discovery.RecordReader;
import dev.leverage.extract.discovery.RecordReference;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.sampling.Thresholds;
import dev.leverage.ingest.IngestLimits;
import dev.leverage.ingest.TikaDocumentParser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measures the discovery-gap analyzer on labelled productions (one folder per case: the files the defense received
 * and an expected.json listing each expected gap by kind and key, see discovery-labels.md). Every file goes through
 * Tika and the extractors as in a case, and a file Tika cannot read (a video) still counts as produced by its name.
 * A gap counts when kind and key match; a cited document's key also matches when one key contains the other (the
 * label may keep a prefix the document drops).
 */
public final class DiscoveryEvaluation {
    public record RecordResult(String name, Set<String> expected, Set<String> found) {
        public boolean exact() {
            return expected.equals(found);
        }
    }

    public record Result(List<RecordResult> records, Map<String, Evaluation.Counts> byKind, Evaluation.Counts micro) {
        public long clean() {
            return records.stream().filter(r -> r.expected().isEmpty()).count();
        }

        public long cleanSilent() {
            return records.stream().filter(r -> r.expected().isEmpty() && r.found().isEmpty()).count();
        }

        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "Discovery gaps (%d labelled productions, %d complete)%n", records.size(), clean());
            LabelledRecord.printKinds(out, byKind, micro);
            out.printf(Locale.ROOT, "  complete productions with no gap: %d of %d%n", cleanSilent(), clean());
            for (RecordResult r : records) {
                if (!r.exact()) {
                    Set<String> missed = new TreeSet<>(r.expected());
                    missed.removeAll(r.found());
                    Set<String> extra = new TreeSet<>(r.found());
                    extra.removeAll(r.expected());
                    out.printf(Locale.ROOT, "  MISMATCH %s missed %s extra %s%n", r.name(), missed, extra);
                }
            }
        }
    }

    private final DocumentExtractor extractor;
    private final CaseAnalysis analysis;
    private final TikaDocumentParser parser = new TikaDocumentParser(IngestLimits.DEFAULT);

    public DiscoveryEvaluation(TrainedModels models, Thresholds thresholds) {
        this.extractor = new DocumentExtractor(models, thresholds);
        this.analysis = new CaseAnalysis(thresholds);
    }

    public Result run(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<RecordResult> records = new ArrayList<>();
        Map<String, Evaluation.Counts> by = new TreeMap<>();
        for (Path folder : LabelledRecord.folders(dir)) {
            Set<String> expected = new TreeSet<>();
            for (JsonNode f : json.readTree(folder.resolve("expected.json").toFile()).path("findings")) {
                expected.add(f.path("kind").asText() + ":" + key(f.path("key").asText()));
            }
            Set<String> found = new TreeSet<>();
            for (Finding f : findings(folder)) found.add(matching(f.kind() + ":" + key(String.valueOf(f.facts().get("key"))), expected));
            records.add(new RecordResult(folder.getFileName().toString(), expected, found));
            LabelledRecord.tally(expected, found, by);
        }
        return new Result(records, by, LabelledRecord.micro(by));
    }

    /** A key as labels write it: lower case, letters, digits and underscores ("bench_notes", "ci0419"). */
    static String key(String k) {
        return k.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
    }

    /** The expected label a found key stands for: itself, or a cited document's label that contains it or that it contains. */
    static String matching(String found, Set<String> expected) {
        if (expected.contains(found) || !found.startsWith("cited_document:")) return found;
        String k = found.substring(found.indexOf(':') + 1);
        for (String e : expected) {
            if (!e.startsWith("cited_document:")) continue;
            String ek = e.substring(e.indexOf(':') + 1);
            if (ek.length() >= 3 && k.length() >= 3 && (ek.contains(k) || k.contains(ek))) return e;
        }
        return found;
    }

    /** The discovery gaps found in one labelled production. */
    public List<Finding> findings(Path folder) throws IOException {
        LabelledRecord.Production p = LabelledRecord.production(folder, parser, extractor);
        return analysis.analyze(p.facts(), p.files()).findings().stream().filter(f -> f.type().equals("discovery_gap")).toList();
    }

    /** Prints what the reader found in each document of one production, and the gaps, for whoever improves the reader. */
    public void explain(Path folder, PrintStream out) throws IOException {
        LabelledRecord.Production p = LabelledRecord.production(folder, parser, extractor);
        for (DocumentFacts f : p.facts()) {
            out.println(f.path() + " [" + f.type() + "]");
            for (RecordReference r : f.references()) {
                if (r.kind().equals("identity") || r.kind().equals("listing")) continue;
                String q = r.citation().quote();
                out.printf("   %-15s %-9s %-18s %-14s | %s%n", r.kind(), r.role(), r.subject(), r.record(), q.substring(0, Math.min(100, q.length())));
            }
        }
        out.println("files: " + p.files());
        for (Finding f : analysis.analyze(p.facts(), p.files()).findings()) {
            if (f.type().equals("custody_gap")) {
                out.println("  (custody) " + f.kind() + " " + f.facts().get("item") + ": " + f.title());
                for (dev.leverage.extract.Citation c : f.citations()) out.println("        " + c.document() + " p" + c.page() + ": " + c.quote().substring(0, Math.min(140, c.quote().length())));
            }
        }
        for (Finding f : findings(folder)) out.println("  => " + f.kind() + ":" + f.facts().get("key") + "  " + f.title());
    }

    public static void main(String[] args) throws IOException {
        DiscoveryEvaluation eval = new DiscoveryEvaluation(TrainedModels.load(null), Thresholds.load(null));
        if (args.length > 1 && args[1].equals("explain")) {
            eval.explain(Path.of(args[0]), System.out);
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "extract/src/test/resources/dev/leverage/extract/discovery-eval");
        eval.run(dir).print(System.out);
    }
}
