package dev.leverage.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leverage.extract.DocumentExtractor;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Finding;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.sampling.SamplingAnalyzer;
import dev.leverage.extract.sampling.SamplingClaim;
import dev.leverage.extract.sampling.Thresholds;
import dev.leverage.ingest.IngestLimits;
import dev.leverage.ingest.TikaDocumentParser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Measures the sampling reader and analyzer on the labelled lab-report passages (one folder per record: its
 * documents and an expected.json with the claims per item and whether a sampling finding is due). Every document
 * goes through Tika and the extractors as in a case. Each stated fact of a claim (substance, units, weights, kind,
 * basis, uncertainty, confidence, selection, field test, commingling) counts once: found and equal is a true
 * positive, a fact the reader states that the label does not (or states differently) a false positive, a labelled
 * fact not found a false negative. The finding decision is scored apart.
 */
public final class SamplingEvaluation {
    static final List<String> FIELDS = List.of("substance", "units_total", "units_tested", "unit_weights_g", "tested_weight_g",
            "reported_total_g", "reported_kind", "reported_basis", "uncertainty_g", "confidence", "selection", "field_test_only", "commingled");

    public record RecordResult(String name, List<String> misses, boolean findingExpected, boolean findingFound) {
    }

    public record Result(List<RecordResult> records, Map<String, Evaluation.Counts> byField, Evaluation.Counts micro, Evaluation.Counts findings) {
        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "Sampling reader (%d labelled records, %d without a sampling finding)%n", records.size(),
                    records.stream().filter(r -> !r.findingExpected()).count());
            out.printf(Locale.ROOT, "  %-20s %6s %6s %6s %4s %4s %4s%n", "fact", "prec", "recall", "F1", "tp", "fp", "fn");
            byField.forEach((k, c) -> out.printf(Locale.ROOT, "  %-20s %6.3f %6.3f %6.3f %4d %4d %4d%n", k, c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn));
            out.printf(Locale.ROOT, "  %-20s %6.3f %6.3f %6.3f %4d %4d %4d%n", "all facts", micro.precision(), micro.recall(), micro.f1(), micro.tp, micro.fp, micro.fn);
            out.printf(Locale.ROOT, "  %-20s %6.3f %6.3f %6.3f %4d %4d %4d%n", "sampling finding", findings.precision(), findings.recall(), findings.f1(),
                    findings.tp, findings.fp, findings.fn);
            for (RecordResult r : records) {
                if (!r.misses().isEmpty() || r.findingExpected() != r.findingFound()) {
                    out.printf(Locale.ROOT, "  MISMATCH %s finding expected %s found %s %s%n", r.name(), r.findingExpected(), r.findingFound(), r.misses());
                }
            }
        }
    }

    private final DocumentExtractor extractor;
    private final SamplingAnalyzer analyzer;
    private final TikaDocumentParser parser = new TikaDocumentParser(IngestLimits.DEFAULT);

    public SamplingEvaluation(TrainedModels models, Thresholds thresholds) {
        this.extractor = new DocumentExtractor(models, thresholds);
        this.analyzer = new SamplingAnalyzer(thresholds, 0.95);
    }

    public Result run(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<RecordResult> records = new ArrayList<>();
        Map<String, Evaluation.Counts> by = new LinkedHashMap<>();
        for (String f : FIELDS) by.put(f, new Evaluation.Counts());
        Evaluation.Counts findings = new Evaluation.Counts();
        List<Path> folders = LabelledRecord.folders(dir);
        for (Path folder : folders) {
            JsonNode expected = json.readTree(folder.resolve("expected.json").toFile());
            List<SamplingClaim> claims = claims(folder);
            Map<String, SamplingClaim> byItem = new TreeMap<>();
            for (SamplingClaim c : claims) byItem.putIfAbsent(c.item() == null ? "1" : c.item(), c);
            List<String> misses = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (JsonNode e : expected.path("claims")) {
                String item = e.path("item").asText("1");
                seen.add(item);
                SamplingClaim c = byItem.get(item);
                for (String field : FIELDS) score(field, e.get(field), c == null ? null : value(c, field), item, by.get(field), misses);
            }
            for (var extra : byItem.entrySet()) {
                if (seen.contains(extra.getKey())) continue;
                for (String field : FIELDS) score(field, null, value(extra.getValue(), field), extra.getKey(), by.get(field), misses);
            }
            boolean findingExpected = expected.path("sampling_finding").asBoolean();
            boolean findingFound = !analyzer.analyze(claims).isEmpty();
            if (findingExpected && findingFound) findings.tp++;
            else if (findingExpected) findings.fn++;
            else if (findingFound) findings.fp++;
            records.add(new RecordResult(folder.getFileName().toString(), misses, findingExpected, findingFound));
        }
        Evaluation.Counts micro = new Evaluation.Counts();
        by.values().forEach(c -> {
            micro.tp += c.tp;
            micro.fp += c.fp;
            micro.fn += c.fn;
        });
        return new Result(records, by, micro, findings);
    }

    /** A labelled value against the value read; null, false and [] mean "not stated". */
    private static void score(String field, JsonNode expected, Object found, String item, Evaluation.Counts c, List<String> misses) {
        Object want = plain(expected);
        Object got = stated(found) ? found : null;
        if (want != null && got != null && same(want, got)) c.tp++;
        else {
            if (want != null) c.fn++;
            if (got != null) c.fp++;
            if (want != null || got != null) misses.add(item + "." + field + " want " + want + " got " + got);
        }
    }

    private static Object plain(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isBoolean()) return n.asBoolean() ? Boolean.TRUE : null;
        if (n.isNumber()) return n.asDouble();
        if (n.isArray()) {
            if (n.isEmpty()) return null;
            List<Double> l = new ArrayList<>();
            n.forEach(x -> l.add(x.asDouble()));
            return l;
        }
        return n.asText().toLowerCase(Locale.ROOT);
    }

    private static boolean stated(Object o) {
        return o != null && !Boolean.FALSE.equals(o) && !(o instanceof List<?> l && l.isEmpty());
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Double x && b instanceof Number y) return Math.abs(x - y.doubleValue()) <= Math.max(1e-3, 1e-4 * Math.abs(x));
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!same(x.get(i), y.get(i))) return false;
            return true;
        }
        return Objects.equals(String.valueOf(a).toLowerCase(Locale.ROOT), String.valueOf(b).toLowerCase(Locale.ROOT));
    }

    private static Object value(SamplingClaim c, String field) {
        return switch (field) {
            case "substance" -> c.substance();
            case "units_total" -> c.unitsTotal();
            case "units_tested" -> c.unitsTested();
            case "unit_weights_g" -> c.unitWeightsG();
            case "tested_weight_g" -> c.testedWeightG();
            case "reported_total_g" -> c.reportedTotalG();
            case "reported_kind" -> c.reportedKind();
            case "reported_basis" -> c.reportedBasis();
            case "uncertainty_g" -> c.uncertaintyG();
            case "confidence" -> c.confidence();
            case "selection" -> c.selection();
            case "field_test_only" -> c.fieldTestOnly();
            case "commingled" -> c.commingled();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** The sampling claims of one record's documents. */
    public List<SamplingClaim> claims(Path folder) throws IOException {
        List<SamplingClaim> out = new ArrayList<>();
        for (DocumentFacts facts : LabelledRecord.facts(folder, parser, extractor)) out.addAll(facts.sampling());
        return out;
    }

    public static void main(String[] args) throws Exception {
        SamplingEvaluation e = new SamplingEvaluation(TrainedModels.load(null), Thresholds.load(null));
        Path dir = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("explain")) {
            for (SamplingClaim c : e.claims(dir)) System.out.println(c);
            List<Finding> f = e.analyzer.analyze(e.claims(dir));
            f.forEach(x -> System.out.println("=> " + x.kind() + " " + x.title()));
            return;
        }
        e.run(dir).print(System.out);
    }
}
