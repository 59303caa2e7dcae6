package dev.leverage.extract.custody;

import dev.leverage.extract.Prefilter;
import dev.leverage.extract.Citation;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Custody told in sentences: narratives ("At 0152 hrs I released Item 1 to Dep. L. Ortega"), lab intake sections
 * ("Received from Ofc. J. Pike on 06/03/2024 at 1412 hours, seal intact, 22 baggies, gross weight 31.4 g") and
 * ledger remarks ("sealed container received, not inventoried"). The verb says who released and who received;
 * the rest of the sentence gives the seal, count, weight, description and place.
 */
public final class CustodyProse {
    // "Evidence Custodian Gus Amberley (E-14)": an employee number in parentheses is not an item.
    private static final Pattern ITEM = Pattern.compile("(?i)\\b(?:(?-i:[A-Z]{2,5})\\s+(?=(?:items?|exhibits?|exh\\.)\\s*#?\\s*\\d))?(?:lab\\s+)?(?:items?|exhibits?|exh\\.|pkgs?\\.?|packages?|articles?|specimens?|(?-i:Lots?))\\s*(?:no\\.?\\s*)?#?\\s*\\d{1,3}(?:\\.\\d{1,2})?[A-Z]?\\b"
            + "(?:\\s*(?:through|thru|-|to|and|&|,)\\s*(?:items?\\s*)?#?\\d{1,3}(?:\\.\\d{1,2})?[A-Z]?\\b)*|(?i:\\bitems?\\s*#?\\s*\\d{4,5}-\\d{1,3}[A-Z]?\\b)|\\b(?:[A-Z]{1,4}-?)?\\d{2,4}-\\d{3,7}-\\d{1,4}[A-Z]?\\b|(?<![#(])\\bE-\\d{1,3}[A-Z]?\\b(?!\\))");
    // "heat-sealed", "vacuum-sealed": an adjective of the package, not the act of sealing.
    private static final Pattern CUE = Pattern.compile("(?i)(?<!-)\\b(released|transferred|handed|turned\\s+over|relinquished|received|took\\s+custody|"
            + "accepted|placed|secured|stored|kept|locked|logged|booked|submitted|delivered|transported|sealed|re-?sealed|opened|returned|"
            + "retrieved|obtained|checked\\s+out|analy[sz]ed|analy[sz]is|tested|examined|weighed|seized|collected|recovered|located|found|discovered)\\b");
    /** "Received by (courier): /s/ J. Lott" on a lab's submission form: the courier's receipt, not the lab's. */
    private static final Pattern COURIER_RECEIPT = Pattern.compile("(?i)\\breceived\\s+by\\s*\\(?\\s*(?:courier|carrier|driver|transporter)\\b");
    private static final Pattern HANDOFF = Pattern.compile("(?i)\\b(released|transferred|handed|turned\\s+over|relinquished|received|took\\s+custody|"
            + "accepted|delivered|submitted|returned|retrieved|obtained|checked\\s+out)\\b");
    private static final String WHO = "("
            // the report's own author ("sealed ... by the undersigned")
            + "the\\s+undersigned\\b|"
            // a laboratory by its name, before any reading of its first words as a person's ("the Wendover State Crime Laboratory")
            + "(?:the\\s+)?[A-Z][A-Za-z]+(?:\\s+[A-Z][A-Za-z]+){0,5}\\s+(?:Crime\\s+)?Lab(?:oratory)?\\b|"
            + "(?:the\\s+)?(?:[A-Z][A-Za-z.]+\\s+){0,4}(?:Property|Evidence)\\s+(?:Room|Unit|Section|Control|Vault)\\b(?!\\s+(?:Specialist|Officer|Clerk|Technician|Tech|Custodian|Manager|Supervisor)\\b)|(?:me|(?:the\\s+(?:night\\s+|day\\s+|on-duty\\s+|duty\\s+)?)?(?:Ofc\\.|Officer|Det\\.|Detective|Dep\\.|Deputy|Sgt\\.|Sergeant|Tpr\\.|Trooper|Cpl\\.|Corporal|Lt\\.|Lieutenant|"
            + "Agent|SA|S/A|TFO|Inv\\.|Investigator|ET|PC|(?:Evidence|Property|Lab(?:oratory)?)\\s+(?:Control\\s+|Intake\\s+|Receiving\\s+)?(?:Specialist|Clerk|Technician|Tech\\.?|Officer|Custodian|Manager|Supervisor)|"
            // military ranks as written on MP and CID paperwork; a lab's intake staff; a courier
            + "(?:SSG|SGT|SFC|SPC|PFC|CPL|MSG|1SG|SGM|PVT|PV2|CPT|1LT|2LT|MAJ|LTC|COL|CW[2-5]|WO1|PO[1-3]|BM[1-3]|ME[1-3])\\.?|(?:Intake|Receiving|Accessioning)\\s+(?:Specialist|Technician|Tech\\.?|Clerk|Officer|Coordinator)|(?:[A-Z][A-Za-z]{1,20}\\s+)?[Cc]ourier|"
            + "Chemist|Criminalist|Analyst|Forensic\\s+Chemist|Lab(?:oratory)?\\s+Technician|Mr\\.|Ms\\.|Mrs\\.|Dr\\.|Prof\\."
            // an agency's own title abbreviation before a name ("DFM R. Blackwood", "RI M. Oduya")
            + "|[A-Z]{2,5}\\.?(?=\\s+(?:[A-Z]\\.\\s*)?[A-Z][a-z]))?\\s*"
            // a second rank stacked on the first ("Det. Cpl. Fortier")
            + "(?:(?:Cpl|Sgt|Lt|Det|Capt|Cpt|Insp|Inv|Cmdr)\\.\\s+)?"
            // a unit or title of words before the name ("Lottery Investigator Ambrose Tillinghast")
            + "(?:(?:[A-Z][a-z]+\\s+){1,2}(?=(?:Investigator|Inspector|Specialist|Technician|Examiner|Officer|Agent|Custodian|Clerk)\\s))?(?:[A-Z][a-z]+\\s+|[A-Z]\\.\\s*){0,2}"
            + "[A-Z][A-Za-z'-]+(?:\\s*(?:#|badge\\s*)\\s?\\d{2,6})?|the\\s+(?:property|evidence)\\s+(?:room|custodian|clerk|section|unit)[^,;.]{0,30}|"
            + "the\\s+(?:[\\w-]+\\s+){0,2}(?:vault|locker|safe)\\b[^,;.]{0,30}))";
    private static final Pattern TO = Pattern.compile("\\b(?:to|into\\s+the\\s+custody\\s+of)\\s+" + WHO);
    private static final Pattern NOT_RECEIVED = Pattern.compile("(?i)\\b(?:not|never)\\s+(?:been\\s+)?(?:submitted|sent|received|delivered|forwarded)\\b");
    private static final Pattern FROM = Pattern.compile("\\bfrom\\s+" + WHO);
    private static final Pattern BY = Pattern.compile("\\bby\\s+" + WHO);
    private static final Pattern PLACE = Pattern.compile("(?i)\\b(?:placed|secured|stored|kept|locked|logged|booked|deposited|left)\\b[^;]{0,60}?\\b(?:in|into|inside|at)\\s+((?:a|an|the|my|his|her)?\\s*[^,;.]{3,70}?)(?=\\s+(?:at|on|until|for|by|overnight)\\b|(?-i:\\s+and\\s+(?:[a-z]|Item|Exhibit))|[,;.]|$)");
    /** A package the item is put into, not a place it is kept ("inside a plastic evidence bag"). */
    private static final Pattern PACKAGING = Pattern.compile("(?i)^(?:a|an|the|one|its)?\\s*(?:[\\w-]+\\s+){0,3}(?:bag|envelope|box|container|sleeve|pouch|package|jar|bindle|carton|heat[- ]seal(?:ed)?\\s+bag|tube|can)s?(?:\\s+(?:no\\.?\\s*|#\\s*)?[A-Z0-9][\\w-]*(?:\\s+[\\w-]+)?)?$");
    private static final Pattern COUNT = Pattern.compile("(?i)(?<![-/#.])\\b(?:(\\d{1,3})|[a-z-]+\\s*\\((\\d{1,5})\\))\\s+(?-i:(?!hrs\\b|hours\\b|at\\b|on\\b)[a-z-]+,?\\s+){0,4}?"
            + "(baggies|baggie|bags?|packets?|units?|tablets?|pills?|capsules?|vials?|bindles?|rocks?|envelopes?|packages?|bricks?|blotters?|balloons?|wraps?|cartridges?|containers?|pieces?|folds?|bundles?|tabs?|strips?|syringes?|bottles?|jars?|cigarettes?|joints?|squares?|sheets?|bills?)\\b");
    static final Pattern DESCRIPTION = Pattern.compile("(?i)\\b((?:off[- ]white|white|tan|brown|beige|yellow(?:ish)?|blue|green|pink|red|orange|purple|gr[ae]y|black|clear|colou?rless|cream|light brown|dark brown)"
            + "(?:,?\\s+[a-z0-9-]+){0,4}?,?\\s+(?:(?:smart\\s?|cell(?:ular)?\\s+|mobile\\s+)?phone|laptop|computer|handgun|pistol|revolver|rifle|shotgun|wallet|purse|backpack|knife|scale|(?:hooded\\s+)?sweatshirt|hoodie|jacket|coat|shirt|t-shirt|pants|jeans|shorts|shoes?|sneakers?|boots?|hat|cap|gloves?|mask|bandana|"
            + "sedan|truck|vehicle|powder(?:y)?|rock(?:-like)?|crystal(?:line)?|chunks?|tablets?|tabs|pills?|capsules?|plant\\s+material|vegetation|liquid|paste|tar|residue|substance|material)"
            + "(?:[^,;.]{0,40}imprint[^,;.]{0,20})?)");

