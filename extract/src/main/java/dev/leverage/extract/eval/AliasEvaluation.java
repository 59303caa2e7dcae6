package dev.leverage.extract.eval;

import dev.leverage.extract.DocumentExtractor;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Mention;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.people.Person;
import dev.leverage.extract.people.PersonRegistry;
import dev.leverage.extract.sampling.Thresholds;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.DocumentClass;
import dev.leverage.ingest.Page;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Alias resolution measured end to end: each scenario's documents go through the real extractor (the trained name
 * finder and the rules find the person mentions, with roles and badges), the registry resolves them, and each
 * labelled pair of marked mentions is scored: "same" pairs resolved to one person are true positives, "different"
 * pairs resolved to one person are false positives (false merges), "same" pairs left apart are false negatives.
 * A marked mention the extractor did not find at all cannot be resolved and counts against recall.
 *
 * <p>Scenario format ({@code alias-eval/NN-name.txt}): {@code === doc: NAME} starts a document, {@code [[text|ID]]}
 * marks a mention, {@code === pairs} is followed by lines {@code ID1 ID2 same|different}.
 */
public final class AliasEvaluation {
    private static final Pattern MARK = Pattern.compile("\\[\\[([^|\\]]+)\\|([A-Za-z0-9_-]+)]]");

    record Mark(String id, String document, int start, int end, String text) {
    }

    record Pair(String a, String b, boolean same) {
    }

    /** One scored pair: what was expected, what the registry said, and why. */
    public record PairResult(String scenario, String a, String b, boolean expectedSame, boolean resolvedSame, String detail) {
        public boolean correct() {
            return expectedSame == resolvedSame;
        }
    }

    public record Result(List<PairResult> pairs, int marks, int marksFound, Evaluation.Counts counts) {
        public void print(PrintStream out) {
            long same = pairs.stream().filter(PairResult::expectedSame).count();
            out.printf("Alias resolution: %d pairs (%d same, %d different), %d marked mentions, %d found by the extractor%n",
                    pairs.size(), same, pairs.size() - same, marks, marksFound);
            out.printf("  precision %.3f  recall %.3f  (tp %d, fp %d = false merges, fn %d = missed links)%n",
                    counts.precision(), counts.recall(), counts.tp, counts.fp, counts.fn);
        }
    }

    private final DocumentExtractor extractor;

    public AliasEvaluation(TrainedModels models, Thresholds thresholds) {
        this.extractor = new DocumentExtractor(models, thresholds);
    }

