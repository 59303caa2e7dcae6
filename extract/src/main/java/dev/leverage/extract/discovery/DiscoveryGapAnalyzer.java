package dev.leverage.extract.discovery;

import dev.leverage.extract.Prefilter;
import dev.leverage.extract.Citation;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Finding;
import dev.leverage.extract.Severity;
import dev.leverage.extract.custody.CustodyEvent;
import dev.leverage.extract.sampling.SamplingClaim;
import dev.leverage.extract.timeline.TimedEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the production itself says should exist but is not in it: the video of every officer placed on scene, the
 * 911 call and the radio traffic, the dog's training and field records when its alert is relied on, the lab's bench
 * notes, data, calibration and proficiency behind a result, the property room's logs behind a broken chain, the
 * informant's payments and agreement, the warrant's affidavit and return, and every document cited by number.
 * One finding of type discovery_gap per record class and subject, citing the pages that show the record exists.
 */
public final class DiscoveryGapAnalyzer {
    private static final Pattern MEDIA = Pattern.compile("(?i)\\.(mp4|mov|avi|wmv|mkv|m4v|mpg|mpeg|3gp|wav|mp3|m4a|wma|aac|ogg|flac|dav|asf|mts|g64|avs)$");
    private static final int MAX_CITES = 4;

    /** The custody kinds that show a chain broken in the property room's keeping, whose access log tells who. */
    private static final Set<String> ACCESS_BREAKS = Set.of("unaccounted_interval", "handler_mismatch", "missing_handler", "count_mismatch",
            "weight_mismatch", "custody_outside_system");

