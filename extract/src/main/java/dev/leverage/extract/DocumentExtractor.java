package dev.leverage.extract;

import dev.leverage.extract.custody.CustodyBlocks;
import dev.leverage.extract.custody.CustodyEvent;
import dev.leverage.extract.custody.CustodyProse;
import dev.leverage.extract.custody.CustodyTableReader;
import dev.leverage.extract.custody.ItemKey;
import dev.leverage.extract.nlp.EnglishModels;
import dev.leverage.extract.nlp.EntityFinder;
import dev.leverage.extract.nlp.PageAnnotator;
import dev.leverage.extract.nlp.Sentence;
import dev.leverage.extract.nlp.TrainedModels;
import dev.leverage.extract.people.PersonName;
import dev.leverage.extract.people.PersonRules;
import dev.leverage.extract.people.Roles;
import dev.leverage.extract.sampling.SamplingClaim;
import dev.leverage.extract.sampling.SamplingReader;
import dev.leverage.extract.sampling.Thresholds;
import dev.leverage.extract.time.DateCarrier;
import dev.leverage.extract.time.DateExpression;
import dev.leverage.extract.time.TimeExpression;
import dev.leverage.extract.time.TimeParser;
import dev.leverage.extract.time.TimeNormaliser;
import dev.leverage.extract.time.RelativeTime;
import dev.leverage.extract.timeline.EventClassifier;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the extractors over one document, page by page: sentences and tokens, entities, timed events from prose,
 * CAD tables and body-cam offsets, custody records from tables and narrative, and the sampling claim of a lab
 * document. The annotators are composed here and nowhere else. Not thread-safe: one per thread.
 */
public final class DocumentExtractor {
    private static final Pattern RECORDING_START = Pattern.compile("(?i)(?:recording|video|footage|audio)\\s+(?:start(?:ed|s)?|began|begins)(?:\\s+time)?(?:\\s*\\([a-z ]{1,20}\\))?\\s*:?\\s*(.+)");
    private static final Pattern SPEAKER = Pattern.compile("^([A-Z][A-Z.'-]*(?:\\s[A-Z][A-Z.'-]+)?)\\s*(?:\\([^)]*\\))?\\s*:\\s*(.*)$");
    private static final Pattern AUTHOR = Pattern.compile("(?im)^\\s*(?:reporting\\s+(?:officer|deputy|ranger|trooper|agent|investigator)|author|prepared\\s+by|written\\s+by|reported\\s+by|handler|analyst|submitted\\s+by|reporting\\s+analyst|officer|ranger|trooper|deputy|investigator|agent|warden|game\\s+warden|constable|marshal)\\s*(?::|\\t)\\s*(.+)$");
    private static final Pattern BADGE_AFTER = Pattern.compile("^\\s*,?\\s*\\(?\\s*(?:#\\s?|(?i:badge|id)\\s*(?:no\\.?|number)?\\s*#?\\s*)(\\d{2,6})\\)?");
    private static final Pattern UNIT_OWNER = Pattern.compile("^\\s*([A-Z0-9-]+)\\s*\\(([A-Z][A-Za-z.' -]+)\\)\\s*$");

    private final PageAnnotator annotator;
    private final EntityFinder entities;
    private final EventClassifier events;
    private final SamplingReader sampling;
    /** The names of the dogs in the current document ("K9 Kilo"): a dog is not a witness. */
    private java.util.Set<String> dogs = java.util.Set.of();
    /** The surname of the officer a recording's header says wore the camera ("Officer: Ofc. Felipe Ruiz-Tate #41"), or null. */
    private String wearer;
    /** A transcript's key to its speakers' initials ("Present: Agent Lorna Beck (LB); Anton DELACROIX (AD)"). */
    private Map<String, String> speakers = Map.of();
    /** The one item the current document is about, when it is a one-item form. */
    private String single;
    private CustodyProse.Context custodyContext = new CustodyProse.Context();
    private final dev.leverage.extract.nlp.CustodyNlp custodyNlp;
    private LocalDateTime lastTimed;
    private int sinceTimed;

    private static final Pattern DOG = Pattern.compile("\\b(?:K-?9|[Cc]anine|[Dd]og)\\s+(?:partner\\s+)?([A-Z][a-z]{2,})\\b");
    /** Transcript speaker labels that name a role, not a person. */
    private static final java.util.Set<String> GENERIC_SPEAKERS = java.util.Set.of("DISPATCH", "DISPATCHER", "RADIO", "UNKNOWN", "UNIDENTIFIED",
            "UNK", "MALE", "FEMALE", "DRIVER", "PASSENGER", "OFFICER", "DEPUTY", "SUBJECT", "SUSPECT", "ALL", "MULTIPLE", "VOICE", "CROWD", "NARRATOR");