    public Result run(Path dir) throws IOException {
        List<PairResult> all = new ArrayList<>();
        int marks = 0, found = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d+.*\\.txt")).sorted().toList()) {
                Scenario s = Scenario.read(f);
                Map<String, String> keys = new LinkedHashMap<>();
                Map<String, String> names = new LinkedHashMap<>();
                PersonRegistry registry = resolve(s, keys, names);
                marks += s.marks.size();
                found += keys.size();
                for (Pair p : s.pairs) {
                    String ka = keys.get(p.a), kb = keys.get(p.b);
                    boolean same = ka != null && ka.equals(kb);
                    String detail = describe(s, p.a, ka, names, registry) + " | " + describe(s, p.b, kb, names, registry);
                    all.add(new PairResult(f.getFileName().toString(), p.a, p.b, p.same, same, detail));
                }
            }
        }
        Evaluation.Counts c = new Evaluation.Counts();
        for (PairResult r : all) {
            if (r.resolvedSame && r.expectedSame) c.tp++;
            else if (r.resolvedSame) c.fp++;
            else if (r.expectedSame) c.fn++;
        }
        return new Result(all, marks, found, c);
    }

    private static String describe(Scenario s, String id, String key, Map<String, String> names, PersonRegistry r) {
        Mark m = s.marks.get(id);
        String text = m == null ? "?" : m.text;
        if (key == null) return id + " \"" + text + "\" not found";
        return id + " \"" + text + "\" as \"" + names.get(id) + "\" -> " + r.people().stream().filter(p -> p.key().equals(key)).map(Person::name).findFirst().orElse(key);
    }

    /** Extracts the scenario's documents, resolves the people, and maps each mark to the person key it got. */
    private PersonRegistry resolve(Scenario s, Map<String, String> keys, Map<String, String> names) {
        List<Mention> people = new ArrayList<>();
        for (var doc : s.documents.entrySet()) {
            String text = doc.getValue();
            Document d = new Document(doc.getKey(), doc.getKey(), doc.getKey(), DocumentClass.classify(doc.getKey(), "text/plain", text),
                    "text/plain", Map.of(), List.of(new Page(1, text, null, false, List.of())), null);
            DocumentFacts facts = extractor.extract(d);
            for (Mention m : facts.mentions()) if ("person".equals(m.type())) people.add(m);
        }
        // as in a case: surnames the case introduced are found again in documents that never name their bearer in full
        List<dev.leverage.extract.people.CaseMentions.PageText> pages = new ArrayList<>();
        for (var doc : s.documents.entrySet()) pages.add(new dev.leverage.extract.people.CaseMentions.PageText(doc.getKey(), 1, null, doc.getValue()));
        people.addAll(dev.leverage.extract.people.CaseMentions.laterUses(people, pages));
        PersonRegistry registry = PersonRegistry.resolve(people);
        if (Boolean.getBoolean("leverage.alias.dump")) {
            for (Mention m : people) System.out.printf("    %-28s %5d %-34s role=%s badge=%s -> %s%n", m.source().document(), m.start(), m.text().replace("\n", " "),
                    m.role(), m.badge(), registry.keyOf(m));
        }
        for (Mark mark : s.marks.values()) {
            Mention best = null;
            int bestOverlap = 0;
            String line = lineOf(s.documents.get(mark.document), mark.start);
            for (Mention m : people) {
                if (!m.source().document().equals(mark.document) || registry.keyOf(m) == null) continue;
                int overlap;
                if (m.end() > m.start()) {
                    overlap = Math.min(m.end(), mark.end) - Math.max(m.start(), mark.start);
                } else {
                    // a mention read from a table or a speaker label has no offsets: its text on the mark's line
                    String mt = m.text().strip().toLowerCase(), kt = mark.text.toLowerCase();
                    overlap = line.toLowerCase().contains(mt) && (kt.contains(mt) || mt.contains(kt)) ? Math.min(mt.length(), kt.length()) : 0;
                }
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = m;
                }
            }
            if (best != null) {
                keys.put(mark.id, registry.keyOf(best));
                names.put(mark.id, best.text());
            }
        }
        return registry;
    }

    private static String lineOf(String text, int at) {
        int from = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int to = text.indexOf('\n', at);
        return text.substring(from, to < 0 ? text.length() : to);
    }

    /** A scenario file read: documents with the marks removed, the marks' positions, and the labelled pairs. */
    static final class Scenario {
        final Map<String, String> documents = new LinkedHashMap<>();
        final Map<String, Mark> marks = new LinkedHashMap<>();
        final List<Pair> pairs = new ArrayList<>();

        static Scenario read(Path file) throws IOException {
            Scenario s = new Scenario();
            String doc = null;
            StringBuilder text = null;
            boolean inPairs = false;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("=== doc:")) {
                    if (doc != null) s.documents.put(doc, text.toString());
                    doc = line.substring("=== doc:".length()).strip();
                    text = new StringBuilder();
                    continue;
                }
                if (line.startsWith("=== pairs")) {
                    if (doc != null) s.documents.put(doc, text.toString());
                    doc = null;
                    inPairs = true;
                    continue;
                }
                if (inPairs) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length == 3 && (f[2].equals("same") || f[2].equals("different"))) s.pairs.add(new Pair(f[0], f[1], f[2].equals("same")));
                    continue;
                }
                if (doc == null) continue; // the scenario's comment line
                Matcher m = MARK.matcher(line);
                StringBuilder plain = new StringBuilder();
                int last = 0;
                while (m.find()) {
                    plain.append(line, last, m.start());
                    int start = text.length() + plain.length();
                    plain.append(m.group(1));
                    s.marks.put(m.group(2), new Mark(m.group(2), doc, start, start + m.group(1).length(), m.group(1)));
                    last = m.end();
                }
                plain.append(line.substring(last));
                text.append(plain).append('\n');
            }
            if (doc != null) s.documents.put(doc, text.toString());
            for (Pair p : s.pairs) {
                if (!s.marks.containsKey(p.a) || !s.marks.containsKey(p.b)) throw new IllegalArgumentException(file + ": pair " + p + " names an unmarked mention");
            }
            return s;
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/dev/leverage/extract/alias-eval");
        Result r = new AliasEvaluation(TrainedModels.load(null), Thresholds.load(null)).run(dir);
        r.print(System.out);
        if (args.length > 1 && args[1].equals("explain")) {
            for (PairResult p : r.pairs) {
                if (!p.correct()) System.out.printf("  %s %s %s expected %s got %s: %s%n", p.scenario, p.a, p.b,
                        p.expectedSame ? "same" : "different", p.resolvedSame ? "same" : "apart", p.detail);
            }
        }
    }
}
