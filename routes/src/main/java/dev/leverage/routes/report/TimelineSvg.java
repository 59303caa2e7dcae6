package dev.leverage.routes.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Draws a report's timeline as an inline SVG: one row per event, a dot for each document's telling of it (hollow when
 * written as approximate), a bar across the tellings when they disagree, and the rows a finding rests on in red. A
 * case runs minutes at the roadside and weeks at the lab, so quiet stretches longer than an hour and a half are
 * drawn as a break with the time they stand for; the minutes inside a stretch keep their scale.
 */
final class TimelineSvg {
    private static final int LABEL = 190, PLOT = 640, RIGHT = 150, ROW = 20, TOP = 30;
    private static final Duration BREAK = Duration.ofMinutes(90);
    private static final int BREAK_PX = 28;

    private TimelineSvg() {
    }

    static String render(JsonNode timeline) {
        if (timeline == null || timeline.isEmpty()) return "<p>No timed events.</p>";
        TreeSet<LocalDateTime> all = new TreeSet<>();
        for (JsonNode t : timeline) for (JsonNode s : sources(t)) {
            LocalDateTime at = parse(s.path("time").asText());
            if (at != null) all.add(at);
        }
        if (all.isEmpty()) return "";
        // The axis: stretches of activity at one scale, quiet stretches as fixed-width breaks.
        List<LocalDateTime> points = new ArrayList<>(all);
        long activeMinutes = 0;
        int breaks = 0;
        for (int i = 1; i < points.size(); i++) {
            Duration gap = Duration.between(points.get(i - 1), points.get(i));
            if (gap.compareTo(BREAK) > 0) breaks++;
            else activeMinutes += gap.toMinutes();
        }
        double perMinute = activeMinutes == 0 ? 0 : Math.max(0, PLOT - breaks * BREAK_PX) / (double) activeMinutes;
        double[] xs = new double[points.size()];
        xs[0] = LABEL;
        List<double[]> breakMarks = new ArrayList<>();
        List<String> breakLabels = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            Duration gap = Duration.between(points.get(i - 1), points.get(i));
            if (gap.compareTo(BREAK) > 0) {
                xs[i] = xs[i - 1] + BREAK_PX;
                breakMarks.add(new double[]{xs[i - 1] + BREAK_PX / 2.0});
                breakLabels.add(span(gap));
            } else {
                xs[i] = xs[i - 1] + gap.toSeconds() / 60.0 * perMinute;
            }
        }
        int height = TOP + timeline.size() * ROW + 10;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Timeline of the case\" viewBox=\"0 0 ")
                .append(LABEL + PLOT + RIGHT).append(' ').append(height).append("\" style=\"width:100%;font:11px sans-serif\">");
        for (int b = 0; b < breakMarks.size(); b++) {
            double x = breakMarks.get(b)[0];
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#aaa\" stroke-dasharray=\"3,3\"/>", x, TOP - 8, x, height - 6));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#777\">%s</text>", x, TOP - 12, HtmlReport.esc(breakLabels.get(b))));
        }
        int row = 0;
        for (JsonNode t : timeline) {
            int y = TOP + row * ROW + ROW / 2;
            boolean flagged = !t.path("findings").isEmpty();
            String colour = flagged ? "#b00020" : "#333";
            if (row % 2 == 0) s.append("<rect x=\"0\" y=\"").append(y - ROW / 2).append("\" width=\"").append(LABEL + PLOT + RIGHT).append("\" height=\"").append(ROW).append("\" fill=\"#f6f6f6\"/>");
            s.append("<text x=\"4\" y=\"").append(y + 4).append("\" fill=\"").append(colour).append("\">").append(flagged ? "⚠ " : "")
                    .append(HtmlReport.esc(t.path("event").asText())).append("</text>");
            double min = Double.MAX_VALUE, max = -1;
            StringBuilder dots = new StringBuilder();
            for (JsonNode src : sources(t)) {
                LocalDateTime at = parse(src.path("time").asText());
                if (at == null) continue;
                double x = xs[points.indexOf(at)];
                min = Math.min(min, x);
                max = Math.max(max, x);
                boolean approx = src.path("approximate").asBoolean();
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"><title>%s</title></circle>",
                        x, y, approx ? "#fff" : colour, colour, HtmlReport.esc(src.path("time").asText().replace('T', ' ') + " · " + src.path("document").asText()
                                + " p." + src.path("page").asInt())));
            }
            if (max > min) s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\" opacity=\"0.5\"/>", min, y, max, y, colour));
            s.append(dots);
            s.append("<text x=\"").append(LABEL + PLOT + 8).append("\" y=\"").append(y + 4).append("\" fill=\"").append(colour).append("\">")
                    .append(HtmlReport.esc(t.path("time").asText().replace('T', ' '))).append("</text>");
            row++;
        }
        s.append("</svg>");
        return s.toString();
    }

    private static Iterable<JsonNode> sources(JsonNode t) {
        return t.path("sources").isEmpty() ? List.of(t) : t.path("sources");
    }

    private static LocalDateTime parse(String time) {
        try {
            return time.length() == 10 ? LocalDate.parse(time).atStartOfDay() : LocalDateTime.parse(time);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String span(Duration gap) {
        long days = gap.toDays();
        long hours = gap.minusDays(days).toHours();
        long minutes = gap.minusDays(days).minusHours(hours).toMinutes();
        return days > 0 ? "+" + days + "d " + hours + "h" : "+" + hours + "h " + minutes + "m";
    }
}