    private static final Pattern EVIDENCE_NOUN = Pattern.compile("(?i)\\b(bag|baggies?|package|packet|envelope|container|evidence|pills|tablets|capsules|powder|substance|"
            + "drugs|narcotics|contraband|kit|currency|cash|firearm|handgun|pistol|phone|bottle|jar|bindles?|folds?)\\b");

    private CustodyProse() {
    }

    /**
     * What a document has been talking about: lab reports name the item once ("Item 3: one plastic bag ...") and
     * then tell its receipt, weight and analysis in sentences that do not repeat it.
     */
    /** A weight or count of several items at once. */
    private static final Pattern TOGETHER = Pattern.compile("(?i)\\b(together|total|totall?ing|combined|both|all\\s+(items|exhibits|\\w+\\s+items))\\b");

    public static final class Context {
        String item;
        /** The items the last sentence naming several spoke of ("Lab Items 2.1 and 2.2: Marijuana"), for what follows. */
        List<String> group = List.of();
        LocalDateTime time;
        dev.leverage.extract.nlp.CustodyNlp nlp;
        /** The last event told in the sentence being read, for a clause that leaves its verb out ("and Item 2 at 1445 hrs"). */
        CustodyEvent told;
        String toldIn;
        /** The items of the last act told in the sentence being read, for "and delivered them at 1100 hrs". */
        List<String> toldItems = List.of();
        boolean partNow, partBefore;

        /** A receipt told above a list of items ("received from DFM Blackwood:"), for the lines under it. */
        Pending pending;

        /** The items the whole document names, for "both items" and "two sealed envelopes". */
        List<String> all = List.of();
        /** Items the document says were not submitted, sent or received. */
        java.util.Set<String> notReceived = java.util.Set.of();

        /** Sets the items a document names one by one ("Item 1", "Exh. 2A"; not the numbers after a list's comma). */
        public Context among(String documentText) {
            java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
            Matcher m = ONE_ITEM.matcher(documentText);
            while (m.find()) keys.add(Prefilter.replaceFirst(m.group(1), "^0+(?=\\d)", "").toUpperCase(java.util.Locale.ROOT));
            this.all = List.copyOf(keys);
            // "Items 2 and 3 were not submitted": items the document names only to say they never reached it
            java.util.Set<String> never = new java.util.HashSet<>();
            for (String sentence : documentText.split("(?<=[.;])\\s+|\\n\\s*\\n")) {
                if (Prefilter.find(NOT_RECEIVED, sentence)) never.addAll(items(sentence));
            }
            this.notReceived = never;
            return this;
        }

        /** What a receipt above a list gave alone, when no list followed it before the document ended. */
        public List<CustodyEvent> flush() {
            List<CustodyEvent> out = pending == null ? List.of() : pending.alone();
            pending = null;
            return out;
        }

        /** The trained custody models this document's sentences are read with, or null for rules alone. */
        public Context with(dev.leverage.extract.nlp.CustodyNlp nlp) {
            this.nlp = nlp;
            return this;
        }

        public String item() {
            return item;
        }

        /** Notes the item a sentence names when it names exactly one. */
        public void saw(String sentence) {
            // a part the lab numbered under the item ("1A  Methamphetamine identified.") and the sentence after it
            partBefore = partNow;
            partNow = Prefilter.find(PART_LABEL, sentence);
            if (sentence.strip().startsWith("(")) return; // an aside names an item without turning to it
            List<String> items = items(sentence);
            if (items.size() == 1) item = items.get(0);
            else if (items.size() > 1) item = null;
        }
    }

    private static final Pattern PART_LABEL = Pattern.compile("^\\s*(\\d{1,3}[A-Z])\\s{2,}\\S");
    private static final Pattern FIELD_GAP = Pattern.compile("(?<=\\S)[ \\t]{3,}(?=\\S)");

    /** A receipt told above a list of items, waiting for the list's lines. */
    record Pending(String clause, LocalDateTime when, String actor, List<CustodyEvent> alone) {
    }

