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
 */
public record TimedEvent(String event, LocalDateTime time, boolean approximate, String actor, String source,
                         Citation citation) {
}
