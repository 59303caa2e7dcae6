package dev.leverage.extract.timeline;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One event of a case as every document that tells it tells it: the K9 arrival the CAD logs at 00:14:33, the
 * narrative at "approximately 0014" and the K9 report at 0022 is one event with three sourced times.
 *
 * @param event    canonical event
 * @param tellings each document's telling, in time order
 */
public record CaseEvent(String event, List<TimedEvent> tellings) {
    /** Which sources keep a clock of their own, most trusted first: a CAD server or a camera over a writer's memory. */
    private static final Map<String, Integer> TRUST = Map.of("cad", 0, "transcript", 1, "table", 2, "form", 3, "custody", 4, "narrative", 5);

    public CaseEvent {
        tellings = new ArrayList<>(tellings);
        tellings.sort(Comparator.comparing(TimedEvent::time));
    }

    /**
     * The telling the chronology places the event by: a machine clock first, then a time written exactly, then the
     * earliest.
     */
    public TimedEvent primary() {
        return tellings.stream().min(Comparator.comparing(TimedEvent::dateOnly).thenComparing((TimedEvent t) -> TRUST.getOrDefault(t.source(), 6))
                .thenComparing(TimedEvent::approximate).thenComparing(TimedEvent::time)).orElseThrow();
    }

    public LocalDateTime time() {
        return primary().time();
    }

    public TimedEvent earliest() {
        return tellings.get(0);
    }

    public TimedEvent latest() {
        return tellings.get(tellings.size() - 1);
    }

    /** Only a date is known ("Date Analyzed: 03/20/2025"). */
    public boolean dateOnly() {
        return tellings.stream().allMatch(TimedEvent::dateOnly);
    }

    /**
     * The two tellings from different documents furthest apart, or null when every document agrees on one telling
     * or only one document tells it.
     */
    public TimedEvent[] widestDisagreement() {
        TimedEvent[] best = null;
        long bestSeconds = -1;
        for (int i = 0; i < tellings.size(); i++) {
            for (int j = i + 1; j < tellings.size(); j++) {
                TimedEvent a = tellings.get(i), b = tellings.get(j);
                if (a.citation().document().equals(b.citation().document()) || a.dateOnly() || b.dateOnly()) continue;
                long s = Math.abs(Duration.between(a.time(), b.time()).getSeconds());
                if (s > bestSeconds) {
                    bestSeconds = s;
                    best = new TimedEvent[]{a, b};
                }
            }
        }
        return best;
    }
}
