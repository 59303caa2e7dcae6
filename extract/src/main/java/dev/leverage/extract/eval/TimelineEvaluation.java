package dev.leverage.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leverage.extract.CaseAnalysis;
import dev.leverage.extract.DocumentExtractor;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Finding;
import dev.leverage.extract.custody.CustodyEvent;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.sampling.Thresholds;
import dev.leverage.extract.timeline.CaseEvent;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.extract.timeline.TimelineAnalyzer;
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
 * Measures the timeline analyzer on the labelled multi-document scenarios (one folder per scenario: its documents
 * and an expected.json listing each expected finding by kind and key). Every document goes through Tika and the
 * extractors exactly as in a case, custody records included. A finding counts when its kind and key match an
 * expected one: the event for conflicting_times, the rule for sequence_violation, the act (k9_sniff or search) for
 * prolonged_detention, the person's surname for duration_implausible.
 */
public final class TimelineEvaluation {
    public record RecordResult(String name, Set<String> expected, Set<String> found) {
        public boolean exact() {
            return expected.equals(found);
        }
    }

    public record Result(List<RecordResult> records, Map<String, Evaluation.Counts> byKind, Evaluation.Counts micro) {
        public long cleanSilent() {
            return records.stream().filter(r -> r.expected().isEmpty() && r.found().isEmpty()).count();
        }

        public long clean() {
            return records.stream().filter(r -> r.expected().isEmpty()).count();
        }

        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "Timeline analyzer (%d labelled scenarios, %d with nothing to find)%n", records.size(), clean());
            LabelledRecord.printKinds(out, byKind, micro);
            out.printf(Locale.ROOT, "  clean scenarios with no finding: %d of %d%n", cleanSilent(), clean());
            for (RecordResult r : records) {
                if (!r.exact()) out.printf(Locale.ROOT, "  MISMATCH %s expected %s found %s%n", r.name(), r.expected(), r.found());
            }
        }
    }

    private final DocumentExtractor extractor;
    private final TikaDocumentParser parser = new TikaDocumentParser(IngestLimits.DEFAULT);
    private final TimelineAnalyzer analyzer = new TimelineAnalyzer();

    public TimelineEvaluation(TrainedModels models, Thresholds thresholds) {
        this.extractor = new DocumentExtractor(models, thresholds);
    }

    public Result run(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<RecordResult> records = new ArrayList<>();
        Map<String, Evaluation.Counts> by = new TreeMap<>();
        for (Path folder : LabelledRecord.folders(dir)) {
            JsonNode expectedJson = json.readTree(folder.resolve("expected.json").toFile());
            Set<String> expected = new TreeSet<>();
            for (JsonNode f : expectedJson.path("findings")) expected.add(f.path("kind").asText() + ":" + f.path("key").asText().toLowerCase(Locale.ROOT).strip());
            Set<String> found = new TreeSet<>();
            for (Finding f : findings(folder)) found.add(f.kind() + ":" + key(f));
            records.add(new RecordResult(folder.getFileName().toString(), expected, found));
            LabelledRecord.tally(expected, found, by);
        }
        Evaluation.Counts micro = LabelledRecord.micro(by);
        return new Result(records, by, micro);
    }

    /** The key a finding is scored by. */
    static String key(Finding f) {
        Object k = switch (f.kind()) {
            case "conflicting_times" -> f.facts().get("event");
            case "sequence_violation" -> f.facts().get("rule");
            case "prolonged_detention" -> f.facts().get("act");
            case "duration_implausible" -> {
                String p = String.valueOf(f.facts().get("person")).replaceAll("[^\\p{L} '-]", " ").strip();
                yield p.substring(p.lastIndexOf(' ') + 1);
            }
            default -> f.id();
        };
        return String.valueOf(k).toLowerCase(Locale.ROOT);
    }

    private List<TimedEvent> tellings(Path folder) throws IOException {
        List<TimedEvent> events = new ArrayList<>();
        List<CustodyEvent> custody = new ArrayList<>();
        for (DocumentFacts facts : LabelledRecord.facts(folder, parser, extractor)) {
            events.addAll(facts.events());
            custody.addAll(facts.custody());
        }
        events.addAll(CaseAnalysis.custodyTellings(custody));
        return events;
    }

    /** The timeline findings of one scenario's documents. */
    public List<Finding> findings(Path folder) throws IOException {
        return analyzer.analyze(tellings(folder));
    }

    /** Prints one scenario's merged chronology and findings, for whoever is improving the readers. */
    public void explain(Path folder, PrintStream out) throws IOException {
        List<TimedEvent> events = tellings(folder);
        if (Boolean.getBoolean("leverage.explain.raw")) {
            for (TimedEvent t : events) out.println("  raw " + t.time() + " " + t.event() + " " + t.source() + " " + t.citation().document() + " | " + t.citation().quote());
        }
        for (CaseEvent e : analyzer.merge(events)) {
            out.printf("%s %-18s%n", e.time(), e.event());
            for (TimedEvent t : e.tellings()) {
                out.printf("      %s%s %-10s %-22s %s | %s%n", t.time(), t.dateOnly() ? "(date)" : t.approximate() ? "~" : "", t.source(),
                        t.actor() == null ? "-" : t.actor(), t.citation().document(), t.citation().quote().substring(0, Math.min(110, t.citation().quote().length())));
            }
        }
        for (Finding f : analyzer.analyze(events)) out.println("  => " + f.kind() + ":" + key(f) + " " + f.title());
    }

    public static void main(String[] args) throws IOException {
        TimelineEvaluation eval = new TimelineEvaluation(TrainedModels.load(null), Thresholds.load(null));
        if (args.length > 1 && args[1].equals("explain")) {
            eval.explain(Path.of(args[0]), System.out);
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "extract/src/test/resources/dev/leverage/extract/timeline-eval");
        eval.run(dir).print(System.out);
    }
}
