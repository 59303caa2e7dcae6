package dev.leverage.extract.time;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises the one time a fragment of paperwork tells, the way a careful reader does: against the date carried
 * from the document header and the event before it. Clocks in every notation ({@link TimeParser}), a date written
 * beside the time, relative phrases ({@link RelativeTime}), midnight rollover ({@link DateCarrier}), ranges whose
 * end falls after midnight, and recording offsets in body-cam transcripts. The extractors read documents through
 * the same pieces; this class is their contract, measured on the labelled expressions in time-expressions.tsv.
 */
public final class TimeNormaliser {
    /**
     * A normalised time.
     *
     * @param start       the time; when no date is known (dated false) its date means nothing
     * @param end         the end of a range, or null
     * @param dated       a date is known, written or carried
     * @param approximate written as approximate, or a vague relative phrase
     */
    public record Resolved(LocalDateTime start, LocalDateTime end, boolean dated, boolean approximate) {
    }

    /** The date an undated time is resolved on, so that ranges still cross midnight. */
    private static final LocalDate UNDATED = LocalDate.of(2000, 1, 1);

    /** A line of a transcript that starts with a recording offset: "[00:12:31] OFC REYES: ...", "(T+00:04:10)", "12:31 -". */
    public record Offset(Duration offset, String rest) {
    }

    private static final Pattern OFFSET = Pattern.compile(
            "^\\s*(?:\\[\\s*(?:T\\s*\\+\\s*)?(\\d{1,2}(?::\\d{2}){1,2})(?:\\.\\d+)?\\s*]|\\(\\s*T\\s*\\+\\s*(\\d{1,2}(?::\\d{2}){1,2})(?:\\.\\d+)?\\s*\\)|T\\s*\\+\\s*(\\d{1,2}(?::\\d{2}){1,2})|(\\d{1,2}:\\d{2}:\\d{2})(?:\\.\\d+)?(?=\\s+[-–—:|]\\s|\\s{2,}|\\t|\\s(?=[A-Z])))\\s*[-–—:|]?\\s*(.*)$", Pattern.DOTALL);

    private TimeNormaliser() {
    }

    /**
     * The time a fragment tells, or null when it tells none.
     *
     * @param date     the date carried from the document (its header), or null
     * @param previous the time of the event before, or null; its date is then the current date
     */
    public static Resolved resolve(String text, LocalDate date, LocalDateTime previous) {
        List<TimeExpression> times = TimeParser.times(text);
        List<DateExpression> dates = TimeParser.dates(text);
        RelativeTime.Phrase rel = RelativeTime.find(text);
        LocalDate day = previous != null ? previous.toLocalDate() : date;
        if (times.isEmpty()) {
            if (rel == null || previous == null) return null;
            LocalDateTime at = rel.from(previous);
            return at == null ? null : new Resolved(at, null, true, rel.approximate());
        }
        TimeExpression t = times.get(0);
        TimeExpression end = times.size() > 1 && times.get(1).rangeEnd() ? times.get(1) : null;
        boolean approximate = t.approximate() || end != null && end.approximate();
        LocalDate written = t.date() != null ? t.date() : nearest(dates, t);
        DateCarrier carrier;
        if (written != null) {
            carrier = new DateCarrier(written);
        } else if (rel != null && rel.dayShift() >= 0 && day != null) {
            carrier = new DateCarrier(rel.day(day));
            approximate |= t.approximate();
        } else {
            carrier = new DateCarrier(day);
            if (previous != null) carrier.resolve(previous.toLocalTime());
        }
        boolean dated = carrier.date() != null;
        if (!dated) carrier = new DateCarrier(UNDATED);
        LocalDateTime start = carrier.resolve(t.time());
        LocalDateTime last = null;
        if (end != null) {
            // "from 03/14/2025 2300 to 03/15/2025 0800": an end with its own date keeps it.
            LocalDate endDate = end.date() != null ? end.date() : start.toLocalDate();
            last = LocalDateTime.of(endDate, end.time());
            if (last.isBefore(start)) last = last.plusDays(1);
        }
        return new Resolved(start, last, dated, approximate);
    }

    /** A date written with or near the time ("03/14/2025 at 2347", "2347 hrs on March 14, 2025"). */
    private static LocalDate nearest(List<DateExpression> dates, TimeExpression t) {
        LocalDate best = null;
        int bestGap = Integer.MAX_VALUE;
        for (DateExpression d : dates) {
            int gap = d.end() <= t.start() ? t.start() - d.end() : d.start() - t.end();
            if (gap >= 0 && gap < 60 && gap < bestGap) {
                best = d.date();
                bestGap = gap;
            }
        }
        return best;
    }

    /** A transcript line's recording offset, or null when the line does not start with one. */
    public static Offset offset(String line) {
        Matcher m = OFFSET.matcher(TimeParser.deOcr(line));
        if (!m.matches()) return null;
        String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        String[] p = v.split(":");
        int h = 0, min, s;
        if (p.length == 3) {
            h = Integer.parseInt(p[0]);
            min = Integer.parseInt(p[1]);
            s = Integer.parseInt(p[2]);
        } else {
            min = Integer.parseInt(p[0]);
            s = Integer.parseInt(p[1]);
        }
        if (min > 59 || s > 59) return null;
        return new Offset(Duration.ofHours(h).plusMinutes(min).plusSeconds(s), m.group(5));
    }

    /**
     * When a transcript line happened: the recording start plus its offset. A stamp that reads as the wall clock of
     * the recording itself (at or just after the start's time of day) is taken as the clock, not an offset.
     */
    public static LocalDateTime atOffset(LocalDateTime recordingStart, Duration stamp) {
        LocalTime clock = LocalTime.MIDNIGHT.plus(stamp);
        if (stamp.toHours() < 24) {
            LocalDateTime asClock = LocalDateTime.of(recordingStart.toLocalDate(), clock);
            if (asClock.isBefore(recordingStart.minusMinutes(1))) asClock = asClock.plusDays(1);
            Duration after = Duration.between(recordingStart, asClock);
            if (!after.isNegative() && after.compareTo(Duration.ofHours(3)) < 0 && stamp.compareTo(Duration.ofHours(3)) > 0) return asClock;
        }
        return recordingStart.plus(stamp);
    }
}