    private static java.util.Set<String> dogNames(Document d) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Page p : d.pages()) {
            Matcher m = DOG.matcher(p.text());
            while (m.find()) out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** This build of the extractors (version and build time), stamped on every DocumentFacts it makes. */
    public static final String VERSION = buildStamp();

    private static String buildStamp() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = DocumentExtractor.class.getResourceAsStream("extractor.properties")) {
            if (in != null) p.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p.getProperty("version", "dev") + "@" + p.getProperty("built", "unknown");
    }

    private final dev.leverage.extract.discovery.RecordReader records = new dev.leverage.extract.discovery.RecordReader();

    public DocumentExtractor(TrainedModels models, Thresholds thresholds) {
        this.annotator = new PageAnnotator(EnglishModels.get());
        this.entities = new EntityFinder(models);
        this.events = new EventClassifier(models);
        this.custodyNlp = new dev.leverage.extract.nlp.CustodyNlp(models);
        dev.leverage.extract.nlp.SentenceCategorizer samplingSentences = models.samplingCategorizer();
        this.sampling = new SamplingReader(thresholds, sentence -> !samplingSentences.categorize(sentence).isNone());
    }

    public DocumentFacts extract(Document d) {
        // A lab report that numbers the items its own way says which agency item each is: read it in the agency's numbers.
        String all = String.join("\n", d.pages().stream().map(Page::text).toList());
        return ItemKey.withLabNumbers(ItemKey.labNumbers(all), () -> TimeParser.withDayFirst(TimeParser.dayFirst(all), () -> read(d, all)));
    }

    /** Reads one document; {@code all} is its pages' text joined. */
    private DocumentFacts read(Document d, String all) {
        entities.clearAdaptiveData();
        String author = author(d);
        List<Mention> mentions = new ArrayList<>();
        List<TimedEvent> timed = new ArrayList<>();
        List<CustodyEvent> custody = new ArrayList<>();
        List<SamplingReader.Located> located = new ArrayList<>();
        dogs = dogNames(d);
        speakers = speakerKey(all);
        wearer = d.pages().isEmpty() ? null : wearer(d.pages().get(0).text());
        single = singleItem(d);
        custodyContext = new CustodyProse.Context().with(custodyNlp).among(all);
        lastTimed = null;
        sinceTimed = 0;
        PageFurniture furniture = new PageFurniture(d);
        DateCarrier dates = new DateCarrier(headerDate(d, furniture));
        int[] order = {0};
        for (Page page : d.pages()) {
            String text = furniture.mask(page);
            List<Page.Table> tables = page.tables().isEmpty()
                    ? TextTables.find(page.text(), d.mediaType() != null && d.mediaType().startsWith("text/csv") || d.path().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    : page.tables();
            boolean textTables = page.tables().isEmpty() && !tables.isEmpty();
            // A CSV export is all table: its rows are read by column, never as sentences.
            boolean csv = textTables && (d.mediaType() != null && d.mediaType().startsWith("text/csv") || d.path().toLowerCase(Locale.ROOT).endsWith(".csv"));
            for (int ti = 0; ti < tables.size(); ti++) {
                Page.Table table = tables.get(ti);
                readCadTable(d, page, table, timed, mentions);
                readCustodyTable(d, page, table, textTables ? itemAbove(page.text(), tables, ti) : null, custody, mentions, order, timed);
            }
            stackedFields(d, page, timed);
            // A form block that names no item is about the one item the document's own log rows name, else the document's.
            java.util.Set<String> rowItems = new java.util.TreeSet<>(custody.stream().filter(e -> e.source().equals("table")).map(CustodyEvent::item).toList());
            List<CustodyEvent> blocks = CustodyBlocks.read(d, page, text, rowItems.size() == 1 ? rowItems.iterator().next() : single, order);
            custody.addAll(blocks);
            LocalDateTime recordingStart = recordingStart(text, dates);
            List<Sentence> sentences = annotator.annotate(text);
            for (Sentence s : sentences) {
                located.add(new SamplingReader.Located(page, s.text()));
                List<Mention> found = mentionsIn(d, page, s);
                mentions.addAll(found);
                if (csv || s.text().contains("\t")) continue; // table rows are read by column above
                // Rows of a text table were read by column; a form line of labelled fields ("Seal number on package at
                // receipt: TC-80342     Seal condition: intact") is read as text.
                // So is a described line under a short label ("Exhibit 1   One heat-sealed plastic bag containing ...").
                if (textTables && (s.text().contains("|") || Prefilter.matches(Prefilter.replaceFirst(s.text(), "^(?i:item|exhibit|exh\\.?|lab\\s+item|evidence|property\\s+tag)\\s*#?\\s*[\\w.-]{1,12} {3,}(?=\\S)", ""), "(?s).*\\S {3,}\\S.*")
                        && !Prefilter.matches(s.text(), "(?s)^[A-Z][A-Za-z /()'.#-]{1,45}:\\s*\\S.*"))) {
                    // a form line skipped as a row of fields still turns the document to the item it names
                    // ("EVIDENCE TAG NO: 24-0219-2    ITEM NO: 2")
                    if (!s.text().contains("|")) custodyContext.saw(s.text());
                    continue;
                }
                TimeNormaliser.Offset offset = recordingStart == null ? null : TimeNormaliser.offset(s.text());
                if (offset != null) {
                    // The sentence splitter may run several transcript lines together: each stamped line is its own.
                    for (String line : s.text().split("\n")) {
                        TimeNormaliser.Offset o = TimeNormaliser.offset(line);
                        if (o != null) transcriptLine(d, page, s, line, o, recordingStart, timed, mentions);
                    }
                    continue;
                }
                custodyContext.saw(s.text());
                if (s.text().contains("->") || s.text().contains("→") || Prefilter.find(FROM_TO, s.text())) {
                    CustodyEvent a = arrowLine(d, page, s.text(), dates);
                    if (a != null) {
                        custody.add(a);
                        continue;
                    }
                }
                readTimes(d, page, s, found, author, dates, timed, custody, order);
            }
            mentions.addAll(ruledPeople(d, page, text, mentions));
        }
        timed.addAll(warrantWindows(d, timed));
        custody.addAll(custodyContext.flush());
        if (d.type().equals("custody_log")) custody = signedEntries(d, custody);
        custody = dateListings(custody);
        List<SamplingClaim> claims = new ArrayList<>();
        // Lab reports make sampling claims; police paperwork makes field-test and weight claims of its own.
        if (!d.type().equals("cad_log")) {
            for (SamplingClaim c : sampling.readAll(d, located)) {
                if (d.type().equals("lab_report") || c.fieldTestOnly() || c.sampled()) claims.add(c);
            }
        }
        return new DocumentFacts(d.id(), d.path(), d.type(), author, mentions, timed, custody, claims, records.read(d, author), VERSION);
    }

    /**
     * People a page names in the fixed shapes of forms (ranks, labelled fields, signatures, CAD units, speaker labels)
     * and later uses of surnames it introduced, where no mention was read already. For the cast only: the readers of
     * times and custody keep to the sentence mentions.
     */
    private static List<Mention> ruledPeople(Document d, Page page, String text, List<Mention> all) {
        // a CSV cell pair the surname-first rule took for a name ("JR,BOOKED") is no one
        all.removeIf(m -> "person".equals(m.type()) && m.source().page() == page.number() && m.source().document().equals(d.path())
                && (PersonRules.notName(PersonName.parse(m.text()).surname()) || PersonRules.notName(PersonName.parse(m.text()).given())));
        // a model span cut at a hyphen ("T. Boyce" of "T. Boyce-Amari"): the rest of the surname belongs with it
        for (int i = 0; i < all.size(); i++) {
            Mention m = all.get(i);
            if (!"person".equals(m.type()) || m.source().page() != page.number() || !m.source().document().equals(d.path()) || m.end() <= m.start() || m.end() >= text.length()) continue;
            Matcher rest = HYPHEN_REST.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 30)));
            if (rest.lookingAt()) {
                int end = m.end() + rest.end();
                String t = text.substring(m.start(), end);
                all.set(i, new Mention(m.type(), t, PersonName.parse(t).display(), m.role(), m.badge(), m.source(), m.start(), end, m.origin()));
            }
        }
        List<Mention> onPage = all.stream().filter(m -> "person".equals(m.type()) && m.source().page() == page.number()
                && m.source().document().equals(d.path())).toList();
        java.util.Set<String> known = new java.util.LinkedHashSet<>();
        for (Mention m : onPage) {
            PersonName n = PersonName.parse(m.text());
            if (n.surname().length() >= 3 && (!n.given().isEmpty() || !n.title().isEmpty() || m.badge() != null)) known.add(n.surname().toLowerCase(Locale.ROOT));
        }
        List<Mention> out = new ArrayList<>();
        List<Mention> replaced = new ArrayList<>();
        for (PersonRules.Found found : PersonRules.find(text, known)) {
            PersonRules.Found f = found;
            // a sentence-model span cut before the surname ("Reporting Officer Deputy Luis" of "... Luis Ortega 1184"):
            // the two spans together are the name
            for (Mention m : onPage) {
                if (m.end() > m.start() && m.start() < f.start() && f.start() < m.end() && f.end() > m.end()) {
                    f = new PersonRules.Found(m.start(), f.end(), text.substring(m.start(), f.end()), f.role());
                }
            }
            boolean covered = false;
            for (Mention m : onPage) {
                boolean overlaps = m.end() > m.start() ? m.start() < f.end() && f.start() < m.end()
                        : f.text().toLowerCase(Locale.ROOT).contains(m.text().strip().toLowerCase(Locale.ROOT)) && lineAt(text, f.start()).contains(m.text().strip());
                if (!overlaps) continue;
                // a form's fuller writing of the same name ("TUTTLE, RAYMOND EARL JR." for "TUTTLE, RAYMOND") replaces it
                if (m.end() > m.start() && f.start() <= m.start() && f.end() >= m.end() && f.end() - f.start() > m.end() - m.start()) {
                    replaced.add(m);
                    continue;
                }
                covered = true;
                break;
            }
            if (covered) continue;
            PersonName n = PersonName.parse(f.text());
            Matcher b = Pattern.compile("(?:#\\s?|\\(|\\b(?:Badge|BADGE|ID)\\s*(?:No\\.?|#)?\\s*|\\s)(\\d{2,6})\\)?\\s*$").matcher(f.text());
            String badge = b.find() ? b.group(1) : null;
            String before = text.substring(Math.max(0, f.start() - 40), f.start());
            String after = text.substring(f.end(), Math.min(text.length(), f.end() + 40));
            String role = String.join(",", Roles.of(n.title(), before, after));
            String kept = replaced.stream().map(Mention::role).filter(java.util.Objects::nonNull).findFirst().orElse(f.role());
            if (role.isEmpty() && kept != null) role = kept;
            if (f.role() != null && (f.role().startsWith(PersonRules.ALIAS) || f.role().equals("nickname"))) {
                // a nickname: whose it is travels in the value ("Gavin T. Roarke"), for the registry to place
                out.add(new Mention("person", f.text(), f.role().startsWith(PersonRules.ALIAS) ? f.role().substring(PersonRules.ALIAS.length()) : null,
                        "nickname", null, Citation.of(d, page, lineAt(text, f.start())), f.start(), f.end(), "rule"));
                continue;
            }
            out.add(new Mention("person", f.text(), n.display(), role.isEmpty() ? null : role, badge, Citation.of(d, page, lineAt(text, f.start())),
                    f.start(), f.end(), "officer".equals(f.role()) ? "table" : "rule"));
        }
        all.removeAll(replaced);
        return out;
    }

    private static final Pattern HYPHEN_REST = Pattern.compile("-(?:[A-Z][a-z]+|[A-Z]{2,})\\b");

    private static String lineAt(String text, int at) {
        int from = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int to = text.indexOf('\n', at);
        String line = text.substring(from, to < 0 ? text.length() : to).strip();
        return line.isEmpty() ? text.strip() : line;
    }

    private List<Mention> mentionsIn(Document d, Page page, Sentence s) {
        List<Mention> out = new ArrayList<>();
        List<EntityFinder.Entity> found = entities.find(s);
        for (EntityFinder.Entity e : found) {
            String value = e.text();
            String role = null, badge = null;
            if (e.type().equals(EntityFinder.PERSON)) {
                PersonName n = PersonName.parse(e.text());
                if (e.origin().equals("model") && !looksLikeName(s, e, n)) continue;
                if (n.given().isEmpty() && dogs.contains(n.surname().toLowerCase(Locale.ROOT))) continue;
                if (n.surname().length() < 2 || !Character.isUpperCase(n.surname().charAt(0)) || PersonName.isTitle(n.surname())
                        || !wellFormedName(e.text())) continue;
                // A name written right before a colon that reads as a form label ("Forensic Chemist Request Received:").
                if (n.hasFullGiven() && !n.title().isEmpty() && Prefilter.matches(s.text().substring(e.end()), "(?s)[ \\u00A0]*:.*")) continue;
                value = n.display();
                Matcher b = BADGE_AFTER.matcher(s.text().substring(e.end()));
                if (b.find()) badge = b.group(1);
                String before = s.text().substring(Math.max(0, e.start() - 40), e.start());
                String after = s.text().substring(e.end(), Math.min(s.text().length(), e.end() + 40));
                role = String.join(",", Roles.of(n.title(), before, after));
                if (role.isEmpty()) role = null;
            } else if (e.type().equals(EntityFinder.BADGE)) {
                value = Prefilter.replaceAll(e.text(), "\\D", "");
            } else if (e.type().equals(EntityFinder.ITEM)) {
                value = String.join(",", ItemKey.of(e.text()));
            }
            out.add(new Mention(e.type(), e.text(), value, role, badge, Citation.of(d, page, s.text()),
                    s.start() + e.start(), s.start() + e.end(), e.origin()));
        }
        return out;
    }

    /**
     * A span the statistical name finder calls a person is kept only when it reads as a name: letters only, every
     * word capitalised, and its last word tagged a proper noun by the POS tagger (form headings such as "Role Name"
     * or "Drug Section" are tagged as common nouns in context).
     */
    private static boolean looksLikeName(Sentence s, EntityFinder.Entity e, PersonName n) {
        if (!Prefilter.matches(e.text(), "[\\p{L} .,'’/-]+")) return false;
        if (!wellFormedName(e.text())) return false;
        for (String w : (n.given() + " " + n.surname()).strip().split("\\s+")) {
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) return false;
        }
        for (int i = 0; i < s.tokens().length; i++) {
            if (s.tokens()[i].getEnd() == e.end()) return s.tags()[i].equals("PROPN") || s.tags()[i].equals("NNP");
        }
        return false;
    }

    /**
     * The shape of a written name: titles first, then at most three name words, each a word or a one-letter
     * initial; no rank in the middle ("Supervisor Sgt. Paul" is two table cells), no abbreviation that is not an
     * initial ("No. Statute").
     */
    static boolean wellFormedName(String written) {
        String t = Prefilter.replaceFirst(Prefilter.replaceFirst(written, "(?i)^\\s*(/s/|s/)\\s*", ""), "^.*:\\s*", "").strip();
        if (t.contains(",")) return true; // "PRICE, DARNELL"
        String[] words = t.split("\\s+");
        int i = 0;
        while (i < words.length && PersonName.isTitle(words[i])) i++;
        int nameWords = words.length - i;
        if (nameWords < 1 || nameWords > 3) return false;
        for (int k = i; k < words.length; k++) {
            String w = words[k];
            if (PersonName.isTitle(w) && !Prefilter.matches(w, "[A-Z][a-z]+")) return false;
            if (w.contains(".") && !Prefilter.matches(w, "\\p{Lu}\\.")) return false;
        }
        String last = words[words.length - 1].replace(".", "");
        return last.length() >= 2;
    }

    /** Times in a prose sentence: each time with the clause around it becomes an event. */
    private void readTimes(Document d, Page page, Sentence s, List<Mention> found, String author, DateCarrier dates,
                           List<TimedEvent> timed, List<CustodyEvent> custody, int[] order) {
        List<TimeExpression> times = TimeParser.times(s.text());
        List<DateExpression> ds = TimeParser.dates(s.text(), dates.date());
        if (times.isEmpty()) {
            // A date told in passing before the report's own date ("had killed the deer on 11/19/2024") is background:
            // it does not move the narrative's clock back.
            // A sentence that opens the narrative's day ("On Friday 24 January 2025 task force members located ...") does.
            boolean background = Prefilter.matches(s.text(), "(?is).*\\b(had\\s+(?:been\\s+)?\\w+ed|had\\s+\\w+|previously|earlier|prior\\s+to|history|since)\\b.*");
            List<DateExpression> forward = dates.initial() == null || !background ? ds : ds.stream().filter(x -> !x.date().isBefore(dates.initial())).toList();
            anchorDates(s.text(), forward, dates);
            datedField(d, page, s.text(), ds, author, timed);
            distanceNote(d, page, s.text(), dates, timed);
            RelativeTime.Phrase rel = ds.isEmpty() ? RelativeTime.find(s.text()) : null;
            if (rel != null && rel.offset() == null && lastTimed != null && sinceTimed <= 2) {
                // "The next morning I booked the bag": a day, no time; the narrative's clock does not move.
                String event = events.classify(s.text(), rel.start());
                if (!event.equals(EventClassifier.OTHER) && !event.equals("statement")) {
                    timed.add(new TimedEvent(event, rel.day(lastTimed.toLocalDate()).atStartOfDay(), true,
                            actorIn(s, found, 0, s.text().length(), author, s.text()), "narrative", Citation.of(d, page, s.text()), true));
                }
            } else if (rel != null && lastTimed != null && sinceTimed <= 2) {
                // "A few minutes later K9 Rex arrived": the event before anchors it. "The next morning I booked
                // the bag" gives a day only.
                LocalDateTime when = rel.offset() != null ? rel.from(lastTimed) : rel.day(lastTimed.toLocalDate()).atStartOfDay();
                String event = events.classify(s.text(), rel.start());
                if (d.type().equals("k9_report") && event.equals("on_scene")) event = "k9_arrived";
                String actor = actorIn(s, found, 0, s.text().length(), author, s.text());
                if (rel.offset() != null) {
                    dates.resolve(when.toLocalTime());
                    lastTimed = when;
                    sinceTimed = 0;
                } else {
                    dates.dateSeen(when.toLocalDate());
                }
                custody.addAll(CustodyProse.read(d, page, s.text(), s.text(), when, actor, author, single, custodyContext, order));
                if (!event.equals(EventClassifier.OTHER)) {
                    timed.add(new TimedEvent(event, when, rel.approximate(), actor, "narrative", Citation.of(d, page, s.text()), rel.offset() == null));
                }
                return;
            }
            // Consent or a reason to suspect told without a time happened when the narrative was at ("I smelled
            // raw marijuana"): what makes a later search lawful must not fall out of the chronology.
            if (lastTimed != null && sinceTimed <= 3 && rel == null) {
                String event = events.classify(s.text());
                if (event.equals("consent") || event.equals("suspicion")) {
                    timed.add(new TimedEvent(event, lastTimed, true, actorIn(s, found, 0, s.text().length(), author, s.text()), "narrative",
                            Citation.of(d, page, s.text())));
                }
            }
            // Custody with no time still says where an item was ("kept in a locked safe at my residence"). A narrative
            // goes in order: the sentence right after a timed one happened then ("At about 2100 I inspected Rm 204.
            // In Rm 204 I found a clear sandwich bag ...").
            sinceTimed++;
            LocalDateTime day = ds.isEmpty() ? null : ds.get(0).date().atStartOfDay();
            // ... unless it says it came later ("and later transported to the GBI lab by Inv. Banks").
            if (day == null && sinceTimed <= 1 && lastTimed != null && !d.type().startsWith("lab") && !d.type().equals("custody_log")
                    && !Prefilter.find(LATER, s.text())) day = lastTimed;
            custody.addAll(CustodyProse.read(d, page, s.text(), s.text(), day, actorIn(s, found, 0, s.text().length(), author, s.text()), author, single, custodyContext, order));
            return;
        }
        // "The next morning at 0815", "later that evening at 2100": the day moves from the event before.
        RelativeTime.Phrase dayPhrase = RelativeTime.find(s.text().substring(0, times.get(0).start()));
        if (dayPhrase != null && dayPhrase.dayShift() >= 0 && ds.isEmpty() && times.get(0).date() == null) {
            LocalDate from = lastTimed != null ? lastTimed.toLocalDate() : dates.date();
            if (from != null) dates.dateSeen(dayPhrase.day(from));
        }
        java.util.Set<DateExpression> used = new java.util.HashSet<>();
        List<Integer> cuts = itemCuts(s.text(), times);
        // A date written once after all the sentence's times, with no other act between ("... (11:05 a.m.), Exh. 2
        // with ... (11:20 a.m.), all by Dr. Henrietta Szabados on September 24, 2024") dates every one of them.
        DateExpression trailing = null;
        if (!ds.isEmpty() && ds.get(0).start() >= times.get(times.size() - 1).end() && !periodStart(s.text(), ds.get(0)) && !paperDate(s.text(), ds.get(0))
                && !CustodyProse.tellsCustody(s.text().substring(times.get(times.size() - 1).end(), ds.get(0).start()))) trailing = ds.get(0);
        LocalDateTime lastWhen = null;
        int covered = 0;
        for (int i = 0; i < times.size(); i++) {
            TimeExpression t = times.get(i);
            if (t.rangeEnd()) continue;
            int from = i == 0 ? 0 : times.get(i - 1).end();
            int to = i + 1 < times.size() ? times.get(i + 1).start() : s.text().length();
            // The clause runs from the previous time to the next one, cut at a semicolon if any, and at the next item
            // of a coordination that gives each item its own time ("Item 1 ... at 1440 hrs with seal T-5891 and Item 2
            // at 1445 hrs with T-5892").
            int semiBefore = s.text().lastIndexOf(';', t.start());
            if (semiBefore >= from) from = semiBefore + 1;
            int semiAfter = s.text().indexOf(';', t.end());
            if (semiAfter >= 0 && semiAfter < to) to = semiAfter;
            for (int cut : cuts) {
                if (cut <= t.start() && cut > from) from = cut;
                if (cut >= t.end() && cut < to) to = cut;
            }
            // "At 2224 hrs TULLO began an exterior sniff of the Acura and at approximately 2230 hrs TULLO alerted": what
            // comes before the "and" is the earlier time's act.
            if (i > 0) {
                Matcher and = AND_WORD.matcher(s.text()).region(from, t.start());
                while (and.find()) from = and.start();
            }
            String clause = s.text().substring(from, to);
            int anchor = t.start() - from;
            // Dates written before this time in the sentence carry to it ("On 09/27/2024 ... At 2351 hrs"); a date
            // written right beside it ("on 03/14/2025 at 2347 hrs") is its own.
            DateExpression attached = null;
            for (DateExpression de : ds) {
                if (used.contains(de)) continue;
                int gap = de.end() <= t.start() ? t.start() - de.end() : de.start() - t.end();
                if (gap >= 0 && gap < 40 && (attached == null || gap < (attached.end() <= t.start() ? t.start() - attached.end() : attached.start() - t.end()))) attached = de;
            }
            List<DateExpression> earlier = new ArrayList<>();
            for (DateExpression de : ds) if (!used.contains(de) && de != attached && de.end() <= t.start()) earlier.add(de);
            if (!earlier.isEmpty()) anchorDates(s.text(), earlier, dates);
            used.addAll(earlier);
            if (attached != null) used.add(attached);
            // A time after "for" is a span, not a time of day; a time alone on a line tells no event.
            if (DURATION_BEFORE.matcher(s.text().substring(Math.max(0, t.start() - 20), t.start())).find()) continue;
            String words = (s.text().substring(0, t.start()) + " " + s.text().substring(t.end()))
                    .replaceAll("(?i)\\b(hrs|hours|at|on|approx\\w*|about|around)\\b", " ");
            if (!Prefilter.matches(words, "(?s).*\\p{L}{3,}.*")) continue;
            LocalDate date = t.date() != null ? t.date() : attached != null ? attached.date() : trailing != null ? trailing.date() : null;
            LocalDateTime when;
            boolean rangeStart = i + 1 < times.size() && times.get(i + 1).rangeEnd();
            if (date != null) {
                dates.dateSeen(date);
                when = dates.resolve(t.time());
            } else if (rangeStart) {
                // "taken from her desk between 2330 and 0045": a period told in passing, not the narrative's clock.
                when = dates.peek(t.time());
            } else {
                when = dates.resolve(t.time());
            }
            if (when == null) continue;
            // A form field ("Occurred: 03/14/2025 2347 hrs", "Time Arrived: 0014") is named by its label, not by the
            // fields around it.
            Matcher field = FIELD_BEFORE_TIME.matcher(s.text().substring(Math.max(0, t.start() - 64), t.start()));
            String event = null;
            boolean isField = field.find();
            if (isField) {
                int lineStart = s.text().lastIndexOf('\n', t.start()) + 1;
                String line = s.text().substring(lineStart, Math.max(t.end(), s.text().indexOf('\n', t.end()) < 0 ? s.text().length() : s.text().indexOf('\n', t.end())));
                String label = field.group(1);
                // "Date/Time: 03/14/2025 2328" on a line that says what it is the time of.
                boolean generic = Prefilter.matches(label.strip(), "(?i)(date\\s*/?\\s*)?time|date|hour|hrs");
                if (generic) label = s.text().substring(lineStart, t.start());
                event = warningForm(d, line, fieldEvent(label, d.type(), line));
                // "Signed: /s/ Casimir A. Wendt   Time: 11:14 AM" on a rights form is when the waiver was signed, not
                // when the rights were read
                if (generic && d.type().equals("miranda_form") && Prefilter.find(SIGNATURE_FIELD, label)) event = EventClassifier.OTHER;
                // A rights form's own date and time are when the rights were read.
                if (event == null && generic && d.type().equals("miranda_form")) event = "miranda";
                if (event == null && generic && d.type().equals("citation")) event = citationField(d, page, s.start() + lineStart);
                // A notice of seizure's own date and time are the seizure's.
                if (event == null && generic && seizureNotice(d)) event = "evidence_seized";
                if (event == null) event = EventClassifier.byRules(field.group(1));
            } else {
                event = events.classify(clause, anchor);
            }
            if (d.type().equals("k9_report") && event.equals("on_scene")) event = "k9_arrived";
            if (d.type().equals("warrant") && !isField) event = warrantEvent(clause, event);
            String actor = actorIn(s, found, from, to, author, clause);
            if (rangeStart) {
                if (!event.equals(EventClassifier.OTHER)) timed.add(new TimedEvent(event, when, t.approximate(), actor, "narrative", Citation.of(d, page, s.text())));
                continue;
            }
            lastTimed = when;
            sinceTimed = 0;
            lastWhen = when;
            covered = Math.max(covered, to);
            custody.addAll(CustodyProse.read(d, page, s.text(), clause, when, actor, author, single, custodyContext, order));
            if (event.equals(EventClassifier.OTHER)) continue;
            timed.add(new TimedEvent(event, when, t.approximate(), actor, "narrative", Citation.of(d, page, s.text())));
        }
        // A clause past the last time, after a semicolon or a coordinated item, told "at the same time" ("; Item 2 was
        // resealed by I. Quarshie at the same time with SWFL seal 24-1189") happened at the time before it.
        if (lastWhen != null && covered < s.text().length()) {
            String tail = Prefilter.replaceFirst(s.text().substring(covered), "^[;,]?\\s*(?:and\\s+)?", "");
            if (Prefilter.find(SAME_TIME, tail) && !CustodyProse.items(tail).isEmpty()) {
                custody.addAll(CustodyProse.read(d, page, s.text(), tail, lastWhen, actorIn(s, found, covered, s.text().length(), author, tail), author, single, custodyContext, order));
            }
        }
        distanceNote(d, page, s.text(), dates, timed);
        // Dates after the last time carry to the sentences that follow.
        List<DateExpression> rest = new ArrayList<>();
        for (DateExpression de : ds) if (!used.contains(de)) rest.add(de);
        if (!rest.isEmpty()) anchorDates(s.text(), rest, dates);
    }

    private static final Pattern SIGNATURE_FIELD = Pattern.compile("(?i)/s/|\\bsign(?:ed|ature)\\b|\\bwaiver\\b");
    private static final Pattern THEN_ON = Pattern.compile("(?i),?\\s+(?:and|then)\\s+[^.;]{0,60}?\\b(?:on|dated)\\b");
    private static final Pattern AND_WORD = Pattern.compile("\\band\\b");
    private static final Pattern SAME_TIME = Pattern.compile("(?i)\\b(at\\s+the\\s+same\\s+time|simultaneously|at\\s+that\\s+time|at\\s+the\\s+same\\s+hour)\\b");
    private static final Pattern COORDINATED_ITEM = Pattern.compile("(?i)(?:[;,]\\s*(?:and\\s+)?|\\s+and\\s+)(?=(?:lab\\s+)?(?:item|exhibit|exh\\.)\\s*(?:no\\.?\\s*)?#?\\s*\\d)");

    /**
     * Where a sentence that tells several items in turn passes to the next item ("Item 1 was resealed ... at 1440
     * hrs with seal T-5891 and Item 2 at 1445 hrs with T-5892"): a coordinated item label with a time before it in
     * the sentence and a time or "at the same time" after it. "Items 1 and 2 were received at 1015" has none.
     */
    static List<Integer> itemCuts(String text, List<TimeExpression> times) {
        List<Integer> cuts = new ArrayList<>();
        // Two acts, each with its own time ("resealed by S. Harcourt on December 3, 2024 at 11:20 a.m. ... and released
        // on December 6, 2024 at 2:00 p.m. by K. Morrow"): the second act starts its own clause at its "and".
        for (int i = 0; i + 1 < times.size(); i++) {
            int from = i == 0 ? 0 : times.get(i - 1).end();
            String before = text.substring(from, times.get(i).start());
            String between = text.substring(times.get(i).end(), times.get(i + 1).start());
            int and = CustodyProse.joinedAct(between);
            // The first act's verb may come before its time or after it ("At 0900 hrs I received Items 1-3 from ... and
            // delivered them at 1100 hrs to the laboratory").
            if (and >= 0 && CustodyProse.tellsCustody(before + " " + between.substring(0, and)) && !between.substring(0, and).contains(";")) cuts.add(times.get(i).end() + and);
        }
        Matcher m = COORDINATED_ITEM.matcher(text);
        while (m.find()) {
            int at = m.end();
            boolean timeBefore = times.stream().anyMatch(t -> t.end() <= m.start());
            int next = text.length();
            Matcher again = COORDINATED_ITEM.matcher(text);
            if (again.find(at)) next = again.start();
            final int stop = next;
            boolean timeAfter = times.stream().anyMatch(t -> t.start() >= at && t.start() < stop) || Prefilter.find(SAME_TIME, text.substring(at, stop));
            if (timeBefore && timeAfter) cuts.add(at);
        }
        return cuts;
    }

    /** "for 0900" reads as a span in prose; the parser already drops times after "duration", "elapsed", "lasted". */
    private static final Pattern DURATION_BEFORE = Pattern.compile("(?i)\\bfor\\W*$");
    private static final Pattern FIELD_BEFORE_TIME = Pattern.compile("(?:^|\\s{2,}|\\||\\t|\\b)([A-Z](?:[A-Za-z/()]| (?=[A-Za-z/()])){1,50}?)\\s*:\\s*(?:(?:[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{2,4}|[0-9]{1,2}[ -](?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?[ -][0-9]{2,4})\\s*(?:at\\s*)?)?$");
    private static final Pattern FIELD_LABEL = Pattern.compile("([A-Za-z][A-Za-z /.]{1,30}?)\\s*:\\s*$");
    private static final Pattern EVENT_FIELD = Pattern.compile("(?i)incident|occur|offen[cs]e|event|stop|arrest|seiz|deploy|call|dispatch|collect|search|execut|^\\s*date\\s*$");

    /**
     * A sentence with dates and no time. Prose dates ("On 03/14/2025 I was working ...") carry to the times that
     * follow; a night written as two consecutive dates carries both. Form fields carry only when they name the
     * event ("Date of Incident:"); a report, print or signature date only anchors a document that has no date yet.
     */
    /** A date that opens a period ("a log for 09/01/2024-10/08/2024"): what a record covers, not when anything was done. */
    static boolean periodStart(String text, DateExpression d) {
        return Prefilter.matches(text.substring(d.end()), "(?is)\\s*(-|–|to|through|thru|until)\\s*\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}.*");
    }

    /** A date that names a paper, not a day of the events ("see MOA dated 09/30/2024", "Form 7-2, rev. 06/2022"). */
    static boolean paperDate(String text, DateExpression d) {
        return Prefilter.matches(text.substring(Math.max(0, d.start() - 40), d.start()), "(?is).*\\b(dated|rev\\.?|revised|printed|issued|prepared|effective)\\s*(on\\s*)?:?\\s*$")
                || Prefilter.matches(text.substring(Math.max(0, d.start() - 40), d.start()), "(?is).*\\(\\s*see\\s+[^()]*$")
                // "Ticket 24-6617 (11/01/2024) shows ...": the date of a numbered paper, in brackets after its number
                || Prefilter.matches(text.substring(Math.max(0, d.start() - 40), d.start()), "(?s).*\\b(?=[\\w-]*\\d)[A-Za-z]*[-#]?[\\w-]*\\d[\\w-]*\\s*\\(\\s*$")
                        && Prefilter.matches(text.substring(d.end()), "(?s)\\s*\\).*");
    }

    static void anchorDates(String text, List<DateExpression> ds, DateCarrier dates) {
        ds = ds.stream().filter(d -> !paperDate(text, d)).toList();
        // An earlier day named in passing ("as a comparison to syringes found in Barn 31 on 03/06/2025") does not turn
        // the narrative's clock back; a narrative going back says so where its sentence starts ("On March 5, ...").
        if (dates.date() != null) {
            // ... or heads the part that follows ("Summary of activity on Monday, September 23, 2024:")
            ds = ds.stream().filter(d -> !d.date().isBefore(dates.date())
                    || text.substring(0, d.start()).strip().split("\\s+").length <= 4
                    || text.substring(d.end()).strip().equals(":")).toList();
        }
        if (ds.isEmpty()) return;
        DateExpression first = ds.get(0);
        Matcher label = FIELD_LABEL.matcher(text.substring(Math.max(0, first.start() - 32), first.start()));
        if (label.find() && !Prefilter.find(EVENT_FIELD, label.group(1))) {
            if (dates.date() == null) dates.dateSeen(first.date());
            return;
        }
        if (ds.size() >= 2 && ds.get(1).date().equals(first.date().plusDays(1))) dates.spanSeen(first.date(), ds.get(1).date());
        else if (ds.size() >= 2 && Prefilter.find(THEN_ON, text.substring(first.end(), ds.get(ds.size() - 1).start()))
                && ds.get(ds.size() - 1).date().isAfter(first.date()) && !periodStart(text, first)) {
            // "This warrant was received on 06/07/2024, and the person was arrested on 06/11/2024": the story has moved on
            dates.dateSeen(ds.get(ds.size() - 1).date());
        } else if (periodStart(text, first)) {
            // "a log for 09/01/2024-10/08/2024": the period a record covers, not the day the narrative is on
            return;
        } else dates.dateSeen(first.date());
    }

    /**
     * An article list describes the items as the form took them in: its facts are dated at the form's first record
     * of that item (the seizure), else at the form's first record.
     */
    private static List<CustodyEvent> dateListings(List<CustodyEvent> events) {
        if (events.stream().noneMatch(e -> e.source().equals("listing"))) return events;
        List<CustodyEvent> out = new ArrayList<>();
        for (CustodyEvent e : events) {
            if (!e.source().equals("listing") || e.time() != null) {
                out.add(e);
                continue;
            }
            LocalDateTime first = events.stream().filter(x -> x.time() != null && !x.source().equals("listing") && x.item().equals(e.item()))
                    .map(CustodyEvent::time).min(java.util.Comparator.naturalOrder())
                    .orElse(events.stream().filter(x -> x.time() != null).map(CustodyEvent::time).min(java.util.Comparator.naturalOrder()).orElse(null));
            out.add(e.at(first));
        }
        return out;
    }

    private static final Pattern ENTRY_START = Pattern.compile("^\\s{0,3}\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b.*");
    /** A ledger's signature labels ("Rel:", "Recv'd:") and the name after one. */
    private static final String SIGNATURE = "rel(?:eased)?(?:\\s+by)?|recv'?d?|rec'?d|rcvd";
    private static final String SIGNED_NAME = "((?:[A-Z][A-Za-z.]*\\s+){0,3}[A-Z][A-Za-z'-]+";
    private static final Pattern SIGNED = Pattern.compile("(?i)\\b(" + SIGNATURE + "|relinquished\\s+by|received\\s+by)\\s*:\\s*"
            + SIGNED_NAME + "(?:\\s*#\\s?[\\w-]+)?)");

    /**
     * A ledger entry runs over several lines and is signed in it ("05/07/24 0910  RELEASED to Det. I. Nordstrom ...
     * Seal AG-13045 intact.   Rel: PO H. Lacroix"): the signature names the releaser or receiver, whoever the
     * sentence's verb made its subject.
     */
    private static List<CustodyEvent> signedEntries(Document d, List<CustodyEvent> events) {
        List<String> entries = new ArrayList<>();
        for (Page page : d.pages()) {
            StringBuilder cur = null;
            for (String line : page.text().split("\n")) {
                if (Prefilter.matches(ENTRY_START, line)) {
                    if (cur != null) entries.add(cur.toString());
                    cur = new StringBuilder(line);
                } else if (cur != null && Prefilter.matches(line, "\\s{2,}\\S.*")) {
                    cur.append(' ').append(line);
                } else if (cur != null) {
                    entries.add(cur.toString());
                    cur = null;
                }
            }
            if (cur != null) entries.add(cur.toString());
        }
        List<CustodyEvent> out = new ArrayList<>();
        for (CustodyEvent e : events) {
            CustodyEvent patched = e;
            String quote = Prefilter.replaceAll(e.citation().quote(), "\\s+", " ").strip();
            for (String entry : entries) {
                String flat = Prefilter.replaceAll(entry, "\\s+", " ");
                if (quote.length() < 12 || !flat.contains(quote)) continue;
                String rel = null, recv = null;
                Matcher m = SIGNED.matcher(entry);
                while (m.find()) {
                    if (m.group(1).toLowerCase(Locale.ROOT).startsWith("rel")) rel = m.group(2).strip();
                    else recv = m.group(2).strip();
                }
                // A line of the entry without its own time ("Sealed bag, seal AG-13045, 8.2 g gross.") is at the entry's time.
                LocalDateTime when = e.time();
                if (when == null) {
                    List<TimeExpression> ts = TimeParser.times(entry);
                    if (!ts.isEmpty() && ts.get(0).date() != null) when = LocalDateTime.of(ts.get(0).date(), ts.get(0).time());
                }
                if (rel == null && recv == null && when == e.time()) break;
                patched = e.withHandlers(rel != null ? rel : e.releasedBy(), recv != null ? recv : e.receivedBy()).at(when);
                // "RECEIVED from X ... Recv: Y": the verb's subject was the writer's guess; X released it.
                break;
            }
            out.add(patched);
        }
        return inTheRoom(d, out);
    }

    private static final Pattern ROOM_TITLE = Pattern.compile("(?i)\\b(property|evidence)\\s+(room|unit|section|control|vault)\\b");
    private static final Pattern STAFF = Pattern.compile("(?i)\\b(?:technician\\s+on\\s+duty|on\\s+duty|custodian|property\\s+(?:officer|clerk|technician)|evidence\\s+(?:technician|custodian|officer)|clerk|"
            + SIGNATURE + ")\\s*:\\s*" + SIGNED_NAME + ")");

    /**
     * A property-room ledger is kept by the room's staff ("Technician on duty: PT E. Fontaine"): an item they
     * receive is in the room until the ledger releases it.
     */
    private static List<CustodyEvent> inTheRoom(Document d, List<CustodyEvent> events) {
        String text = d.pages().isEmpty() ? "" : d.pages().get(0).text();
        String title = String.join(" ", java.util.Arrays.stream(text.strip().split("\n", 3)).limit(2).toList());
        Matcher room = ROOM_TITLE.matcher(title);
        if (!room.find()) return events;
        List<String> staff = new ArrayList<>();
        for (Page p : d.pages()) {
            Matcher m = STAFF.matcher(p.text());
            while (m.find()) staff.add(m.group(1).strip());
        }
        if (staff.isEmpty()) return events;
        String place = room.group(1).toLowerCase(Locale.ROOT) + " " + room.group(2).toLowerCase(Locale.ROOT);
        List<CustodyEvent> out = new ArrayList<>();
        for (CustodyEvent e : events) {
            boolean kept = e.location() == null && e.receivedBy() != null
                    && staff.stream().anyMatch(s -> dev.leverage.extract.custody.Handlers.same(s, e.receivedBy()));
            out.add(kept ? e.withLocation(place) : e);
        }
        return out;
    }

    /** A custody history line "05/14/2024 0935  PO V. Stavros #P3 -> Det. C. Baptiste #5521, for lab delivery". */
    private static final Pattern FROM_TO = Pattern.compile("(?i)\\bfrom:\\s*(.+?)\\s+to:\\s*(.+?)(?=\\s{2,}|\\s+seal\\b|$)");

    private CustodyEvent arrowLine(Document d, Page page, String line, DateCarrier carrier) {
        List<DateExpression> ds = TimeParser.dates(line);
        java.time.LocalDate day;
        String afterDate;
        if (!ds.isEmpty() && ds.get(0).start() <= 3) {
            day = ds.get(0).date();
            afterDate = line.substring(ds.get(0).end()).strip();
        } else {
            day = carrier.date(); // a ledger page headed "Date: 10/22/2024", its lines starting with the time
            afterDate = line.strip();
        }
        if (day == null) return null;
        Matcher fromTo = FROM_TO.matcher(afterDate);
        if (fromTo.find()) {
            Matcher c = Pattern.compile("^(\\d{4}|\\d{1,2}:\\d{2})\\b").matcher(afterDate);
            if (!c.find()) return null;
            java.time.LocalTime t = TimeParser.parseClock(c.group(1));
            List<String> items = CustodyProse.items(afterDate);
            String item = items.size() == 1 ? items.get(0) : custodyContext.item() != null ? custodyContext.item() : single;
            if (t == null || item == null) return null;
            custodyContext.saw("Item " + item);
            return CustodyProse.arrow(d, page, line, fromTo.group(1).strip() + " -> " + fromTo.group(2).strip(), LocalDateTime.of(day, t), item, new int[]{0});
        }
        Matcher clock = Pattern.compile("^(\\d{3,4}|\\d{1,2}:\\d{2})(?:\\s*hrs?)?\\s+(.*)$").matcher(afterDate);
        if (!clock.matches()) return null;
        java.time.LocalTime t = TimeParser.parseClock(clock.group(1));
        if (t == null) return null;
        String item = custodyContext.item() != null ? custodyContext.item() : single;
        return CustodyProse.arrow(d, page, line, clock.group(2), LocalDateTime.of(day, t), item, new int[]{0});
    }

    /** Who did it: "I" before any name is the author ("I released Item 1 to Dep. Ortega"), else the first name. */
    private static String actorIn(Sentence s, List<Mention> found, int from, int to, String author, String clause) {
        Matcher i = Pattern.compile("\\bI\\b").matcher(clause);
        int firstI = i.find() ? from + i.start() : Integer.MAX_VALUE;
        for (Mention m : found) {
            if (m.type().equals("person") && m.start() - s.start() >= from && m.end() - s.start() <= to) {
                if (author != null && firstI < m.start() - s.start()) return author;
                return m.value();
            }
        }
        return firstI != Integer.MAX_VALUE ? author : null;
    }

    /**
     * The event a form field names ("Date Analyzed:", "Time Arrived:", "Date/Time Received:", "Report Date:"), read
     * with the document's kind: "Issued" on a warrant is its signature, on a warning the warning. Null when the label
     * names no event; "other" for a label that names a time that is not an event of the case (the time of the
     * violation on a citation is when it was seen, not when the stop began or the ticket was written).
     */
    private static final Pattern SEIZURE_TITLE = Pattern.compile("(?i)\\b(notice\\s+of\\s+seizure|seizure\\s+notice|notice\\s+of\\s+(?:seizure\\s+and\\s+)?hold|seizure\\s+receipt|receipt\\s+for\\s+(?:property|items?|evidence)\\s+seized)\\b");

    /** A document titled as a notice or receipt of seizure ("NOTICE OF SEIZURE AND HOLD -- FOREST PRODUCTS"). */
    private static boolean seizureNotice(Document d) {
        if (d.pages().isEmpty()) return false;
        String head = String.join("\n", java.util.Arrays.stream(d.pages().get(0).text().strip().split("\n", 12)).filter(l -> !l.isBlank()).limit(4).toList());
        return Prefilter.find(SEIZURE_TITLE, head);
    }

    static String fieldEvent(String label, String docType, String line) {
        String l = Prefilter.replaceAll(Prefilter.replaceAll(label.toLowerCase(Locale.ROOT), "[^a-z/ ]", " "), "\\s+", " ").strip();
        String type = docType == null ? "" : docType;
        boolean warrant = type.equals("warrant") || line.toLowerCase(Locale.ROOT).contains("warrant");
        boolean lab = type.startsWith("lab");
        if (Prefilter.matches(l, ".*\\b(violation|offen[cs]e|occur\\w*|incident|birth|dob|expir\\w*|court|appear\\w*|printed|print)\\b.*")) return EventClassifier.OTHER;
        if (Prefilter.matches(l, ".*\\b(report date|date of report|report written|written|prepared|date reported|approved|approval|supplement date|date of supplement)\\b.*")
                && !Prefilter.matches(l, ".*\\b(received|analy\\w*)\\b.*")) return "report_written";
        // "Time completed: 2:20 PM" on a photo-array record is no analysis: completion names one only in a lab's papers
        if (Prefilter.matches(l, ".*\\b(analy\\w*|examin\\w*|tested|testing|test date|instrument run)\\b.*") || lab && Prefilter.matches(l, ".*\\bcompleted\\b.*")) return "lab_analyzed";
        if (Prefilter.matches(l, ".*\\b(submitted|submission|delivered)\\b.*")) return "lab_submitted";
        if (Prefilter.matches(l, ".*\\b(request\\w*)\\b.*") && type.equals("k9_report")) return "k9_requested";
        // "Received by (courier)": the courier took it from the agency, which is the submission
        if (Prefilter.matches(l, ".*\\b(received|receipt|rec d|recd|rcvd)\\b.*\\b(courier|carrier|driver|transporter)\\b.*")) return lab ? "lab_submitted" : null;
        if (Prefilter.matches(l, ".*\\b(received|receipt|rec d|recd|rcvd|intake)\\b.*")) return lab ? "lab_received" : null;
        if (Prefilter.matches(l, ".*\\b(returned|return filed|return date|date of return|filed)\\b.*") && warrant) return "warrant_returned";
        if (Prefilter.matches(l, ".*\\b(executed|execution|served|service)\\b.*")) return warrant ? "warrant_executed" : type.equals("citation") ? citationKind(line) : null;
        if (Prefilter.matches(l, ".*\\b(e?summons|citation|ticket|warning|notice)\\b.*") && Prefilter.matches(l, ".*\\b(issued|served|signed|written|time|date)\\b.*")) return citationKind(l + " " + line);
        if (Prefilter.matches(l, ".*\\b(subscribed|sworn)\\b.*")) return null; // a jurat on an affidavit or a return, not the warrant's signature
        if (Prefilter.matches(l, ".*\\b(signed|issued|issuance|authori[sz]ed)\\b.*")) {
            if (warrant) return "warrant_signed";
            if (type.equals("citation")) return citationKind(line);
            if (type.equals("miranda_form")) return "miranda";
            return null;
        }
        if (Prefilter.matches(l, ".*\\b(seized|seizure|recovered|collected)\\b.*")) return "evidence_seized";
        if (Prefilter.matches(l, ".*\\b(booked|logged|entered|stored)\\b.*")) return "evidence_logged";
        if (Prefilter.matches(l, ".*\\b(arrest\\w*|booking)\\b.*")) return "arrest";
        if (Prefilter.matches(l, ".*\\b(miranda|rights|advised|advisement|waiver)\\b.*")) return "miranda";
        if (Prefilter.matches(l, ".*\\b(stop|contact)\\b.*")) return "stop_initiated";
        if (Prefilter.matches(l, ".*\\b(arriv\\w*|on scene)\\b.*")) return type.equals("k9_report") ? "k9_arrived" : "on_scene";
        // "Sniff ended: 0002", "Search end: 2236": when an act ended is not when it happened
        if (Prefilter.matches(l, ".*\\b(ended|end|ending|concluded|finished|stopped)\\b.*")) return EventClassifier.OTHER;
        if (Prefilter.matches(l, ".*\\b(sniff|deploy\\w*)\\b.*")) return "k9_sniff";
        if (Prefilter.matches(l, ".*\\b(alert|indication|response)\\b.*")) return "k9_alert";
        // "Search: 2228 - 2236" on a K9 or incident form
        if (Prefilter.matches(l, "(?:vehicle |probable cause |pc )?search(?:ed| began| start\\w*)?") && !warrant) return "search";
        return null;
    }

    private static final Pattern WARRANT_SIGNED = Pattern.compile("(?i)\\b(issued|signed|under\\s+my\\s+hand|authori[sz]ed)\\b|\\bwarrant\\b.{0,40}\\b(approved|granted)\\b");
    private static final Pattern WARRANT_DONE = Pattern.compile("(?i)\\b(executed|served|execution|entered|entry)\\b");
    private static final Pattern WARRANT_RETURN = Pattern.compile("(?i)\\b(return(ed)?|inventory|filed)\\b");

    /** On a warrant or its return, "issued", "executed" and "returned" are the warrant's own events. */
    static String warrantEvent(String clause, String event) {
        if (EventClassifier.notAnEvent(clause)) return EventClassifier.OTHER;
        if (Prefilter.matches(clause, "(?is).*\\b(shall|must|may|will|should|to\\s+be)\\s+(only\\s+)?(be\\s+)?(served|executed|returned|made).*")) return EventClassifier.OTHER;
        if (Prefilter.find(WARRANT_RETURN, clause) && !Prefilter.find(WARRANT_DONE, clause)) return "warrant_returned";
        if (Prefilter.find(WARRANT_DONE, clause)) return "warrant_executed";
        if (Prefilter.find(WARRANT_SIGNED, clause)) return "warrant_signed";
        return event;
    }

    private static final Pattern NOT_ISSUE = Pattern.compile("(?i)\\b(violat\\w*|offen[cs]e|unlawful\\w*|occur\\w*|court|appear\\w*|hearing|arraign\\w*|expir\\w*|birth|dob)\\b");

    /**
     * A bare "Date: ... Time: ..." on a citation or warning: the time it was issued, unless the line or the two
     * before it say it is the violation's time or the court date ("THE DEFENDANT DID UNLAWFULLY OPERATE ... On
     * (date) ... At (time)", "COURT APPEARANCE: ... Date: Time:"). "I certify that I have served ..." above it
     * makes it the service.
     */
    private static String citationField(Document d, Page page, int lineStart) {
        String text = page.text();
        int from = lineStart;
        for (int k = 0; k < 2 && from > 0; k++) from = text.lastIndexOf('\n', from - 2) + 1;
        int end = text.indexOf('\n', lineStart);
        String context = text.substring(Math.max(0, from), end < 0 ? text.length() : end);
        if (Prefilter.find(NOT_ISSUE, context)) return EventClassifier.OTHER;
        String head = d.pages().isEmpty() ? "" : d.pages().get(0).text();
        head = head.substring(0, Math.min(400, head.length())).toLowerCase(Locale.ROOT);
        return head.contains("warning") && !head.contains("citation") && !head.contains("summons") ? "warning_issued" : "citation_issued";
    }

    /**
     * "Time issued: 10:09 AM" on a "NOTICE OF VIOLATION / WRITTEN WARNING" is the warning's issue: a field that names
     * no instrument takes the one the form's heading names.
     */
    private static String warningForm(Document d, String line, String event) {
        if (!"citation_issued".equals(event) || !d.type().equals("citation")) return event;
        if (Prefilter.matches(line, "(?is).*\\b(citation|ticket|summons|warning|notice\\s+to\\s+appear)\\b.*")) return event;
        String head = d.pages().isEmpty() ? "" : d.pages().get(0).text();
        head = head.substring(0, Math.min(400, head.length())).toLowerCase(Locale.ROOT);
        return head.contains("warning") && !head.contains("citation") && !head.contains("summons") ? "warning_issued" : event;
    }

    private static String citationKind(String line) {
        return line.toLowerCase(Locale.ROOT).contains("warning") ? "warning_issued" : "citation_issued";
    }

    private static final Pattern DATE_FIELD = Pattern.compile("([A-Za-z][A-Za-z /.&'-]{1,40}?)\\s*:\\s*$");

    /** A form field that gives an event's date alone ("Date Analyzed: 03/20/2025", "Report Date: 03/15/2025"). */
    private void datedField(Document d, Page page, String text, List<DateExpression> ds, String author, List<TimedEvent> timed) {
        for (DateExpression de : ds) {
            int lineStart = text.lastIndexOf('\n', de.start()) + 1;
            String before = text.substring(Math.max(lineStart, de.start() - 48), de.start());
            Matcher m = DATE_FIELD.matcher(before);
            String label;
            if (m.find()) label = m.group(1);
            else {
                // "Signed this 3rd day of March, 2025" / "Report written on 03/15/2025"
                Matcher w = Pattern.compile("(?i)\\b(signed|issued|executed|served|returned|filed|report\\s+(?:written|prepared|completed)|written|prepared|analy[sz]ed|received)\\b[^.;:]{0,30}$").matcher(before);
                if (!w.find()) continue;
                label = w.group(1);
            }
            String line = text.substring(lineStart, Math.min(text.length(), Math.max(de.end(), text.indexOf('\n', de.end()) < 0 ? text.length() : text.indexOf('\n', de.end()))));
            String event = warningForm(d, line, fieldEvent(label, d.type(), line));
            if (event == null || event.equals(EventClassifier.OTHER)) continue;
            timed.add(new TimedEvent(event, de.date().atStartOfDay(), false, event.equals("report_written") ? author : null, "form",
                    Citation.of(d, page, line.isBlank() ? text : line), true));
        }
    }

    private static final Pattern DISTANCE = Pattern.compile("(?i)\\b\\d{1,3}(?:\\.\\d)?\\s*(?:-\\s*)?(?:miles?|mi\\.?)\\b");
    private static final Pattern DISTANCE_PLACE = Pattern.compile("(?i)\\b(station|headquarters|hq|jail|lab(?:oratory)?|office|barracks|precinct|scene|detachment|post|substation|facility|property\\s+room)\\b|\\bmiles?\\s+(from|of|away|to|outside|west|east|north|south|northwest|northeast|southwest|southeast)\\b|\\ba\\s+distance\\s+of\\b");

    /** "Headquarters is about 28 miles from the scene": what the rules of travel time need. */
    private void distanceNote(Document d, Page page, String text, DateCarrier dates, List<TimedEvent> timed) {
        if (!Prefilter.find(DISTANCE, text) || !Prefilter.find(DISTANCE_PLACE, text)) return;
        LocalDateTime at = lastTimed != null ? lastTimed : dates.date() != null ? dates.date().atStartOfDay() : null;
        if (at == null) return;
        timed.add(new TimedEvent("distance", at, true, null, "narrative", Citation.of(d, page, text), true));
    }

    private static final Pattern EXECUTE_WITHIN = Pattern.compile("(?i)\\b(?:execut\\w*|serv\\w*)\\b[^.]{0,120}?\\bwithin\\s+(\\w+(?:-\\w+)?)\\s*(?:\\((\\d+)\\)\\s*)?(days?|hours?)");
    private static final Pattern RETURN_WITHIN = Pattern.compile("(?i)\\breturn\\w*\\b[^.]{0,120}?\\bwithin\\s+(\\w+(?:-\\w+)?)\\s*(?:\\((\\d+)\\)\\s*)?(days?|hours?)([^.]{0,40}\\bexecut\\w*)?");
    private static final Pattern EXECUTE_BY = Pattern.compile("(?i)\\b(?:execut\\w*|serv\\w*)\\b[^.]{0,80}?\\b(?:on\\s+or\\s+before|not\\s+later\\s+than|no\\s+later\\s+than|by)\\s+([^.;\\n]{6,40})");

    /**
     * The window a warrant sets itself ("must be executed within 10 days", "within ninety-six (96) hours", "on or
     * before March 24, 2025", "returned within 10 days after execution"): a deadline the rules check the execution
     * and the return against. Counted from the signature this document records, else its first date.
     */
    private static List<TimedEvent> warrantWindows(Document d, List<TimedEvent> timed) {
        if (!d.type().equals("warrant") && d.pages().stream().noneMatch(p -> p.text().toLowerCase(Locale.ROOT).contains("warrant"))) return List.of();
        List<TimedEvent> out = new ArrayList<>();
        LocalDateTime signed = timed.stream().filter(t -> t.event().equals("warrant_signed") && t.citation().document().equals(d.path()))
                .sorted(java.util.Comparator.comparing(TimedEvent::dateOnly).thenComparing(TimedEvent::time)).map(TimedEvent::time).findFirst().orElse(null);
        LocalDateTime executed = timed.stream().filter(t -> t.event().equals("warrant_executed")).map(TimedEvent::time).min(java.util.Comparator.naturalOrder()).orElse(null);
        for (Page p : d.pages()) {
            String text = Prefilter.replaceAll(p.text(), "\\s+", " ");
            Matcher m = EXECUTE_WITHIN.matcher(text);
            if (signed != null && m.find()) {
                Duration w = window(m);
                if (w != null) out.add(new TimedEvent("warrant_deadline", end(signed, w), false, null, "form", Citation.of(d, p, sentenceAround(text, m.start(), m.end())), false));
            } else if (signed != null) {
                Matcher by = EXECUTE_BY.matcher(text);
                if (by.find()) {
                    List<DateExpression> ds = TimeParser.dates(by.group(1));
                    if (!ds.isEmpty()) out.add(new TimedEvent("warrant_deadline", ds.get(0).date().atTime(23, 59, 59), false, null, "form",
                            Citation.of(d, p, sentenceAround(text, by.start(), by.end())), false));
                }
            }
            Matcher r = RETURN_WITHIN.matcher(text);
            if (r.find()) {
                Duration w = window(r);
                LocalDateTime base = r.group(4) != null ? executed : signed;
                if (w != null && base != null) out.add(new TimedEvent("return_deadline", end(base, w), false, null, "form", Citation.of(d, p, sentenceAround(text, r.start(), r.end())), false));
            }
        }
        return out;
    }

    private static Duration window(Matcher m) {
        String n = m.group(2) != null ? m.group(2) : m.group(1);
        Integer v = dev.leverage.extract.NumberWords.value(n);
        if (v == null) return null;
        return m.group(3).toLowerCase(Locale.ROOT).startsWith("d") ? Duration.ofDays(v) : Duration.ofHours(v);
    }

    /** A window in days runs to the end of its last day; one in hours to the hour. */
    private static LocalDateTime end(LocalDateTime from, Duration w) {
        if (w.toHours() % 24 == 0 && w.toDays() > 0) return from.toLocalDate().plusDays(w.toDays()).atTime(23, 59, 59);
        return from.plus(w);
    }

    private static String sentenceAround(String text, int start, int end) {
        int s = Math.max(0, text.lastIndexOf('.', start) + 1);
        int e = text.indexOf('.', end);
        return text.substring(s, e < 0 ? text.length() : e + 1).strip();
    }

    private void transcriptLine(Document d, Page page, Sentence s, String line, TimeNormaliser.Offset offset, LocalDateTime start,
                                List<TimedEvent> timed, List<Mention> mentions) {
        LocalDateTime when = TimeNormaliser.atOffset(start, offset.offset());
        String rest = offset.rest();
        String actor = null;
        Matcher sp = SPEAKER.matcher(rest);
        boolean officer = false;
        String said = rest;
        boolean interviewer = false;
        if (sp.matches()) {
            // initials the transcript's header spells out ("LB" for "Agent Lorna Beck") stand for the person they name
            String named = speakers.getOrDefault(sp.group(1).strip(), sp.group(1));
            String label = named.toUpperCase(Locale.ROOT);
            officer = Prefilter.find(OFFICER_SPEAKER, label);
            said = sp.group(2);
            // A one-letter label is an interviewer's initial or a Q/A transcript's "Q": the one asking.
            interviewer = Prefilter.matches(label, "[A-Z]\\.?") && !label.startsWith("A");
            if (!GENERIC_SPEAKERS.contains(Prefilter.replaceAll(label, "[^A-Z]", "")) && Prefilter.replaceAll(label, "[^A-Z]", "").length() > 1) {
                Matcher rank = OFFICER_SPEAKER.matcher(named);
                String name = rank.find() ? Prefilter.replaceFirst(named.substring(rank.end()), "^[.\\s]+", "") : named;
                actor = PersonName.parse(name.isBlank() ? named : name).display();
                int at = Math.max(0, s.text().indexOf(line)) + Math.max(0, line.indexOf(sp.group(1)));
                mentions.add(new Mention("person", sp.group(1), actor, null, null, Citation.of(d, page, line),
                        s.start() + at, s.start() + at + sp.group(1).length(), "rule"));
            }
        }
        // the camera's wearer, named in the header, speaks as police whatever the label ("RUIZ-TATE:")
        if (sp.matches() && !officer && wearer != null && Prefilter.matches(sp.group(1).strip(), "(?i)(?:.*\\s)?" + Pattern.quote(wearer))) officer = true;
        String event = events.classify(line);
        // What a civilian says on the recording is a statement; an officer's words tell the events.
        if (interviewer || !sp.matches()) {
            if (said.contains("?") && (event.equals("statement") || event.equals(EventClassifier.OTHER))) event = "question";
            else if (event.equals("statement")) return;
        } else if (!officer && !said.isBlank() && !Prefilter.matches(said, "(?is)\\W*\\(?(inaudible|unintelligible|no response|silence|crosstalk)\\)?\\W*")) {
            event = "statement";
        } else if (officer && said.contains("?") && (event.equals("statement") || event.equals(EventClassifier.OTHER))) {
            // An officer's question on the recording: what makes the answer after it interrogation.
            event = "question";
        } else if (event.equals("statement")) {
            return;
        }
        if (event.equals(EventClassifier.OTHER) || event.equals("on_scene") && actor != null) return;
        timed.add(new TimedEvent(event, when, false, actor, "transcript", Citation.of(d, page, line)));
    }

    /** A transcript speaker label that names an officer by rank or role ("OFC REYES", "TPR. HALE", "K9 DEP LIND"). */
    private static final Pattern OFFICER_SPEAKER = Pattern.compile("(?i)^(?:K-?9\\s+)?(?:OFC|OFFICER|OFF|P\\.?O|DEP|DEPUTY|TPR|TROOPER|SGT|SERGEANT|CPL|CORPORAL|DET|DETECTIVE|AGENT|S/?A|TFO|INV|INVESTIGATOR|K-?9|CST|CONST|CONSTABLE|PC|LT|LIEUTENANT|CPT|CAPT|CAPTAIN|SPC|PFC|SPO|WARDEN|RANGER|MP|SSG|DISPATCH|DISPATCHER|RADIO|CO|UNIT)\\b\\.?");

    private static final Pattern WEARER = Pattern.compile("(?im)^(?:.*?\\s{2,})?(?:officer|trooper|deputy|agent|wearer|camera\\s+(?:operator|user|assigned\\s+to))\\s*:\\s*([^\\n#]{3,60}?)(?:\\s*#|\\s{2,}|\\s*$)"
            + "|^(?:.*?\\s{2,})?(?:camera|device|unit|bwc)\\s*:[^\\n(]{0,60}\\(([^)\\n]{3,60})\\)");

    /** The surname of the officer a recording's header names as the camera's wearer, or null. */
    static String wearer(String firstPage) {
        String head = String.join("\n", firstPage.lines().limit(12).toList());
        if (!Prefilter.matches(head, "(?is).*\\b(camera|body[- ]?worn|bwc|recording|transcript)\\b.*")) return null;
        Matcher m = WEARER.matcher(head);
        while (m.find()) {
            String who = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            who = Prefilter.replaceAll(who, "\\s+#?[A-Z]{0,3}-?\\d[\\w-]*$", "").strip();
            String surname = PersonName.parse(who).surname();
            if (surname.length() >= 3 && !PersonName.isTitle(surname)) return surname;
        }
        return null;
    }

    private static final Pattern SPEAKER_KEY = Pattern.compile("((?:[A-Z][A-Za-z.'’-]*\\.?[ \t]+){0,3}[A-Z][A-Za-z'’-]+)[ \t]*\\(([A-Z]{2,3})\\)");

    /**
     * The initials a transcript's header gives its speakers ("Present: Agent Lorna Beck (LB); Anton DELACROIX (AD)"),
     * read only where the initials are those of the name before them.
     */
    static Map<String, String> speakerKey(String text) {
        if (text.indexOf('(') < 0) return Map.of();
        Map<String, String> out = new java.util.HashMap<>();
        Matcher m = SPEAKER_KEY.matcher(text);
        while (m.find()) {
            String initials = m.group(2);
            String[] words = m.group(1).strip().split("[ \t]+");
            // the initials are the first letters of the name's last words ("Lorna Beck" for LB, "Anton DELACROIX" for AD)
            if (words.length < initials.length()) continue;
            StringBuilder firsts = new StringBuilder();
            for (int i = words.length - initials.length(); i < words.length; i++) firsts.append(Character.toUpperCase(words[i].charAt(0)));
            if (firsts.toString().equals(initials)) out.put(initials, m.group(1).strip());
        }
        return out;
    }

    private static LocalDateTime recordingStart(String pageText, DateCarrier dates) {
        for (String line : pageText.split("\n")) {
            Matcher m = RECORDING_START.matcher(line);
            if (m.find()) {
                List<TimeExpression> t = TimeParser.times(m.group(1));
                List<DateExpression> ds = TimeParser.dates(m.group(1));
                if (t.isEmpty()) continue;
                // "Recording start (recorder clock, verified against network time 05/22/2024): 05/21/2024 14:08:40":
                // the date written beside the time is the recording's, not one said about the clock.
                TimeExpression at = t.get(0);
                DateExpression beside = ds.stream().min(java.util.Comparator.comparingInt(x -> x.end() <= at.start() ? at.start() - x.end() : Math.abs(x.start() - at.end()))).orElse(null);
                LocalDate date = at.date() != null ? at.date() : beside != null ? beside.date() : dates.date();
                if (date != null) return LocalDateTime.of(date, at.time());
            }
        }
        return null;
    }

    /** A CAD/dispatch table: a time column and a status, event or remarks column. */
    private void readCadTable(Document d, Page page, Page.Table table, List<TimedEvent> timed, List<Mention> mentions) {
        if (table.rows().size() < 2) return;
        CadColumns c = CadColumns.of(table.rows().get(0));
        if (c.time < 0 || (c.status < 0 && c.remarks < 0) || c.released >= 0) return;
        Map<String, String> unitOwner = new HashMap<>();
        for (List<String> row : table.rows().subList(1, table.rows().size())) {
            Matcher u = UNIT_OWNER.matcher(cell(row, c.unit));
            if (u.matches()) unitOwner.put(u.group(1), u.group(2));
            // "PS-31 (Ardoin) on scene Bldg 4410": a remark that names the unit's officer
            String unit = cell(row, c.unit).strip();
            if (!unit.isEmpty() && !u.matches()) {
                Matcher named = Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(unit) + "\\s*\\(([A-Z][A-Za-z.'-]+(?:\\s+[A-Z][A-Za-z.'-]+){0,2})\\)").matcher(cell(row, c.remarks));
                if (named.find()) unitOwner.putIfAbsent(unit, named.group(1));
            }
        }
        LocalDateTime last = null;
        for (List<String> row : table.rows().subList(1, table.rows().size())) {
            LocalDate date = TimeParser.parseDate(cell(row, c.date));
            LocalTime time = TimeParser.parseClock(cell(row, c.time));
            if (time == null) {
                LocalDateTime both = TimeParser.parseDateTime(cell(row, c.time));
                if (both != null) {
                    date = both.toLocalDate();
                    time = both.toLocalTime();
                }
            }
            if (time == null) continue;
            if (date == null) date = last != null ? last.toLocalDate() : headerDate(d, new PageFurniture(d));
            if (date == null) continue;
            LocalDateTime when = LocalDateTime.of(date, time);
            last = when;
            String unit = cell(row, c.unit);
            Matcher u = UNIT_OWNER.matcher(unit);
            String unitId = u.matches() ? u.group(1) : unit.strip();
            String owner = unitOwner.get(unitId);
            String text = (unit + " " + cell(row, c.status) + " " + cell(row, c.remarks)).strip();
            String quote = String.join(" ", row).strip();
            Citation cite = Citation.of(d, page, quote);
            if (u.matches()) {
                String role = unitId.toUpperCase(Locale.ROOT).startsWith("K9") ? "officer,k9_handler" : "officer";
                mentions.add(new Mention("person", u.group(2), PersonName.parse(u.group(2)).display(), role, null, cite, 0, 0, "table"));
            }
            String event = cadStatus(cell(row, c.status));
            // "ENRT - PS-31 clear 4410 enrt HQ": en route elsewhere after clearing the scene is leaving it
            if ("dispatch".equals(event) && Prefilter.matches(cell(row, c.remarks), "(?is).*\\b(clear(ed)?|clr|cleared\\s+scene|left|departed)\\b.*\\b(enrt|en\\s?route|to)\\b.*")) event = "cleared";
            // A CAD remark is telegraphic ("Phone contact on-call Judge Halvorsen re SW"): the exact cue rules read it,
            // the prose-trained model does not guess at it.
            if (event == null) event = EventClassifier.byRules(text);
            if (event.equals("on_scene") && Prefilter.matches(unitId.toUpperCase(Locale.ROOT), "(K-?9|CANINE|DOG).*")) event = "k9_arrived";
            if (event.equals(EventClassifier.OTHER)) continue;
            timed.add(new TimedEvent(event, when, false, owner != null ? PersonName.parse(owner).display() : unitId, "cad", cite));
        }
    }

    /**
     * The event a CAD status code names: the codes dispatch systems write in their status column ("ONSC", "ENRT",
     * "CLR", "10-97", "T/S"), which the sentence categorizer never saw in prose. Null for a code it does not know.
     */
    static String cadStatus(String status) {
        String s = status == null ? "" : Prefilter.replaceAll(status.strip().toUpperCase(Locale.ROOT), "\\s+", " ");
        if (s.isEmpty()) return null;
        if (Prefilter.matches(s, "(TRAFFIC STOP|STOP|T/?S|T-STOP|TSTOP|VEH STOP|VEHICLE STOP|10-38|10-11|SUBJECT STOP|PED STOP)")) return "stop_initiated";
        if (Prefilter.matches(s, "(ONSC|ONSCN|ONS|ON SCENE|ONSCENE|ON-SCENE|ARRVD|ARRIVED|ARV|AR|10-97|10-23|OS)")) return "on_scene";
        if (Prefilter.matches(s, "(ENRT|EN ROUTE|ENROUTE|ER|10-76|RESP|RESPONDING)")) return "dispatch";
        if (Prefilter.matches(s, "(DISP|DISPATCHED|ASSIGNED|ASGN|ASSGN)")) return "dispatch";
        if (Prefilter.matches(s, "(CLR|CLEAR|CLEARED|CLEAR SCENE|CLRD|10-8|10-98|AVAIL|AVAILABLE|CMPLT|COMPLETE)")) return "cleared";
        if (Prefilter.matches(s, "(ARR|ARREST|IN CUSTODY|1 IN CUSTODY|CUSTODY|10-15)")) return "arrest";
        if (Prefilter.matches(s, "(CIT|CITATION|CITE|CITATION ISSUED|UTC|TICKET)")) return "citation_issued";
        if (Prefilter.matches(s, "(WARN|WARNING|WRITTEN WARNING|WARNING ISSUED|WW)")) return "warning_issued";
        if (Prefilter.matches(s, "(K9 ?REQ|K-9 REQ|K9 REQUESTED|K-9 REQUESTED|REQ K9|CANINE REQ)")) return "k9_requested";
        if (Prefilter.matches(s, "(TRANS|TRANSPORT|TRNSP|10-15 ENRT)")) return "transport";
        return null;
    }

    /** A custody table: released-by and received-by columns (any wording, any order) and a date or time. */
    private static final Pattern ITEM_HEADING = Pattern.compile("(?i)\\b(?:item|exhibit|exh\\.?|article)\\s*(?:n[o0]\\.?|#|number)?\\s*[:.]?\\s*([0-9Ol]{1,3}[A-Z]?)\\b");
    private static final Pattern TAG_HEADING = Pattern.compile("(?i)\\btag\\s*(?:n[o0]\\.?|#|number)?\\s*[:.]?\\s*((?:[A-Z]{1,4}-?)?[0-9Ol]{2,4}-[0-9Ol]{3,7}-[0-9Ol]{1,4}[A-Z]?)\\b");

    /**
     * The item a form names above one of its tables ("EVIDENCE TAG NO: 24-0219-2   ITEM NO: 2" over a chain with no
     * item column), for a page that holds several such forms; null when the lines above name none.
     */
    static String itemAbove(String pageText, List<Page.Table> tables, int index) {
        Page.Table table = tables.get(index);
        if (table.rows().isEmpty()) return null;
        List<String> header = table.rows().get(0);
        // The k-th table with this header sits under the k-th line that carries it.
        int occurrence = 0;
        for (int i = 0; i < index; i++) if (!tables.get(i).rows().isEmpty() && tables.get(i).rows().get(0).equals(header)) occurrence++;
        String[] lines = pageText.split("\n", -1);
        int at = -1;
        for (int i = 0; i < lines.length && at < 0; i++) {
            int pos = 0;
            boolean all = header.stream().anyMatch(c -> !c.isBlank());
            for (String cell : header) {
                if (cell.isBlank()) continue;
                int k = lines[i].indexOf(cell.strip(), pos);
                if (k < 0) {
                    all = false;
                    break;
                }
                pos = k + cell.strip().length();
            }
            if (all && occurrence-- == 0) at = i;
        }
        for (int i = at - 1; i >= 0 && i >= at - 25; i--) {
            if (TextTables.pipeRow(lines[i])) break; // the table before this one
            Matcher item = ITEM_HEADING.matcher(lines[i]);
            if (item.find()) return dev.leverage.extract.custody.CustodyText.lookAlikeDigits(Prefilter.replaceAll(item.group(1), "[A-Z]$", "")) + Prefilter.replaceAll(item.group(1), "^[0-9Ol]+", "");
            Matcher tag = TAG_HEADING.matcher(lines[i]);
            if (tag.find()) {
                List<String> keys = ItemKey.of(dev.leverage.extract.custody.CustodyText.ocrDigits(tag.group(1)));
                if (keys.size() == 1) return keys.get(0);
            }
        }
        return null;
    }

    private void readCustodyTable(Document d, Page page, Page.Table table, String itemAbove, List<CustodyEvent> custody, List<Mention> mentions, int[] order,
                                  List<TimedEvent> timed) {
        String single = singleItem(d);
        List<CustodyEvent> events = CustodyTableReader.read(d, page, table, single != null ? single : itemAbove, headerDate(d, new PageFurniture(d)), order);
        custody.addAll(events);
        if (events.isEmpty()) readLogTable(d, page, table, timed);
        if (events.isEmpty()) readPresenceLog(d, page, table, timed);
        if (events.isEmpty()) readActColumns(d, page, table, timed);
        if (events.isEmpty()) custody.addAll(CustodyTableReader.listing(d, page, table, order));
        if (events.isEmpty()) custody.addAll(CustodyTableReader.examinations(d, page, table, order));
        // A custody table about one item makes it the item in hand for the lines that follow ("Seal number on
        // package at receipt: TC-80342" in the lab's section under the agency's chain).
        java.util.Set<String> tableItems = new java.util.TreeSet<>();
        for (CustodyEvent e : events) tableItems.add(e.item());
        if (tableItems.size() == 1 && !ItemKey.UNNAMED.equals(tableItems.iterator().next())) custodyContext.saw("Item " + tableItems.iterator().next());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CustodyEvent e : events) {
            for (String handler : new String[]{e.releasedBy(), e.receivedBy()}) {
                if (handler == null || !seen.add(handler + "|" + e.citation().quote())) continue;
                if (Prefilter.matches(handler, ".*\\b[A-Z][a-z]*\\.?\\s+[A-Z]\\.?\\s*[A-Z][a-zA-Z-]+.*|.*#\\d+.*|.*\\b[A-Z][a-z]+\\s+[A-Z][a-z]+.*")
                        && !dev.leverage.extract.custody.Handlers.isPlace(handler)) {
                    String name = Prefilter.replaceAll(Prefilter.replaceAll(Prefilter.replaceAll(Prefilter.replaceAll(handler, "(?i)/s/.*$", ""), "\\(.*?\\)", ""), "#\\s?\\d+", ""), "(?i)\\bbadge\\s*\\d+", "").strip();
                    PersonName n = PersonName.parse(name);
                    if (n.surname().length() > 1 && wellFormedName(name)) {
                        String role = String.join(",", Roles.of(n.title(), "", ""));
                        mentions.add(new Mention("person", name, n.display(), role.isEmpty() ? null : role,
                                dev.leverage.extract.custody.Handlers.badge(handler), e.citation(), 0, 0, "table"));
                    }
                }
            }
        }
    }

    private static final Pattern LOG_ACTOR = Pattern.compile("(?i)^(booked|logged|entered|seized|collected|recovered|submitted|received|impounded|stored|checked\\s+in)\\s*(by)?\\b.*");
    private static final Pattern LOG_WHEN = Pattern.compile("(?i)^(booking|book|log|logged|entry|entered|seizure|seized|collection|collected|submission|submitted|receipt|received|impound|intake)?\\s*(date\\s*/?\\s*time|date|time|datetime|timestamp)\\b.*|.*\\b(date|time)$");

    /**
     * A log that records one act per row without a released-by/received-by pair ("Item#, Description, Booked By,
     * Booking Date, Booking Time, Location"): each row is a timed event named by the header's verb, its actor the
     * "by" column. The custody reader takes the tables it understands; this reads the rest for the chronology.
     */
    private void readLogTable(Document d, Page page, Page.Table table, List<TimedEvent> timed) {
        if (table.rows().size() < 2) return;
        List<String> header = table.rows().get(0);
        int actor = -1, date = -1, time = -1;
        String verb = null;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip();
            Matcher a = LOG_ACTOR.matcher(h);
            if (actor < 0 && a.matches() && a.group(2) != null) {
                actor = i;
                verb = a.group(1).toLowerCase(Locale.ROOT);
            } else if (Prefilter.matches(LOG_WHEN, h)) {
                String l = h.toLowerCase(Locale.ROOT);
                if (l.contains("date") && l.contains("time")) {
                    date = i;
                    time = i;
                } else if (l.contains("date") && date < 0) date = i;
                else if (l.contains("time") && time < 0) time = i;
            }
        }
        if (actor < 0 || (time < 0 && date < 0)) return;
        String event = switch (verb) {
            case "booked", "logged", "entered", "stored", "impounded" -> "evidence_logged";
            case "seized", "collected", "recovered" -> "evidence_seized";
            case "submitted" -> "lab_submitted";
            case "received" -> d.type().startsWith("lab") ? "lab_received" : "evidence_logged";
            default -> "evidence_logged";
        };
        LocalDate fallback = headerDate(d, new PageFurniture(d));
        for (List<String> row : table.rows().subList(1, table.rows().size())) {
            LocalDateTime when = null;
            if (time >= 0 && time == date) when = TimeParser.parseDateTime(cell(row, time));
            else {
                LocalDate day = date >= 0 ? TimeParser.parseDate(cell(row, date)) : fallback;
                LocalTime clock = time >= 0 ? TimeParser.parseClock(cell(row, time)) : null;
                if (day != null && clock != null) when = LocalDateTime.of(day, clock);
            }
            String who = cell(row, actor).strip();
            if (when == null || who.isEmpty()) continue;
            timed.add(new TimedEvent(event, when, false, who, "custody", Citation.of(d, page, String.join(" ", row))));
        }
    }

    private static final Pattern STACKED_LABEL = Pattern.compile("([A-Za-z][A-Za-z /.&'-]{1,45}?):(?=\\s{2,}|\\s*$)");
    private static final Pattern BARE_LABEL = Pattern.compile("[A-Za-z][A-Za-z /.&'()-]{1,40}");
    private static final Pattern LATER = Pattern.compile("(?i)\\b(later|subsequently|afterwards?|thereafter|eventually|the\\s+(next|following)\\s+(day|morning|afternoon|evening|week))\\b");
    private static final Pattern STACKED_CELL = Pattern.compile("\\S+(?: \\S+)*");

    /**
     * A form printed as a row of labels over a row of values ("Case No.:   Date and time warrant executed:" over
     * "5:25-mj-5118   03/12/2025 6:05 am", or "Date Issued   Time Issued   Signature" over "05/06/2024   4:30 [ ]AM
     * [X]PM   /s/ T. Kirkland"): each value is read under its label, by column; a date and a time column that name the
     * same act ("Date Issued", "Time Issued") are read together.
     */
    private void stackedFields(Document d, Page page, List<TimedEvent> timed) {
        String[] lines = page.text().split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            List<int[]> spans = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            Matcher m = STACKED_LABEL.matcher(lines[i]);
            int covered = 0;
            // every label ends in a colon: a line without one has none (and the lazy label search is costly)
            while (lines[i].indexOf(':') >= 0 && m.find()) {
                spans.add(new int[]{m.start(), m.end()});
                labels.add(m.group(1).strip());
                covered += m.end() - m.start();
            }
            boolean colons = labels.size() >= 2 && Prefilter.replaceAll(lines[i], "\\s", "").length() <= covered;
            if (!colons) {
                // Labels without colons: cells two spaces apart, words only, one of them a date or a time.
                spans.clear();
                labels.clear();
                Matcher cell = STACKED_CELL.matcher(lines[i]);
                boolean words = true;
                while (cell.find()) {
                    if (!Prefilter.matches(BARE_LABEL, cell.group())) words = false;
                    spans.add(new int[]{cell.start(), cell.end()});
                    labels.add(cell.group().strip());
                }
                if (!words || labels.size() < 2 || labels.stream().noneMatch(l -> Prefilter.matches(l, "(?i).*\\b(date|time)\\b.*"))) continue;
            }
            int next = i + 1;
            while (next < lines.length && lines[next].isBlank()) next++;
            if (next >= lines.length) break;
            String values = Prefilter.replaceAll(Prefilter.replaceAll(lines[next], "\\[\\s\\]\\s*(?i:am|pm)", "     "), "\\[[xX✓✔]\\]\\s*((?i:am|pm))", "   $1");
            Map<String, LocalDate> datesByAct = new java.util.LinkedHashMap<>();
            Map<String, String> labelByAct = new java.util.LinkedHashMap<>();
            for (int k = 0; k < labels.size(); k++) {
                int from = spans.get(k)[0];
                int to = k + 1 < spans.size() ? spans.get(k + 1)[0] : values.length();
                if (from >= values.length()) break;
                String value = values.substring(from, Math.min(to, values.length())).strip();
                String label = labels.get(k);
                String act = Prefilter.replaceAll(Prefilter.replaceAll(label.toLowerCase(Locale.ROOT), "\\b(date|time|and|of|the|/)\\b", " "), "\\s+", " ").strip();
                LocalDateTime when = TimeParser.parseDateTime(value);
                if (when == null && Prefilter.matches(label, "(?i).*\\bdate\\b.*") && !Prefilter.matches(label, "(?i).*\\btime\\b.*")) {
                    LocalDate day = TimeParser.parseDate(value);
                    if (day != null) {
                        datesByAct.put(act, day);
                        labelByAct.put(act, label);
                    }
                    continue;
                }
                if (when == null && Prefilter.matches(label, "(?i).*\\btime\\b.*")) {
                    LocalTime clock = TimeParser.parseClock(value);
                    LocalDate day = datesByAct.containsKey(act) ? datesByAct.get(act) : datesByAct.size() == 1 ? datesByAct.values().iterator().next() : null;
                    if (clock != null && day != null) when = LocalDateTime.of(day, clock);
                }
                if (when == null) continue;
                String event = fieldEvent(label, d.type(), label + " " + value);
                if (event == null || event.equals(EventClassifier.OTHER)) continue;
                timed.add(new TimedEvent(event, when, false, null, "form", Citation.of(d, page, lines[i].strip() + " / " + lines[next].strip())));
            }
        }
    }

    /**
     * A sign-in log ("Date, Time In, Station, Name / Badge, ..., Time Out"): who was at the logged place and when,
     * which is what places a person somewhere else than a narrative says.
     */
    private void readPresenceLog(Document d, Page page, Page.Table table, List<TimedEvent> timed) {
        if (table.rows().size() < 2) return;
        List<String> header = table.rows().get(0);
        int date = -1, in = -1, out = -1, name = -1, where = -1;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(Locale.ROOT);
            if (Prefilter.matches(h, "(time\\s*in|in|sign(ed)?[- ]?in|arrived|arrival|time\\s*arrived)")) in = i;
            else if (Prefilter.matches(h, "(time\\s*out|out|sign(ed)?[- ]?out|departed|departure|left|time\\s*departed)")) out = i;
            else if (Prefilter.matches(h, "date.*") && date < 0) date = i;
            else if (Prefilter.matches(h, "(name.*|officer.*|person.*|visitor.*|employee.*|staff.*)") && name < 0) name = i;
            else if (Prefilter.matches(h, "(station|location|site|post|facility|place|room|area)") && where < 0) where = i;
        }
        if (in < 0 || name < 0) return;
        LocalDate fallback = headerDate(d, new PageFurniture(d));
        for (List<String> row : table.rows().subList(1, table.rows().size())) {
            LocalDate day = date >= 0 ? TimeParser.parseDate(cell(row, date)) : fallback;
            String who = cell(row, name).strip();
            if (day == null || who.isEmpty()) continue;
            String place = where >= 0 ? cell(row, where).strip() : "";
            String quote = String.join(" ", row);
            for (int col : new int[]{in, out}) {
                LocalTime t = col >= 0 ? TimeParser.parseClock(cell(row, col)) : null;
                if (t == null) continue;
                timed.add(new TimedEvent("signed_in", LocalDateTime.of(day, t), false, who, "custody",
                        Citation.of(d, page, (place.isEmpty() ? "" : "at " + place + ": ") + quote)));
            }
        }
    }

    /**
     * A table whose columns are named by acts ("Received", "Analyzed", "Submitted", "Date Collected"): each cell that
     * holds a date or a date and time is that act for the row's item. The row is the quote, so two acts of one row
     * are known to be about one item.
     */
    private void readActColumns(Document d, Page page, Page.Table table, List<TimedEvent> timed) {
        if (table.rows().size() < 2) return;
        List<String> header = table.rows().get(0);
        Map<Integer, String> acts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip();
            if (h.isEmpty() || h.length() > 40 || Prefilter.matches(h, "(?i)(date|time|date\\s*/\\s*time)")) continue;
            String event = fieldEvent(h, d.type(), h);
            if (event != null && !event.equals(EventClassifier.OTHER) && !event.equals("report_written")) acts.put(i, event);
        }
        if (acts.isEmpty()) return;
        for (List<String> row : table.rows().subList(1, table.rows().size())) {
            String quote = String.join(" | ", row.stream().map(c -> c == null ? "" : c.strip()).toList());
            for (var a : acts.entrySet()) {
                String cell = cell(row, a.getKey()).strip();
                LocalDateTime when = TimeParser.parseDateTime(cell);
                boolean dateOnly = false;
                if (when == null) {
                    LocalDate day = Prefilter.matches(cell, ".*\\d.*") ? TimeParser.parseDate(cell) : null;
                    if (day == null) continue;
                    when = day.atStartOfDay();
                    dateOnly = true;
                }
                timed.add(new TimedEvent(a.getValue(), when, false, null, "table", Citation.of(d, page, quote), dateOnly));
            }
        }
    }

    /** The one item a custody form is about when it names exactly one ("Item No.: 3", "Exhibit: 1A"). */
    private static String singleItem(Document d) {
        if (d.pages().isEmpty()) return null;
        Matcher m = SINGLE_ITEM.matcher(d.pages().get(0).text());
        if (!m.find()) {
            // "NSP Case: 25-11873     Item: 1     Description: U.S. currency": one item field among a form line's fields
            Matcher f = ITEM_FIELD.matcher(d.pages().get(0).text());
            java.util.Set<String> fields = new java.util.TreeSet<>();
            while (f.find()) fields.addAll(ItemKey.of(f.group(1)));
            if (fields.size() == 1) return fields.iterator().next();

            // A record that names one item only is about that item.
            java.util.Set<String> named = new java.util.TreeSet<>();
            d.pages().forEach(p -> named.addAll(CustodyProse.items(p.text())));
            // An email names its item in the subject line, which the parser keeps as metadata, not page text.
            for (String key : List.of("dc:title", "subject", "Subject", "title")) {
                String v = d.metadata().get(key);
                if (v != null) named.addAll(CustodyProse.items(v));
            }
            if (named.size() == 1) return named.iterator().next();
            // A lab report that never numbers the item it received is about one item the other records name.
            boolean names = !named.isEmpty();
            // So is a statement or report that tells custody of "the bag" without a number.
            return !names ? ItemKey.UNNAMED : null;
        }
        List<String> keys = ItemKey.of(m.group(1));
        return keys.size() == 1 ? keys.get(0) : null;
    }

    private static final Pattern ITEM_FIELD = Pattern.compile("(?im)(?:^|\\S {3,}|\\|\\s*)(?:item|exhibit|evidence\\s+item)\\s*(?:no\\.?|number|#)?\\s*:\\s*([\\w.-]{1,20})(?= {3,}|\\s*\\||\\s*$)");
    private static final Pattern SINGLE_ITEM = Pattern.compile("(?im)^\\s*(?:item|exhibit|evidence item|property tag)\\s*(?:no\\.?|number|#)?\\s*:\\s*(\\S[^\\n]{0,30})$");

    private static String cell(List<String> row, int i) {
        return i >= 0 && i < row.size() && row.get(i) != null ? row.get(i) : "";
    }

    /** The columns of a CAD/dispatch table, found by header wording. */
    static final class CadColumns {
        int date = -1, time = -1, released = -1, unit = -1, status = -1, remarks = -1;

        static CadColumns of(List<String> header) {
            CadColumns c = new CadColumns();
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).toLowerCase(Locale.ROOT).strip();
                if (Prefilter.matches(h, "(date\\s*/\\s*time|date\\s*&\\s*time|datetime|timestamp)")) {
                    c.date = i;
                    c.time = i;
                } else if (Prefilter.matches(h, "((log|entry|event|call|incident|activity)\\s+)?(date.*|day)")) c.date = i;
                else if (Prefilter.matches(h, "(time.*|hhmmss|clock)")) c.time = i;
                else if (Prefilter.matches(h, "(released\\s*by.*|from|relinquished.*|released)")) c.released = i; // a custody table, not CAD
                else if (Prefilter.matches(h, "(unit.*|units?\\s*id|officer)")) c.unit = i;
                else if (Prefilter.matches(h, "(status|event|activity|type|disposition|code|disp|stat|status code|event type|evt|action)")) c.status = i;
                else if (Prefilter.matches(h, "(remarks?|comments?|narrative|notes?|details|text|message|msg|description|desc)")) c.remarks = i;
            }
            return c;
        }
    }

    /** Who wrote the document: a "Reporting Officer:" style field, else the first titled name on the first page. */
    private String author(Document d) {
        if (d.pages().isEmpty()) return null;
        Matcher m = AUTHOR.matcher(d.fullText());
        if (m.find()) {
            // "PO Desmond Oyelowo #P-31     Date of search: ...": the field ends at a tab or a run of spaces.
            String v = m.group(1).split("\t|\\s{3,}")[0].strip();
            PersonName n = PersonName.parse(Prefilter.replaceAll(v, "#\\s?[\\w-]+.*", "").strip());
            if (n.surname().length() > 1) return n.display();
        }
        // A sworn statement opens with its maker: "I, SGT Tyrell Osgood, want to make the following statement".
        Matcher sworn = Pattern.compile("\\bI,\\s+((?:[A-Z][A-Za-z.]*\\s+){0,3}[A-Z][A-Za-z'-]+),\\s+(?:want|wish|do|being|make|hereby|state|having|am)").matcher(d.fullText());
        if (sworn.find()) {
            PersonName n = PersonName.parse(sworn.group(1));
            if (n.surname().length() > 1) return n.display();
        }
        // A name alone on one of the first lines, under the heading ("Ofc. Leon Duarte #604"), or signing off the last.
        String[] lines = d.pages().get(0).text().split("\n");
        for (int i = 0; i < Math.min(6, lines.length); i++) {
            String name = titledName(lines[i]);
            if (name != null) return name;
        }
        String[] last = d.pages().get(d.pages().size() - 1).text().split("\n");
        for (int i = last.length - 1, seen = 0; i >= 0 && seen < 6; i--) {
            if (last[i].isBlank()) continue;
            seen++;
            String name = titledName(last[i]);
            if (name != null) return name;
        }
        // The author the producing system wrote into the file ("Deputy Luis Ortega #1184"), when it is a person.
        for (String key : List.of("dc:creator", "meta:author", "Author", "creator")) {
            String v = d.metadata().get(key);
            if (v == null || Prefilter.matches(v, "(?i).*\\b(system|office|department|county|microsoft|word|adobe|scanner|rms|inc|llc)\\b.*")) continue;
            String name = Prefilter.replaceAll(v, "#\\s?\\d+.*", "").strip();
            PersonName n = PersonName.parse(name);
            if (wellFormedName(name) && n.surname().length() > 1 && (!n.title().isEmpty() || !n.given().isEmpty())) return n.display();
        }
        return null;
    }

    private static final Pattern TITLED_NAME = Pattern.compile("^(?:Officer:\\s*)?((?:Ofc\\.|Officer|Det\\.|Detective|Dep\\.|Deputy|Sgt\\.|Sergeant|Tpr\\.|Trooper|Cpl\\.|Corporal|Lt\\.|SA|S/A|TFO|Inv\\.|Investigator|Rgr\\.|Ranger|Warden|Agent|Spc\\.|Ptl\\.)"
            + "\\s+[A-Z][a-z]+(?:\\s+[A-Z]\\.)?\\s+[A-Z][A-Za-z'-]+)(?:\\s*#\\s?[\\w-]+)?$");

    /** A scientist's sign-off: "Dr. Felix Marangoni, Forensic Chemist", "Hamish Olabode, DVM, PhD, DABVT - Toxicologist". */
    private static final Pattern SIGNED_OFF = Pattern.compile("^(?:Dr\\.\\s+)?([A-Z][a-z]+(?:\\s+[A-Z]\\.)?\\s+[A-Z][A-Za-z'-]+)(?:,\\s*[A-Z][A-Za-z.]{1,6})*\\s*(?:,|-|–)\\s*"
            + "(?:(?:Senior|Supervising|Principal|Forensic|Staff|Lead|Drug|Toxicology)\\s+)*(?:Chemist|Toxicologist|Scientist|Analyst|Criminalist|Examiner|Technician|Pharmacologist)(?:\\s+[IVX]{1,3})?$");

    /** A line that is a ranked name and nothing else ("Rgr. Ifeoma Chukwu #R-58"), as display name; else null. */
    private static String titledName(String line) {
        String l = Prefilter.replaceAll(line, "\\s{2,}.*$", "").strip();
        Matcher t = TITLED_NAME.matcher(l);
        if (t.matches()) return PersonName.parse(t.group(1)).display();
        Matcher signed = SIGNED_OFF.matcher(l);
        return signed.matches() ? PersonName.parse(signed.group(1)).display() : null;
    }

    private static LocalDate headerDate(Document d, PageFurniture furniture) {
        if (d.pages().isEmpty()) return null;
        List<DateExpression> ds = TimeParser.dates(furniture.mask(d.pages().get(0)));
        return ds.isEmpty() ? null : ds.get(0).date();
    }
}
