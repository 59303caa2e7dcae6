package dev.leverage.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leverage.extract.DocumentExtractor;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Finding;
import dev.leverage.extract.custody.CustodyAnalyzer;
import dev.leverage.extract.custody.CustodyEvent;
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
 * Measures the custody analyzer on the labelled custody records (one folder per record: its documents and an
 * expected.json listing each expected finding by kind and item). Every document goes through Tika and the
 * extractors exactly as in a case; a finding counts when its kind and item match an expected one.
 */
public final class CustodyEvaluation {
    /** What one record gave against what it should have given. */
    public record RecordResult(String name, Set<String> expected, Set<String> found) {
        public boolean exact() {
            return expected.equals(found);
        }
    }

    public record Result(List<RecordResult> records, Map<String, Evaluation.Counts> byKind, Evaluation.Counts micro) {
        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "Custody analyzer (%d labelled records, %d with a clean chain)%n", records.size(),
                    records.stream().filter(r -> r.expected().isEmpty()).count());
            LabelledRecord.printKinds(out, byKind, micro);
            long clean = records.stream().filter(r -> r.expected().isEmpty() && r.found().isEmpty()).count();
            out.printf(Locale.ROOT, "  clean chains with no finding: %d of %d%n", clean, records.stream().filter(r -> r.expected().isEmpty()).count());
            for (RecordResult r : records) {
                if (!r.exact()) out.printf(Locale.ROOT, "  MISMATCH %s expected %s found %s%n", r.name(), r.expected(), r.found());
            }
        }
    }

    private final DocumentExtractor extractor;
    private final TikaDocumentParser parser = new TikaDocumentParser(IngestLimits.DEFAULT);
    private final CustodyAnalyzer analyzer = new CustodyAnalyzer();

    public CustodyEvaluation(TrainedModels models, Thresholds thresholds) {
        this.extractor = new DocumentExtractor(models, thresholds);
    }

    public Result run(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<RecordResult> records = new ArrayList<>();
        Map<String, Evaluation.Counts> by = new TreeMap<>();
        List<Path> folders = LabelledRecord.folders(dir);
        for (Path folder : folders) {
            JsonNode expectedJson = json.readTree(folder.resolve("expected.json").toFile());
            Set<String> expected = new TreeSet<>();
            for (JsonNode f : expectedJson.path("findings")) expected.add(f.path("kind").asText() + ":" + key(f.path("item").asText()));
            Set<String> found = new TreeSet<>();
            for (Finding f : findings(folder)) found.add(f.kind() + ":" + key(String.valueOf(f.facts().get("item"))));
            records.add(new RecordResult(folder.getFileName().toString(), expected, found));
            LabelledRecord.tally(expected, found, by);
        }
        Evaluation.Counts micro = LabelledRecord.micro(by);
        return new Result(records, by, micro);
    }

    /** The custody findings of one record's documents. */
    public List<Finding> findings(Path folder) throws IOException {
        List<CustodyEvent> events = new ArrayList<>();
        for (DocumentFacts facts : LabelledRecord.facts(folder, parser, extractor)) events.addAll(facts.custody());
        return analyzer.analyze(events);
    }

    private static String key(String item) {
        return item.replaceFirst("(?i)^item\\s+", "").toUpperCase(Locale.ROOT).strip();
    }

    /** Prints one record's rebuilt chains, for whoever is improving the readers. */
    public void explain(Path folder, PrintStream out) throws IOException {
        List<CustodyEvent> events = new ArrayList<>();
        for (DocumentFacts facts : LabelledRecord.facts(folder, parser, extractor)) events.addAll(facts.custody());
        if (Boolean.getBoolean("leverage.explain.raw")) {
            for (CustodyEvent e : events) out.println("  raw " + e);
        }
        analyzer.chains(events).forEach((item, links) -> {
            out.println("Item " + item);
            for (CustodyAnalyzer.Link l : links) {
                CustodyEvent e = l.event();
                out.printf("  %s | %s -> %s | %s | loc=%s seal=%s/%s n=%s w=%s%s desc=%s act=%s | %s%n", e.time(), e.releasedBy(), e.receivedBy(), e.purpose(),
                        e.location(), e.seal(), e.sealStatus(), e.count(), e.weightGrams(), e.weightKind() == null ? "" : e.weightKind(), e.description(), e.action(),
                        l.citations().stream().map(c -> c.document() + ":" + c.quote().substring(0, Math.min(60, c.quote().length()))).toList());
            }
        });
        for (Finding f : analyzer.analyze(events)) out.println("  => " + f.kind() + " " + f.facts().get("item") + ": " + f.title());
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1 && args[1].equals("explain")) {
            new CustodyEvaluation(TrainedModels.load(null), Thresholds.load(null)).explain(Path.of(args[0]), System.out);
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "extract/src/test/resources/dev/leverage/extract/custody-eval");
        new CustodyEvaluation(TrainedModels.load(null), Thresholds.load(null)).run(dir).print(System.out);
    }
}
