package dev.leverage.extract.timeline;

import dev.leverage.extract.Prefilter;
import dev.leverage.extract.nlp.EnglishModels;
import dev.leverage.extract.nlp.EventFeatures;
import dev.leverage.extract.nlp.TrainedModels;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.tokenize.TokenizerME;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Says which canonical event a clause tells of. The sentence categorizer trained on the project's labelled
 * sentences decides when it is confident; cue rules for wording that is exact in police paperwork ("final
 * response", "written warning", CAD status codes) decide otherwise. Both are measured on held-out sentences
 * (EventClassifierEvaluation). Not thread-safe: one per thread.
 */
public final class EventClassifier {
    public static final String OTHER = "other";

    /** How the decision is made; the default is measured best on the held-out set. */
    public enum Mode { MODEL, RULES, HYBRID }

    private static final Map<String, Pattern> RULES = new LinkedHashMap<>();

    static {
        // What a stop's lawfulness turns on besides the canonical events: the citation still being written (the
        // mission goes on), the driver told he may go (the mission is over), consent or a new reason to suspect
        // (a search after the mission needs one), entry into premises (a warrant search), the warrant's return.
        rule("citation_started", "\\b(began|begun|begin|started|start|was|were|am|continued|still)\\s+(writing|completing|filling\\s+out|preparing|typing|working\\s+on|drafting)\\b|^\\W*(\\w+\\s+){0,3}(writing|completing|preparing)\\s+(a\\s+|the\\s+)?(written\\s+)?(warning|citation|ticket|summons)\\b"
                // "I'm going to go write you a warning for that lamp": the writing is still to come
                + "|\\b(going\\s+to|gonna|i'?ll|will|about\\s+to)\\s+(go\\s+)?(write|issue|give|print|type|finish)\\s+(you\\s+|him\\s+|her\\s+|them\\s+)?(up\\s+)?(a\\s+|the\\s+|your\\s+)?(written\\s+)?(warning|citation|ticket|summons)\\b");
        rule("consent_refused", "\\b(asked|requested|sought|asked\\s+\\w+)\\s+(for\\s+)?(his|her|their|the\\s+driver'?s?)?\\s*(consent|permission)\\b.{0,90}(\\bno\\b|declined|refused|denied|rather\\s+(you|not)|\\bdidn'?t|did\\s+not|would\\s+not|wouldn'?t)|\\b(refused|declined|denied|did\\s+not|didn'?t|would\\s+not|wouldn'?t|withdrew|revoked)\\s+(\\w+\\s+){0,3}(consent|to\\s+(allow|permit|consent))");
        rule("consent", "\\b((he|she|they|the\\s+driver|the\\s+operator)\\s+((agreed|consented)\\s+to\\s+(a\\s+|the\\s+|my\\s+|our\\s+|let)|said\\s+(yes|sure|okay|ok|go\\s+ahead))\\b|consent(ed)?\\s+to\\s+(a\\s+|the\\s+|my\\s+|our\\s+)?(search|look)|gave\\s+(\\w+\\s+){0,2}consent|granted\\s+(\\w+\\s+){0,2}consent|verbal\\s+consent|written\\s+consent|consent\\s+to\\s+search|agreed\\s+to\\s+(a|the|my)\\s+search|(said|stated|replied)\\s+.{0,20}\\bgo\\s+ahead)");
        rule("suspicion", "\\b((odou?r|smell(ed)?|scent)\\s+(of\\s+)?(raw\\s+|burnt\\s+|fresh\\s+)?(marijuana|cannabis|mj|thc|narcotics|methamphetamine|meth|alcohol)|pc\\s+odou?r|plain[- ]view|in\\s+plain\\s+sight|(observed|saw|noticed|spotted)\\s+.{0,50}\\b(marijuana|cocaine|narcotics|paraphernalia|firearm|handgun|pistol|revolver|rifle|weapon|syringe|glass\\s+pipe|meth\\s+pipe|baggie|bindle|open\\s+container))");
        rule("free_to_go", "\\b(free\\s+to\\s+(go|leave)|(told|advised|informed)\\s+(him|her|them|the\\s+(driver|operator|occupants?))\\s+(that\\s+)?(he|she|they)\\s+(was|were|could)\\s+(free|leave|go)|(returned|handed\\s+back)\\s+(his|her|their|the\\s+driver'?s)\\s+(driver'?s\\s+)?(license|licence|documents|paperwork|id\\b|identification))");
        rule("entry", "\\b(made\\s+entry|forced\\s+entry|entry\\s+(was\\s+)?(made|gained|forced)|entered\\s+(the\\s+)?(residence|house|home|apartment|apt\\.?|premises|unit|room|motel\\s+room|suite|building|garage|dwelling|trailer|cabin|office|warehouse|storage\\s+unit)|breached\\s+the\\s+(front\\s+|rear\\s+)?door|knock\\s+and\\s+announce)\\b");
        // Words that name no event of the case: a command on a warrant's face, a briefing before it, an application for it.
        rule("instruction", "\\b(shall|must|may|will|should|is\\s+to|are\\s+to)\\s+(only\\s+)?(be\\s+)?(served|executed|execute|serve|returned|made)\\b|\\bbetween\\s+the\\s+hours\\s+of\\b"
                // "Items 1 and 2 will be submitted to the AG Digital Forensics Unit": a plan, not the act
                + "|\\b(will|shall|would|is\\s+to|are\\s+to|to)\\s+be\\s+(submitted|sent|delivered|transported|forwarded|analy[sz]ed|examined|tested|logged|booked|returned)\\b");
        // A witness shown a photo array or a lineup: an identification procedure, not the suspect's rights or a lab's work.
        rule("identification", "\\b(photo\\s*(array|line-?up|spread)|pre-?array|line-?up\\s+(instructions|administered|procedure)|show-?up\\s+identification|instructions\\s+(were\\s+)?read\\s+to\\s+(the\\s+)?witness)\\b");
        rule("briefing", "\\b(briefed|briefing|staged|staging|roll\\s+call|met\\s+at|pre-?raid|operations?\\s+plan)\\b");
        rule("warrant_in_hand", "\\bcame\\s+to\\s+(my\\s+)?hand\\b|\\brec(?:ei|ie)ved\\s+(the|this)\\s+(within\\s+)?warrant\\b");
        rule("warrant_applied", "\\b(reviewed|drafted|prepared|typed|presented|submitted|applied\\s+for|began\\s+(writing|drafting))\\b.{0,50}\\b(warrant|affidavit)|\\bwarrant\\s+(application|affidavit)\\b|\\baffidavit\\b.{0,40}\\b(sworn|submitted|presented)");
        rule("miranda", "\\b(miranda|advised .{0,30}rights|read .{0,40}\\brights\\b|right to remain silent|rights card|rights waiver)\\b");
        rule("k9_alert", "\\b(alert(ed|s)?|final response|positive (response|indication)|indicated (on|to)|gave an? (positive )?(indication|response)|he'?s sitting)\\b");
        rule("k9_requested", "(\\b(can|could|would)\\s+(i|we|you)\\s+(get|have)\\s+(a|the|your)\\s+(k-?9|dog|canine)|\\bneed\\s+(a|the)\\s+(k-?9|dog|canine)\\b|\\b(request\\w*|req'?d|req|call(ed)? for|asked for)\\b.{0,40}\\b(k-?9|canine|dog|sniff)\\b|\\b(k-?9|canine)\\b.{0,10}\\b(request\\w*|req'?d|req)\\b|requested by)");
        rule("k9_sniff", "\\b((k-?9|canine|dog)\\s+(deployed|deployment|deploy|sniff|search\\s+started|started)|sniff|free[- ]air|deployed (k-?9|canine|\\w+)\\b|k-?9 (search|deployment)|canine (search|deployment)|find it|(k-?9|canine|dog|\\b[A-Z][a-z]+\\b)\\s+began\\s+(his|her|its)\\s+(search|deployment|sniff)|began\\s+(a|the|an)\\s+(exterior\\s+|open[- ]air\\s+)?(k-?9|canine|dog)\\s+(search|deployment|sniff))");
        rule("k9_arrived", "(\\b(k-?9|canine|handler)\\b.{0,60}\\b(arr?iv\\w*|on scene|on-scene)|\\b(arr?iv\\w*|on scene)\\b.{0,40}\\b(k-?9|canine)\\b)");
        rule("warning_issued", "\\b(written warning|warning (was |were )?(issued|given|served)|issued .{0,40}warning|warning for|your warning|warning issued)\\b");
        rule("citation_issued", "(\\b(citation|ticket|summons|notice to appear)\\b.{0,40}\\b(issued|wrote|written|served|signed)\\b|\\b(issued|wrote|served)\\b.{0,40}\\b(citation|ticket|summons)\\b)");
        rule("warrant_signed", "\\bwarrant\\b[^.]{0,60}\\b(was|were|had\\s+been|has\\s+been|is|being|got)\\s+(signed|issued|authorized|approved|granted)\\b|\\b(signed|issued|authorized|approved|granted)\\s+(the|a|an|our|his|her|my|this)\\s+([\\w-]+\\s+){0,3}warrant|\\b(judge|magistrate|justice|commissioner)\\b[^.]{0,60}\\b(signed|issued|authorized|approved|granted)\\b|\\bwarrant\\s+(signed|issued)\\b");
        rule("warrant_executed", "\\bwarrant\\b.{0,60}\\b(executed|served|execution)\\b|\\b(executed|served)\\b.{0,40}\\bwarrant\\b");
        rule("warrant_returned", "\\b(return\\s+(of|on|to)\\s+(the\\s+)?(search\\s+)?warrant|warrant\\s+return|returned\\s+(the\\s+)?(search\\s+)?warrant|return\\s+(and\\s+inventory\\s+)?(was\\s+)?(filed|made|submitted)|inventory\\s+(was\\s+)?(filed|returned)|filed\\s+(the\\s+)?return)\\b");
        rule("transport", "^(?!.*\\b(lab|laboratory|arrest\\w*)\\b).*(\\b(transport\\w*|trans|conveyed|drove)\\b.{0,60}\\b(jail|booking|detention|sally port|county|acdc|acj|hospital|medical)|\\b(enrt|en ?route)\\b.{0,30}\\b(jail|booking|county|detention|acdc|acj)\\b|\\bw/ ?(1|one|\\d) in custody\\b|\\bwith one\\b.{0,20}\\b(in custody|female|male)?)");
        rule("arrest", "\\b(arrest(ed)?|under arrest|placed .{0,20}(in|into|under) (handcuffs|custody|arrest)|in custody|handcuffed)\\b");
        rule("lab_submitted", "\\b(submitted|delivered|transported)\\b.{0,60}\\b(lab|laboratory|crime lab)\\b|submitted for analysis");
        rule("lab_received", "\\b(rec(?:ei|ie)ved (by|at|in) (the )?(lab|laboratory)|laboratory rec(?:ei|ie)ved|lab rec(?:ei|ie)ved|was rec(?:ei|ie)ved on|were rec(?:ei|ie)ved on|rec(?:ei|ie)ved on \\d)");
        rule("lab_analyzed", "\\b(analy[sz](ed|is)|examined|tested)\\b.{0,60}\\b(lab|gc-?ms|ftir|performed|instrument)\\b|\\banalysis (was )?performed\\b"
                // a digital forensic examiner's work: "I performed a full file system extraction of item 1", "I imaged the drive"
                + "|\\b(performed|conducted|completed)\\s+(a|an|the)\\s+([\\w-]+\\s+){0,4}(extraction|acquisition|forensic\\s+examination)\\b|\\bi\\s+imaged\\s+the\\b");
        rule("search", "\\b(search(ed)? (of )?(the )?(vehicle|car|residence|trunk|person|interior|cabin)|probable cause search|began (a |the )?search|conducted a search|search of"
                // a search under another name: "VEH INSPECTION", "a security inspection of the vehicle"
                + "|(veh|vehicle|security|protective)\\s+inspection|inspect(ed|ion\\s+of)\\s+(the\\s+)?(vehicle|car|truck|trunk|cargo\\s+area))\\b");
        rule("evidence_seized", "\\b(s(?:ei|ie)zed|took custody of|taken into custody as evidence|collected (the |as )?(evidence|item))|\\b(located|found|recovered|discovered)\\b.{0,60}\\b(bags?|baggies|baggie|pouch|pills?|tablets?|bottle|powder|substance|firearm|handgun|pistol|revolver|rifle|cash|currency|\\$\\d|scale|phones?|narcotics|marijuana|cocaine|methamphetamine|meth|heroin|fentanyl|contraband|paraphernalia|pipe|syringe|bricks?|package)");
        rule("custody_transfer", "\\b(released .{0,60}\\bto\\b|transferred|handed .{0,40}\\bto\\b|turned over|relinquished)");
        rule("evidence_logged", "\\b(logged|booked into|placed .{0,40}(locker|vault|property room|evidence room)|entered into (evidence|property))");
        rule("stop_initiated", "\\b(traffic stop|initiated a (traffic )?stop|stopped (a|the) (vehicle|car|truck)|stopped (a|an|the) (black|white|silver|gr[ae]y|red|blue|green|tan|gold|maroon|brown|beige|yellow|orange|purple|burgundy|dark|light)\\b|stopped (a|an|the) [^.;]{0,60}\\b(north|south|east|west)bound\\b|stopped (a|an|the) [^.;]{0,60}\\bfor (doing |traveling |travelling |going )?\\d+ ?(mph|in a)|stopped (a|an|the) [^.;]{0,60}\\bfor (an? |the )?(expired|defective|broken|equipment|speed\\w*|failure|failing|following|improper|no |crossing|weaving|lane|tint|registration|traffic)|conducted a (traffic )?stop|pulled (the vehicle |it )?over|activated (my|his|her) (emergency|overhead) lights)\\b");
        // "I departed the Harlan Passport Agency at approximately 2:10 p.m.": where the writer was when the clock was read
        rule("departed", "\\b(departed|left)\\s+(the\\s+)?([\\w.'&-]+\\s+){0,5}(station|headquarters|hq|office|agency|building|barracks|precinct|substation|lab|laboratory|jail|detachment|facility|courthouse)\\b");
        rule("statement", "\\b(stated|said|told (me|us|deputy|officer)|admitted|confessed|statement)\\b");
        rule("dispatch", "\\b(dispatched|en ?route|enroute|call rec(?:ei|ie)ved|responding)\\b");
        rule("on_scene", "\\b(arr?iv\\w*|on scene|on-scene)\\b");
        rule("cleared", "\\b(cleared|10-8|free to (go|leave)|released (the )?(driver|vehicle|occupants))\\b");
    }

    // The rules read "arr?iv", "s(?:ei|ie)zed", "rec(?:ei|ie)ved": reports misspell the verbs ("arived", "siezed",
    // "recieved") and the categorizer never saw the slips.
    private static void rule(String label, String regex) {
        RULES.put(label, Pattern.compile("(?i)" + regex));
    }

    private final DocumentCategorizerME model;
    private final TokenizerME tokenizer;
    private final Mode mode;

    public EventClassifier(TrainedModels models, Mode mode) {
        this.model = models.eventCategorizer();
        this.tokenizer = EnglishModels.get().tokenizer();
        this.mode = mode;
    }

    public EventClassifier(TrainedModels models) {
        this(models, Mode.HYBRID);
    }

    /**
     * Below this probability a model-only decision is "other": on the held-out set it keeps micro F1 within 0.02 of
     * no floor and cuts false events on non-event sentences by half (EventClassifier figures in EVALUATION.md).
     */
    static final double MODEL_FLOOR = 0.2;

    /** The canonical event a clause tells of, or "other". */
    public String classify(String clause) {
        return classify(clause, -1);
    }

    /**
     * The canonical event a clause tells of, or "other".
     *
     * @param anchor offset of the time expression in the clause, or -1: when several cue rules fire, the one
     *               nearest the time names the event ("Based on the alert, I began a search at 0023": a search)
     */
    public String classify(String clause, int anchor) {
        // A sentence broken over lines is one sentence: the cue rules read across the breaks (same length, same offsets).
        String flat = flat(clause);
        String label = decide(flat, anchor);
        // Entry into premises under a warrant is its execution.
        if (label.equals("entry") && Prefilter.find(WARRANT_CONTEXT, flat) && !Prefilter.find(AWAITING_WARRANT, flat)) return "warrant_executed";
        // Going in "to secure it while the warrant was being sought" is an entry before any warrant, not its execution.
        if (label.equals("warrant_executed") && Prefilter.find(AWAITING_WARRANT, flat)) return "entry";
        return NOT_EVENTS.contains(label) ? OTHER : label;
    }

    private static final Pattern WARRANT_CONTEXT = Pattern.compile("(?i)\\b(warrant|sw\\s+service|s/w|served|service)\\b");

    private static final Pattern AWAITING_WARRANT = Pattern.compile("(?i)\\b(pending|awaiting|while\\s+(the\\s+|a\\s+)?(search\\s+)?warrant\\s+was|until\\s+(the\\s+|a\\s+)?(search\\s+)?warrant|being\\s+(sought|obtained|drafted|prepared)|before\\s+(the\\s+)?warrant\\s+(was\\s+)?(signed|issued|arrived)|prior\\s+to\\s+(the\\s+|a\\s+)?(search\\s+)?warrant)\\b");

    /** A sentence broken over lines, as one line: same length, so offsets into it hold. */
    private static String flat(String clause) {
        return clause.replace('\n', ' ').replace('\r', ' ');
    }

    /** Labels the rules give to say a clause tells no event of the case. */
    private static final java.util.Set<String> NOT_EVENTS = java.util.Set.of("instruction", "briefing", "consent_refused", "warrant_applied", "warrant_in_hand", "identification");

    private String decide(String clause, int anchor) {
        return switch (mode) {
            case RULES -> byRules(clause, anchor);
            case MODEL -> byModel(clause).label();
            case HYBRID -> {
                // The cue rules are precise where they fire (measured ~0.93 on the held-out set); the model covers
                // the wording they do not know when it is confident enough.
                String r = byRules(clause, anchor);
                if (!r.equals(OTHER)) yield r;
                Scored m = byModel(clause);
                yield m.probability() >= MODEL_FLOOR ? m.label() : OTHER;
            }
        };
    }

    record Scored(String label, double probability) {
    }

    Scored byModel(String clause) {
        double[] p = model.categorize(EventFeatures.tokens(tokenizer, clause));
        String best = model.getBestCategory(p);
        double max = 0;
        for (double v : p) max = Math.max(max, v);
        return new Scored(best, max);
    }

    /**
     * The cue rules say the clause names no event of the case: a command on a warrant's face, a briefing or an
     * operations plan, an application for a warrant, a warrant that "came to hand", a refused consent.
     */
    public static boolean notAnEvent(String clause) {
        return NOT_EVENTS.contains(byRules(flat(clause), -1));
    }

    /** The event the cue rules alone give a clause, or "other". */
    public static String byRules(String clause) {
        String flat = flat(clause);
        String label = byRules(flat, -1);
        // "VEH INSPECTION - OPR DECLINED CONSENT": a refusal names no event, but the act told beside it is one
        if (label.equals("consent_refused")) {
            for (var e : RULES.entrySet()) {
                if (NOT_EVENTS.contains(e.getKey()) || e.getKey().equals("consent") || !e.getValue().matcher(flat).find()) continue;
                return e.getKey();
            }
        }
        return NOT_EVENTS.contains(label) ? OTHER : label;
    }

    static String byRules(String clause, int anchor) {
        String best = OTHER;
        int bestDistance = Integer.MAX_VALUE;
        for (var e : RULES.entrySet()) {
            if (!dev.leverage.extract.Prefilter.mayMatch(e.getValue(), clause)) continue;
            var m = e.getValue().matcher(clause);
            if (!m.find()) continue;
            if (anchor < 0) return e.getKey();
            int d = Math.min(Math.abs(m.start() - anchor), Math.abs(m.end() - anchor));
            if (d < bestDistance) {
                best = e.getKey();
                bestDistance = d;
            }
        }
        return best;
    }
}
