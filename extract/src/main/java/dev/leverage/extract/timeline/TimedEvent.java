package dev.leverage.extract.timeline;

import dev.leverage.extract.Citation;

import java.time.LocalDateTime;

/**
 * An event a document puts at a time: "At 0018 hrs Deputy Keel deployed K9 Kilo" is k9_sniff at 00:18.
 *
 * @param event       canonical event (stop_initiated, warning_issued, k9_sniff, ...)
 * @param time        when, as written (date carried from the document when not written with the time)
 * @param approximate written as approximate
 * @param actor       who did it, as written, or null
 * @param source      how it was read: narrative, cad, transcript, table, form
 * @param citation    where it is written
 * @param dateOnly    only the date is written ("Date Analyzed: 03/20/2025"); the time is the start of that day
 */
public record TimedEvent(String event, LocalDateTime time, boolean approximate, String actor, String source,
                         Citation citation, boolean dateOnly) {
    public TimedEvent(String event, LocalDateTime time, boolean approximate, String actor, String source, Citation citation) {
        this(event, time, approximate, actor, source, citation, false);
    }

    /** The same telling as another event (a K9 report's "on scene" is the dog's arrival). */
    public TimedEvent as(String other) {
        return new TimedEvent(other, time, approximate, actor, source, citation, dateOnly);
    }
}
