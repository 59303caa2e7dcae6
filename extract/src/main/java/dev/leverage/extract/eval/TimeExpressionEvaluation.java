package dev.leverage.extract.eval;

import dev.leverage.extract.time.TimeNormaliser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the time normaliser on the labelled expressions (time-expressions.tsv: kind, anchor, text, expected,
 * approximate, note). The anchor is the document's date or the previous event's time; an offset line's anchor is the
 * recording start. A line counts when the normalised value and the approximate flag both match.
 */
public final class TimeExpressionEvaluation {
    public record Line(int number, String kind, String anchor, String text, String expected, boolean approximate, String note) {
    }

    public record Outcome(Line line, String got, boolean gotApproximate) {
        public boolean right() {
            return line.expected().equals(got) && line.approximate() == gotApproximate;
        }
    }

    public record Result(List<Outcome> outcomes) {
        public long right() {
            return outcomes.stream().filter(Outcome::right).count();
        }

        public double accuracy() {
            return outcomes.isEmpty() ? 0 : right() / (double) outcomes.size();
        }

        public void print(PrintStream out) {
            Map<String, int[]> by = new TreeMap<>();
            for (Outcome o : outcomes) {
                int[] c = by.computeIfAbsent(o.line().kind(), k -> new int[2]);
                c[1]++;
                if (o.right()) c[0]++;
            }
            out.printf(Locale.ROOT, "Time normaliser (%d labelled expressions)%n", outcomes.size());
            by.forEach((k, c) -> out.printf(Locale.ROOT, "  %-10s %4d of %4d  %.3f%n", k, c[0], c[1], c[0] / (double) c[1]));
            out.printf(Locale.ROOT, "  %-10s %4d of %4d  %.3f%n", "all", right(), outcomes.size(), accuracy());
            for (Outcome o : outcomes) {
                if (!o.right()) out.printf(Locale.ROOT, "  WRONG line %d [%s] '%s' anchor=%s expected %s%s got %s%s%n", o.line().number(), o.line().kind(),
                        o.line().text(), o.line().anchor(), o.line().expected(), o.line().approximate() ? "~" : "", o.got(), o.gotApproximate() ? "~" : "");
            }
        }
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter ISO_S = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public static List<Line> read(Path tsv) throws IOException {
        List<Line> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) continue;
            String[] f = l.split("\t", -1);
            if (f.length < 5) throw new IOException("line " + (i + 1) + " of " + tsv + " has " + f.length + " fields");
            out.add(new Line(i + 1, f[0].strip(), f[1].strip(), f[2], f[3].strip(), f[4].strip().equals("true"), f.length > 5 ? f[5] : ""));
        }
        return out;
    }

    public static Result run(Path tsv) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (Line l : read(tsv)) out.add(normalise(l));
        return new Result(out);
    }

    static Outcome normalise(Line l) {
        LocalDate date = null;
        LocalDateTime previous = null;
        if (l.anchor().length() == 10) date = LocalDate.parse(l.anchor());
        else if (!l.anchor().isEmpty()) previous = LocalDateTime.parse(l.anchor());
        if (l.kind().equals("offset")) {
            TimeNormaliser.Offset o = TimeNormaliser.offset(l.text());
            if (o == null || previous == null) return new Outcome(l, "none", false);
            return new Outcome(l, format(TimeNormaliser.atOffset(previous, o.offset())), false);
        }
        TimeNormaliser.Resolved r = TimeNormaliser.resolve(l.text(), date, previous);
        if (r == null) return new Outcome(l, "none", false);
        String got = r.dated() ? format(r.start()) + (r.end() == null ? "" : "/" + format(r.end()))
                : format(r.start().toLocalTime()) + (r.end() == null ? "" : "/" + format(r.end().toLocalTime()));
        return new Outcome(l, got, r.approximate());
    }

    private static String format(LocalDateTime t) {
        return t.getSecond() == 0 ? ISO.format(t) : ISO_S.format(t);
    }

    private static String format(java.time.LocalTime t) {
        return t.getSecond() == 0 ? String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute())
                : String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    }

    public static void main(String[] args) throws IOException {
        run(Path.of(args.length > 0 ? args[0] : "extract/src/test/resources/dev/leverage/extract/time-expressions.tsv")).print(System.out);
    }
}
