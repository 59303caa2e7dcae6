package dev.leverage.extract.custody;

import dev.leverage.extract.Citation;
import dev.leverage.extract.Finding;
import dev.leverage.extract.Severity;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds each item's chain of custody from every document's records and flags the breaks a lawyer argues:
 * time with no record of where the item was, a receiver who is not the next releaser, blank handlers, records
 * out of order and counts that change. Records of one transfer told by two documents (the custody log and the
 * narrative) are merged so one event is not read as two.
 */
public final class CustodyAnalyzer {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");
    private final Duration threshold;

    public CustodyAnalyzer(Duration threshold) {
        this.threshold = threshold;
    }

    public CustodyAnalyzer() {
        this(Duration.ofHours(12));
    }

    /** One item's rebuilt chain: its records in time order, each with every citation that tells of it. */
    public record Link(CustodyEvent event, List<Citation> citations) {
    }

    public Map<String, List<Link>> chains(List<CustodyEvent> all) {
        Map<String, List<CustodyEvent>> byItem = new TreeMap<>();
        for (CustodyEvent e : all) byItem.computeIfAbsent(e.item(), k -> new ArrayList<>()).add(e);
        Map<String, List<Link>> out = new LinkedHashMap<>();
        for (var entry : byItem.entrySet()) {
            List<CustodyEvent> events = new ArrayList<>(entry.getValue());
            // Structured records first so they are the ones kept when prose tells the same transfer.
            events.sort(Comparator.comparing((CustodyEvent e) -> !e.source().equals("table")));
            List<Link> links = new ArrayList<>();
            for (CustodyEvent e : events) {
                Link same = links.stream().filter(l -> sameTransfer(l.event(), e)).findFirst().orElse(null);
                if (same != null) {
                    if (!same.citations().contains(e.citation())) same.citations().add(e.citation());
                } else {
                    List<Citation> c = new ArrayList<>();
                    c.add(e.citation());
                    links.add(new Link(e, c));
                }
            }
            links.sort(Comparator.comparing((Link l) -> l.event().time(), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingInt(l -> l.event().order()));
            out.put(entry.getKey(), links);
        }
        return out;
    }

    private static boolean sameTransfer(CustodyEvent a, CustodyEvent b) {
        if (a.time() == null || b.time() == null) return false;
        if (Math.abs(Duration.between(a.time(), b.time()).toMinutes()) > 5) return false;
        return a.source().equals("table") != b.source().equals("table") || a.citation().document().equals(b.citation().document()) == false;
    }

    public List<Finding> analyze(List<CustodyEvent> all) {
        List<Finding> out = new ArrayList<>();
        for (var entry : chains(all).entrySet()) {
            String item = entry.getKey();
            List<Link> chain = entry.getValue().stream().filter(l -> l.event().time() != null).toList();
            for (int i = 0; i + 1 < chain.size(); i++) {
                Link a = chain.get(i), b = chain.get(i + 1);
                CustodyEvent ea = a.event(), eb = b.event();
                List<Citation> cites = new ArrayList<>(a.citations());
                b.citations().stream().filter(c -> !cites.contains(c)).forEach(cites::add);
                String holder = ea.receivedBy();
                long minutes = Duration.between(ea.time(), eb.time()).toMinutes();
                if (minutes > threshold.toMinutes() && !Handlers.isSecureStorage(holder) && !Handlers.isSecureStorage(ea.location())) {
                    out.add(finding(item, "unaccounted_interval", minutes >= 24 * 60 || !Handlers.isBlank(holder) ? Severity.HIGH : Severity.MEDIUM,
                            "Item " + item + ": " + hours(minutes) + " with no record of where it was",
                            "The records put Item " + item + " with " + orUnknown(holder) + " at " + HUMAN.format(ea.time())
                                    + " and show nothing more until " + HUMAN.format(eb.time()) + ", when it was released by "
                                    + orUnknown(eb.releasedBy()) + ". For " + hours(minutes) + " the item was outside the evidence system "
                                    + "and no document says where it was kept or who could reach it. Courts have reversed where \"the record is "
                                    + "silent\" about such a period (Laws v. State, 562 So. 2d 305 (Ala. Crim. App. 1990)).",
                            "Subpoena the property-room and locker access logs for this period and demand the officers' testimony on where "
                                    + "the item was; move to exclude for failure to establish the chain of custody.",
                            facts(item, "unaccounted_interval", ea.time(), eb.time(), minutes, null, null), cites));
                }
                if (!Handlers.isBlank(holder) && !Handlers.isBlank(eb.releasedBy()) && !Handlers.same(holder, eb.releasedBy())) {
                    out.add(finding(item, "handler_mismatch", Severity.HIGH,
                            "Item " + item + ": received by " + holder + ", next released by " + eb.releasedBy(),
                            "At " + HUMAN.format(ea.time()) + " the record shows " + holder + " receiving Item " + item + ". The next record, at "
                                    + HUMAN.format(eb.time()) + ", has " + eb.releasedBy() + " releasing it. Nothing records how it passed from "
                                    + holder + " to " + eb.releasedBy() + " (compare United States v. Jenkins (A.C.M.R. 1978): the form did not "
                                    + "establish transmittal from one custodian to the other).",
                            "Demand every record of the transfer between these two handlers; cross-examine both on who held the item.",
                            facts(item, "handler_mismatch", ea.time(), eb.time(), minutes, holder, eb.releasedBy()), cites));
                }
                if (ea.count() != null && eb.count() != null && !ea.count().equals(eb.count())) {
                    out.add(finding(item, "count_mismatch", Severity.HIGH,
                            "Item " + item + ": " + ea.count() + " units, then " + eb.count(),
                            "The unit count of Item " + item + " changes from " + ea.count() + " to " + eb.count() + " between "
                                    + HUMAN.format(ea.time()) + " and " + HUMAN.format(eb.time()) + " with no record explaining it.",
                            "Demand an explanation and the records of every opening of the package.",
                            facts(item, "count_mismatch", ea.time(), eb.time(), minutes, String.valueOf(ea.count()), String.valueOf(eb.count())), cites));
                }
            }
            for (Link l : entry.getValue()) {
                CustodyEvent e = l.event();
                if (e.source().equals("table") && (Handlers.isBlank(e.receivedBy()) || Handlers.isBlank(e.releasedBy()) && l != entry.getValue().get(0))) {
                    out.add(finding(item, "missing_handler", Severity.MEDIUM, "Item " + item + ": a custody record with no "
                                    + (Handlers.isBlank(e.receivedBy()) ? "receiver" : "releaser"),
                            "A custody record of Item " + item + " leaves the " + (Handlers.isBlank(e.receivedBy()) ? "received-by" : "released-by")
                                    + " entry blank, so the record does not say who had the item.",
                            "Demand the original signed custody form.", facts(item, "missing_handler", e.time(), null, null, null, null), l.citations()));
                }
            }
            // Rows written in an order their times contradict.
            List<Link> rows = entry.getValue().stream().filter(l -> l.event().source().equals("table") && l.event().time() != null)
                    .sorted(Comparator.comparingInt(l -> l.event().order())).toList();
            for (int i = 0; i + 1 < rows.size(); i++) {
                CustodyEvent a = rows.get(i).event(), b = rows.get(i + 1).event();
                if (a.citation().document().equals(b.citation().document()) && b.time().isBefore(a.time())) {
                    out.add(finding(item, "out_of_order", Severity.MEDIUM, "Item " + item + ": custody records out of time order",
                            "The custody record lists a transfer at " + HUMAN.format(b.time()) + " after one at " + HUMAN.format(a.time()) + ".",
                            "Ask for the original log and an explanation of the entry order.",
                            facts(item, "out_of_order", a.time(), b.time(), Duration.between(a.time(), b.time()).toMinutes(), null, null),
                            List.of(rows.get(i).event().citation(), rows.get(i + 1).event().citation())));
                }
            }
        }
        return dedupe(out);
    }

    private static List<Finding> dedupe(List<Finding> in) {
        Map<String, Finding> byId = new LinkedHashMap<>();
        for (Finding f : in) byId.putIfAbsent(f.id(), f);
        return new ArrayList<>(byId.values());
    }

    private static Map<String, Object> facts(String item, String kind, LocalDateTime from, LocalDateTime to, Long minutes,
                                             String expected, String observed) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("item", "Item " + item);
        f.put("kind", kind);
        f.put("from", from == null ? null : from.toString());
        f.put("to", to == null ? null : to.toString());
        f.put("gap_minutes", minutes);
        f.put("expected", expected);
        f.put("observed", observed);
        return f;
    }

    private static Finding finding(String item, String kind, Severity sev, String title, String explanation, String action,
                                   Map<String, Object> facts, List<Citation> cites) {
        String id = "custody-" + kind + "-item" + item + "-" + String.valueOf(facts.get("from")).replaceAll("[^0-9]", "");
        return new Finding(id, "custody_gap", kind, sev, title, explanation, action, facts, cites);
    }

    private static String orUnknown(String s) {
        return Handlers.isBlank(s) ? "an unrecorded custodian" : s;
    }

    static String hours(long minutes) {
        long h = minutes / 60, m = minutes % 60;
        return h + " h " + (m < 10 ? "0" : "") + m + " min";
    }
}
