package dev.leverage.extract.time;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Gives times written without a date the date they belong to, the way a reader does: the date from the document
 * header or the last date written, rolled over at midnight when a time comes out earlier than the one before it
 * by more than a few hours (23:58 then 00:03 is the next day).
 */
public final class DateCarrier {
    private static final Duration ROLLOVER = Duration.ofHours(6);

    private final LocalDate initial;
    private LocalDate date;
    private LocalDateTime last;
    /** The second day of a night written as "03/14/2025 and 03/15/2025": morning times belong to it. */
    private LocalDate spanEnd;

    public DateCarrier(LocalDate initial) {
        this.initial = initial;
        this.date = initial;
    }

    /** The document's own date (its header's), or null. */
    public LocalDate initial() {
        return initial;
    }

    /** A date written in the text: times after it belong to it. */
    public void dateSeen(LocalDate d) {
        if (d == null) return;
        this.date = d;
        this.last = null;
        this.spanEnd = null;
    }

    /**
     * A night written as two dates ("on 03/14/2025 and 03/15/2025", "the night of March 14 into March 15"): the
     * first time before noon belongs to the second date, later ones roll over as usual.
     */
    public void spanSeen(LocalDate first, LocalDate second) {
        if (first == null || second == null) return;
        dateSeen(first);
        if (second.equals(first.plusDays(1))) spanEnd = second;
    }

    /** The date-time of a time written without a date, or null when no date is known yet. */
    public LocalDateTime resolve(LocalTime t) {
        if (date == null) return null;
        if (spanEnd != null && last == null && t.isBefore(LocalTime.NOON)) date = spanEnd;
        spanEnd = null;
        LocalDateTime dt = LocalDateTime.of(date, t);
        // "He came home around 2300 hrs" in a narrative whose night began at 0155: more than 18 hours after the last
        // time is the evening before, told in passing; the narrative's clock stays where it was.
        if (last != null && Duration.between(last, dt).compareTo(Duration.ofHours(18)) > 0) return dt.minusDays(1);
        if (last != null && dt.isBefore(last) && Duration.between(dt, last).compareTo(ROLLOVER) > 0) {
            date = date.plusDays(1);
            dt = LocalDateTime.of(date, t);
        }
        last = dt;
        return dt;
    }

    /**
     * The date-time of a time told in passing (the start of a period, a time before the narrative's own), without
     * moving the narrative's clock: a time more than 18 hours after the last is the evening before.
     */
    public LocalDateTime peek(LocalTime t) {
        if (date == null) return null;
        LocalDateTime dt = LocalDateTime.of(date, t);
        if (last != null && dt.isBefore(last) && Duration.between(dt, last).compareTo(ROLLOVER) > 0) return dt.plusDays(1);
        if (last != null && Duration.between(last, dt).compareTo(Duration.ofHours(18)) > 0) return dt.minusDays(1);
        return dt;
    }

    public LocalDate date() {
        return date;
    }
}