    /** The entries of a list, one per line that names an item, each with the lines that continue it. */
    static List<String> listEntries(String text) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\n")) {
            if (!items(line).isEmpty() || current == null) {
                if (current != null) entries.add(current.toString());
                current = new StringBuilder(line);
            } else {
                current.append('\n').append(line);
            }
        }
        if (current != null) entries.add(current.toString());
        return entries;
    }

    private static final Pattern ARROW = Pattern.compile("^\\s*(.+?)\\s*(?:->|→|=>)\\s*([^,;]+?)\\s*(?:[,;]\\s*(.*))?$");

    /**
     * A custody history line written as "A -> B, remarks" after its date and time ("05/10/2024 1840  Ofc. L. Duarte
     * #604 -> Property Officer V. Stavros #P3, sealed PE-20917, qty 12").
     */
    public static CustodyEvent arrow(Document d, Page page, String line, String rest, LocalDateTime when, String item, int[] order) {
        // "2:49 pm   CS -> ...": the clock's "pm" left before the releaser belongs to the time; "-> SA M. Callahan (LDO,
        // field weigh, sealed S-0419952)": the aside after the receiver is the remarks.
        rest = Prefilter.replaceFirst(Prefilter.replaceAll(rest, "\\s{2,}", " "), "^\\s*(?i:[ap]\\.?m\\.?)\\s+", "")
                .replaceFirst("((?:->|→|=>)\\s*[^(,;]+?)\\s*\\(([^()]*)\\)", "$1, $2");
        Matcher m = ARROW.matcher(rest);
        if (!m.matches() || item == null) return null;
        String remarks = m.group(3);
        Double grams = CustodyText.grams(line);
        return new CustodyEvent(item, when, m.group(1).strip(), m.group(2).strip(), remarks, null, CustodyText.sealNumber(Prefilter.replaceAll(line, "(?i)sealed\\s+", "seal ")),
                CustodyText.sealStatus(line), count(Prefilter.replaceAll(line, "(?i)qty\\s*(\\d+)", "$1 units")), grams, grams == null ? null : CustodyText.weightKind(line),
                null, CustodyText.action(remarks), "table", order[0]++, Citation.of(d, page, line));
    }

    private static final Pattern LISTED_COUNT = Pattern.compile("(?i)((?:lab\\s+)?(?:item|exhibit|exh\\.|pkg\\.?|package|article|specimen)\\s*(?:no\\.?\\s*)?#?\\s*\\d{1,3}[A-Z]?)\\s+[-–]\\s+\\d{1,3}");
    private static final Pattern ONE_ITEM = Pattern.compile("(?i)\\b(?:items?|exhibits?|exh\\.|pkgs?\\.?|packages?|articles?|specimens?|(?-i:Lots?))\\s*(?:no\\.?\\s*)?#?\\s*(\\d{1,3}[A-Z]?)\\b(?!\\.\\d)");
    private static final Pattern ALL_ITEMS = Pattern.compile("(?i)\\b(?:both|all(?:\\s+(?:two|three|four|five|six|\\d{1,2}))?|the\\s+(?:two|three|four|five|six)|(?:two|three|four|five|six|\\d{1,2})\\s+sealed)\\s+"
            + "(?:(?:sealed|evidence|of\\s+the)\\s+){0,2}(?:items|exhibits|envelopes|packages|bags|containers|boxes|parcels)\\b"
            // "resealed each item with tape T24-1877-01, -02 and -03 respectively"
            + "|\\b(?:each|every)\\s+(?:one\\s+)?(?:of\\s+the\\s+)?(?:sealed\\s+|evidence\\s+)?(?:items?|exhibits?|envelopes?|packages?|bags?|containers?|cans?|boxes?|parcels?)\\b");

    /** Whether a text tells a custody act (a verb of hand-off, storage, sealing or analysis). */
    public static boolean tellsCustody(String text) {
        return Prefilter.find(CUE, text);
    }

    /**
     * Where a text starts a second custody act joined by "and" ("... at 11:20 a.m. with seal 0462291 and released
     * on December 6, 2024 at 2:00 p.m."): the index of the "and", or -1.
     */
    public static int joinedAct(String text) {
        Matcher m = JOINED_ACT.matcher(text);
        return m.find() ? m.start() : -1;
    }

    private static final Pattern JOINED_ACT = Pattern.compile("(?i)[\\s,]+and\\s+(?:then\\s+|later\\s+|subsequently\\s+)?(?:was\\s+|were\\s+)?(?=" + CUE.pattern().substring(4) + ")");

    /** The item keys a text names. */
    public static List<String> items(String text) {
        // An aside that tells the item's history ("(\"30 tablets split from item 2\")") names an item the sentence is not
        // about, where the sentence names one outside it. (An aside naming the item's tag is its identity, and stays.)
        if (text != null && text.indexOf('(') >= 0 && Prefilter.find(HISTORY_ASIDE, text)) {
            List<String> outside = itemsIn(HISTORY_ASIDE.matcher(text).replaceAll(" "));
            if (!outside.isEmpty()) return outside;
        }
        return itemsIn(text);
    }

    private static List<String> itemsIn(String text) {
        List<String> items = new ArrayList<>();
        String t = ItemKey.withoutLabLabels(text);
        Matcher im = ITEM.matcher(t);
        boolean may = Prefilter.mayMatch(ITEM, t);
        while (may && im.find()) {
            // "resealed with WSCL evidence tape T24-1877-01": a tape numbered like a tag is a seal, not an item.
            if (Prefilter.matches(im.group(), "(?:[A-Z]{1,4}-?)?\\d{2,4}-\\d{3,7}-\\d{1,4}[A-Z]?")
                    && Prefilter.matches(t.substring(Math.max(0, im.start() - 40), im.start()), "(?is).*\\b(tape|seal|seals|sealed|strip|closure|pouch|bag|envelope|sleeve)\\b[^.;]{0,25}$")) continue;
            String label = im.group();
            // "Item 1 - 12 steel gaffs": one item, then its count, not items 1 to 12.
            Matcher listed = LISTED_COUNT.matcher(label);
            if (listed.matches() && Prefilter.matches(t.substring(im.end()), "(?s)\\s+[a-z(].*")) label = listed.group(1);
            for (String k : ItemKey.of(label)) if (!items.contains(k)) items.add(k);
        }
        return items;
    }

    /**
     * The custody events a sentence tells, one per item it names.
     *
     * @param clause     the part of the sentence around the time, or the whole sentence
     * @param when       the time the clause carries, or null
     * @param actor      who the sentence says acted (its subject), or null
     * @param author     who wrote the document, for "I" and "me"
     * @param singleItem the item a one-item form is about, used when the sentence names none
     */
    public static List<CustodyEvent> read(Document d, Page page, String sentence, String clause, LocalDateTime when,
                                          String actor, String author, String singleItem, int[] order) {
        return read(d, page, sentence, clause, when, actor, author, singleItem, new Context(), order);
    }

    public static List<CustodyEvent> read(Document d, Page page, String sentence, String clause, LocalDateTime when,
                                          String actor, String author, String singleItem, Context context, int[] order) {
        // A form line sets its fields apart with runs of spaces ("from Dep. L. Molina         Analyst: ..."): a name does
        // not run across one. The run keeps its length, so the clause's offsets stay the sentence's.
        clause = FIELD_GAP.matcher(clause).replaceAll(r -> ";" + " ".repeat(r.group().length() - 1));
        // A receipt told once above a list ("... Barnaby Quist received from DFM Blackwood:" and then a line per item):
        // each line is that receipt for its item, with the line's own seal, condition and count, cited to the line.
        if (context.pending != null) {
            Pending p = context.pending;
            if (!items(clause).isEmpty() && !tellsCustody(clause)) {
                List<CustodyEvent> out = new ArrayList<>();
                for (String entry : listEntries(clause)) {
                    String told = p.clause().strip() + " " + Prefilter.replaceAll(entry.strip(), "\\s+", " ");
                    for (CustodyEvent e : readClause(d, page, told, told, p.when(), p.actor(), author, singleItem, context, order)) {
                        out.add(e.citing(Citation.of(d, page, entry.strip())));
                    }
                }
                context.pending = new Pending(p.clause(), p.when(), p.actor(), List.of());
                return out;
            }
            // No list followed: the receipt is what it would have been alone.
            context.pending = null;
            List<CustodyEvent> out = new ArrayList<>(p.alone());
            out.addAll(read(d, page, sentence, clause, when, actor, author, singleItem, context, order));
            return out;
        }
        boolean listHead = clause.strip().endsWith(":") && Prefilter.matches(clause, "(?is).*\\b(from|following)\\b.*")
                // a laboratory's receipt sentence that names no item, with the items listed under it
                || d.type().startsWith("lab") && Prefilter.matches(clause, "(?is).*\\b(received|accepted)\\b.*\\bfrom\\b.*");
        if (listHead && tellsCustody(clause) && items(clause).isEmpty()) {
            List<CustodyEvent> alone = readClause(d, page, sentence, clause, when, actor, author, singleItem, context, order);
            context.pending = new Pending(Prefilter.replaceFirst(Prefilter.replaceAll(clause, "\\s+", " "), ":\\s*$", ""), when, actor, alone);
            return List.of();
        }
        // Two hand-offs in one clause ("I obtained Item 1 from the property room and delivered it to the lab"): each
        // is its own event, the second about the item the first names.
        Matcher first = HANDOFF.matcher(clause);
        if (first.find()) {
            Matcher second = HANDOFF.matcher(clause);
            if (second.find(first.end())) {
                String between = clause.substring(first.end(), second.start());
                Matcher and = Pattern.compile("(?i)\\s(?:and|,)\\s+(?:then\\s+|later\\s+|subsequently\\s+)?$").matcher(between);
                if (and.find() && between.length() < 90 && !between.contains(";")) {
                    int cut = first.end() + and.start();
                    String part1 = clause.substring(0, cut);
                    String part2 = clause.substring(0, first.start()) + clause.substring(second.start());
                    List<String> named = items(part1);
                    List<CustodyEvent> out = new ArrayList<>(readClause(d, page, sentence, part1, when, actor, author, singleItem, context, order));
                    String carried = named.size() == 1 ? named.get(0) : singleItem;
                    out.addAll(readClause(d, page, sentence, part2, when, actor, author, carried, context, order));
                    return out;
                }
            }
        }
        return readClause(d, page, sentence, clause, when, actor, author, singleItem, context, order);
    }

    private static List<CustodyEvent> readClause(Document d, Page page, String sentence, String clause, LocalDateTime when,
                                                 String actor, String author, String singleItem, Context context, int[] order) {
        List<CustodyEvent> out = new ArrayList<>();
        // A heading ("RESEALING AND RETURN", "CHAIN OF CUSTODY") names a section, not an event.
        if (!sentence.chars().anyMatch(Character::isLowerCase) && sentence.strip().split("\\s+").length <= 8) return out;
        // So does a run-in heading of a word or two ("Resealing.", "Chain of custody.").
        // A numbered one ("4. Reseal.") too.
        if (Prefilter.matches(sentence.strip(), "(\\(?\\d{1,2}[.)]\\s*)?[A-Z][A-Za-z-]*(\\s+[a-z][A-Za-z-]*){0,2}[.:]")) return out;
        // And a heading on its own line with no stop ("Reseal", "Release", "Evidence Received").
        if (Prefilter.matches(sentence.strip(), "[A-Z][A-Za-z-]*(\\s+[A-Z][A-Za-z-]*){0,2}")) return out;
        clause = runIn(sentence, clause);
        Matcher cue = CUE.matcher(clause);
        // A hand-off verb names the event over sealing or analysing in the same sentence ("I sealed ... and released ... to").
        Matcher handoff = HANDOFF.matcher(clause);
        boolean hasCue;
        if (findCue(handoff, clause)) {
            cue = handoff;
            hasCue = true;
        } else {
            hasCue = findCue(cue, clause);
        }
        List<String> items = items(clause);
        CustodyEvent carriedFrom = null;
        // "... and delivered them at 1100 hrs to the laboratory": a later act of the same sentence about the items the
        // act before it named.
        if (items.isEmpty() && sentence.equals(context.toldIn) && !context.toldItems.isEmpty()
                && Prefilter.matches(clause, "(?is).*\\b(them|it|they|both|the\\s+(?:items|exhibits|evidence|bags|cans|packages|envelopes))\\b.*")) {
            items.addAll(context.toldItems);
            carriedFrom = context.told;
        }
        // Only a lab report or a custody form keeps talking about one item without naming it; a narrative moves on.
        boolean carries = d.type().startsWith("lab") || d.type().equals("custody_log");
        if (!carries) context.item = null;
        // A form's label is not an event ("NAME, GRADE AND TITLE OF PERSON FROM WHOM RECEIVED: SGT Tyrell Osgood").
        if (hasCue && cue.end() < clause.length() && Prefilter.matches(clause.substring(cue.end()), "(?s)\\s*:.*") && cue.group(1).equals(cue.group(1).toUpperCase())) return out;
        // A record's one item stands for "the bag" or "the evidence" in a narrative, not for the suspect "placed in
        // the patrol car".
        if (singleItem != null && items.isEmpty() && context.item == null && !carries && !Prefilter.find(EVIDENCE_NOUN, clause)) return out;
        // The packaging's own weight ("The empty evidence bag weighed 36.2 g") is not the item's.
        boolean packagingWeight = Prefilter.matches(sentence, "(?is).*\\b(empty|packaging|wrapping|wrappers?|tare|inner\\s+packaging|evidence\\s+bag|the\\s+bag|container|box)\\b[^.;]{0,100}\\b(weighed|weight|weighs)\\b.*")
                && !Prefilter.matches(sentence, "(?is).*\\b(contents?|substance|material|powder|net)\\b.*");
        // "1A  Methamphetamine identified.  Net weight 1.62 g" under Item 1: the weight of a part the lab numbered, not
        // of the item ("Total net weight: 3.18 g" is)
        Matcher partLabel = PART_LABEL.matcher(sentence);
        boolean partWeight = context.item != null && (partLabel.find() && !context.all.contains(partLabel.group(1).toUpperCase(java.util.Locale.ROOT))
                || context.partBefore && items(sentence).isEmpty() && !Prefilter.find(TOGETHER, sentence));
        boolean weightFact = !packagingWeight && !partWeight && CustodyText.grams(sentence) != null && Prefilter.matches(sentence, "(?is).*\\b(gross|net|weight|weighed)\\b.*")
                && !Prefilter.matches(sentence, "(?is).*\\b(each|per unit|average|mean|individual|sample\\w*|combined|extrapolat\\w*|estimated|representative|units?\\s+(analy[sz]ed|tested)|analy[sz]ed\\s+units?|of the \\w+ units)\\b.*")
                && sentence.split("(?i)\\d\\s?(g|grams?)\\b", -1).length <= 3
                // "Net plant material: 9.41 g and 9.37 g": the weights of units one by one, not the item's
                && !Prefilter.matches(sentence, "(?is).*\\d\\s?(g|grams?)\\s*(,|and|&)\\s*\\d+(\\.\\d+)?\\s?(g|grams?)\\b.*");
        boolean facts = weightFact || Prefilter.find(DESCRIPTION, sentence) || CustodyText.sealStatus(sentence) != null || CustodyText.sealNumber(sentence) != null || Prefilter.find(COUNT, sentence) && Prefilter.matches(sentence, "(?is).*\\b(contents|count|received|consisted|contained|containing)\\b.*")
                || Prefilter.find(TOTAL, sentence);
        // A verbless conjunct of the sentence's last event ("... and Item 2 at 3:25 p.m. with SWFL seal 25-0417") is
        // that event again for its own item, with its own time and facts.
        if (!hasCue && items.size() == 1 && context.told != null && sentence.equals(context.toldIn)
                && Prefilter.matches(clause.strip(), "(?is)(?:and\\s+)?(?:lab\\s+)?(?:items?|exhibits?|exh\\.)\\s*(?:no\\.?\\s*)?#?\\s*[\\w.]{1,6}\\s+(?:was\\s+|were\\s+)?(?:at|on|with)\\b.*")) {
            CustodyEvent t = context.told;
            Matcher dm = DESCRIPTION.matcher(clause);
            Double grams = Prefilter.matches(clause, "(?is).*\\b(gross|net|weight|weighed)\\b.*") ? CustodyText.grams(clause) : null;
            out.add(new CustodyEvent(items.get(0), when != null ? when : t.time(), t.releasedBy(), t.receivedBy(), t.purpose(), t.location(),
                    CustodyText.sealNumber(clause), CustodyText.sealStatus(sentence), count(clause), grams, grams == null ? null : CustodyText.weightKind(clause),
                    dm.find() ? dm.group(1) : null, t.action(), "narrative", order[0]++, Citation.of(d, page, sentence)));
            return out;
        }
        if (!hasCue) {
            // A lab report's section heading names the item the lines under it describe ("Item 1. One plastic zip bag").
            if (carries && items.size() == 1 && Prefilter.matches(clause.strip(), "(?is)(lab\\s+)?(item|exhibit|exh\\.)\\s*#?\\s*[\\w.-]{1,8}\\s*[.:)].*")) context.item = items.get(0);
            // A sentence of facts about the item in hand ("Gross weight as received: 38.9 g", "Contents: 22 baggies").
            namedTogether(context, d.type().startsWith("lab"), items);
            if (!facts || items.size() > 1) return out;
            // A total for the items named together ("Total with packaging: 9.68 g") is no one item's.
            if (items.isEmpty() && context.item == null && !context.group.isEmpty()) return out;
            if (items.isEmpty() && weightFact && context.all.size() > 1 && Prefilter.find(TOGETHER, sentence)) return out;
            if (items.isEmpty() && context.item == null && singleItem == null) return out;
            String item = items.isEmpty() ? (context.item != null ? context.item : singleItem) : items.get(0);
            // A sentence about several items ("Item 1 at 1130 hrs with seal T-5107, Item 2 at 1135 hrs with T-5108") gives
            // each item only the facts of its own clause.
            String facts1 = items(sentence).size() > 1 ? clause : sentence;
            out.add(observation(d, page, sentence, facts1, item, when != null ? when : context.time, weightFact, order));
            return out;
        }
        boolean inferred = items.isEmpty();
        // The trained categorizer vetoes a verb-triggered event in a sentence about no numbered item when it is sure
        // the sentence tells no custody ("HESS was arrested and transported to the Troop F barracks").
        // A sentence that names a seal or a sealing is about the evidence whatever the model thinks.
        if (inferred && context.nlp != null && CustodyText.sealNumber(clause) == null && !Prefilter.matches(clause, "(?is).*\\b(re-?)?seal(s|ed|ing)?\\b.*")) {
            dev.leverage.extract.nlp.SentenceCategorizer.Category cat = context.nlp.categorize(clause);
            if (cat.isNone() && cat.probability() >= 0.8) return out;
        }
        // "Both items were resealed", "Two sealed evidence envelopes were delivered": every item the document names.
        if (items.isEmpty() && context.all.size() > 1 && Prefilter.find(ALL_ITEMS, clause)) items.addAll(context.all);
        // "Lab Items 2.1 and 2.2: Marijuana. ... Resealed by U. Marchbanks with seal 2290388": the items last named together.
        if (items.isEmpty() && context.item == null && !context.group.isEmpty()) items.addAll(context.group);
        // A laboratory's receipt that names no item ("Received 2025-05-12 13:40 by L. Strand from the courier", the items
        // listed under it) is the receipt of every item the report names.
        if (items.isEmpty() && context.item == null && singleItem == null && d.type().startsWith("lab") && context.all.size() > 1
                && Prefilter.matches(cue.group(1), "(?i)received|accepted|accessioned")) {
            for (String k : context.all) if (!context.notReceived.contains(k)) items.add(k);
        }
        if (items.isEmpty() && context.item != null) items.add(context.item);
        if (items.isEmpty() && singleItem != null) items.add(singleItem);
        if (items.isEmpty()) return out;
        String verb = Prefilter.replaceAll(cue.group(1).toLowerCase(), "\\s+", " ");
        // "Request Received: 03/17/2025", "the report was returned": paperwork moving, not the item.
        if (Prefilter.matches(clause.substring(0, cue.start()), "(?is).*\\b(request|requests|report|form|letter|memo|paperwork|subpoena|order|results?|invoice|e-?mail)\\s+(?:was\\s+|were\\s+)?$")) return out;
        // "Item 1 was not placed in Locker E-1", "never logged": an act the record says did not happen.
        if (Prefilter.matches(clause.substring(0, cue.start()), "(?is).*\\b(not|never)\\s+(?:been\\s+)?$")) return out;
        // "The evidence refrigerator is kept locked": a standing arrangement in the present tense, not an event.
        if (Prefilter.matches(clause.substring(0, cue.start()), "(?is).*\\b(is|are)\\s+(?:always\\s+|normally\\s+|usually\\s+)?$")) return out;
        String subject = subject(clause, cue.start(), actor, author);
        String released = null, received = null, location = null, action;
        Matcher to = TO.matcher(clause.substring(cue.end()));
        Matcher from = FROM.matcher(clause);
        Matcher by = BY.matcher(clause);
        // "placed Item 1 (the vials in the cooler insert) in a commission evidence bag": an aside names no place.
        Matcher place = PLACE.matcher(Prefilter.replaceAll(clause, "\\([^()]*\\)", " "));
        String placeText = place.find() ? place.group(1).strip() : null;
        switch (verb) {
            case "received", "accepted", "took custody", "retrieved", "obtained", "checked out", "collected", "recovered", "seized", "located", "found", "discovered" -> {
                // "received ... - delivered by SGT Ilka Varnavas": a "by" after a verb of delivering names the deliverer.
                String byWho = null;
                while (by.find()) {
                    if (Prefilter.matches(clause.substring(Math.max(0, by.start() - 30), by.start()), "(?is).*\\b(delivered|submitted|transported|brought|released|hand[- ]?carried|carried|couriered|sent|relinquished|turned\\s+over|surrendered)\\s*$")) {
                        if (released == null) released = who(by, clause, author);
                    } else if (byWho == null) byWho = who(by, clause, author);
                }
                received = byWho != null ? byWho : subject;
                if (from.find()) released = who(from, clause, author);
                if (received == null && d.type().startsWith("lab") && verb.equals("received")) received = author != null ? author : "laboratory";
                action = Prefilter.matches(verb, "seized|collected|recovered|located|found|discovered") ? "seized"
                        : d.type().startsWith("lab") && verb.equals("received") && !Prefilter.find(COURIER_RECEIPT, clause) ? "lab_received" : "transfer";
            }
            case "placed", "secured", "stored", "kept", "locked", "logged", "booked" -> {
                if (placeText != null && Prefilter.matches(PACKAGING, placeText) && !Handlers.isSecureStorage(placeText)) {
                    // Packaging: the one who packs it still holds it, and the package is not sealed by being filled.
                    received = subject;
                    action = "packaged";
                } else {
                    released = subject;
                    received = placeText;
                    location = placeText;
                    action = "stored";
                }
            }
            case "analyzed", "analysed", "analysis", "tested", "examined", "weighed", "opened", "sealed", "resealed", "re-sealed" -> {
                released = null;
                received = by.find() ? who(by, clause, author) : subject;
                action = verb.startsWith("anal") || verb.equals("weighed") ? "analyzed" : verb.startsWith("re") ? "resealed" : verb.equals("opened") ? "opened" : "sealed";
            }
            default -> { // released, transferred, handed, turned over, relinquished, delivered, submitted, transported, returned
                released = subject;
                // "I received Items 1-3 from ... and delivered them to the laboratory": who received them delivers them.
                if (released == null && carriedFrom != null) released = carriedFrom.receivedBy();
                if (to.find()) received = who(to, clause.substring(cue.end()), author);
                // "Released to Det. Nordstrom on 06/04 at 1325 hrs by L. Quintero": the passive names the releaser after "by".
                // "Both items released 2025-05-27 10:00 to ... by R. Montejo": a verb after only the items is a passive too.
                boolean passive = Prefilter.matches(clause.substring(0, cue.start()), "(?is)\\s*|.*\\b(was|were|been|being)\\s+$")
                        || Prefilter.matches(clause.substring(0, cue.start()), "(?is)\\s*(?:both|all|the|these|said)?\\s*(?:items?|exhibits?|articles?|packages?|specimens?)\\s*(?:(?:no\\.?|#)?\\s*\\d{1,3}[A-Z]?(?:\\s*(?:,|and|&|-)\\s*\\d{1,3}[A-Z]?)*)?\\s+$");
                Matcher byAfter = BY.matcher(clause.substring(cue.end()));
                if (byAfter.find() && (released == null || passive)) released = who(byAfter, clause.substring(cue.end()), author);
                else if (by.find() && released == null) released = who(by, clause, author);
                action = verb.equals("submitted") || Prefilter.matches(clause, "(?is).*\\b(lab|laboratory)\\b.*") && !verb.equals("returned") ? "submitted"
                        : verb.equals("returned") ? "returned" : "transfer";
            }
        }
        // Where the patterns find no one, the trained name finder's handler or location after the verb is taken.
        if (context.nlp != null && (received == null && (action.equals("transfer") || action.equals("submitted")) || location == null && action.equals("stored"))) {
            int verbEnd = cue.end();
            for (dev.leverage.extract.nlp.CustodyNlp.Entity e : context.nlp.entities(clause)) {
                if (e.start() < verbEnd || e.probability() < 0.5) continue;
                if (e.type().equals("handler") && received == null && !action.equals("stored") && !Handlers.same(e.text(), released)) {
                    received = e.text();
                } else if (e.type().equals("location") && action.equals("stored") && location == null) {
                    location = e.text();
                    if (received == null) received = e.text();
                }
            }
        }
        if (verb.startsWith("analy") || verb.equals("tested") || verb.equals("examined")) action = "analyzed";
        // An officer's field test or field weight is not the lab's analysis.
        if ("analyzed".equals(action) && (!d.type().startsWith("lab") && !Prefilter.matches(sentence, "(?is).*\\b(lab|laboratory|chemist|criminalist|analyst)\\b.*")
                || Prefilter.matches(sentence, "(?is).*\\bfield[- ]?(weigh|test|kit)\\w*.*"))) action = "field_tested";
        String outside = CustodyText.outsideSystem(clause);
        if (outside != null) location = placeText != null ? placeText : outside;
        // Seals, counts and weights belong to an item only when the sentence names just that one, or when the
        // sentence tells several items each in its own clause and this clause names one.
        String factText = items(sentence).size() > 1 && items.size() == 1 && items(clause).size() == 1 ? clause : sentence;
        boolean one = items.size() == 1 && items(factText).size() <= 1;
        String seal = one ? CustodyText.sealNumber(factText) : null;
        String sealStatus = CustodyText.sealStatus(sentence);
        // What was analysed or consumed ("in one (1) tablet analyzed") is a part, not the item's count.
        Integer count = one && !action.equals("analyzed") && !action.equals("field_tested") ? count(factText) : null;
        Double grams = weightFact && one ? CustodyText.grams(factText) : null;
        String kind = grams == null ? null : CustodyText.weightKind(factText);
        Matcher dm = DESCRIPTION.matcher(factText);
        String description = dm.find() && items.size() == 1 ? dm.group(1) : null;
        Citation cite = Citation.of(d, page, sentence);
        for (String item : items) {
            CustodyEvent e = new CustodyEvent(item, when, released, received, verb, location, seal, sealStatus, count, grams, kind, description,
                    action, "narrative", order[0]++, cite);
            out.add(e);
            context.told = e;
            context.toldIn = sentence;
        }
        context.toldItems = List.copyOf(items);
        if (items.size() == 1) context.item = items.get(0);
        namedTogether(context, d.type().startsWith("lab"), items);
        if (when != null) context.time = when;
        return out;
    }

    // "RECEIPT - 03/05/2025, 0915 hrs, from Ofc. Theo Landreneau, by ...", "4. RESEAL - by Y. Boudreaux-Kline on 03/20/2025:
    // Exhibit A at 1330 hrs ...; Exhibit B at 1345 hrs ...": a report's run-in label names the act its paragraph tells.
    private static final Pattern RUN_IN = Pattern.compile("(?:\\(?\\d{1,2}[.)]\\s*)?(RECEIPT|RECEIVED|RESEAL(?:ING)?|RELEASE|SUBMISSION|RETURN|TRANSFER|INTAKE|Receipt|Reseal(?:ing)?|Release|Submission|Transfer|Intake)\\s*(?:[-\u2013\u2014]+|:)\\s+(?=\\S)");

    /**
     * The clause with its paragraph's run-in label read as the verb it stands for, when the clause has no verb of its
     * own: "RESEAL - by Y. Boudreaux-Kline on 03/20/2025: Exhibit A at 1330 hrs" reads as "resealed by Y. ...", and the
     * sentence's next clause ("Exhibit B at 1345 hrs in SSCL bag SSCL 25-0488-B") as "resealed Exhibit B at 1345 hrs ...".
     */
    static String runIn(String sentence, String clause) {
        Matcher label = RUN_IN.matcher(sentence.strip());
        if (!label.lookingAt() || CUE.matcher(clause).find()) return clause;
        // A hand-off label reads only with its roles written out ("from A, by B"); "Release: 09:15, A to B" names no
        // releaser the sentence reader could tell from the narrator.
        if (!label.group(1).toUpperCase(java.util.Locale.ROOT).startsWith("RESEAL") && !Prefilter.matches(clause, "(?s).*\\b(by|from)\\s+\\S.*")) return clause;
        String verb = switch (label.group(1).toUpperCase(java.util.Locale.ROOT)) {
            case "RECEIPT", "RECEIVED", "INTAKE" -> "received";
            case "RESEAL", "RESEALING" -> "resealed";
            case "RELEASE" -> "released";
            case "SUBMISSION" -> "submitted";
            case "RETURN" -> "returned";
            default -> "transferred";
        };
        Matcher here = RUN_IN.matcher(clause.strip());
        return verb + " " + (here.lookingAt() ? clause.strip().substring(here.end()) : clause.strip());
    }

    /** What a lab report's sentence that names several items leaves behind: the group, and no single item in hand. */
    private static void namedTogether(Context context, boolean labReport, List<String> items) {
        if (!labReport || items.size() < 2) return;
        context.item = null;
        context.group = List.copyOf(items);
    }

    /**
     * The next custody verb in a clause, passing over a person coming back ("after Sgt. Attakai returned and
     * unlocked ER-1", "until I returned to duty"): an item handed back has an object or is passive ("returned Item
     * 1", "Item 1 was returned"), and a lab's "resealed ... and returned to the agency" is told by its resealing.
     */
    private static boolean findCue(Matcher m, String clause) {
        while (m.find()) {
            boolean personReturning = m.group(1).equalsIgnoreCase("returned")
                    && Prefilter.matches(clause.substring(m.end()), "(?is)\\s*(?:(?:to|from|and|at|home|on)\\b.*|[,.;]?\\s*)")
                    && !Prefilter.matches(clause.substring(0, m.start()), "(?is).*\\b(was|were|been|being|is|are)\\s+$");
            // "sampled by headspace of the bag as received": the state the item came in, not a receipt.
            // "as a comparison to syringes found in Barn 31": a participle describing other things, not a seizure.
            boolean participle = Prefilter.matches(m.group(1).toLowerCase(), "found|recovered|seized|collected|located|discovered|obtained")
                    && Prefilter.matches(clause.substring(0, m.start()), "(?s).*\\b[a-z]{3,}s\\s+$")
                    && !Prefilter.matches(clause.substring(0, m.start()), "(?s).*\\b([a-z]*(er|or|ist|ant|ent|ive|ie|man|men|den|dens)s?|was|were|been|had|have|has|is|are|items|we|they|agents|officers)\\s+$");
            boolean asReceived = m.group(1).equalsIgnoreCase("received") && Prefilter.matches(clause.substring(0, m.start()), "(?is).*\\b(as|when|once|if)\\s+$");
            // "the bundles were returned to the original bag, which was sealed": repacking, told by its sealing.
            boolean repacked = m.group(1).equalsIgnoreCase("returned")
                    && Prefilter.matches(clause.substring(m.end()), "(?is)\\s+(?:in)?to\\s+(?:the|its|their)\\s+(?:original\\s+|same\\s+)?(?:\\w+\\s+)?(?:bag|package|packaging|envelope|container|box|jar|bottle)\\b.*");
            // "matching the submitted counts", "the received weight": a participle before its noun, not an act.
            boolean adjective = Prefilter.matches(clause.substring(0, m.start()), "(?is).*\\b(the|its|their|his|her|our)\\s+$")
                    && Prefilter.matches(clause.substring(m.end()), "(?s)\\s+[a-z]+.*") && Prefilter.matches(m.group(1), "(?i)submitted|received|released|returned|delivered|transferred");
            // "Items 1 and 2 will be submitted to the lab": what is planned has not happened
            boolean planned = Prefilter.matches(clause.substring(0, m.start()), "(?is).*\\b(will|shall|would|is\\s+to|are\\s+to|to)\\s+(then\\s+|later\\s+)?(be\\s+)?$");
            // "shipped Items 1-6 to the laboratory for dimensional, metallurgical and marking analysis": a purpose, not the act
            boolean purpose = Prefilter.matches(m.group(1), "(?i)analy[sz]is")
                    && Prefilter.matches(clause.substring(Math.max(0, m.start() - 80), m.start()), "(?is).*\\bfor\\s+(?:[\\w-]+,?\\s+){0,6}$");
            if (!personReturning && !asReceived && !participle && !repacked && !adjective && !planned && !purpose) return true;
        }
        return false;
    }

    /** Facts about the item in hand, read from its part of the sentence; the whole sentence is the quote. */
    private static CustodyEvent observation(Document d, Page page, String sentence, String part, String item, LocalDateTime when, boolean weightFact, int[] order) {
        Double grams = weightFact ? CustodyText.grams(part) : null;
        Matcher dm = DESCRIPTION.matcher(part);
        return new CustodyEvent(item, when, null, null, null, null, CustodyText.sealNumber(part), CustodyText.sealStatus(sentence),
                count(part), grams, grams == null ? null : CustodyText.weightKind(part), dm.find() ? dm.group(1) : null,
                "observed", "narrative", order[0]++, Citation.of(d, page, sentence));
    }

    // "two (2) tablets were consumed", "2 of 10 vials opened and consumed"
    private static final Pattern CONSUMED = Pattern.compile("(?i)\\b(?:(\\d{1,4})|[a-z-]+\\s*\\((\\d{1,4})\\))\\s+(?:of\\s+(?:the\\s+)?\\d{1,5}\\s+)?(?:[a-z-]+\\s+){0,4}(?:were\\s+|was\\s+)?(?:consumed|used|destroyed)\\b");

    /** How many units a record says were used up ("Three (3) tablets consumed in analysis"), or null. */
    public static Integer consumedCount(String s) {
        Matcher m = CONSUMED.matcher(s);
        if (!m.find()) return null;
        return Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** "Total devices received: eight (8)", "Total count: 23", "Number of units: 50". */
    private static final Pattern TOTAL = Pattern.compile("(?i)\\b(?:total|number\\s+of)\\s+(?:[a-z]+\\s+){0,2}?(?:count|devices|items|units|pieces|tablets|baggies|bags|packets|phones|rounds|cartridges|casings)(?:\\s+(?:received|counted|inventoried|recovered|seized))?\\s*:\\s*(?:(\\d{1,5})\\b|[a-z-]+\\s*\\((\\d{1,5})\\))");

    static Integer count(String s) {
        Matcher total = TOTAL.matcher(s);
        if (total.find()) return Integer.valueOf(total.group(1) != null ? total.group(1) : total.group(2));
        Matcher cm = COUNT.matcher(s);
        // "One (1) tablet was consumed in analysis; thirty-five (35) tablets remain": what is left is the count.
        boolean consumed = consumedCount(s) != null;
        while (cm.find()) {
            if (consumed && !Prefilter.matches(s.substring(cm.end()), "(?is)\\s*(?:were\\s+|are\\s+)?(remain|remaining|left|returned)\\b.*")) continue;
            // A lab's sample is not the item's count: "Four (4) baggies were selected and analyzed", "the remaining
            // forty-six (46) units were not analyzed", "5 of the 54 bags".
            String after = s.substring(cm.end());
            String before = s.substring(0, cm.start());
            if (Prefilter.matches(after, "(?is)\\s*(?:were|was)\\s+(?:then\\s+)?(?:randomly\\s+|arbitrarily\\s+)?(?:selected|analy[sz]ed|tested|sampled|examined|chosen|not\\s+analy[sz]ed|not\\s+tested)\\b.*")
                    || Prefilter.matches(before, "(?is).*\\b(remaining|sample\\s+of|analy[sz]ed|tested|sampled)\\s+(?:the\\s+)?$")) continue;
            // "Item 1 in evidence container CC-7" names an item, not one container.
            if (Prefilter.matches(s.substring(Math.max(0, cm.start() - 12), cm.start()), "(?is).*\\b(items?|exhibits?|exh\\.?|no\\.?|tag|lab\\s+item)\\s*#?\\s*$")) continue;
            return Integer.valueOf(cm.group(1) != null ? cm.group(1) : cm.group(2));
        }
        return null;
    }

    /** "I" (or a name) before the verb. */
    private static String subject(String clause, int verbAt, String actor, String author) {
        String before = clause.substring(0, verbAt);
        // "I" before the verb with no other name between: the writer did it.
        Matcher i = Pattern.compile("\\bI\\b").matcher(before);
        int lastI = -1;
        while (i.find()) lastI = i.end();
        if (lastI >= 0 && !Prefilter.matches(before.substring(lastI), "(?s).*\\b[A-Z][a-z]+\\s+[A-Z][a-z]+.*")) return author;
        // A name written right before the verb is its subject ("8:30 AM - B. Quist released Items 1-3 to ...",
        // "Intake Specialist Rufus Tennant received from SSG Oren Blackwood"), whatever other name the sentence has.
        Matcher named = NAME_BEFORE_VERB.matcher(before);
        if (named.find() && !Prefilter.matches(named.group(1), "(?s).*\\b(Item|Items|Exhibit|Lab|Laboratory|Evidence|Property|AM|PM|January|February|March|April|May|June|July|August|September|October|November|December)\\b.*")) return named.group(1);
        // The sentence's actor named only after the verb ("Released 09/24/2024 to Inv. C. Bexhill-Marr.") is its object, not its subject.
        int after = actor == null || before.contains(actor) ? -1 : clause.indexOf(actor, verbAt);
        if (after >= 0 && Prefilter.find(TO_WORD, clause.substring(verbAt, after))) return null;
        if (actor != null && !Prefilter.matches(before, "(?s).*\\b(was|were|been)\\s*$")) return actor;
        return null;
    }

    private static final Pattern HISTORY_ASIDE = Pattern.compile("(?i)\\([^()]{0,120}?\\b(split|formerly|originally|previously|retained\\s+as|combined|separated)\\b[^()]{0,120}\\)");
    private static final Pattern TO_WORD = Pattern.compile("\\bto\\b");
    private static final Pattern NAME_BEFORE_VERB = Pattern.compile("(?:^|[-–,:;]\\s*|\\s)((?:[A-Z][a-z]+\\s+|[A-Z]\\.\\s*|[A-Z]{2,5}\\.?\\s+){1,2}[A-Z][a-z][A-Za-z'-]+)\\s+(?:then\\s+|also\\s+|personally\\s+)?$");
    private static final Pattern ROLE_END = Pattern.compile("(?i)\\b(officer|custodian|clerk|technician|tech|analyst|chemist|criminalist|examiner|supervisor|sergeant|deputy|detective|agent|trooper)\\.?$");
    private static final Pattern APPOSITION = Pattern.compile("^,?\\s+((?:[A-Z][a-z]+\\s+|[A-Z]\\.\\s*){0,2}[A-Z][A-Za-z'-]+(?:\\s*#\\s?[\\w-]+)?)");

    /** Who a pattern caught; a role named without a name takes the name written after it ("the night Property Officer, Ida Gutierrez #P7"). */
    private static String who(Matcher m, String text, String author) {
        String s = m.group(1);
        if (Prefilter.find(ROLE_END, s.strip())) {
            Matcher ap = APPOSITION.matcher(text.substring(m.end(1)));
            if (ap.find()) s = s.strip() + ", " + ap.group(1);
        }
        return who(s, author);
    }

    private static String who(String s, String author) {
        String w = Prefilter.replaceAll(s.strip(), "[,.]$", "");
        return w.equalsIgnoreCase("me") || w.equalsIgnoreCase("the undersigned") ? author : w;
    }
}