    /**
     * @param facts   every indexed document's facts, with the record references its reader found
     * @param files   every file of the production by path, indexed or not: a video that has no text is still produced
     * @param custody the case's custody findings, whose breaks call for the property room's logs
     */
    public List<Finding> analyze(List<DocumentFacts> facts, List<String> files, List<Finding> custody) {
        List<RecordReference> refs = new ArrayList<>();
        for (DocumentFacts f : facts) refs.addAll(f.references());
        Map<String, String> agencies = new TreeMap<>();
        for (RecordReference r : refs) if (r.kind().equals("agency")) agencies.putIfAbsent(r.citation().document(), r.subject());
        Gaps gaps = new Gaps(agencies);
        Set<String> media = new LinkedHashSet<>();
        Set<String> fileNames = new LinkedHashSet<>();
        for (String path : files) {
            String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('!')) + 1);
            String base = Prefilter.replaceFirst(name, "\\.[A-Za-z0-9]{2,4}$", "");
            fileNames.add(RecordReader.normal(base));
            if (Prefilter.find(MEDIA, name)) media.add(name.toLowerCase(Locale.ROOT));
        }
        recordings(refs, media, gaps);
        dispatchAudio(refs, media, gaps);
        k9(refs, gaps);
        lab(refs, facts, gaps);
        custody(refs, facts, custody, gaps);
        informants(refs, gaps);
        warrants(refs, facts, gaps);
        cited(refs, fileNames, gaps);
        return gaps.findings;
    }

    private static List<RecordReference> of(List<RecordReference> refs, String kind, String role) {
        return refs.stream().filter(r -> r.kind().equals(kind) && r.role().equals(role)).toList();
    }

    private static Set<String> produced(List<RecordReference> refs, String kind) {
        Set<String> out = new LinkedHashSet<>();
        for (RecordReference r : of(refs, kind, RecordReference.PRODUCED)) out.add(r.record());
        return out;
    }

    private static final java.util.regex.Pattern EVERY_OFFICER = java.util.regex.Pattern.compile("(?i)\\b(?:no|none\\s+of\\s+the|all|any|every|neither)\\s+(?:\\w+\\s+){0,2}(?:officers?|deputies|deputy|units?|personnel|agencies|responders)\\b");

    private static void recordings(List<RecordReference> refs, Set<String> media, Gaps gaps) {
        Map<String, String> alias = new LinkedHashMap<>();
        for (RecordReference r : of(refs, "unit", RecordReference.ALIAS)) alias.putIfAbsent(r.subject(), r.record());
        Set<String> cancelled = new LinkedHashSet<>();
        for (RecordReference r : of(refs, "scene", RecordReference.CANCELLED)) cancelled.add(alias.getOrDefault(r.subject(), r.subject()));
        Map<String, List<Citation>> onScene = new LinkedHashMap<>();
        for (RecordReference r : of(refs, "scene", RecordReference.BASIS)) {
            String who = alias.getOrDefault(r.subject(), r.subject());
            onScene.computeIfAbsent(who, k -> new ArrayList<>()).add(r.citation());
        }
        onScene.keySet().removeIf(cancelled::contains);
        // a unit nobody pairs with a name is one of the named officers when there are as many of those
        long named = onScene.keySet().stream().filter(k -> !Prefilter.matches(k, ".*\\d.*")).count();
        long units = onScene.keySet().stream().filter(k -> Prefilter.matches(k, ".*\\d.*")).count();
        if (named >= units) onScene.keySet().removeIf(k -> Prefilter.matches(k, ".*\\d.*"));
        Set<String> produced = new LinkedHashSet<>();
        for (RecordReference r : of(refs, "recording", RecordReference.PRODUCED)) {
            if (r.subject() == null) continue;
            String s = Prefilter.replaceFirst(r.subject(), "^file:", "");
            produced.add(s);
            produced.add(alias.getOrDefault(s, s));
        }
        Set<String> mediaWords = new LinkedHashSet<>();
        for (String m : media) {
            for (String w : m.replaceFirst("\\.[a-z0-9]+$", "").split("[^a-z0-9]+")) {
                mediaWords.add(w);
                mediaWords.add(alias.getOrDefault(w, w));
            }
            mediaWords.add(RecordReader.normal(m.replaceFirst("\\.[a-z0-9]+$", "")));
        }
        // Cameras nobody had: a statement that names the camera ("not issued body-worn cameras") leaves the other kind
        // expected when the documents speak of it ("my in-car MVR did not activate").
        Set<String> mentioned = new LinkedHashSet<>();
        for (RecordReference r : of(refs, "camera", RecordReference.BASIS)) mentioned.add(r.record());
        Set<String> none = new LinkedHashSet<>();
        boolean noneAtAll = false, noneAnywhere = false;
        // the agencies whose own documents place people on scene, each by the words that tell it from the others
        Map<String, Set<String>> memberOf = new LinkedHashMap<>();
        Set<String> agencies = new LinkedHashSet<>();
        for (RecordReference r : of(refs, "scene", RecordReference.MEMBER)) {
            memberOf.computeIfAbsent(r.subject(), k -> new LinkedHashSet<>()).add(r.record());
            agencies.add(r.record());
        }
        List<String> namedStatements = new ArrayList<>();
        List<String> noCameraStatements = new ArrayList<>();
        for (RecordReference r : of(refs, "recording", RecordReference.NONE)) {
            boolean covers = r.record().equals("any") || r.record().equals("body") && !mentioned.contains("in_car") || r.record().equals("in_car") && !mentioned.contains("body");
            if (!covers) continue;
            if (r.subject() == null && r.citation() != null) noCameraStatements.add(r.citation().quote());
            if (r.subject() == null) {
                // "Tri-County SPCA humane officers are not equipped with body-worn cameras": about one agency's people
                if (r.citation() != null && !Prefilter.find(EVERY_OFFICER, r.citation().quote())
                        && agencies.stream().anyMatch(a -> names(r.citation().quote(), a))) namedStatements.add(r.citation().quote());
                noneAtAll = true;
                // "no officer at the scene had a camera" covers the officers of other agencies too
                if (r.citation() != null && Prefilter.find(EVERY_OFFICER, r.citation().quote())) noneAnywhere = true;
            } else none.add(r.subject());
        }
        // officers of another agency than the one whose cameras a statement speaks of
        Set<String> outside = new LinkedHashSet<>();
        // "Westmont PD does not issue body-worn cameras": the officers listed under that agency are covered by it
        Set<String> ownAgencySaysNone = new LinkedHashSet<>();
        for (RecordReference r : of(refs, "scene", RecordReference.OUTSIDE)) {
            outside.add(r.subject());
            if (r.record() != null && noCameraStatements.stream().anyMatch(q -> !Prefilter.find(EVERY_OFFICER, q) && names(q, r.record()))) ownAgencySaysNone.add(r.subject());
        }
        // an officer whom his own agency's paperwork places on scene, where every no-camera statement names another agency
        if (!namedStatements.isEmpty()) {
            for (var m : memberOf.entrySet()) {
                if (m.getValue().stream().anyMatch(a -> namedStatements.stream().allMatch(q -> !names(q, a)))) outside.add(m.getKey());
            }
        }
        for (var e : onScene.entrySet()) {
            String who = e.getKey();
            if (produced.contains(who) || none.contains(who) || noneAtAll && (noneAnywhere || !outside.contains(who) || ownAgencySaysNone.contains(who))) continue;
            if (mediaWords.contains(who) || mediaWords.stream().anyMatch(w -> w.length() > who.length() && w.contains(who) && who.length() >= 4)) continue;
            String display = Prefilter.matches(who, ".*\\d.*") ? "Unit " + who.toUpperCase(Locale.ROOT) : capitalise(who);
            gaps.add("recording", who, Severity.MEDIUM, "No body-worn or in-car video from " + display + ", whom the documents place on scene",
                    display + " is placed at the scene by the pages cited, and the production holds no recording from that officer's "
                            + "body-worn or in-car camera, no transcript of one and no index line listing it. A recording is the one account of the "
                            + "stop not written afterwards: it fixes when things happened and what was said. Police-held evidence is the "
                            + "prosecution's to disclose whether or not the prosecutor has seen it (Brady v. Maryland, 373 U.S. 83 (1963); Kyles v. "
                            + "Whitley, 514 U.S. 419 (1995)), and a recording that departs from the report is impeachment (Giglio v. United States, "
                            + "405 U.S. 150 (1972)).",
                    "Request every body-worn and in-car camera recording of " + display + " for the incident, with the camera's audit trail "
                            + "and retention record; if none is produced, ask for the agency's statement of why, and preserve a Youngblood "
                            + "(Arizona v. Youngblood, 488 U.S. 51 (1988)) claim if it was not kept.",
                    Map.of("record", "body-worn and in-car camera video", "subject", display, "records", List.of("body-worn camera video", "in-car camera video",
                            "camera audit trail")), e.getValue());
        }
        List<RecordReference> interview = refs.stream().filter(r -> r.kind().equals("recording") && r.role().equals(RecordReference.BASIS) && "interview".equals(r.record())).toList();
        boolean interviewProduced = refs.stream().anyMatch(r -> r.kind().equals("recording") && r.role().equals(RecordReference.PRODUCED) && "interview".equals(r.record()))
                || media.stream().anyMatch(m -> m.matches(".*(interview|interrogation|statement).*"));
        if (!interview.isEmpty() && !interviewProduced) {
            gaps.add("recording", "interview", Severity.HIGH, "No recording of the custodial interview",
                    "The documents describe an interview or interrogation held in custody, and the production has no recording or transcript "
                            + "of it. Whether and when Miranda warnings were given, what was asked, and whether a statement was volunteered are "
                            + "decided on the recording (Miranda v. Arizona, 384 U.S. 436 (1966)); many agencies and states require custodial "
                            + "interviews to be recorded.",
                    "Request the complete audio and video of the interview, from the room's first entry to the last exit, with the "
                            + "recording system's log; move to suppress the statement if it was not recorded where recording is required.",
                    Map.of("record", "interview recording", "subject", "custodial interview", "records", List.of("interview room video", "interview audio")),
                    interview.stream().map(RecordReference::citation).toList());
        }
    }

    private static void dispatchAudio(List<RecordReference> refs, Set<String> media, Gaps gaps) {
        Set<String> produced = produced(refs, "dispatch_audio");
        List<Citation> call = basis(refs, "dispatch_audio", "911");
        if (!call.isEmpty() && !produced.contains("911") && media.stream().noneMatch(m -> m.matches(".*(911|9-1-1|emergency).*"))) {
            gaps.add("dispatch_audio", "911", Severity.MEDIUM, "No recording of the 911 call",
                    "The documents say a 911 call started the response, and the production has neither its recording nor a transcript. "
                            + "What the caller actually reported (and did not) sets the limits of any reasonable suspicion built on it "
                            + "(Navarette v. California, 572 U.S. 393 (2014); Florida v. J.L., 529 U.S. 266 (2000)), and the call's "
                            + "time-stamps anchor the chronology.",
                    "Request the 911 call audio with its ANI/ALI and time-stamp record, and the call-taker's CAD entry.",
                    Map.of("record", "911 call recording", "subject", "911 call", "records", List.of("911 call audio", "ANI/ALI record")), call);
        }
        List<Citation> radio = basis(refs, "dispatch_audio", "radio");
        if (!radio.isEmpty() && !produced.contains("radio") && media.stream().noneMatch(m -> m.matches(".*(radio|dispatch|channel|cad|tac|comms?|traffic).*"))) {
            gaps.add("dispatch_audio", "radio", Severity.LOW, "No dispatch or radio audio",
                    "The production relies on dispatch records or radio traffic (a CAD log, \"dispatch advised\") and holds no recording of it. "
                            + "CAD entries are typed by a dispatcher after the words are spoken; the recorded radio traffic is what each "
                            + "officer said and when, which is where a stop's timing (Rodriguez v. United States, 575 U.S. 348 (2015)) and a "
                            + "records check's result are proven.",
                    "Request the radio and dispatch audio for every channel used, from the first call to the last unit clearing, with the "
                            + "recorder's time-stamps.",
                    Map.of("record", "radio and dispatch audio", "subject", "radio traffic", "records", List.of("radio traffic audio", "dispatch audio")), radio);
        }
    }

    private static void k9(List<RecordReference> refs, Gaps gaps) {
        List<Citation> alert = basis(refs, "k9", "alert");
        if (alert.isEmpty() || !basis(refs, "k9", "not_relied").isEmpty()) return;
        Set<String> produced = produced(refs, "k9");
        Map<String, String[]> what = new LinkedHashMap<>();
        what.put("training", new String[]{"the dog's and handler's training records", "training logs, including failed and blank trials"});
        what.put("certification", new String[]{"the dog's certification records", "certificates and the certifying body's standards and test results"});
        what.put("field_records", new String[]{"the dog's deployment and field-accuracy records", "deployment or utilization logs with every alert and what was found"});
        for (var e : what.entrySet()) {
            if (produced.contains(e.getKey())) continue;
            gaps.add("k9", e.getKey(), Severity.MEDIUM, "K9 alert relied on without " + e.getValue()[0],
                    "The case relies on a dog's alert, and the production does not hold " + e.getValue()[0] + ". A court weighs a dog's "
                            + "reliability on its training and certification and lets the defense test them, including with field "
                            + "performance (Florida v. Harris, 568 U.S. 237 (2013)); an alert from a dog whose records are not disclosed "
                            + "cannot be tested.",
                    "Request " + e.getValue()[1] + " for the dog and handler, for the two years before the sniff.",
                    Map.of("record", e.getValue()[0], "subject", "K9", "records", List.of(e.getValue()[1])), alert);
        }
    }

    private static void lab(List<RecordReference> refs, List<DocumentFacts> facts, Gaps gaps) {
        List<Citation> result = basis(refs, "lab", "result");
        if (result.isEmpty()) return;
        Set<String> produced = produced(refs, "lab");
        List<Citation> sampling = new ArrayList<>(basis(refs, "lab", "sampling"));
        for (DocumentFacts f : facts) {
            if (!"lab_report".equals(f.type())) continue; // the lab's own units, not a field count
            for (SamplingClaim c : f.sampling()) {
                if (c.unitsTotal() != null && c.unitsTested() != null && c.unitsTotal() >= 2 && c.unitsTested() >= 1 && c.unitsTested() < c.unitsTotal()
                        && c.citations() != null && !c.citations().isEmpty()) {
                    sampling.add(c.citations().get(0));
                }
            }
        }
        Map<String, String[]> what = new LinkedHashMap<>();
        what.put("bench_notes", new String[]{"the analyst's bench notes and worksheets", "what the analyst did and saw, step by step; the report is a summary of them"});
        what.put("instrument_data", new String[]{"the instrument data (chromatograms, spectra)", "the identification rests on these; without them the result cannot be checked against the lab's own criteria"});
        what.put("calibration", new String[]{"the balance and instrument calibration records and the measurement uncertainty budget",
                "a weight near a threshold is only as good as the balance's calibration and the stated uncertainty"});
        what.put("sampling_plan", new String[]{"the sampling plan", "the lab tested fewer units than it received; the plan says how the units were chosen and what the result can claim about the rest"});
        what.put("lab_custody", new String[]{"the lab's internal chain of custody", "it shows who held the evidence inside the lab and when, between the receipt and the report"});
        what.put("proficiency", new String[]{"the analyst's proficiency test records", "they show whether the analyst has been tested on this analysis and passed"});
        for (var e : what.entrySet()) {
            if (produced.contains(e.getKey())) continue;
            if (e.getKey().equals("sampling_plan") && sampling.isEmpty()) continue;
            List<Citation> cites = e.getKey().equals("sampling_plan") ? sampling : result;
            gaps.add("lab", e.getKey(), e.getKey().equals("sampling_plan") || e.getKey().equals("calibration") ? Severity.MEDIUM : Severity.LOW,
                    "Lab result relied on without " + e.getValue()[0],
                    "The case relies on a laboratory result, and the production does not hold " + e.getValue()[0] + ": " + e.getValue()[1]
                            + ". The analyst's report is testimonial and the defense may confront its basis (Melendez-Diaz v. Massachusetts, 557 "
                            + "U.S. 305 (2009)); the results of scientific tests and the bases of an expert's opinion are discoverable (Fed. R. "
                            + "Crim. P. 16(a)(1)(F), (G) and the state equivalents).",
                    "Request " + e.getValue()[0] + " for every item analysed, from the laboratory's case file.",
                    Map.of("record", e.getValue()[0], "subject", "laboratory", "records", List.of(e.getValue()[0])), cites);
        }
    }

    private static void custody(List<RecordReference> refs, List<DocumentFacts> facts, List<Finding> custodyFindings, Gaps gaps) {
        Set<String> produced = produced(refs, "custody");
        // a custody record is a document classed as one, one the index lists, or any table or form of hand-offs
        boolean anyCustodyRecord = produced.contains("custody_log") || facts.stream().anyMatch(f -> "custody_log".equals(f.type())
                || f.custody().stream().anyMatch(e -> !"narrative".equals(e.source()) && !"prose".equals(e.source())));
        List<Citation> seized = new ArrayList<>(basis(refs, "custody", "seized"));
        for (DocumentFacts f : facts) {
            for (TimedEvent e : f.events()) if (e.event().equals("evidence_seized")) seized.add(e.citation());
            for (CustodyEvent e : f.custody()) if ("seized".equals(e.action())) seized.add(e.citation());
        }
        if (!seized.isEmpty() && !anyCustodyRecord) {
            gaps.add("custody", "custody_log", Severity.HIGH, "Evidence seized with no chain-of-custody record",
                    "The documents say evidence was seized, and the production holds no property, evidence or chain-of-custody record for "
                            + "it. The state must show the item tested is the item seized, unchanged; without the custody record that cannot "
                            + "be checked at all (see the custody decisions in the reference).",
                    "Request the property and evidence records for every item seized: the property receipt, the chain-of-custody form and "
                            + "the evidence system's history; move to exclude if they do not exist.",
                    Map.of("record", "chain-of-custody and property records", "subject", "seized evidence", "records", List.of("property receipt", "chain-of-custody form")), seized);
        }
        List<Citation> breaks = new ArrayList<>();
        List<Citation> seals = new ArrayList<>();
        Set<String> items = new java.util.TreeSet<>();
        for (Finding f : custodyFindings) {
            if (!"custody_gap".equals(f.type())) continue;
            if (ACCESS_BREAKS.contains(f.kind())) {
                breaks.addAll(f.citations());
                if (f.facts().get("item") != null) items.add(String.valueOf(f.facts().get("item")));
            }
            if (f.kind().equals("seal_issue")) seals.addAll(f.citations());
        }
        if (!breaks.isEmpty() && !produced.contains("access_log")) {
            gaps.add("custody", "access_log", Severity.MEDIUM, "Custody breaks with no property-room access or movement log",
                    "The custody record shows breaks (" + String.join(", ", items) + "; see the custody findings), and the production has no "
                            + "property-room access or movement log. That log says who entered the room and who moved the item while the "
                            + "paperwork is silent.",
                    "Request the property room's access log, key and door-card records and the evidence system's movement and audit history "
                            + "for each item, from seizure to trial.",
                    Map.of("record", "property-room access and movement logs", "subject", String.join(", ", items), "records", List.of("access log", "movement log", "audit trail")), breaks);
        }
        if (!seals.isEmpty() && !produced.contains("seal_records")) {
            gaps.add("custody", "seal_records", Severity.MEDIUM, "Seal problems with no seal records",
                    "The custody record shows a seal problem (a changed number, a broken or resealed package), and the production has no "
                            + "seal log or record of who opened and resealed the package, when and why.",
                    "Request the seal log and every record of the package's opening and resealing, with the people's initials and times.",
                    Map.of("record", "seal records", "subject", "evidence seals", "records", List.of("seal log")), seals);
        }
    }

    private static void informants(List<RecordReference> refs, Gaps gaps) {
        Map<String, List<Citation>> named = new LinkedHashMap<>();
        for (RecordReference r : of(refs, "informant", RecordReference.BASIS)) named.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(r.citation());
        // "the CI" in one sentence and "CI-0419" in the next are one informant
        boolean another = of(refs, "informant", RecordReference.BASIS).stream().anyMatch(r -> "other".equals(r.record()));
        if (named.size() > 1 && named.containsKey("ci") && !another) {
            List<Citation> loose = named.remove("ci");
            named.values().iterator().next().addAll(loose);
        }
        List<RecordReference> produced = of(refs, "informant", RecordReference.PRODUCED);
        for (var e : named.entrySet()) {
            String id = e.getKey();
            List<String> missing = new ArrayList<>();
            for (String rec : List.of("payments", "agreement")) {
                boolean has = produced.stream().anyMatch(r -> r.record().equals(rec) && (r.subject() == null || r.subject().equals(id) || named.size() == 1));
                if (!has) missing.add(rec.equals("payments") ? "payment and benefit records" : "cooperation agreement and informant file");
            }
            if (missing.isEmpty()) continue;
            String display = id.equals("ci") ? "the confidential informant" : Prefilter.replaceFirst(id.toUpperCase(Locale.ROOT), "^([A-Z]+)(\\d)", "$1-$2");
            gaps.add("informant", id, Severity.HIGH, "Informant " + display + " relied on without " + String.join(" or ", missing),
                    "The case relies on " + display + ", and the production lacks the " + String.join(" and the ", missing) + ". Payments, "
                            + "charges dropped and other benefits are impeachment the prosecution must disclose (Giglio v. United States, 405 "
                            + "U.S. 150 (1972)); where the informant's account is relevant and helpful to the defense, the identity must be "
                            + "disclosed too (Roviaro v. United States, 353 U.S. 53 (1957)).",
                    "Request every payment, benefit and promise to " + display + " in this and other cases, the signed cooperation agreement, "
                            + "and the informant file's reliability history; move to compel if refused.",
                    Map.of("record", String.join("; ", missing), "subject", display, "records", missing), e.getValue());
        }
    }

    private static void warrants(List<RecordReference> refs, List<DocumentFacts> facts, Gaps gaps) {
        List<Citation> basis = new ArrayList<>(basis(refs, "warrant", "warrant"));
        Set<String> produced = produced(refs, "warrant");
        if (basis.isEmpty() && produced.isEmpty()) return;
        if (basis.isEmpty()) basis.addAll(of(refs, "warrant", RecordReference.PRODUCED).stream().map(RecordReference::citation).toList());
        Map<String, String[]> what = new LinkedHashMap<>();
        what.put("warrant", new String[]{"the signed warrant", "the warrant with the judge's signature page shows what was authorized, by whom and when; "
                + "a search before the signature, or beyond the warrant's terms, is a search without one", Severity.HIGH.name()});
        what.put("affidavit", new String[]{"the affidavit", "the affidavit is the probable cause the judge was given; a false statement or "
                + "reckless omission in it voids the warrant (Franks v. Delaware, 438 U.S. 154 (1978))", Severity.HIGH.name()});
        what.put("return", new String[]{"the return and inventory", "the return says when the warrant was executed and what was taken, against the "
                + "warrant's window and the property records", Severity.MEDIUM.name()});
        // Warrants told apart by their numbers ("25-MJ-0412", "25-MJ-0431"): each has its own papers, and the tracking
        // warrant's affidavit is not the phone warrant's. Papers with no number stand for every warrant.
        Map<String, Set<String>> producedBy = new LinkedHashMap<>();
        Map<String, List<Citation>> citedBy = new LinkedHashMap<>();
        Set<String> unnumbered = new LinkedHashSet<>();
        // One warrant's number written with and without its court's prefix ("MC-25-SW-061", "25-SW-061") is one warrant.
        Set<String> numbers = new LinkedHashSet<>();
        for (RecordReference r : refs) if (r.kind().equals("warrant") && r.subject() != null) numbers.add(r.subject());
        for (RecordReference r : refs) {
            if (!r.kind().equals("warrant")) continue;
            String number = r.subject() == null ? null : fullNumber(r.subject(), numbers);
            if (number != null) citedBy.computeIfAbsent(number, k -> new ArrayList<>()).add(r.citation());
            if (!r.role().equals(RecordReference.PRODUCED)) continue;
            if (number == null) unnumbered.add(r.record());
            else producedBy.computeIfAbsent(number, k -> new LinkedHashSet<>()).add(r.record());
        }
        for (var e : what.entrySet()) {
            String record = e.getKey();
            List<String> lacking = new ArrayList<>();
            List<Citation> cites = new ArrayList<>();
            if (citedBy.isEmpty()) {
                if (!produced.contains(record)) cites.addAll(basis);
            } else {
                for (var w : citedBy.entrySet()) {
                    if (unnumbered.contains(record) || producedBy.getOrDefault(w.getKey(), Set.of()).contains(record)) continue;
                    lacking.add(w.getKey());
                    cites.addAll(w.getValue());
                }
            }
            if (cites.isEmpty()) continue;
            String which = lacking.isEmpty() ? "Warrant" : (lacking.size() == 1 ? "Warrant " : "Warrants ") + String.join(", ", lacking);
            gaps.add("warrant", record, Severity.valueOf(e.getValue()[2]), which + " relied on without " + e.getValue()[0],
                    "The documents say " + (lacking.isEmpty() ? "a warrant was" : lacking.size() == 1 ? "warrant " + lacking.get(0) + " was" : "warrants " + String.join(", ", lacking) + " were")
                            + " obtained or executed in this case, and the production does not hold " + e.getValue()[0] + ": " + e.getValue()[1] + ".",
                    "Request " + e.getValue()[0] + (lacking.isEmpty() ? " for every warrant in the case" : " for " + which.toLowerCase(Locale.ROOT)) + ", with the issuing court's filing stamps.",
                    Map.of("record", e.getValue()[0], "subject", lacking.isEmpty() ? "warrant" : String.join(", ", lacking), "records", List.of(e.getValue()[0])), cites);
        }
    }

    /** The longest number of the case that ends with this one at a separator ("25-SW-061" is "MC-25-SW-061"). */
    static String fullNumber(String number, Set<String> numbers) {
        String best = number;
        String n = number.toUpperCase(Locale.ROOT);
        for (String other : numbers) {
            String o = other.toUpperCase(Locale.ROOT);
            if (o.length() > best.length() && o.endsWith(n) && !Character.isLetterOrDigit(o.charAt(o.length() - n.length() - 1))
                    && Prefilter.replaceAll(n, "\\D", "").length() >= 4) best = other;
        }
        return best;
    }

    /** Whether two record keys are one number, one of them with an agency's letters before it ("wm20251187", "20251187"). */
    static boolean samePrefixedNumber(String a, String b) {
        String longer = a.length() >= b.length() ? a : b, shorter = longer == a ? b : a;
        if (shorter.length() < 6 || !Prefilter.matches(shorter, "\\d+") || !longer.endsWith(shorter)) return false;
        return Prefilter.matches(longer.substring(0, longer.length() - shorter.length()), "[a-z]{1,5}");
    }

    private static void cited(List<RecordReference> refs, Set<String> fileNames, Gaps gaps) {
        Set<String> produced = new LinkedHashSet<>();
        for (RecordReference r : of(refs, "cited_document", RecordReference.PRODUCED)) produced.add(r.subject());
        List<String> identities = new ArrayList<>();
        for (RecordReference r : of(refs, "identity", RecordReference.PRODUCED)) identities.add(r.subject());
        for (RecordReference r : of(refs, "listing", RecordReference.PRODUCED)) identities.add(r.subject());
        Map<String, List<RecordReference>> cited = new LinkedHashMap<>();
        for (RecordReference r : of(refs, "cited_document", RecordReference.BASIS)) cited.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(r);
        for (var e : cited.entrySet()) {
            String key = e.getKey();
            boolean file = key.startsWith("file:");
            String k = file ? key.substring(5) : key;
            if (k.length() < 2 || produced.contains(k) || produced.contains(key)) continue; // a file an index lists is produced under its name
            // "Report WM-2025-1187" and "Report No. 2025-1187": one number, with and without its agency's letters
            if (!file && produced.stream().anyMatch(p -> samePrefixedNumber(k, p))) continue;
            if (file ? fileNames.stream().anyMatch(n -> n.equals(k) || n.length() >= 4 && (n.contains(k) || k.contains(n)))
                    : identities.stream().anyMatch(id -> k.length() >= 3 && id.contains(k)) || fileNames.stream().anyMatch(n -> k.length() >= 3 && n.contains(k))) continue;
            String written = e.getValue().get(0).record();
            gaps.add("cited_document", k, Severity.MEDIUM, (file ? "Attachment not produced: " : "Cited document not produced: ") + written,
                    "The production cites " + written + (file ? " as an attachment" : "") + ", and no document in it is that record. The "
                            + "state's own paperwork shows it exists; it may hold another officer's account or facts the reports leave out, and "
                            + "police-held records are the prosecution's to disclose (Brady v. Maryland, 373 U.S. 83 (1963); Kyles v. "
                            + "Whitley, 514 U.S. 419 (1995)).",
                    "Request " + written + " by its number, with any attachments.",
                    Map.of("record", written, "subject", written, "records", List.of(written)), e.getValue().stream().map(RecordReference::citation).toList());
        }
    }

    private static final Set<String> GENERIC_AGENCY_WORDS = Set.of("county", "city", "state", "department", "dept", "office", "police", "sheriff", "sheriff's",
            "division", "bureau", "unit", "section", "the", "and", "of", "for", "district", "regional", "services", "service", "public", "safety",
            "law", "enforcement", "investigations", "investigation", "criminal", "report", "agency", "task", "force", "town", "village", "township");

    /** Whether a text names an agency by a word of its name that is its own ("Tri-County SPCA" for the SPCA's division, not "County"). */
    static boolean names(String text, String agency) {
        String t = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9'-]+", " ") + " ";
        for (String w : agency.toLowerCase(Locale.ROOT).split("[^a-z0-9'-]+")) {
            if (w.length() >= 3 && !GENERIC_AGENCY_WORDS.contains(w) && t.contains(" " + w + " ")) return true;
        }
        return false;
    }

    private static List<Citation> basis(List<RecordReference> refs, String kind, String record) {
        return refs.stream().filter(r -> r.kind().equals(kind) && r.role().equals(RecordReference.BASIS) && record.equals(r.record())).map(RecordReference::citation).toList();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The findings being built, one per kind and subject, each citing its first distinct pages. */
    private static final class Gaps {
        final List<Finding> findings = new ArrayList<>();
        final Map<String, String> agencies;

        Gaps(Map<String, String> agencies) {
            this.agencies = agencies;
        }

        void add(String kind, String key, Severity severity, String title, String explanation, String action, Map<String, Object> facts, List<Citation> cites) {
            List<Citation> distinct = new ArrayList<>(new LinkedHashSet<>(cites));
            if (distinct.size() > MAX_CITES) distinct = distinct.subList(0, MAX_CITES);
            Map<String, Object> all = new TreeMap<>(facts);
            all.put("kind", kind);
            all.put("key", key);
            // the agency that holds the record: the one whose paperwork shows it exists
            String agency = distinct.stream().map(c -> agencies.get(c.document())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            all.put("agency", agency == null ? "Prosecution" : agency);
            all.put("basis", distinct.stream().map(c -> Map.of("document", c.document(), "page", c.page(), "bates", c.bates() == null ? "" : c.bates(), "quote", c.quote())).toList());
            findings.add(new Finding("discovery_gap:" + kind + ":" + key, "discovery_gap", kind, severity, title, explanation, action, all, distinct));
        }
    }
}
