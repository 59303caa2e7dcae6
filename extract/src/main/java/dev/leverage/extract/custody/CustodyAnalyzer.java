package dev.leverage.extract.custody;

import dev.leverage.extract.Prefilter;
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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final java.util.Set<String> INTERNAL = java.util.Set.of("analyzed", "field_tested", "resealed", "opened", "sealed", "packaged", "observed");
    private final Duration threshold;

    public CustodyAnalyzer(Duration threshold) {
        this.threshold = threshold;
    }

    public CustodyAnalyzer() {
        this(Duration.ofHours(12));
    }

    /** One item's rebuilt chain: its records in time order, each with every citation that tells of it. */
    /**
     * One step of a chain: the event as the records agree on it, where each is written, and every telling merged
     * into it (the receiving log's row and the officer's sentence about one hand-off).
     */
    public record Link(CustodyEvent event, List<Citation> citations, List<CustodyEvent> tellings) {
        public Link(CustodyEvent event, List<Citation> citations) {
            this(event, citations, new ArrayList<>(List.of(event)));
        }
    }

    /** Each telling as its own step, in chain order: the facts one telling gives (a count, a seal) are compared with the others'. */
    private static List<Link> tellings(List<Link> links) {
        List<Link> out = new ArrayList<>();
        for (Link l : links) {
            if (l.tellings().size() <= 1) {
                out.add(l);
                continue;
            }
            for (CustodyEvent t : l.tellings()) out.add(new Link(t.at(l.event().time()), new ArrayList<>(List.of(t.citation()))));
        }
        return out;
    }

    public Map<String, List<Link>> chains(List<CustodyEvent> all) {
        all = resolveUnnamed(ownCase(all));
        Map<String, List<CustodyEvent>> byItem = new TreeMap<>();
        for (CustodyEvent e : all) byItem.computeIfAbsent(e.item(), k -> new ArrayList<>()).add(e);
        Map<String, List<Link>> out = new LinkedHashMap<>();
        for (var entry : byItem.entrySet()) {
            List<CustodyEvent> events = new ArrayList<>(entry.getValue());
            // Structured records first so they are the ones kept when prose tells the same transfer.
            events.sort(Comparator.comparing((CustodyEvent e) -> !e.source().equals("table")));
            List<Link> links = new ArrayList<>();
            for (CustodyEvent e : events) {
                int at = -1;
                for (int i = 0; i < links.size() && at < 0; i++) if (sameTransfer(links.get(i).event(), e)) at = i;
                if (at >= 0) {
                    Link same = links.get(at);
                    if (!same.citations().contains(e.citation())) same.citations().add(e.citation());
                    // The record kept takes what only the other telling says (a description, a count, a seal).
                    same.tellings().add(e);
                    links.set(at, new Link(fill(same.event(), e), same.citations(), same.tellings()));
                } else {
                    List<Citation> c = new ArrayList<>();
                    c.add(e.citation());
                    links.add(new Link(e, c));
                }
            }
            // An undated record (a form's exhibit description, a lab's "Contents:" line) stands where its document's
            // first dated record of the item stands, so a count or weight it gives is compared in the right order.
            Map<String, LocalDateTime> firstInDocument = new java.util.HashMap<>();
            for (Link l : links) {
                if (l.event().time() == null) continue;
                for (CustodyEvent t : l.tellings()) firstInDocument.merge(t.citation().document(), l.event().time(), (x, y) -> x.isBefore(y) ? x : y);
            }
            // An undated seizure ("30 baggies were seized as Item 1") stands at the start of the chain.
            LocalDateTime start = links.stream().map(l -> l.event().time()).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            java.util.function.Function<Link, LocalDateTime> placed = l -> l.event().time() != null ? l.event().time()
                    : "seized".equals(l.event().action()) ? start : firstInDocument.get(l.event().citation().document());
            links.sort(Comparator.comparing(placed, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing((Link l) -> l.event().time() == null)
                    .thenComparingInt(l -> l.event().order()));
            out.put(entry.getKey(), links);
        }
        return out;
    }

    /**
     * A property ledger produced as an extract lists the neighbouring cases' rows too, each numbering its items from
     * 1. This case is the one the ledger lists most rows for; its rows join the items the other documents name, and
     * the other cases' rows are not this case's evidence.
     */
    private static List<CustodyEvent> ownCase(List<CustodyEvent> all) {
        Map<String, Long> rows = all.stream().map(e -> ItemKey.caseOf(e.item())).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()));
        if (rows.isEmpty()) return all;
        long most = java.util.Collections.max(rows.values());
        List<String> top = rows.entrySet().stream().filter(en -> en.getValue() == most).map(Map.Entry::getKey).toList();
        String own = top.size() == 1 ? top.get(0) : null;
        List<CustodyEvent> out = new ArrayList<>();
        for (CustodyEvent e : all) {
            String caseNo = ItemKey.caseOf(e.item());
            if (caseNo == null) out.add(e);
            else if (caseNo.equals(own)) out.add(e.forItem(e.item().substring(0, e.item().indexOf('@'))));
        }
        return out;
    }

    /**
     * Records of an unnamed item (a lab report that never numbers it) join the item whose seal they carry, or the
     * case's only item; otherwise they stay out of every chain.
     */
    private static List<CustodyEvent> resolveUnnamed(List<CustodyEvent> all) {
        if (all.stream().noneMatch(e -> ItemKey.UNNAMED.equals(e.item()))) return all;
        Map<String, String> itemBySeal = new java.util.HashMap<>();
        java.util.Set<String> named = new java.util.TreeSet<>();
        for (CustodyEvent e : all) {
            if (ItemKey.UNNAMED.equals(e.item())) continue;
            named.add(e.item());
            if (e.seal() != null) itemBySeal.putIfAbsent(sealKey(e.seal()), e.item());
        }
        Map<String, String> itemByDocument = new java.util.HashMap<>();
        for (CustodyEvent e : all) {
            if (!ItemKey.UNNAMED.equals(e.item()) || e.seal() == null) continue;
            String item = itemBySeal.get(sealKey(e.seal()));
            if (item != null) itemByDocument.putIfAbsent(e.citation().document(), item);
        }
        List<CustodyEvent> out = new ArrayList<>();
        for (CustodyEvent e : all) {
            if (!ItemKey.UNNAMED.equals(e.item())) {
                out.add(e);
                continue;
            }
            String item = itemByDocument.getOrDefault(e.citation().document(), named.size() == 1 ? named.iterator().next() : null);
            if (item != null) out.add(e.forItem(item));
        }
        return out;
    }

    /**
     * A resealing with a time and a person: a handler on the record, or one named in it ("Dr. Olusegun Bankole
     * resealed Item 1 ... and Item 2 at 1320 hours", "resealed by Analyst Chiara Bianchi").
     */
    private static boolean resealingRecorded(CustodyEvent e) {
        // "resealed by I. Quarshie on December 5, 2024 at 11:15 a.m. ...; Item 2 ... at the same time": the sentence dates it.
        String quote = e.citation().quote();
        if (e.time() == null && dev.leverage.extract.time.TimeParser.times(quote).isEmpty() && dev.leverage.extract.time.TimeParser.dates(quote).isEmpty()) return false;
        if (!Handlers.isBlank(e.receivedBy()) || !Handlers.isBlank(e.releasedBy())) return true;
        // "resealed 1410 hrs by T. Ibarra", "resealed in its original box with IRFL tape 7Q-44102 by Leopold Anand".
        // "Exh. 1 resealed with GFS 24-77188 (11:05 a.m.), Exh. 2 with ... (11:15 a.m.), all by Dr. Henrietta Szabados".
        // "Reseal: Exhibit 1 by I. Farquharson 07/10/2025 at 1140 hrs" as a report's run-in heading
        return Prefilter.matches(quote, "(?s).*(\\b(?i:re-?seal\\w*)\\b[^;]{0,220}?\\bby\\s+(?:[A-Z][A-Za-z.]*\\s+){0,3}[A-Z][a-z]|[A-Z][a-z]+\\s+re-?sealed\\b).*")
                // "resealed with NJSP evidence tape, analyst initials DK, 04/10/2025", "tape bearing the analyst's initials and
                // date": the initials on the tape are the who, and the sentence dates it
                || Prefilter.matches(quote, "(?is).*\\bre-?seal\\w*\\b[^;]{0,220}?\\b(?:initials?|initialed|initialled)\\b.*")
                // "ETRCL reseal MQ 08/04/25": a log's shorthand, the resealer's initials and the date
                || Prefilter.matches(quote, "(?s).*\\b(?i:re-?seal\\w*)\\s+(?:by\\s+)?[A-Z]{2,3}\\s+\\d{1,2}/\\d{1,2}/\\d{2,4}\\b.*")
                // "Reseal: L. Varga, 09/24/2024 at 11:20": a labelled field naming who resealed it
                || Prefilter.matches(quote, "(?s).*\\b(?i:re-?seal\\w*)\\s*:\\s*(?:by\\s+)?(?:[A-Z][a-z]*\\.\\s*){0,2}[A-Z][a-z'-]+\\s*,.*");
    }

    /** Two seal keys that are one seal: equal, or one written without the agency prefix ("HCSO seal 771204"). */
    private static boolean sameSeal(String a, String b) {
        if (a.equals(b)) return true;
        String shorter = a.length() < b.length() ? a : b, longer = a.length() < b.length() ? b : a;
        return Prefilter.replaceAll(shorter, "\\D", "").length() >= 4 && longer.endsWith(shorter);
    }

    private static final Pattern RIGID_PACKAGING = Pattern.compile("(?i)\\b(bottles?|jars?|box(es)?|(hard|plastic|metal|pill)\\s+cases?|tins?|cans?|containers?|buckets?|coolers?|canisters?|vials?|tubes?|bales?|bricks?|kilos?|packages?)\\b");

    /**
     * How much weight packaging can explain between a gross weight and a later net one. A rigid container (a pill
     * bottle, a mason jar, a box) can weigh anything, so any loss is packaging; soft packaging (an evidence bag,
     * baggies, an envelope) is allowed 25 g, 10 % of the gross, and a gram for each unit wrapped on its own.
     */
    private static double packagingAllowance(List<Link> links, double gross, Integer count) {
        boolean rigid = links.stream().flatMap(l -> l.citations().stream()).anyMatch(c -> Prefilter.find(RIGID_PACKAGING, c.quote()))
                || links.stream().map(l -> l.event().description()).filter(java.util.Objects::nonNull).anyMatch(d -> Prefilter.find(RIGID_PACKAGING, d));
        if (rigid) return Double.MAX_VALUE;
        // "UPD bag 4.20 g", "plus a 4.1 g pouch": the records weigh the soft packaging themselves
        Double stated = statedPackaging(links);
        if (stated != null) return stated + Math.max(0.5, 0.05 * gross);
        return 25 + 0.10 * gross + (count == null ? 1 : count);
    }

    private static final Pattern PACKAGING_WEIGHT = Pattern.compile("(?i)\\b(?:bag|pouch|envelope|baggie|sleeve|packaging|wrapper)s?\\s*(?:weight|wt\\.?|weighs|weighed|=|:|\\()?\\s*(?:of\\s+)?(\\d{1,3}(?:\\.\\d{1,3})?)\\s*(?:g|grams?)\\b"
            + "|\\b(\\d{1,3}(?:\\.\\d{1,3})?)\\s*(?:g|grams?)\\s+(?:[a-z-]+\\s+){0,2}(?:bag|pouch|envelope|baggie|sleeve|packaging|wrapper)\\b");

    /** The heaviest packaging weight the chain's records state, or null when none weighs its packaging. */
    private static Double statedPackaging(List<Link> links) {
        Double most = null;
        for (Link l : links) {
            for (Citation c : l.citations()) {
                Matcher m = PACKAGING_WEIGHT.matcher(c.quote());
                while (m.find()) {
                    double w = Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2));
                    if (w > 0 && (most == null || w > most)) most = w;
                }
            }
        }
        return most;
    }

    /** A seal number as compared: case, spacing and dashes ignored, and OCR's O/0, I/l/1, S/5 and B/8 ("2S-0117", "25-0ll7") read as one. */
    private static String sealKey(String seal) {
        // "0617734 (box)", "0048211 applied": an aside or a word of the record is not part of the number
        return Prefilter.replaceAll(Prefilter.replaceAll(Prefilter.replaceAll(seal, "\\([^()]*\\)", " "), "\\b[a-z]{2,}\\b", " ").toUpperCase(java.util.Locale.ROOT), "[^A-Z0-9]", "").replace('O', '0').replace('I', '1').replace('L', '1').replace('S', '5').replace('B', '8');
    }

    private static CustodyEvent fill(CustodyEvent a, CustodyEvent b) {
        return new CustodyEvent(a.item(), a.time(), or(a.releasedBy(), b.releasedBy()), or(a.receivedBy(), b.receivedBy()), or(a.purpose(), b.purpose()),
                or(a.location(), b.location()), or(a.seal(), b.seal()), or(a.sealStatus(), b.sealStatus()), a.count() != null ? a.count() : b.count(),
                a.weightGrams() != null ? a.weightGrams() : b.weightGrams(), a.weightGrams() != null ? a.weightKind() : b.weightKind(),
                or(a.description(), b.description()), or(a.action(), b.action()), a.source(), a.order(), a.citation());
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static boolean sameTransfer(CustodyEvent a, CustodyEvent b) {
        if (a.time() == null || b.time() == null) return false;
        // A narrative's "on May 7 I obtained Item 1 from the property room" and the room's 0910 release to the same
        // person that day are one hand-off.
        if ((dateOnly(a) != dateOnly(b)) && a.time().toLocalDate().equals(b.time().toLocalDate())
                && !a.citation().document().equals(b.citation().document())
                && Handlers.same(a.receivedBy(), b.receivedBy())
                && (Handlers.same(a.releasedBy(), b.releasedBy()) || storageSide(a.releasedBy()) && storageSide(b.releasedBy()))) return true;
        // "SA Olawale-Kerr delivered both exhibits to the Piedmont Regional Laboratory on June 25" and the log's 10:45
        // delivery by him to the lab's intake that day.
        if ((dateOnly(a) != dateOnly(b)) && a.time().toLocalDate().equals(b.time().toLocalDate())
                && !a.citation().document().equals(b.citation().document())
                && Handlers.same(a.releasedBy(), b.releasedBy()) && Handlers.isLab(a.receivedBy()) && Handlers.isLab(b.receivedBy())) return true;
        if (Math.abs(Duration.between(a.time(), b.time()).toMinutes()) <= 5)
            return a.source().equals("table") != b.source().equals("table") || a.citation().document().equals(b.citation().document()) == false
                    // a form's block and a sentence read out of its lines
                    || a.source().equals("form") != b.source().equals("form");
        // The releasing officer's report and the receiving log tell one hand-off: the receipt a while after the release.
        Long lag = receiptLag(a, b);
        return lag != null && lag >= 0 && lag <= 180;
    }

    private static boolean storageSide(String h) {
        // PO/PT/EC: property officer, property technician, evidence custodian, as property-room ledgers sign.
        return !Handlers.isBlank(h) && (Handlers.isSecureStorage(h) || Handlers.isPlace(h) || Prefilter.matches(h, "(?i).*\\b(PO|PT|EC)\\b.*"));
    }

    private static final java.util.regex.Pattern RELEASE_VERB = java.util.regex.Pattern.compile("(?i)^(released|handed|turned over|relinquished|delivered|transferred|submitted)$");

    /**
     * Minutes from the release to the receipt when two documents tell the same hand-off (same releaser, same
     * receiver), one in the releaser's words ("I released ... to") and the other as the receiving record; null
     * when they are not such a pair.
     */
    static Long receiptLag(CustodyEvent a, CustodyEvent b) {
        if (a.time() == null || b.time() == null) return null;
        if (a.citation().document().equals(b.citation().document()) && !a.citation().equals(b.citation())) return null;
        if (Handlers.isBlank(a.releasedBy()) || Handlers.isBlank(a.receivedBy()) || Handlers.isBlank(b.releasedBy()) || Handlers.isBlank(b.receivedBy())) return null;
        if (!Handlers.same(a.releasedBy(), b.releasedBy()) || !Handlers.same(a.receivedBy(), b.receivedBy())) return null;
        boolean aRelease = isReleaseTelling(a), bRelease = isReleaseTelling(b);
        if (aRelease == bRelease) return null;
        CustodyEvent release = aRelease ? a : b, receipt = aRelease ? b : a;
        return Duration.between(release.time(), receipt.time()).toMinutes();
    }

    private static boolean isReleaseTelling(CustodyEvent e) {
        return !e.source().equals("table") && e.purpose() != null && Prefilter.matches(RELEASE_VERB, e.purpose().strip());
    }

    public List<Finding> analyze(List<CustodyEvent> all) {
        List<Finding> out = new ArrayList<>();
        Map<String, List<Link>> chains = chains(all);
        List<String> reseals = recordedReseals(all);
        for (var entry : chains.entrySet()) {
            String item = entry.getKey();
            // Transfers and storage make the chain; what a lab does inside its own custody (opening, analysing,
            // resealing) is read by the seal, weight and order checks, not as a hand-off.
            List<Link> chain = entry.getValue().stream().filter(l -> l.event().time() != null && !INTERNAL.contains(String.valueOf(l.event().action()))).toList();
            List<String> labStaff = labStaff(entry.getValue());
            List<String> custodians = custodians(chain);
            for (int i = 0; i + 1 < chain.size(); i++) {
                Link a = chain.get(i), b = chain.get(i + 1);
                CustodyEvent ea = a.event(), eb = b.event();
                List<Citation> cites = new ArrayList<>(a.citations());
                b.citations().stream().filter(c -> !cites.contains(c)).forEach(cites::add);
                String holder = ea.receivedBy();
                // A record that names no one ("powder transferred to a weigh boat", "Item 1 opened") leaves the item
                // with whoever held it before: the interval is read from that holder.
                if (Handlers.isBlank(holder) && Handlers.isBlank(ea.releasedBy())) {
                    for (int k = i - 1; k >= 0; k--) {
                        CustodyEvent prev = chain.get(k).event();
                        if (Handlers.isBlank(prev.receivedBy())) continue;
                        if (Handlers.isSecureStorage(prev.receivedBy()) || Handlers.isLab(prev.receivedBy()) || "lab_received".equals(prev.action())
                                || isStaff(labStaff, prev.receivedBy())
                                || "stored".equals(prev.action()) || Handlers.isSecureStorage(prev.location())) holder = prev.receivedBy();
                        break;
                    }
                    if (!Handlers.isBlank(holder) && CustodyText.outsideSystem(holder) == null) continue;
                }
                long minutes = Duration.between(ea.time(), eb.time()).toMinutes();
                boolean dateOnly = dateOnly(ea) || dateOnly(eb);
                boolean overThreshold = dateOnly ? eb.time().toLocalDate().toEpochDay() - ea.time().toLocalDate().toEpochDay() >= 2
                        : minutes > threshold.toMinutes();
                // A laboratory's receipt puts the item in the lab's custody, whoever signed for it ("Barnaby Quist received").
                if (overThreshold && !Handlers.isSecureStorage(holder) && !Handlers.isLab(holder) && !"lab_received".equals(ea.action()) && !isStaff(labStaff, holder)
                        // the custodian who logged it into storage keeps it there while repacking it for the lab
                        && !(isStaff(custodians, holder) && Handlers.same(holder, ea.releasedBy()))
                        // whoever hands it back "from lab" held it as the laboratory
                        && !(Handlers.same(holder, eb.releasedBy()) && Prefilter.find(FROM_LAB, nz(eb.purpose())))
                        // a freezer or a bench the lab's own staff put it in is the lab's
                        && !(isStaff(labStaff, ea.releasedBy()) && Handlers.isPlace(holder))
                        // a sealed package with a common carrier travels under its tracking number
                        && !Handlers.isCarrier(holder) && !Handlers.isSecureStorage(ea.location()) && !Handlers.isStoragePurpose(ea.purpose())
                        && !Handlers.isSecureStorage(eb.releasedBy()) && !"stored".equals(ea.action())
                        // "placed both bags in the refrigerated evidence locker", told without a time after the first record
                        && !storedUntimed(entry.getValue(), ea, eb)
                        || overThreshold && CustodyText.outsideSystem(nz(holder) + " " + nz(ea.location())) != null) {
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
                // A hand-off nobody recorded: only between two people (a locker or a room is opened by whoever the next record names).
                // A seizure is where the chain starts ("Seized - garage freezer"), not a hand-off from whoever held it before.
                if (!Handlers.isBlank(holder) && !Handlers.isBlank(eb.releasedBy()) && !Handlers.isPlace(holder) && !Handlers.isPlace(eb.releasedBy())
                        && !"seized".equals(eb.action()) && !Prefilter.matches(eb.releasedBy(), "(?i)\\s*(seized|collected|recovered|found|obtained|purchased|surrendered)\\b.*")
                        // "Tent, Ochre Wash camp -> Rgr W. Tolliver | seized": the row of the seizure names where it was found
                        && !Prefilter.matches(nz(eb.purpose()), "(?i)\\s*(seiz\\w*|collected|recovered|found)\\b.*")
                        && !(Handlers.isSecureStorage(holder) && Handlers.isSecureStorage(eb.releasedBy()))
                        && !(Handlers.isLab(holder) && !Handlers.isOfficer(eb.releasedBy()))
                        && !Handlers.same(holder, eb.releasedBy())
                        // a record dated but not timed, on the day of a timed one: which came first is not written
                        && !(dateOnly(ea) != dateOnly(eb) && ea.time().toLocalDate().equals(eb.time().toLocalDate()))
                        // two documents telling one hand-off at times that disagree: an ordering break, not a missing transfer
                        && receiptLag(ea, eb) == null
                        // the hand-off between them is recorded, only later than the release it led to: an ordering break
                        && !handoffRecordedLater(chain, i + 1, holder, eb)) {
                    out.add(finding(item, "handler_mismatch", Severity.HIGH,
                            "Item " + item + ": received by " + holder + ", next released by " + eb.releasedBy(),
                            "At " + HUMAN.format(ea.time()) + " the record shows " + holder + " receiving Item " + item + ". The next record, at "
                                    + HUMAN.format(eb.time()) + ", has " + eb.releasedBy() + " releasing it. Nothing records how it passed from "
                                    + holder + " to " + eb.releasedBy() + " (compare United States v. Jenkins (A.C.M.R. 1978): the form did not "
                                    + "establish transmittal from one custodian to the other).",
                            "Demand every record of the transfer between these two handlers; cross-examine both on who held the item.",
                            facts(item, "handler_mismatch", ea.time(), eb.time(), minutes, holder, eb.releasedBy()), cites));
                }
            }
            java.util.Set<String> logsSeen = new java.util.HashSet<>();
            for (Link l : entry.getValue()) {
                CustodyEvent e = l.event();
                // the first row a log gives an item is where the item enters that log: a seizure or an intake from
                // outside it, whose released-by is often left blank
                boolean firstInLog = e.source().equals("table") && logsSeen.add(e.citation().document());
                // A log row's own cells say whether a handler is illegible; "[illegible] corner" in its remarks does not.
                String told = e.source().equals("table") ? nz(e.releasedBy()) + " " + nz(e.receivedBy()) + " " + nz(e.purpose()) : e.citation().quote();
                boolean illegible = Prefilter.matches(told, "(?is).*\\b(illegible|unsigned|no\\s+signature|signature\\s+(missing|blank))\\b.*")
                        || e.source().equals("table") && Prefilter.matches(e.citation().quote(), "(?is).*\\b(unsigned|no\\s+signature|signature\\s+(missing|blank|illegible)|illegible\\s+signature)\\b.*")
                        || unsigned(e.releasedBy()) || unsigned(e.receivedBy());
                // a seizure has no releaser: "--" under Released By on a "Seized from ..." row is the form filled in right
                boolean seizure = "seized".equals(e.action()) || Prefilter.matches(String.valueOf(e.purpose()), "(?i)\\s*(seized|collected|recovered|found|obtained|purchased|surrendered|taken)\\b.*")
                        || e.source().equals("table") && Prefilter.matches(e.citation().quote(), "(?is).*\\b(seized|seizure|collected|recovered|confiscated|found\\s+(?:in|on|at|under)|taken\\s+from|surrendered|turned\\s+over\\s+by|(?:post-?)?buy)\\b.*");
                // nor has a destruction a receiver: "Destroyed (flushed) per policy" under --
                boolean disposal = Prefilter.matches((String.valueOf(e.purpose()) + " " + String.valueOf(e.location()) + " " + e.citation().quote()), "(?is).*\\b(destroy\\w*|destruction|disposed|disposal|flushed|incinerat\\w*|returned\\s+to\\s+(?:the\\s+)?owner|released\\s+to\\s+(?:the\\s+)?owner)\\b.*");
                // a row with nobody on either side that tells an act done where the item was ("sealed by me, CAS witness",
                // "seal cut, 40 tabs counted") is no hand-off: nobody was meant to give or take
                boolean inPlace = e.source().equals("table") && Handlers.isBlank(e.receivedBy()) && Handlers.isBlank(e.releasedBy())
                        && Prefilter.find(IN_PLACE, nz(e.purpose()) + " " + nz(e.location()));
                if (inPlace && !illegible) continue;
                boolean blankCell = e.source().equals("table") && (Handlers.isBlank(e.receivedBy()) && !disposal || Handlers.isBlank(e.releasedBy()) && l != entry.getValue().get(0) && !seizure && !firstInLog);
                // "--" under Released By on a seizure row, or on a log's first row, is the form filled in right
                if (blankCell || illegible || explicitBlank(e.receivedBy()) && !disposal || explicitBlank(e.releasedBy()) && !seizure && !firstInLog) {
                    out.add(finding(item, "missing_handler", Severity.MEDIUM, "Item " + item + ": a custody record with no "
                                    + (Handlers.isBlank(e.receivedBy()) ? "receiver" : "releaser"),
                            "A custody record of Item " + item + " leaves the " + (Handlers.isBlank(e.receivedBy()) ? "received-by" : "released-by")
                                    + " entry blank, so the record does not say who had the item.",
                            "Demand the original signed custody form.", facts(item, "missing_handler", e.time(), null, null, null, null), l.citations()));
                }
            }
            // A sub-item made by a split ("2A") starts in the hands that held its parent.
            List<Link> parent = Prefilter.matches(item, "\\d+[A-Z]") ? chains.getOrDefault(Prefilter.replaceAll(item, "[A-Z]$", ""), List.of()) : List.of();
            checkItem(item, entry.getValue(), parent, reseals, out);
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
        return dedupe(withoutEchoes(out));
    }

    /**
     * A record written out of order also makes the records around it look like hand-offs nobody recorded: the
     * out-of-order finding is the break, the handler mismatches that touch its records are its echo.
     */
    private static List<Finding> withoutEchoes(List<Finding> all) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : all) {
            boolean echo = f.kind().equals("handler_mismatch") && all.stream().anyMatch(o -> o.kind().equals("out_of_order")
                    && o.facts().get("item").equals(f.facts().get("item"))
                    && (sameTime(o.facts().get("from"), f.facts().get("from")) || sameTime(o.facts().get("from"), f.facts().get("to"))
                    || sameTime(o.facts().get("to"), f.facts().get("from")) || sameTime(o.facts().get("to"), f.facts().get("to"))));
            if (!echo) out.add(f);
        }
        return out;
    }

    private static boolean sameTime(Object a, Object b) {
        return a != null && a.equals(b);
    }

    /** A name with its signature space left empty ("Tpr. K. Ostrowski #4915 / __________"). */
    private static boolean unsigned(String h) {
        // "E. YEBOAH LP-22  /EY/": initials between strokes are the signature
        return h != null && Prefilter.matches(h, "(?s).*/\\s*(_{3,}|\\(blank\\)|blank|none)?\\s*$") && !Prefilter.matches(h, "(?s).*/s/.*")
                && !Prefilter.matches(h, "(?s).*/[A-Za-z.]{1,4}/\\s*$");
    }

    /** A handler written as unknown rather than left out ("Unknown", "illegible", "?"). */
    private static boolean explicitBlank(String h) {
        return h != null && Handlers.isBlank(h);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A record that gives a date but no time of day. */
    static boolean dateOnly(CustodyEvent e) {
        return e.time() != null && e.time().toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }

    /** Money that leaves an item on the way: part returned to its owner, part released, forfeited or taken for a buy. */
    private static final Pattern MONEY_LEAVES = Pattern.compile("(?i)\\b(returned\\s+to\\s+(?:the\\s+)?(?:owner|claimant|defendant|subject)|released\\s+to\\s+(?:the\\s+)?(?:owner|claimant)|"
            + "partial\\s+(?:release|return)|forfeit\\w*|split|divided|separated|removed\\s+(?:from|by)|withdrawn|recounted\\s+and\\s+corrected|count\\s+corrected)\\b");

    private static String money(double v) {
        return String.format(Locale.ROOT, v == Math.rint(v) ? "$%,.0f" : "$%,.2f", v);
    }

    private static final Pattern EXPLAINS_COUNT = Pattern.compile("(?i)\\b(consum\\w*|remaining|remainder|\\d+\\s+(?:[a-z]+\\s+)?used|used\\s+(in|for)\\s+(testing|analysis)|destroyed\\s+(in|during)\\s+(testing|analysis)|split|divided|sub-?items?|repackaged\\s+as|combined|commingled|separated|removed\\s+(from|by)|lab\\s+items?\\s+\\d+\\.\\d+)\\b");
    private static final Pattern NOTHING_CONSUMED = Pattern.compile("(?i)\\b(none|nothing|not|no\\s+(\\w+\\s+){0,2}(were|was))\\s+(\\w+\\s+)?consumed\\b");

    /** The link of a chain that holds a telling (a telling is split out of its link to be compared on its own). */
    /** The unit count a telling gives, or the one its hand-off's other records give. */
    private static Integer countOf(List<Link> links, Link telling) {
        if (telling.event().count() != null) return telling.event().count();
        Link l = linkOf(links, telling);
        return l == null ? null : l.event().count();
    }

    private static Link linkOf(List<Link> links, Link telling) {
        for (Link l : links) if (l == telling || l.citations().contains(telling.citations().get(0))) return l;
        return null;
    }

    /** The checks that read one item's whole chain: places, seals, weights, descriptions, the lab's order. */
    /** @param parentChain the chain of the item this one was split from, when it is a sub-item; else empty */
    private void checkItem(String item, List<Link> links, List<Link> parentChain, List<String> reseals, List<Finding> out) {
        // Outside the evidence system.
        for (Link l : links) {
            CustodyEvent e = l.event();
            // Where an item was found ("Seized - vehicle ... (glove box)") is not where anyone kept it.
            if (l.tellings().stream().allMatch(t -> "seized".equals(t.action()))
                    && !Prefilter.matches(e.citation().quote(), "(?is).*\\b(kept|stored|placed|secured|locked|left|took|brought|drove)\\b.*")) continue;
            String place = CustodyText.outsideSystem(String.join(" ", nz(e.location()), nz(e.receivedBy()), e.citation().quote()));
            if (place != null) {
                out.add(finding(item, "custody_outside_system", Severity.HIGH, "Item " + item + ": kept outside the evidence system (" + place + ")",
                        "A record puts Item " + item + " in \"" + place + "\", a place no evidence policy allows and no access log covers. "
                                + "Crisco v. State, 943 S.W.2d 582 (Ark. 1997): drugs kept in the officer's home safe for about a month; the "
                                + "conviction was reversed and dismissed.",
                        "Demand every record of where the item was and who could reach it; cross-examine the officer on the place; move to exclude.",
                        facts(item, "custody_outside_system", e.time(), null, null, null, place), l.citations()));
                break;
            }
        }
        // Seals: a number that changes with no recorded resealing, a seal broken, "not inventoried".
        String lastSeal = null;
        Link lastSealLink = null;
        boolean sealFlagged = false;
        boolean sealedYet = false;
        List<String> sealsSeen = new ArrayList<>();
        List<String> labStaff = labStaff(links);
        for (Link l : links) {
            CustodyEvent e = l.event();
            String status = e.sealStatus();
            // "the unsealed envelope" before anyone sealed it is packaging not yet sealed; after a seal, it is a broken one.
            if ("unsealed".equals(status)) status = sealedYet ? "broken" : null;
            if (e.seal() != null || "sealed".equals(e.action()) || "intact".equals(status)) sealedYet = true;
            if (!sealFlagged && ("broken".equals(status) || "not_inventoried".equals(status)
                    || "resealed".equals(status) && !resealingRecorded(e) && !resealingToldElsewhere(links, l))) {
                out.add(finding(item, "seal_issue", Severity.HIGH, "Item " + item + ": " + ("broken".equals(status) ? "seal broken or not intact"
                                : "not_inventoried".equals(status) ? "received sealed but not inventoried" : "resealed with no record of who or when"),
                        "A record of Item " + item + " says the seal was " + status.replace('_', ' ') + ". A seal is what shows the contents were not "
                                + "touched between handlers; once it is broken or replaced without a named person and a time, the chain cannot vouch "
                                + "for what is inside.",
                        "Subpoena the seal records and the property-room and lab intake logs; ask who opened and resealed the package and when.",
                        facts(item, "seal_issue", e.time(), null, null, null, status), l.citations()));
                sealFlagged = true;
            }
            // Two records of one hand-off that give the package two seals (the sender's log and the lab's receipt
            // table): one of them is not the seal the package arrived under.
            if (!sealFlagged && e.seal() != null && !"resealed".equals(e.action()) && !"sealed".equals(e.action())) {
                for (CustodyEvent t : l.tellings()) {
                    if (t.seal() == null || sameSeal(sealKey(t.seal()), sealKey(e.seal())) || "resealed".equals(t.action()) || "sealed".equals(t.action())
                            || "resealed".equals(t.sealStatus()) || names(t, e.seal()) || names(e, t.seal())) continue;
                    out.add(finding(item, "seal_issue", Severity.HIGH, "Item " + item + ": seal " + e.seal() + " and seal " + t.seal() + " for one hand-off",
                            "Two records of the same hand-off of Item " + item + " give its package different seals (" + e.seal() + " and " + t.seal()
                                    + "), and no record says who broke one seal, why, or who applied the other.",
                            "Subpoena the seal log and both intake records; cross-examine the handlers on the package's condition.",
                            facts(item, "seal_issue", e.time(), t.time(), null, e.seal(), t.seal()), l.citations()));
                    sealFlagged = true;
                    break;
                }
            }
            if (e.seal() != null) {
                String seal = sealKey(e.seal());
                // An undated record (a property form's item list) cannot say when its seal was on the package, only that
                // it was; one the chain already shows is no change, wherever the undated record sorts.
                if (e.time() == null && sealsSeen.stream().anyMatch(s -> sameSeal(s, seal))) continue;
                // A lab's examination log resealing the item before the receipt that still shows the submitter's seal:
                // the analysis is out of order (found as such), not a second change of seal.
                boolean backToEarlier = lastSealLink != null && "examination".equals(lastSealLink.event().source())
                        && sealsSeen.stream().anyMatch(s -> sameSeal(s, seal));
                sealsSeen.add(seal);
                // A laboratory's own log putting the item back in its vault under its own seal, signed and timed by the
                // examiner, is the record of the resealing.
                boolean labReseal = e.source().equals("table") && e.time() != null && isStaff(labStaff, e.releasedBy())
                        && (Handlers.isSecureStorage(e.receivedBy()) || isStaff(labStaff, e.receivedBy()));
                if (lastSeal != null && !sameSeal(lastSeal, seal) && !sealFlagged && !labReseal && !backToEarlier && !resealedBetween(links, lastSealLink, l)
                        && !resealedUnder(reseals, e.seal())
                        && !namesOldSeal(l, lastSealLink.event().seal())) {
                    List<Citation> cites = new ArrayList<>(lastSealLink.citations());
                    l.citations().stream().filter(c -> !cites.contains(c)).forEach(cites::add);
                    out.add(finding(item, "seal_issue", Severity.HIGH, "Item " + item + ": seal " + lastSealLink.event().seal() + " became " + e.seal(),
                            "Item " + item + " is recorded under seal " + lastSealLink.event().seal() + " and later under seal " + e.seal()
                                    + ", and no record says who broke the first seal, why, or who applied the second.",
                            "Subpoena the seal log and every intake record; cross-examine each handler on the package's condition.",
                            facts(item, "seal_issue", lastSealLink.event().time(), e.time(), null, lastSealLink.event().seal(), e.seal()), cites));
                    sealFlagged = true;
                }
                lastSeal = seal;
                lastSealLink = l;
            }
        }
        // Counts: the last count recorded against the next, unless a record explains the change (lab consumption, a split).
        List<Link> told = tellings(links);
        Link counted = null;
        for (Link l : told) {
            CustodyEvent e = l.event();
            if (e.count() == null) continue;
            if (counted != null && !counted.event().count().equals(e.count())) {
                int from = links.indexOf(linkOf(links, counted)), to = links.indexOf(linkOf(links, l));
                int before = counted.event().count(), after = e.count();
                boolean explained = false;
                for (int k = 0; k < links.size() && !explained; k++) {
                    for (Citation c : links.get(k).citations()) {
                        if (!Prefilter.find(EXPLAINS_COUNT, c.quote()) || Prefilter.find(NOTHING_CONSUMED, c.quote())) continue;
                        // "Three (3) tablets consumed": the numbers must add up; a record with no number explains a
                        // change only where it stands, between the two counts.
                        Integer used = CustodyProse.consumedCount(c.quote());
                        if (used != null ? before - used == after : k > from && k <= to || from < 0 || to < 0) explained = true;
                    }
                }
                if (!explained) {
                    CustodyEvent a = counted.event();
                    List<Citation> cites = new ArrayList<>(counted.citations());
                    l.citations().stream().filter(c -> !cites.contains(c)).forEach(cites::add);
                    out.add(finding(item, "count_mismatch", Severity.HIGH, "Item " + item + ": " + a.count() + " units, then " + e.count(),
                            "The unit count of Item " + item + " changes from " + a.count() + " to " + e.count() + (a.time() != null && e.time() != null
                                    ? " between " + HUMAN.format(a.time()) + " and " + HUMAN.format(e.time()) : "") + " with no record explaining it.",
                            "Demand an explanation and the records of every opening of the package; ask the lab for its intake count sheet.",
                            facts(item, "count_mismatch", a.time(), e.time(), null, String.valueOf(a.count()), String.valueOf(e.count())), cites));
                    break;
                }
            }
            counted = l;
        }
        // Money: seized currency is counted at the scene, again at the property room and at the bank; a sum that
        // changes between two counts, with no record of a release or a return between them, is a count mismatch.
        Link summed = null;
        Double before = null;
        for (Link l : told) {
            Double sum = CustodyText.amount(l.event().citation().quote());
            if (sum == null) continue;
            if (before != null && Math.abs(before - sum) >= 0.005) {
                int from = links.indexOf(linkOf(links, summed)), to = links.indexOf(linkOf(links, l));
                boolean explained = false;
                for (int k = Math.max(0, from); k <= to && k < links.size() && !explained; k++) {
                    for (Citation c : links.get(k).citations()) if (Prefilter.find(MONEY_LEAVES, c.quote())) explained = true;
                }
                if (!explained) {
                    CustodyEvent a = summed.event();
                    List<Citation> cites = new ArrayList<>(summed.citations());
                    l.citations().stream().filter(c -> !cites.contains(c)).forEach(cites::add);
                    String was = money(before), now = money(sum);
                    out.add(finding(item, "count_mismatch", "-sum", Severity.HIGH, "Item " + item + ": " + was + " counted, then " + now,
                            "The sum counted in Item " + item + " changes from " + was + " to " + now + " (" + money(Math.abs(before - sum))
                                    + (sum < before ? " less" : " more") + ")" + (a.time() != null && l.event().time() != null
                                    ? " between " + HUMAN.format(a.time()) + " and " + HUMAN.format(l.event().time()) : "") + " with no record of money released or returned.",
                            "Demand the count sheets, the witnesses to each count and the property-room access log; subpoena the deposit record.",
                            facts(item, "count_mismatch", a.time(), l.event().time(), null, was, now), cites));
                    break;
                }
            }
            summed = l;
            before = sum;
        }
        // Weights: a change beyond packaging and uncertainty; a net weight above an earlier gross weight.
        Link firstWeighed = null;
        for (Link l : told) {
            CustodyEvent e = l.event();
            if (e.weightGrams() == null) continue;
            if (firstWeighed == null) {
                firstWeighed = l;
                continue;
            }
            CustodyEvent a = firstWeighed.event();
            double wa = a.weightGrams(), wb = e.weightGrams();
            // Units taken out and recorded (two of five packets consumed, three returned): the weight goes with the
            // count, so each record's weight per unit is what is compared. An unexplained count change is its own finding.
            Integer na = countOf(links, firstWeighed), nb = countOf(links, l);
            // A weight of unstated kind or a gross weight scales the same way: the units, not the bag, were taken out.
            if (na != null && nb != null && !na.equals(nb) && na > 0 && nb > 0 && (java.util.Objects.equals(a.weightKind(), e.weightKind())
                    || !"net".equals(a.weightKind()) && "net".equals(e.weightKind()))) {
                wa = wa / na * nb;
            }
            boolean netAboveGross = "gross".equals(a.weightKind()) && "net".equals(e.weightKind()) && wb > wa;
            boolean sameKind = a.weightKind() == null || e.weightKind() == null || a.weightKind().equals(e.weightKind());
            double rel = Math.abs(wb - wa) / Math.max(wa, wb);
            // Evidence loses weight (drying, sampling) but does not gain it: a gain beyond balance differences (2 %,
            // 0.5 g) is flagged, a loss only beyond packaging and drying (10 %).
            // weighed again in the lab's own bag after a recorded repackaging: the bag is weight the evidence did not gain
            boolean bagged = !"net".equals(e.weightKind()) && wb > wa && repackagedBetween(links, firstWeighed, l) && wb - wa <= packagingAllowance(links, wb, e.count());
            boolean gain = sameKind && wb > wa && wb - wa > Math.max(0.5, 0.02 * wa) && !bagged;
            boolean grossToNet = "gross".equals(a.weightKind()) && "net".equals(e.weightKind()) && wb < wa;
            boolean beyond = gain || !bagged && (sameKind ? rel > 0.10 && Math.abs(wb - wa) > 0.5
                    : wb > wa * 1.05 || grossToNet && wa - wb > packagingAllowance(links, wa, a.count() != null ? a.count() : e.count()));
            if (netAboveGross || beyond) {
                List<Citation> cites = new ArrayList<>(firstWeighed.citations());
                l.citations().stream().filter(c -> !cites.contains(c)).forEach(cites::add);
                out.add(finding(item, "weight_mismatch", netAboveGross || wb > wa ? Severity.HIGH : Severity.MEDIUM,
                        "Item " + item + ": " + grams(wa) + (a.weightKind() == null ? "" : " " + a.weightKind()) + ", then " + grams(wb)
                                + (e.weightKind() == null ? "" : " " + e.weightKind()),
                        "Item " + item + " is recorded at " + grams(wa) + " and later at " + grams(wb) + ". "
                                + (netAboveGross ? "A net weight (without packaging) above the earlier gross weight (with packaging) means material was added or the weighings are not of the same thing. "
                                : wb > wa ? "Evidence that gains weight between weighings is the stronger flag: drying and sampling only take weight away. "
                                : "A loss this size is more than packaging, drying or sampling explain without a record. ")
                                + "Courts treat this as going to the weight of the evidence (Richards v. State (Ga. App. 1988); Jones v. State "
                                + "(Ark. App. 2003): 59 lb by police, 42 lb by the chemist), so it is an argument for the jury, not an automatic exclusion.",
                        "Demand the balance records, calibration and uncertainty budget of each weighing and the packaging weights.",
                        facts(item, "weight_mismatch", a.time(), e.time(), null, grams(wa), grams(wb)), cites));
                break;
            }
        }
        // Descriptions: colour or form that changes.
        Link described = null;
        for (Link l : told) {
            String desc = l.event().description();
            if (desc == null || CustodyText.colours(desc).isEmpty() && CustodyText.forms(desc).isEmpty() && CustodyText.imprint(desc) == null) continue;
            if (described == null) {
                described = l;
                continue;
            }
            String da = described.event().description();
            // The colour of the substance, not of the ink or the bag: a colour that goes with a form ("white powder").
            java.util.Set<String> ca = CustodyText.colours(substance(da)), cb = CustodyText.colours(substance(desc));
            java.util.Set<String> fa = CustodyText.forms(da), fb = CustodyText.forms(desc);
            String ia = CustodyText.imprint(da), ib = CustodyText.imprint(desc);
            boolean colour = !ca.isEmpty() && !cb.isEmpty() && java.util.Collections.disjoint(ca, cb);
            boolean form = !fa.isEmpty() && !fb.isEmpty() && java.util.Collections.disjoint(fa, fb) && !compatibleForms(fa, fb);
            java.util.Set<String> ma = CustodyText.imprintMarks(da), mb = CustodyText.imprintMarks(desc);
            // One record may give only one side's marks; a mark on one record missing from the other is a change only
            // when neither record's marks contain the other's.
            boolean imprint = ia != null && ib != null && !ma.isEmpty() && !mb.isEmpty() && !ma.containsAll(mb) && !mb.containsAll(ma);
            if (colour || form || imprint) {
                List<Citation> cites = new ArrayList<>(described.citations());
                l.citations().stream().filter(c -> !cites.contains(c)).forEach(cites::add);
                out.add(finding(item, "description_mismatch", Severity.HIGH, "Item " + item + ": described as \"" + da + "\", later as \"" + desc + "\"",
                        "The item is described differently along the chain (" + (colour ? "colour " + ca + " vs " + cb : form ? "form " + fa + " vs " + fb : "imprint " + ia + " vs " + ib)
                                + "). Crisco v. State, 943 S.W.2d 582 (Ark. 1997): submitted as \"off white powder\", described by the lab as a "
                                + "\"tan rock-like substance\"; the court held the State had not shown the item tested was the item seized.",
                        "Demand photographs from seizure and intake; cross-examine the seizing officer and the analyst on the description.",
                        facts(item, "description_mismatch", described.event().time(), l.event().time(), null, da, desc), cites));
                break;
            }
        }
        // The lab's own order: receipt before submission, analysis before receipt.
        LocalDateTime submitted = null, labReceived = null;
        Link submittedLink = null, receivedLink = null;
        for (Link l : links) {
            CustodyEvent e = l.event();
            if (e.time() == null) continue;
            if ("submitted".equals(e.action()) && submitted == null) {
                submitted = e.time();
                submittedLink = l;
            }
            // A submission's receiving end is the laboratory's evidence unit ("MFSD Evid. Control Tech. Arturo Salinas").
            boolean labReceipt = "lab_received".equals(e.action()) || Handlers.isLab(e.receivedBy())
                    || "submitted".equals(e.action()) && Handlers.isSecureStorage(e.receivedBy()) && !Handlers.isOfficer(e.receivedBy());
            // Before any submission only a laboratory's own receipt counts: a property room's "intake" is not the lab's.
            if (labReceipt && labReceived == null && (submitted != null || "lab_received".equals(e.action()))) {
                labReceived = e.time();
                receivedLink = l;
            }
        }
        for (Link l : links) {
            CustodyEvent e = l.event();
            if (e.time() == null) continue;
            if ("analyzed".equals(e.action()) && labReceived != null && e.time().toLocalDate().isBefore(labReceived.toLocalDate())) {
                out.add(outOfOrder(item, "analysis dated before the lab received the item", receivedLink, l));
                break;
            }
        }
        // One hand-off (same releaser, same receiver) written at two times by two documents: the receipt and the
        // release disagree, and one of them was not written as it happened.
        for (int i = 0; i < links.size() && !flaggedOrder(out, item); i++) {
            for (int j = i + 1; j < links.size(); j++) {
                CustodyEvent a = links.get(i).event(), b = links.get(j).event();
                if (a.time() == null || b.time() == null) continue;
                if (a.citation().document().equals(b.citation().document()) && !a.citation().equals(b.citation())) continue;
                if (Handlers.isBlank(a.releasedBy()) || Handlers.isBlank(a.receivedBy()) || Handlers.isBlank(b.releasedBy()) || Handlers.isBlank(b.receivedBy())) continue;
                if (!Handlers.same(a.releasedBy(), b.releasedBy()) || !Handlers.same(a.receivedBy(), b.receivedBy())) continue;
                long minutes = Math.abs(Duration.between(a.time(), b.time()).toMinutes());
                Long lag = receiptLag(a, b);
                if (lag != null && lag < -5 && lag > -24 * 60 && !dateOnly(a) && !dateOnly(b)) {
                    out.add(outOfOrder(item, "received " + (-lag) + " minutes before the release it follows", links.get(i), links.get(j)));
                    break;
                }
                // The laboratory's receipt dated before the agency's record of handing the item over (days apart
                // is still the one hand-off when the same two people give and take it).
                CustodyEvent labSide = "lab_received".equals(a.action()) ? a : "lab_received".equals(b.action()) ? b : null;
                CustodyEvent agencySide = labSide == a ? b : a;
                if (lag == null && labSide != null && !"lab_received".equals(agencySide.action()) && ("submitted".equals(agencySide.action()) || "transfer".equals(agencySide.action()))
                        && labSide.time().isBefore(agencySide.time()) && minutes > 5 && minutes < 14 * 24 * 60 && !dateOnly(labSide)) {
                    Link labLink = labSide == a ? links.get(i) : links.get(j), agencyLink = labSide == a ? links.get(j) : links.get(i);
                    out.add(outOfOrder(item, "the laboratory's receipt is dated " + minutes + " minutes before the release to it", agencyLink, labLink));
                    break;
                }
                if (lag == null && minutes > 5 && minutes < 24 * 60 && !dateOnly(a) && !dateOnly(b)) {
                    out.add(outOfOrder(item, "one hand-off recorded " + minutes + " minutes apart by two documents", links.get(i), links.get(j)));
                    break;
                }
            }
        }
        // A release by someone before the record of that person receiving it.
        boolean flagged = flaggedOrder(out, item);
        for (Link b : links) {
            CustodyEvent eb = b.event();
            if (flagged || eb.time() == null || Handlers.isBlank(eb.releasedBy()) || Handlers.isPlace(eb.releasedBy())) continue;
            // The chain's first record is where it starts: whoever releases there seized or collected the item.
            if (links.stream().noneMatch(x -> x.event().time() != null && x.event().time().isBefore(eb.time()))) continue;
            // After a record whose receiver is blank or unknown ("?"), who had it is the missing handler, not an ordering break.
            Link prior = links.stream().filter(x -> x.event().time() != null && x.event().time().isBefore(eb.time()))
                    .max(java.util.Comparator.comparing((Link x) -> x.event().time())).orElse(null);
            if (prior != null && (Handlers.isBlank(prior.event().receivedBy()) || explicitBlank(prior.event().receivedBy()))) continue;
            for (Link a : links) {
                CustodyEvent ea = a.event();
                if (a == b || ea.time() == null || Handlers.isBlank(ea.receivedBy()) || !Handlers.same(ea.receivedBy(), eb.releasedBy())) continue;
                // a receipt that still stood when the release was made: not one the person had since let go of
                boolean earlierReceiptExists = java.util.stream.Stream.concat(links.stream(), parentChain.stream())
                        .anyMatch(x -> x.event().time() != null && !x.event().time().isAfter(eb.time())
                        && (Handlers.same(x.event().receivedBy(), eb.releasedBy())
                                && links.stream().noneMatch(y -> y != b && y.event().time() != null && y.event().time().isAfter(x.event().time())
                                        && y.event().time().isBefore(eb.time()) && Handlers.same(y.event().releasedBy(), eb.releasedBy())
                                        // put in a fridge or a locker, it is still theirs to take out
                                        && !Handlers.isPlace(y.event().receivedBy()) && !Handlers.isBlank(y.event().receivedBy()))
                        // a unit of the evidence system releasing what another name for that system received ("the
                        // ECU" after "Evid. Control Tech. Arturo Salinas")
                        || Handlers.isSecureStorage(eb.releasedBy()) && (Handlers.isSecureStorage(x.event().receivedBy()) || Handlers.isLab(x.event().receivedBy()))));
                if (ea.time().isAfter(eb.time()) && !earlierReceiptExists && !dateOnly(ea) && !dateOnly(eb)) {
                    out.add(outOfOrder(item, "released by " + eb.releasedBy() + " before the record of receiving it", a, b));
                    flagged = true;
                    break;
                }
            }
        }
        if (submitted != null && labReceived != null && labReceived.isBefore(submitted) && !dateOnly(receivedLink.event())
                || submitted != null && labReceived != null && labReceived.toLocalDate().isBefore(submitted.toLocalDate())) {
            out.add(outOfOrder(item, "the lab received it before it was submitted", submittedLink, receivedLink));
        }
    }

    /**
     * Whether the hand-off from the holder to the next releaser is recorded after that releaser let the item go, within
     * a day (the property room's sign-out at 14:50 after the lab's intake at 14:15).
     */
    private static boolean handoffRecordedLater(List<Link> chain, int from, String holder, CustodyEvent release) {
        for (int k = from + 1; k < chain.size(); k++) {
            CustodyEvent z = chain.get(k).event();
            if (z.time() == null || Duration.between(release.time(), z.time()).toMinutes() > 24 * 60) break;
            if (Handlers.same(z.releasedBy(), holder) && Handlers.same(z.receivedBy(), release.releasedBy())) return true;
        }
        return false;
    }

    /**
     * Who received an item for a laboratory ("Prop. Off. D. Kerr -> S. Ybarra | lab submission", a lab's intake):
     * while one of them holds it, it is in the laboratory's custody.
     */
    static List<String> labStaff(List<Link> links) {
        List<String> out = new ArrayList<>();
        // every telling counts: a lab report's receipt merged into the log's row of the same hand-off still names the
        // lab's receiving technician
        for (CustodyEvent e : links.stream().flatMap(l -> java.util.stream.Stream.concat(java.util.stream.Stream.of(l.event()), l.tellings().stream())).toList()) {
            if (Handlers.isBlank(e.receivedBy()) || Handlers.isPlace(e.receivedBy())) continue;
            boolean toLab = "lab_received".equals(e.action()) || Handlers.isLab(e.receivedBy()) && !Handlers.isOfficer(e.receivedBy())
                    || Prefilter.matches(String.valueOf(e.purpose()), "(?is).*\\b(lab(oratory)?\\s+(submission|intake|receipt)|submitted\\s+to\\s+(the\\s+)?lab\\w*)\\b.*");
            if (toLab) out.add(e.receivedBy());
        }
        // Who takes delivery of a package sent to a named laboratory ("UPS -> Meridian - K. Aboud" after "to Meridian
        // Forensic Genetics") works for it.
        List<String> labNames = new ArrayList<>();
        for (Link l : links) {
            for (String v : new String[]{l.event().location(), l.event().purpose(), l.event().receivedBy()}) {
                if (v == null || !Handlers.isLab(v)) continue;
                for (String w : v.split("[^A-Za-z]+")) if (w.length() >= 5 && Character.isUpperCase(w.charAt(0)) && !Prefilter.matches(w, "(?i)forensic\\w*|laborator\\w*|genetics|crime|state|regional|county|section|services?|evidence|intake|receiving")) labNames.add(w);
            }
        }
        for (Link l : links) {
            CustodyEvent e = l.event();
            if (Handlers.isCarrier(e.releasedBy()) && !Handlers.isBlank(e.receivedBy()) && labNames.stream().anyMatch(w -> e.receivedBy().contains(w))) out.add(e.receivedBy());
        }
        // Who takes it out of a freezer or vault the lab's staff put it in works for the lab too (the examiner at the bench).
        List<String> places = new ArrayList<>();
        for (Link l : links) {
            CustodyEvent e = l.event();
            if (Handlers.isPlace(e.receivedBy()) && isStaff(out, e.releasedBy())) places.add(e.receivedBy());
            else if (Handlers.isPlace(e.releasedBy()) && isStaff(places, e.releasedBy()) && !Handlers.isBlank(e.receivedBy())
                    && !Handlers.isPlace(e.receivedBy()) && !Handlers.isOfficer(e.receivedBy())) out.add(e.receivedBy());
        }
        return out;
    }

    private static final Pattern FROM_LAB = Pattern.compile("(?i)\\b(?:from|back\\s+from)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}(?:lab\\w*|crime\\s+lab)\\b");

    /**
     * Who logged the item in from a locker or a drop ("Temp Locker 1 -> W. Castellanos, logged in"): the property
     * room's custodian, whatever the record calls them.
     */
    /** An act done where the item was, with no one giving or taking it (sealing, counting, a seal cut). */
    private static final java.util.regex.Pattern IN_PLACE = java.util.regex.Pattern.compile("(?i)\\b(?:re-?)?seal(?:ed|ing)?\\b|\\b(?:packag\\w*|count(?:ed)?|photograph\\w*|weigh(?:ed)?|inventor(?:ied|y)|labell?ed|marked|opened|cut|field[- ]test\\w*|noted?)\\b");

    /**
     * Whether the document that tells the first record goes on to put the item into secure storage without saying
     * when: the item was in the evidence system, only the minute it went in is not recorded.
     */
    static boolean storedUntimed(List<Link> all, CustodyEvent a, CustodyEvent b) {
        for (Link l : all) {
            CustodyEvent e = l.event();
            if (e.time() != null || !e.citation().document().equals(a.citation().document()) || e.order() <= a.order()) continue;
            if (b.citation().document().equals(a.citation().document()) && e.order() >= b.order()) continue;
            if ("stored".equals(e.action()) && (Handlers.isSecureStorage(e.receivedBy()) || Handlers.isSecureStorage(e.location()))
                    && CustodyText.outsideSystem(nz(e.receivedBy()) + " " + nz(e.location())) == null) return true;
        }
        return false;
    }

    static List<String> custodians(List<Link> chain) {
        List<String> out = new ArrayList<>();
        for (Link l : chain) {
            CustodyEvent e = l.event();
            if (!"stored".equals(e.action()) || Handlers.isBlank(e.receivedBy()) || Handlers.isPlace(e.receivedBy())) continue;
            if (Handlers.isPlace(e.releasedBy()) || Handlers.isSecureStorage(e.releasedBy())) out.add(e.receivedBy());
        }
        return out;
    }

    /**
     * Whether the record that puts the item under a new seal names the old one too ("outer env. HLE 21140 ... inner
     * seals 21104/21105 intact"): the new seal is a package around the old, or a replacement the record documents.
     */
    /** Whether a record's own words name the seal (its digits), as "seal 0448291 replaced by 0451306" names both. */
    private static boolean names(CustodyEvent e, String seal) {
        return writesSealDigits(e.citation().quote(), seal);
    }

    private static boolean namesOldSeal(Link l, String oldSeal) {
        CustodyEvent e = l.event();
        StringBuilder told = new StringBuilder().append(nz(e.purpose())).append(' ').append(nz(e.description()));
        for (Citation c : l.citations()) told.append(' ').append(c.quote());
        return writesSealDigits(told, oldSeal) && !Prefilter.replaceAll(nz(e.seal()), "\\D", "").equals(Prefilter.replaceAll(oldSeal, "\\D", ""));
    }

    /** Whether a text writes a seal's digits (four or more) as a number of their own. */
    private static boolean writesSealDigits(CharSequence text, String seal) {
        String digits = Prefilter.replaceAll(seal, "\\D", "");
        return digits.length() >= 4 && java.util.regex.Pattern.compile("(?<!\\d)" + digits + "(?!\\d)").matcher(text).find();
    }

    private static boolean isStaff(List<String> staff, String who) {
        if (Handlers.isBlank(who)) return false;
        for (String s : staff) if (Handlers.same(s, who)) return true;
        return false;
    }

    private static boolean flaggedOrder(List<Finding> out, String item) {
        return out.stream().anyMatch(f -> f.kind().equals("out_of_order") && ("Item " + item).equals(f.facts().get("item")));
    }

    private Finding outOfOrder(String item, String what, Link a, Link b) {
        List<Citation> cites = new ArrayList<>(a.citations());
        b.citations().stream().filter(c -> !cites.contains(c)).forEach(cites::add);
        return finding(item, "out_of_order", Severity.HIGH, "Item " + item + ": " + what,
                "The records of Item " + item + " put " + describe(b.event()) + " before " + describe(a.event())
                        + ". A chain whose steps happen in an impossible order was not recorded as it happened.",
                "Demand the lab's intake log, the submission form and the analyst's bench notes with their dates.",
                facts(item, "out_of_order", a.event().time(), b.event().time(), null, null, what), cites);
    }

    private static String describe(CustodyEvent e) {
        return (e.action() == null ? "a record" : e.action().replace('_', ' ')) + " at " + (e.time() == null ? "an unrecorded time" : HUMAN.format(e.time()));
    }

    private static String substance(String description) {
        java.util.regex.Matcher m = CustodyProse.DESCRIPTION.matcher(description);
        StringBuilder b = new StringBuilder();
        while (m.find()) b.append(m.group(1)).append(' ');
        // A listing writes the noun first ("Tablets, white oblong, TV 214"): the colours that are not a package's.
        if (b.length() == 0 && !CustodyText.forms(description).isEmpty()) return PACKAGE_COLOUR.matcher(description).replaceAll(" ");
        return b.toString();
    }

    private static final java.util.regex.Pattern PACKAGE_COLOUR = java.util.regex.Pattern.compile("(?i)\\b[a-z-]+(?:\\s+[a-z-]+){0,2}\\s+(?:bag|baggie|bottle|envelope|box|tape|lid|cap|jar|container|wrapper|sleeve|pouch|vial|tin|case|label|ink)s?\\b");

    private static boolean compatibleForms(java.util.Set<String> a, java.util.Set<String> b) {
        // "crystal" and "rock", "tablet" and "capsule" are often used for the same thing.
        java.util.Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u.equals(java.util.Set.of("crystal", "rock"));
    }

    private static String grams(double g) {
        return g >= 1000 ? String.format(java.util.Locale.ROOT, "%.2f kg", g / 1000) : String.format(java.util.Locale.ROOT, "%.2f g", g);
    }

    /**
     * Whether another record of the item tells, with who and when, the resealing this one only mentions ("Returned
     * from lab; lab reseal CTRCL 4471" in the property log, where the lab's report says "P. Sethuraman-Gale resealed
     * the remaining tablets at 3:20 PM"; "2.1 brick ... resealed FCSL 0889012" under "Resealed 16-DEC-2025 10:50 by R.
     * Achebe-Thornton"): the resealing is recorded, once, where it was done.
     */
    private static boolean resealingToldElsewhere(List<Link> links, Link mention) {
        LocalDateTime at = mention.event().time();
        // "no resealing is noted": a resealing the record says nobody wrote down is not the one told elsewhere
        if (Prefilter.matches(mention.event().citation().quote(), "(?is).*\\b(no|not|without|never)\\s+(\\w+\\s+){0,2}re-?seal\\w*.*")) return false;
        boolean labReseal = Prefilter.matches(mention.event().citation().quote(), "(?is).*\\b(lab(oratory)?|crime\\s+lab)\\s+re-?seal\\w*.*");
        for (Link l : links) {
            if (l == mention) continue;
            CustodyEvent e = l.event();
            if (!"resealed".equals(e.action()) && !"resealed".equals(e.sealStatus())) continue;
            if (!resealingRecorded(e)) continue;
            if (at == null || e.time() == null || Math.abs(Duration.between(e.time(), at).toMinutes()) <= 120) return true;
            // "Returned from lab; lab reseal CTRCL 4471", the day after the lab's report tells its resealing
            if (labReseal && !e.time().isAfter(at)) return true;
        }
        return false;
    }

    /**
     * The sentences of the whole case that tell a resealing with who and when, whatever item they were read for: a lab
     * writes its resealing under its own exhibit numbers ("Resealed 6 Aug 2025 3:05 p.m., CFA 56610, R.
     * Okonkwo-Lindgren"), and the seal number is what ties it to the item that comes back under that seal.
     */
    private static List<String> recordedReseals(List<CustodyEvent> all) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (CustodyEvent e : all) {
            if (("resealed".equals(e.action()) || "resealed".equals(e.sealStatus())) && resealingRecorded(e)) out.add(e.citation().quote());
        }
        return List.copyOf(out);
    }

    /** Whether a recorded resealing names this seal's number. */
    private static boolean resealedUnder(List<String> reseals, String seal) {
        String digits = Prefilter.replaceAll(seal == null ? "" : seal, "\\D", "");
        if (digits.length() < 4) return false;
        Pattern number = Pattern.compile("(?<!\\d)" + digits + "(?!\\d)");
        for (String q : reseals) if (number.matcher(Prefilter.replaceAll(q, "(?<=\\d)[ -](?=\\d)", "")).find()) return true;
        return false;
    }

    /** Whether a record between two seals says who resealed the item and when. */
    /** A recorded resealing or repackaging between two tellings (each found by its link in the chain). */
    private static boolean repackagedBetween(List<Link> links, Link a, Link b) {
        int from = links.indexOf(linkOf(links, a)), to = links.indexOf(linkOf(links, b));
        if (from < 0 || to < 0) return false;
        for (int k = from + 1; k < to; k++) {
            CustodyEvent e = links.get(k).event();
            if ((sealsIt(e) || "packaged".equals(e.action())) && resealingRecorded(e)) return true;
        }
        return false;
    }

    /** A record of putting the item under a seal: sealing, resealing, or a seal the record says was renewed. */
    private static boolean sealsIt(CustodyEvent e) {
        return "resealed".equals(e.action()) || "resealed".equals(e.sealStatus()) || "sealed".equals(e.action());
    }

    /** "sealed with NBIL label L 558012 by M. Dansereau": a sealing that names who did it. */
    private static final String SEALED_BY = "sealed\\b[^;]{0,80}?\\bby\\s+(?:[A-Z][A-Za-z.]*\\s+){0,3}[A-Z][a-z]";
    private static final Pattern TELLS_SEALED_BY = Pattern.compile("(?is).*\\b" + SEALED_BY + ".*");
    private static final Pattern TELLS_RESEAL = Pattern.compile("(?is).*\\b(re-?seal\\w*|" + SEALED_BY + ").*");

    private static boolean resealedBetween(List<Link> links, Link a, Link b) {
        boolean between = false;
        for (Link l : links) {
            if (l == a) {
                between = true;
                continue;
            }
            if (l == b) break;
            CustodyEvent e = l.event();
            // "placed in an NBIL heat-seal bag and sealed with NBIL label L 558012 by M. Dansereau on March 25 at 2:20 p.m."
            boolean sealing = sealsIt(e) || Prefilter.matches(TELLS_SEALED_BY, e.citation().quote());
            if (between && sealing && resealingRecorded(e)) return true;
        }
        CustodyEvent e = b.event();
        // A new seal applied by a named person at a written time ("16:25 Lab Item 1.1 (SIM) sealed by M. Sallow") is a recorded change too.
        return (sealsIt(e) || Prefilter.matches(TELLS_RESEAL, e.citation().quote())) && resealingRecorded(e);
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
        return finding(item, kind, "", sev, title, explanation, action, facts, cites);
    }

    /** @param variant told apart from a finding of the same kind, item and time ("-sum": a sum of money, not a unit count) */
    private static Finding finding(String item, String kind, String variant, Severity sev, String title, String explanation, String action,
                                   Map<String, Object> facts, List<Citation> cites) {
        String id = "custody-" + kind + "-item" + item + (kind.equals("unaccounted_interval") || kind.equals("handler_mismatch") || kind.equals("count_mismatch")
                ? "-" + Prefilter.replaceAll(String.valueOf(facts.get("from")), "[^0-9]", "") : "") + variant;
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
