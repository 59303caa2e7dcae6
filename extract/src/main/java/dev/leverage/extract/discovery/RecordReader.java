package dev.leverage.extract.discovery;

import dev.leverage.extract.NumberWords;
import dev.leverage.extract.Prefilter;
import dev.leverage.extract.Citation;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a document says about the records the state holds: who it places at the scene (each had a camera),
 * which recordings, K9 and lab records, warrant papers and informant files it is or lists, and which records it
 * relies on or cites by number. The patterns are exact because the vocabulary is: "BWC", "in-car video", "alerted",
 * "bench notes", "Supplement #3". What is missing is decided across the case by {@link DiscoveryGapAnalyzer}.
 */
public final class RecordReader {
    /** Ranks and titles that put a name on an officer. Short capitals (SA, TFO) only as written. */
    static final String RANK = "(?:(?i:" + dev.leverage.extract.Alternation.dispatch("[o0]fficer|[o0]fc\\.?|off\\.|ptl\\.?|patrol(?:wo)?man|trooper|tpr\\.?|trp\\.?|deputy|dep\\.|dpty\\.?|sgt\\.?|sergeant|"
            + "cpl\\.?|corporal|lt\\.|lieutenant|capt\\.?|captain|det\\.|detective|inv\\.|investigator|special\\s+agent|agent|ranger|"
            + "game\\s+warden|warden|constable|marshal|inspector|insp\\.|handler|k-?9\\s+(?:officer|handler|deputy|trooper)|reserve\\s+officer|"
            + "task\\s+force\\s+officer|cadet|chief", true) + ")|" + dev.leverage.extract.Alternation.dispatch("SA|S/A|TFO|CBPO|BPA|P\\.?O\\.?"
            // military police and CID write the soldier's grade: "SPC Nabil HADDAD", "SSG Ortiz"
            + "|SPC|PFC|PVT|PV2|SSG|SFC|MSG|1SG|SGM|CPT|MAJ|LTC|COL|1LT|2LT|CW[2-5]|WO1", false) + ")";
    // ranks may stack ("Det. Cpl. Nicole Fortier"): the name is what follows the last
    private static final Pattern TITLED = Pattern.compile("\\b(?:" + RANK + "\\s+)+((?:[A-Z]\\.\\s?|[A-Z][A-Za-z'’-]+\\s+){0,3}[A-Z][A-Za-z'’-]+)");
    private static final Set<String> NOT_SURNAMES = Set.of("street", "st", "road", "rd", "avenue", "ave", "highway", "hwy", "unit", "units", "department",
            "dept", "county", "police", "sheriff", "sheriffs", "office", "division", "report", "dispatch", "the", "and", "on", "scene", "arrived",
            "state", "patrol", "agency", "first", "class", "second", "involved", "safety", "services", "service", "narrative", "supplement", "i",
            "k9", "canine", "badge", "id", "my", "his", "her", "their", "was", "were", "had", "has", "to", "at", "in", "of", "with", "who", "then",
            "arrival", "requested", "responded", "assisted", "advised", "stated", "date", "time", "signature", "sign", "name", "a", "an", "upon",
            "lane's", "task", "force", "bwc", "icv", "mvr", "camera", "video", "transcript", "recording", "car", "vehicle", "dash", "body",
            "worn", "axon", "watchguard", "dvr", "exhibit", "item", "lab", "laboratory", "mr", "ms", "mrs", "miss", "jr", "sr", "ii", "iii",
            "produced", "provided", "included", "enclosed", "pending", "received", "redacted", "available", "yes", "no", "page", "pages", "bates",
            "media", "he", "she", "they", "him", "it", "we", "disc", "dvd", "file", "folder", "copy", "none", "total", "withheld", "released", "logged", "sealed",
            // words that open a sentence and so come capitalised: "About 300 feet east of the bungalow I observed ..."
            "about", "above", "after", "again", "along", "also", "approximately", "around", "before", "behind", "below", "beside", "between",
            "during", "each", "from", "here", "later", "near", "next", "once", "prior", "shortly", "since", "soon", "there", "these", "this",
            "those", "through", "under", "until", "when", "where", "while", "within", "without");

    private static final Pattern CAMERA = Pattern.compile("(?i)\\b(?:bwc|bodycam|body[- ]?cam(?:era)?s?|body[- ]worn|icv|in[- ]car(?:\\s+(?:video|camera))?|dash[- ]?cam(?:era)?|dash(?:board)?\\s+camera|"
            + "mvr|dvr|watchguard|axon|cruiser\\s+(?:video|camera)|patrol\\s+(?:video|camera)|video|footage|camera)\\b");
    private static final Pattern PHOTOS = Pattern.compile("(?i)\\b(?:photo(?:graph)?s?|pictures|photo\\s+log)\\b");
    private static final Pattern VIDEO = Pattern.compile("(?i)\\b(?:bwc|bodycam|body[- ]?cam\\w*|body[- ]worn|icv|in[- ]car|dash\\w*|mvr|dvr|watchguard|axon|video|footage|recording)\\b");
    private static final Pattern NO_CAMERA = Pattern.compile("(?i)\\b(?:not\\s+(?:been\\s+)?(?:equipped|issued|assigned|outfitted)\\s+(?:with\\s+)?(?:an?\\s+|any\\s+)?(?:body[- ]worn|body|in[- ]car|dash|bwc|icv|mvr|cameras?|video)|"
            + "(?:does|do|did)\\s+not\\s+(?:issue|equip|use|utilize|have|deploy|carry|wear)\\s+(?:\\w+\\s+){0,3}(?:body[- ]worn|body|in[- ]car|dash|bwc|icv|cameras?|video)|"
            + "no\\s+(?:body[- ]worn|body|in[- ]car|dash|bwc|icv|mvr|video)\\s*(?:cameras?|video|recording|system|equipment)?\\s+(?:is|are|were|was)\\s+(?:issued|installed|equipped|assigned)|"
            + "(?:has|have|had|carry|carries|carried)\\s+no\\s+(?:body[- ]worn|body|in[- ]car|dash|bwc|icv|mvr)\\s+(?:cameras?|video|system)|"
            // "a civilian insurance-industry investigator and carries no camera"
            + "(?:carry|carries|carried|wore|wears|had|has)\\s+no\\s+(?:recording\\s+)?cameras?\\b|"
            // "No Sheriff's Office deputy, detective or evidence technician had an in-car or body-worn camera in 1998"
            + "\\bno\\s+[^.;]{1,80}?\\s(?:had|has|have|carried|wore|used|was\\s+equipped\\s+with)\\s+(?:an?\\s+|any\\s+)?(?:in[- ]car|body[- ]worn|body|dash|bwc|icv|mvr|cameras?)\\b|"
            + "(?:not\\s+equipped|unequipped)\\s+with\\s+(?:a\\s+)?(?:camera|video|recording))");
    private static final Pattern TRANSCRIPT_TITLE = Pattern.compile("(?i)\\b(?:transcript(?:ion)?|recording\\s+(?:start|began|begins|date|id|log)|(?:bwc|body[- ]?cam(?:era)?|body[- ]worn(?:\\s+camera)?|in[- ]car\\s+video|dash[- ]?cam(?:era)?|icv|mvr|video)\\s+(?:recording|footage|log|summary|file))\\b");
    private static final Pattern BODY = Pattern.compile("(?i)\\b(?:bwc|body[- ]?cam(?:era)?s?|body[- ]worn|axon\\s+body)\\b");
    private static final Pattern IN_CAR = Pattern.compile("(?i)\\b(?:icv|in-car|in\\s+car\\s+(?:video|cameras?|cam|recording|recorder|system|dvr|mvr|footage)|dash[- ]?cam(?:era)?s?|dash(?:board)?\\s+cameras?|mvr|dvr|cruiser\\s+(?:video|camera)|patrol\\s+car\\s+(?:video|camera)|vehicle\\s+(?:camera|video|recording)\\s+system|watchguard|fleet\\s+camera)\\b");
    private static final Pattern WITHHELD = Pattern.compile("(?i)\\b(?:withheld|withhold(?:ing)?|not\\s+(?:yet\\s+)?(?:been\\s+)?(?:produced|provided|included|available|received|located|enclosed)|"
            + "to\\s+be\\s+(?:provided|produced|forwarded|sent|supplemented)|to\\s+follow|will\\s+(?:be\\s+)?(?:provide|produce|forward|supplement)\\w*|"
            + "(?:has|have)\\s+been\\s+requested|(?:has|have|had)\\s+(?:also\\s+)?requested|requested\\s+from|pending|outstanding|under\\s+review|not\\s+in\\s+(?:our|the\\s+state's)\\s+possession|"
            + "unavailable|no\\s+longer\\s+exists?|none\\s+exists?|(?:does|do|did)\\s+not\\s+exist|could\\s+not\\s+be\\s+(?:located|found)|upon\\s+receipt|once\\s+received|when\\s+received|awaiting|"
            // "not preserved", "are being compiled", "will send it when I get it"
            + "not\\s+(?:been\\s+)?(?:preserved|retained|saved|kept)|(?:was|were)\\s+(?:overwritten|purged|deleted|lost)|"
            + "(?:is|are)\\s+(?:still\\s+)?being\\s+(?:compiled|gathered|collected|prepared|located|obtained|retrieved)|will\\s+send|"
            + "not\\s+discoverable|declines?\\s+to\\s+produce|objects?\\s+to\\s+(?:producing|production|disclos\\w+)|"
            + "(?:filed\\s+)?under\\s+seal|sealed\\s+by\\s+(?:order|the\\s+court))\\b");
    private static final Pattern LISTING_TITLE = Pattern.compile("(?i)\\b(?:discovery|production|index|transmittal|disclosure|enclosures?|bates\\s+(?:log|index|range)|"
            + "receipt\\s+of\\s+discovery|items\\s+produced|evidence\\s+produced|notice\\s+of|supplemental\\s+(?:discovery|disclosure)|cover\\s+letter)\\b");
    private static final Pattern LISTING_LINE = Pattern.compile("(?i)\\b(?:produced|enclosed|enclosing|included|provided\\s+(?:herewith|on|via|to\\s+you)|"
            + "attached|bates|dvd|disc|cd-?r|usb|thumb\\s+drive|flash\\s+drive|evidence\\.com|download\\s+link|share\\s+link|portal)\\b");

    private static final Pattern SCENE = Pattern.compile("(?i)\\b(?:arriv\\w*|on[- ]?sc(?:e)?ne?|onsc\\w*|assist\\w*|back[- ]?up|cover\\s+(?:unit|officer)|"
            + "respond(?:ed|ing)\\s+to\\s+the\\s+(?:scene|location|stop)|stood\\s+by|secured|deploy\\w*|conducted|search(?:ed|ing)\\b|stopped|initiated|approached|"
            + "made\\s+contact|detained|handcuffed|placed\\s+\\w+\\s+under\\s+arrest|arrested|transport\\w*|pat(?:ted)?[- ]down|frisk\\w*|present\\s+(?:at|on|during|for)|"
            + "was\\s+present|were\\s+present|10-97|10-23|on\\s+location|at\\s+the\\s+(?:scene|stop|vehicle|residence|location)|joined|pulled\\s+in\\s+behind|"
            + "boarded|knocked|entered\\s+the|breached|forced\\s+entry|met\\s+(?:with\\s+)?(?:me|us|the)\\s+at)\\b");
    private static final Pattern AWAY = Pattern.compile("(?i)\\b(?:cancel\\w*|disregard\\w*|called\\s+off|not\\s+needed|10-22|code\\s+4\\s+no\\s+further|"
            + "by\\s+(?:tele)?phone|via\\s+(?:tele)?phone|over\\s+the\\s+phone|at\\s+the\\s+(?:station|office|jail|detention|headquarters|precinct|laboratory|lab|property\\s+room|sally\\s*port|booking)|"
            + "interview\\s+room|dispatcher|telecommunicator|"
            // "Plan approved: Sgt. Olivia Brandt (not deployed on 03/14)"
            + "not\\s+(?:deployed|present|on\\s+scene)|did\\s+not\\s+(?:respond|deploy|attend|go))\\b");
    private static final Pattern CANCEL_REASON = Pattern.compile("(?i)\\b(?:because|since|as)\\b(?=.{0,60}\\b(?:was|were|is)\\s+(?:closer|nearer|already|available|on\\s+scene|handling|en\\s+route))");
    private static final Pattern CANCELLED = Pattern.compile("(?i)\\b(?:cancel(?:l?ed|s)?|cncl|canc|disregard(?:ed)?|called\\s+off|10-22|never\\s+arrived|did\\s+not\\s+arrive|returned\\s+to\\s+(?:service|patrol)\\s+before)\\b");
    private static final Pattern FIRST_PERSON_SCENE = Pattern.compile("(?i)\\bI\\s+(?:then\\s+|also\\s+|later\\s+)?(?:stopped|arrived|observed|approached|conducted|initiated|deployed|responded|made\\s+contact|contacted|searched|located|detained|arrested|"
            + "activated|walked|asked|spoke|handcuffed|seized|recovered|found|placed|patted|frisked|was\\s+dispatched|was\\s+on\\s+patrol|was\\s+working|was\\s+assigned|ran\\s+\\w+\\s+dog)\\b");
    private static final Pattern UNIT = Pattern.compile("(?i)\\b(?:unit|car|call\\s*sign|callsign|cruiser)\\s*#?\\s*:?\\s*([A-Z]{0,3}-?\\d{1,4}[A-Z]?(?:-\\d{1,3})?)\\b");
    private static final Pattern K9_UNIT = Pattern.compile("\\b(K-?9\\s*-?\\s*\\d{1,4})\\b");

    private static final Pattern NINE_ONE_ONE = Pattern.compile("(?i)(?<![\\d-])(?:9-?1-?1|e-?911)(?![\\d-])(?:\\s+(?:call|caller|hang[- ]?up|center|line|dispatch|operator|report))?|(?<!non-)(?<!non )\\bemergency\\s+(?:call|line)");
    private static final Pattern RADIO = Pattern.compile("(?i)\\b(?:dispatch(?:er)?\\s+(?:advised|relayed|informed|confirmed|reported|stated|told|notified)|advised\\s+(?:dispatch|radio|comm\\w*)|"
            + "(?:i\\s+)?radioed|over\\s+the\\s+radio|via\\s+(?:radio|dispatch)|by\\s+radio|radio\\s+(?:traffic|transmission|call|log)|notified\\s+(?:dispatch|communications)|"
            + "(?:called|calls)\\s+out\\s+the\\s+stop|requested\\s+(?:a\\s+)?(?:k-?9|backup|a\\s+cover|an?\\s+assist)\\w*\\s+(?:via|over|on|through)\\s+(?:radio|dispatch)|"
            + "(?:per|from|through)\\s+(?:dispatch|communications|comms)|(?:by|via|over|on)\\s+(?:vhf|uhf|marine\\s+radio|(?:vhf\\s+|uhf\\s+)?ch(?:annel)?\\.?\\s*\\d+))\\b");
    private static final Pattern ALERT = Pattern.compile("(?i)\\b(?:alert(?:ed|s)?|indicat(?:ed|ion|es)|final\\s+responses?|positive\\s+(?:response|indication|alert)|"
            + "show(?:ed|n)\\s+(?:an?\\s+)?(?:alert|change\\s+of\\s+behavio)|sat\\s+at|sat\\s+down\\s+at|gave\\s+(?:a|an|her|his)\\s+(?:final|trained)\\s+(?:response|indication)|gave\\s+(?:trained\\s+)?final\\s+responses)\\b");
    /** "Based on the alert, ..." in a document about a dog. */
    private static final Pattern BARE_ALERT = Pattern.compile("(?i)\\b(?:the|an?|positive)\\s+(?:alert|final\\s+response)\\b|\\balerted\\b");
    private static final Pattern K9_NOT_RELIED = Pattern.compile("(?i)\\b(?:does|do|will|did|shall)\\s+not\\s+(?:rely|depend)\\s+(?:up)?on\\s+(?:the\\s+|any\\s+)?(?:k-?9|canine|dog(?:'s)?|sniff)[\\w\\s'-]{0,30}?(?:alert|sniff|indication|deployment)|\\b(?:k-?9|canine|dog(?:'s)?)\\s+(?:alert|sniff|indication)\\s+(?:is|was|will\\s+be)\\s+not\\s+relied\\s+(?:up)?on");
    private static final Pattern NO_ALERT = Pattern.compile("(?i)\\b(?:did\\s+not\\s+(?:alert|indicate|show|give)|no\\s+(?:alert|indication|final\\s+response|change\\s+(?:of|in)\\s+behavio)|"
            + "negative\\s+(?:sniff|result|for\\s+(?:an\\s+)?alert)|failed\\s+to\\s+(?:alert|indicate)|without\\s+(?:an?\\s+)?(?:alert|indication)|alert:\\s*(?:no|none|negative)|not\\s+alert)");
    private static final Pattern DOG = Pattern.compile("(?i)\\b(?:k-?9|canine|dog|narcotics?\\s+detection|detector\\s+dog|mwd|military\\s+working\\s+dog)\\b");
    // "run 0918-CS2" is an instrument run, not a source; "CS-25-O113" is OCR's CS-25-0113
    private static final Pattern INFORMANT = Pattern.compile("(?:(?<![.\\w-])(?:CI|CS|C\\.I\\.|C\\.S\\.|C/I|C/S|CHS|SOI|CW|CCS)\\s*[-#]?\\s*(?:No\\.?\\s*|#\\s*)?(\\d{1,6}(?:-(?=[\\dOIl]*\\d)[\\dOIl]{1,6})?[A-Z]?)\\b)"
            + "|(?i:\\bconfidential\\s+(?:informant|source|human\\s+source|reliable\\s+informant|witness)s?\\b(?:\\s*\\(?\\s*(?:CI|CS|CHS)?\\s*[-#]?\\s*(?:No\\.?\\s*|#\\s*)?(\\d{1,6}(?:-\\d{1,6})?[A-Z]?)\\b)?)"
            + "|(?i:\\b(?:cooperating\\s+(?:source|individual|witness)|reliable\\s+informant|informant)\\b(?:\\s*\\(?\\s*(?:CI|CS)?\\s*[-#]?\\s*(?:No\\.?\\s*|#\\s*)?(\\d{1,6}(?:-\\d{1,6})?[A-Z]?)\\b)?)");
    /** A warrant's docket or serial number: "25-MJ-0412", "SW 25-0441", "Warrant No. 2024-117". */
    private static final Pattern WARRANT_NUMBER = Pattern.compile("(?i)\\b(\\d{2,4}-(?-i:[A-Z]{1,4})-\\d{2,6})\\b|\\b((?:[A-Z]{2,5}-)?(?:SW|S/W)[- ]?\\d{2,4}-\\d{2,6}(?:-\\d{1,6})?)\\b"
            + "|\\bwarrant\\s+(?:no\\.?|number|#)\\s*:?\\s*([A-Z0-9][A-Z0-9-]{2,15})\\b");

    /** The warrant number a text names, normalised ("SW 25-0441" and "SW-25-0441" alike), or null. */
    static String warrantNumber(String text) {
        if (text == null) return null;
        Matcher m = WARRANT_NUMBER.matcher(text);
        // "on arrest warrant 25-AW-118 ... I obtained a search warrant": an arrest warrant's number is not the search warrant's
        boolean found = false;
        while (m.find()) {
            if (!Prefilter.matches(text.substring(Math.max(0, m.start() - 30), m.start()), "(?is).*\\b(arrest|bench|capias)\\s+warrants?\\s*(no\\.?|#|number)?\\s*$")) {
                found = true;
                break;
            }
        }
        if (!found) return null;
        String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return Prefilter.replaceFirst(Prefilter.replaceAll(n.toUpperCase(Locale.ROOT), "[\\s/]", ""), "(^|-)SW-?(?=\\d)", "$1SW-");
    }

    /** "No items were seized", "nothing was collected", "was not seized": a seizure that did not happen. */
    private static final Pattern NOTHING_SEIZED = Pattern.compile("(?i)\\b(?:no|nothing|none|neither|nor)\\b[^.;]{0,40}?\\b(?:seized|collected|recovered|confiscated|taken|impounded)\\b"
            + "|\\b(?:was|were|is|are)\\s+(?:not|never)\\s+(?:seized|collected|recovered|confiscated|taken|impounded)\\b");

    private static final Pattern SEARCH_WARRANT = Pattern.compile("(?i)\\b(?:(?:search|seizure|anticipatory|tracking|tracker|gps|phone|cell(?:ular)?\\s+phone|blood|residence|premises|vehicle|records|"
            + "no-knock|knock\\s+and\\s+announce)\\s+warrants?|warrants?\\s+(?:for|to\\s+search)\\s+(?:the\\s+)?(?:residence|home|house|apartment|vehicle|car|phone|cell|blood|premises|records|account|device|storage|unit|room)|"
            + "(?:a|the)\\s+warrant\\s+(?:was\\s+)?(?:signed|issued|granted|authorized|approved|executed|served)|"
            + "(?:signed|issued|granted|authorized|approved)\\s+(?:a|the)\\s+(?:search\\s+)?warrant|(?:obtained|secured|executed|served)\\s+(?:a|the)\\s+(?:\\w+\\s+)?warrant|"
            + "pursuant\\s+to\\s+(?:a|the)\\s+(?:\\w+\\s+)?warrant|warrant\\s+(?:no\\.?|number|#)\\s*[\\w-]+)");
    private static final Pattern NOT_THIS_WARRANT = Pattern.compile("(?i)\\b(?:warrants?\\s+check|check(?:ed)?\\s+for\\s+warrants|ran\\s+(?:\\w+\\s+){0,3}for\\s+warrants|no\\s+(?:active\\s+|outstanding\\s+)?warrants|"
            + "outstanding\\s+(?:\\w+\\s+){0,2}warrant|active\\s+(?:\\w+\\s+){0,2}warrant|warrants?:\\s*(?:none|neg|no)|bench\\s+warrant|arrest\\s+warrant|"
            + "(?:will|would|intends?\\s+to|plan(?:s|ned)?\\s+to|may|might|could|did\\s+not|decided\\s+not\\s+to|declined\\s+to|without\\s+(?:a|the))\\s+(?:seek|apply|obtain|get|need|request)?(?:\\s+for)?\\s*(?:a\\s+)?(?:search\\s+)?warrant|"
            + "warrant\\s+(?:was\\s+)?(?:denied|not\\s+(?:sought|obtained|signed|needed|required))|warrantless|without\\s+a\\s+warrant|exception\\s+to\\s+the\\s+warrant|"
            + "\\bno\\s+(?:\\w+\\s+){0,2}warrants?\\b|(?:talked|spoke|discussed|considered|thought|asked)\\s+(?:\\w+\\s+){0,3}(?:about\\s+)?(?:applying|seeking|getting|obtaining|a\\s+(?:search\\s+)?warrant)|"
            + "(?:applying|apply)\\s+for\\s+(?:a\\s+)?(?:\\w+\\s+)?warrant|if\\s+(?:he|she|they|we|i)\\s+(?:refused|declined|did\\s+not))");
    private static final Pattern WARRANT_OBTAINED = Pattern.compile("(?i)\\b(?:obtained|signed|issued|granted|authori[sz]ed|executed|served|approved)\\b(?!\\s+(?:to|if))");
    private static final Pattern CITED = Pattern.compile("(?i)\\b((?:supplement(?:al|ary)?|supp\\.?)(?:\\s+(?:report|narrative))?|(?:crash|accident|incident|offense|arrest|tow|impound|inventory|field\\s+interview|fi|"
            + "property|evidence|photo(?:graph)?|lab(?:oratory)?|forensic|extraction|download|use\\s+of\\s+force|pursuit|investigative|case|intelligence|"
            + "search|consent|statement|interview|complaint|call\\s+for\\s+service|cfs|event|dispatch|cad)\\s+(?:report|card|log|sheet|receipt|form|record|inventory|request|summary|memo)|"
            + "(?:report|log|form|receipt|memo|attachment|roi|report\\s+of\\s+investigation|fd-?302|302|dea-?6|ir)\\b)\\s*(?:no\\.?|number|num\\.?|#)\\s*:?\\s*([A-Z]{0,4}-?\\d[\\w-]*\\d[A-Z]?|\\d)\\b");
    /** A form named and then numbered in brackets: "a Field Interview card (FI-25-0093)", "Tow Inventory (T-5521)". */
    private static final Pattern CITED_BRACKETED = Pattern.compile("(?i)\\b(?:card|report|inventory|receipt|log|form|memo|summary|supplement)\\s*\\(\\s*(?:no\\.?|#)?\\s*([A-Z]{1,4}-?\\d[\\w-]*\\d)\\s*\\)");
    /** A form named and then numbered with a lettered id: "Crash Report CR-25-04471", "Field Interview Card FI-0872". */
    private static final Pattern CITED_LETTERED = Pattern.compile("(?i)\\b(?:report|card|inventory|receipt|log|form|memo|summary|sheet)\\s+(?-i:([A-Z]{1,4}-\\d[\\w-]*\\d))\\b");
    private static final Pattern SUPPLEMENT_SEQ = Pattern.compile("(?i)\\b(?:supplement(?:al|ary)?|supp\\.?)(?:\\s+(?:report|narrative))?\\s*(?:no\\.?|number|#)?\\s*:?\\s*(\\d{1,3})\\b(?![-/:.]\\d)");
    private static final Pattern ATTACHMENT = Pattern.compile("([A-Za-z0-9][\\w .()&'-]{0,80}?\\.(?:pdf|docx?|xlsx?|csv|jpe?g|png|tiff?|mp4|mov|wav|mp3|zip|txt|rtf|msg|eml|pptx?))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTACH_CUE = Pattern.compile("(?i)\\b(?:attach(?:ed|ing|ment|ments)?|enclos(?:ed|ing|ure)|see\\s+the|find)\\b");

    /** Record classes a lab keeps behind its report, by the words a document or an index line names them with. */
    static final List<Cue> LAB_RECORDS = List.of(
            new Cue("bench_notes", "\\b(?:bench\\s+notes?|worksheets?|work\\s+sheets?|analyst'?s?\\s+notes|case\\s+notes|lab(?:oratory)?\\s+notes|analytical\\s+notes|examination\\s+notes|examiner'?s?\\s+notes|technical\\s+notes|notes\\s+of\\s+analysis)\\b"),
            new Cue("instrument_data", "\\b(?:(?:gc[/-]?fid|ftir|lc[/-]?ms|hplc)\\s+data|chromatograms?|spectra|spectrums?|mass\\s+spectr\\w*|gc[/-]?ms\\s+(?:data|printouts?|results|reports?|runs?)|ftir\\s+(?:data|spectra|printouts?)|instrument(?:al)?\\s+(?:data|printouts?|output|runs?|files)|raw\\s+data|data\\s+files|batch\\s+data|electropherograms?|"
                    // a printout is the instrument's only when an instrument or its search names it: not "ELD record of duty status printout"
                    + "(?:library\\s+search|instrument|spectral?|spectrum|chromatograph\\w*|ftir|gc[/-]?ms|lc[/-]?ms|analy[sz]er|chronograph)\\s+printouts?|"
                    // a firearms examination's instrument record is its test-firing
                    + "test[- ]fir(?:e|ing)\\s+(?:documentation|records?|data|results))\\b"),
            new Cue("calibration", "\\b(?:calibrat\\w*|balance\\s+(?:verification|check|logs?|records?|certificates?)|uncertainty\\s+(?:budget|calculation|worksheet)|measurement\\s+uncertainty\\s+(?:budget|worksheet|records?|calculation)|maintenance\\s+logs?|performance\\s+(?:check|verification)s?|verification\\s+(?:records?|logs?|certificates?))\\b"),
            new Cue("sampling_plan", "\\b(?:sampling\\s+(?:plan|procedure|protocol|method|records?|worksheet)|hypergeometric\\s+(?:worksheet|calculation|table))\\b"),
            new Cue("lab_custody", "\\b(?:(?:internal|lab(?:oratory)?|intra-?lab(?:oratory)?)\\s+(?:chain[- ]of[- ]custody|custody|tracking)|sample\\s+tracking\\s+(?:logs?|records?|sheets?)|chain[- ]of[- ]custody\\s+(?:within|inside)\\s+the\\s+lab\\w*|lims\\s+(?:records?|log|history|printout|report)|evidence\\s+tracking\\s+(?:log|records?|history)|"
                    + "(?:internal|lab(?:oratory)?'?s?)\\s+(?:internal\\s+)?(?:evidence|item|sample)[- ](?:tracking|transfer|custody)(?:\\s+(?:records?|logs?|history))?)\\b"),
            new Cue("proficiency", "\\b(?:proficiency|competency\\s+(?:tests?|records?))\\b"));
    static final List<Cue> K9_RECORDS = List.of(
            new Cue("training", "\\b(?:training\\s+(?:logs?|records?|files?|history|hours|reports?|sheets?)|maintenance\\s+training|training\\s+(?:and|&|/)\\s+certification)\\b"),
            new Cue("certification", "\\b(?:certificates?|certification|certifications)\\b"),
            new Cue("field_records", "\\b(?:deployment\\s+(?:logs?|history|records|statistics|summary)|utilization\\s+(?:logs?|reports?|records?|history)|field\\s+(?:performance|accuracy|alert|records?|deployment\\s+records?)|"
                    + "(?:deployment|utilization)\\s*/\\s*(?:deployment|utilization|detection)\\s+(?:logs?|history|records?|reports?)|"
                    + "usage\\s+logs?|sniff\\s+(?:logs?|history|records)|alert\\s+(?:history|records|statistics)|call-?out\\s+logs?)\\b"));
    static final List<Cue> WARRANT_RECORDS = List.of(
            new Cue("affidavit", "\\b(?:affidavit|application\\s+for\\s+(?:a\\s+)?(?:search\\s+)?warrant|statement\\s+of\\s+probable\\s+cause)\\b"),
            new Cue("return", "\\b(?:return(?:\\s+and\\s+inventory)?|inventory\\s+(?:and\\s+return|of\\s+(?:property|items)\\s+(?:seized|taken))|warrant\\s+inventory)\\b"),
            new Cue("warrant", "\\b(?:search\\s+(?:and\\s+seizure\\s+)?warrant|(?:phone|blood|tracking|gps|residence|premises|records)\\s+warrant|warrant\\s+(?:for|to\\s+search)|signed\\s+warrant|warrant\\s+\\(?signed|judge'?s\\s+signature)\\b"));
    static final List<Cue> CUSTODY_RECORDS = List.of(
            new Cue("custody_log", "\\b(?:property\\s*[/&]?\\s*(?:and\\s+)?evidence|chain[- ]of[- ]custody|custody\\s+(?:log|form|record|report)|property\\s+(?:receipt|record|report|log|form|sheet|invoice)|receipts?\\s+for\\s+property|evidence\\s+(?:log|receipt|record|report|form|custody|submission|sheet|ledger)|da\\s+form\\s+4137)\\b"),
            new Cue("access_log", "\\b(?:access\\s+logs?|movement\\s+logs?|(?:property|evidence)\\s+(?:room|locker|vault)\\s+(?:logs?|access|entry|sign-?in)|entry\\s+logs?|key\\s+(?:logs?|control)|sign-?in\\s+(?:sheets?|logs?)|audit\\s+(?:trail|log))\\b"),
            new Cue("seal_records", "\\b(?:seal\\s+(?:logs?|records?|register|inventory)|tamper[- ]evident\\s+seal\\s+(?:log|records?))\\b"));
    static final List<Cue> INFORMANT_RECORDS = List.of(
            new Cue("payments", "\\b(?:payment|payments|paid|voucher|confidential\\s+funds|buy\\s+money|expenditure|benefits?|compensation|reimbursement|receipt\\s+for\\s+(?:funds|payment))\\b"),
            new Cue("agreement", "\\b(?:cooperation\\s+agreement|cooperating\\s+(?:individual|source|witness)\\s+agreement|informant\\s+agreement|source\\s+agreement|(?:ci|cs)\\s+agreement|"
                    + "agreement\\s+(?:of|for)\\s+cooperation|proffer\\s+agreement|memorandum\\s+of\\s+understanding|plea\\s+agreement|letter\\s+of\\s+(?:immunity|agreement)|"
                    + "informant\\s+(?:file|packet|folder|registration|reliability|history)|(?:ci|cs|source)\\s+(?:file|packet|registration|reliability|history))\\b"));

    /** A record class and the words that name it. */
    record Cue(String record, Pattern words) {
        Cue(String record, String regex) {
            this(record, Pattern.compile("(?i)" + regex));
        }

        boolean in(String text) {
            return words.matcher(text).find();
        }
    }

    /**
     * Everything one document says about records.
     *
     * @param d      the document
     * @param author the document's author as the extractor read it, or null
     */
    public List<RecordReference> read(Document d, String author) {
        List<RecordReference> out = new ArrayList<>();
        if (d.pages().isEmpty()) return out;
        String type = d.type() == null ? "other" : d.type();
        String fileName = d.path().substring(d.path().lastIndexOf('/') + 1);
        Page first = d.pages().get(0);
        String title = title(first.text()) + "\n" + fileName.replace('_', ' ');
        Citation titleCite = Citation.of(d, first, firstLines(first.text(), 2));
        boolean listing = Prefilter.find(LISTING_TITLE, title) || type.equals("email") && (Prefilter.find(LISTING_LINE, d.fullText()));
        // a transcript says so in its head; a report that mentions a body camera is not one
        boolean transcript = Prefilter.find(TRANSCRIPT_TITLE, title);
        boolean labReport = type.equals("lab_report");
        boolean labDocument = type.startsWith("lab") || Prefilter.find(LAB_TITLE, title);

        boolean dogInDocument = Prefilter.find(DOG, d.fullText());
        // What this document is, by its title.
        identity(d, first, title, titleCite, transcript, out);
        out.add(new RecordReference("identity", RecordReference.PRODUCED, normal(title), type, titleCite));
        String agency = agency(first.text());
        if (agency != null) out.add(new RecordReference("agency", RecordReference.PRODUCED, agency, null, titleCite));
        boolean withheldList = false;
        for (Page page : d.pages()) {
            List<String> units = units(page.text());
            for (int i = 0; i < units.size(); i++) {
                String u = units.get(i);
                Citation c = Citation.of(d, page, u);
                // a listing's entry wrapped onto a second line keeps the subject of its first ("MWD Bodo training records and
                // MWD utilization /" then "detection logs with field accuracy summary")
                String entry = i > 0 && continues(units.get(i - 1), u) ? units.get(i - 1) : "";
                // and a withheld entry may say so on its second line ("... payment and benefit" / "records): withheld.")
                String rest = i + 1 < units.size() && continues(u, units.get(i + 1)) ? units.get(i + 1) : "";
                // under "Not produced:" or "Outstanding:" every entry is withheld, until the list ends
                if (Prefilter.matches(WITHHELD_HEADING, u)) withheldList = true;
                else if (withheldList && !Prefilter.lookingAt(NEW_ENTRY, u) && entry.isEmpty()) withheldList = false;
                if (listing && !withheldList && (Prefilter.find(LISTING_LINE, u) || Prefilter.find(LISTING_TITLE, title)) && !Prefilter.find(WITHHELD, u + " " + rest)) listed(u, entry, c, !type.equals("email"), out);
                scene(d, u, c, type, transcript, agency, out);
                if (transcript && page.number() == 1 && i < 12) recordingOwner(u, c, out);
                if (Prefilter.find(NINE_ONE_ONE, u) && !Prefilter.matches(u, "(?is).*\\b(?:dial(?:ed|led)?|call)\\s+911\\s+if\\b.*")) {
                    out.add(new RecordReference("dispatch_audio", RecordReference.BASIS, null, "911", c));
                }
                if (Prefilter.find(RADIO, u)) out.add(new RecordReference("dispatch_audio", RecordReference.BASIS, null, "radio", c));
                if (!type.equals("cad_log") && (Prefilter.find(DOG, u) && Prefilter.find(ALERT, u) || dogInDocument && Prefilter.find(BARE_ALERT, u)) && !Prefilter.find(NO_ALERT, u)) {
                    out.add(new RecordReference("k9", RecordReference.BASIS, null, "alert", c));
                }
                // "the State does not rely on the K9 alert": the dog's records are not owed for an alert nobody relies on
                if (Prefilter.find(K9_NOT_RELIED, u)) out.add(new RecordReference("k9", RecordReference.BASIS, null, "not_relied", c));
                // a lab's notes name reagents, not informants ("eluted with 500 uL CS2")
                if (!labDocument) informants(u, c, out);
                // a warrant talked about, refused or never sought is no warrant, unless the same line says one was obtained
                if (Prefilter.find(SEARCH_WARRANT, u) && !Prefilter.find(NO_WARRANT, u) && (!Prefilter.find(NOT_THIS_WARRANT, u) || Prefilter.find(WARRANT_OBTAINED, u))) {
                    out.add(new RecordReference("warrant", RecordReference.BASIS, warrantNumber(u), "warrant", c));
                }
                cited(u, c, type, out);
                if (!type.startsWith("lab") && !type.equals("custody_log") && Prefilter.find(SEIZED, u) && !Prefilter.find(NOTHING_SEIZED, u)) out.add(new RecordReference("custody", RecordReference.BASIS, null, "seized", c));
                Matcher noCamera = NO_CAMERA.matcher(u);
                // "CI-2291 was not equipped with a recording device" is about the informant, not an officer's camera
                if (noCamera.find() && !INFORMANT.matcher(u.substring(0, noCamera.start())).find()) {
                    // which cameras the officer or agency lacks: "not issued body-worn cameras" leaves the in-car video
                    String which = Prefilter.find(BODY, u) && !Prefilter.find(IN_CAR, u) ? "body" : Prefilter.find(IN_CAR, u) && !Prefilter.find(BODY, u) ? "in_car" : "any";
                    List<String> who = surnames(u);
                    if (who.isEmpty()) out.add(new RecordReference("recording", RecordReference.NONE, null, which, c));
                    for (String s : who) out.add(new RecordReference("recording", RecordReference.NONE, s, which, c));
                } else if (Prefilter.find(IN_CAR, u)) {
                    out.add(new RecordReference("camera", RecordReference.BASIS, null, "in_car", c));
                } else if (Prefilter.find(BODY, u)) {
                    out.add(new RecordReference("camera", RecordReference.BASIS, null, "body", c));
                }
                if (Prefilter.find(INTERVIEW, u) && !Prefilter.find(WITHHELD, u) && !Prefilter.find(NO_INTERVIEW, u)) out.add(new RecordReference("recording", RecordReference.BASIS, null, "interview", c));
                // a result is stated: a table's header ("Unit  Description  Net Weight") states none
                if (labReport && Prefilter.find(LAB_RESULT, u) && (NumberWords.hasDigit(u) || Prefilter.find(RESULT_STATED, u))) out.add(new RecordReference("lab", RecordReference.BASIS, null, "result", c));
                if (labReport && Prefilter.find(SAMPLED, u)) out.add(new RecordReference("lab", RecordReference.BASIS, null, "sampling", c));
            }
            if (type.equals("cad_log") || fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) cad(d, page, out, type.equals("cad_log"));
        }
        if (type.equals("cad_log")) out.add(new RecordReference("dispatch_audio", RecordReference.BASIS, null, "radio", titleCite));
        if (author != null && Prefilter.find(FIRST_PERSON_SCENE, d.fullText()) && Set.of("police_report", "supplement_report", "k9_report", "citation", "other", "witness_statement").contains(type)) {
            String s = surname(author);
            if (s != null && !type.equals("witness_statement")) out.add(new RecordReference("scene", RecordReference.BASIS, s, author, firstPersonCite(d)));
        }
        // The people a police agency's own report or log places on scene work with that agency (a prosecutor's letter
        // or a court's paper says nothing of whose officer anyone is).
        if (agency != null && !Prefilter.find(NOT_POLICE_AGENCY, agency)) {
            Set<String> members = new java.util.LinkedHashSet<>();
            for (RecordReference r : List.copyOf(out)) {
                if (r.kind().equals("scene") && r.role().equals(RecordReference.BASIS) && r.subject() != null && !Prefilter.matches(r.subject(), ".*\\d.*")
                        && members.add(r.subject())) out.add(new RecordReference("scene", RecordReference.MEMBER, r.subject(), agency, r.citation()));
            }
        }
        return out;
    }

    private static final Pattern SEIZED = Pattern.compile("(?i)\\b(?:i|we|he|she|they|officers?|deputies|troopers?|agents?)\\s+(?:then\\s+|also\\s+)?(?:seized|recovered|collected|confiscated|impounded)\\b|"
            + "\\b(?:was|were)\\s+(?:seized|recovered|collected|confiscated|tagged|taken\\s+into\\s+evidence|placed\\s+into\\s+evidence|secured\\s+as\\s+evidence)\\b|"
            // "booked into property", "I secured the weapon": evidence taken, in the words officers use for it
            + "\\b(?:booked|logged|tagged|placed|entered|submitted)\\s+(?:it\\s+|them\\s+)?(?:into|in|as)\\s+(?:evidence|property)\\b|"
            + "\\b(?:i|we)\\s+secured\\s+the\\s+(?:weapon|handgun|firearm|pistol|revolver|rifle|shotgun|gun|knife|narcotics|drugs|currency|cash|money|phone|evidence)\\b");
    /** "No custodial interview of the defendant took place." */
    private static final Pattern NO_INTERVIEW = Pattern.compile("(?i)\\b(?:no|never\\s+an?)\\s+(?:\\w+\\s+){0,2}(?:interview|interrogation)s?\\b.{0,60}?\\b(?:took\\s+place|was\\s+(?:conducted|held|done)|occurred|were\\s+(?:conducted|held))\\b|\\b(?:was|were)\\s+not\\s+(?:interviewed|questioned|interrogated)\\b|\\bdeclined\\s+(?:to\\s+be\\s+interviewed|an?\\s+interview)\\b");
    private static final Pattern INTERVIEW = Pattern.compile("(?i)\\b(?:(?:custodial|recorded|video(?:taped)?|audio)\\s+(?:interview|interrogation|statement)|interview(?:ed)?\\s+(?:\\w+\\s+){0,4}(?:at|in)\\s+the\\s+(?:station|office|headquarters|precinct|jail|detention|interview\\s+room|department|sheriff'?s\\s+office|barracks|post|cid)|"
            + "interview\\s+room|interrogation\\s+room|(?:in|at)\\s+the\\s+(?:interview|interrogation)\\s+room|post-?miranda\\s+interview)\\b");
    private static final Pattern LAB_RESULT = Pattern.compile("(?i)\\b(?:results?|conclusions?|findings|interpretation)\\s*:|\\d\\s*(?:g/100\\s*ml|mg/dl|ng/ml|mg/l)\\b|\\b(?:identified|confirmed|contain(?:s|ed)|positive\\s+for|net\\s+weight|"
            + "blood\\s+alcohol|bac\\b|concentration|detected|consistent\\s+with|opinion|match(?:ed|es)?|excluded|included\\s+as|source\\s+attribution|operable|test[- ]fired)\\b");
    private static final Pattern RESULT_STATED = Pattern.compile("(?i)\\b(?:identified|confirmed|contain(?:s|ed)|positive|detected|consistent\\s+with|opinion|match(?:ed|es)?|excluded|included\\s+as|attribut\\w+|operable|test[- ]fired|was|were|is|are)\\b|:\\s*\\S");
    private static final Pattern SAMPLED = Pattern.compile("(?i)\\b(?:(?:items?|exhibits?|units?|samples?|cans?|bags?|containers?)\\s+[\\w ,]{1,30}?\\s+(?:was|were)\\s+not\\s+(?:analy[sz]ed|tested|examined)|selected\\s+(?:one|a|\\d+)\\s+samples?\\s+from|(?:was|were)\\s+(?:randomly\\s+|arbitrarily\\s+)?selected\\s+(?:and|for)\\s+(?:analy|test|examin)\\w*|(?:sampling\\s+(?:plan|scheme|procedure|protocol)\\s+(?:was\\s+)?(?:applied|used|followed|employed))|(?:were|was)\\s+(?:randomly\\s+)?sampled|representative\\s+sample|hypergeometric|randomly\\s+selected|(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:of|out\\s+of)\\s+(?:the\\s+)?(?:\\d+|[a-z]+)\\s+(?:units|bags|baggies|packets|bundles|capsules|tablets|pills|vials|items|envelopes|containers|bricks)\\s+(?:were\\s+)?(?:tested|analy[sz]ed|examined|selected))\\b");

    private static final Pattern AGENCY = Pattern.compile("(?i)\\b(?:police|sheriff'?s?|patrol|troopers?|department|laborator(?:y|ies)|crime\\s+lab|bureau|division|task\\s+force|"
            + "office\\s+of|agency|commission|marshals?|rangers?|authority|constable|prosecutor|district\\s+attorney|attorney'?s\\s+office|"
            + "forensic|toxicology|public\\s+safety|enforcement|service)\\b");

    /** The agency a document comes from: the first line of its head that names one ("Marion County Sheriff's Office"). */
    static String agency(String text) {
        for (String line : text.strip().lines().filter(l -> !l.isBlank()).limit(6).toList()) {
            String l = Prefilter.replaceAll(Prefilter.replaceAll(line.strip(), "\\s{3,}.*", ""), "[|,;]+$", "").strip();
            // "OXBOW COUNTY SHERIFF'S OFFICE - OFFENSE REPORT": the agency, then what the document is
            String[] dash = l.split("\\s+[-–—]\\s+", 2);
            if (dash.length == 2 && Prefilter.matches(dash[0], "(?i).*\\b(?:department|office|bureau|division|police|sheriff'?s?|patrol|commission|authority|service)\\s*$")) l = dash[0].strip();
            if (l.length() < 6 || l.length() > 80 || !Prefilter.find(AGENCY, l)) continue;
            if (Prefilter.matches(l, "(?i).*\\b(?:report|log|form|transcript|narrative|warrant|affidavit|chronology|receipt|record|statement|page)\\b.*")
                    && !Prefilter.matches(l, "(?i).*\\b(?:department|office|bureau|laboratory|division|police|sheriff'?s?)\\s*$")) continue;
            l = Prefilter.replaceAll(Prefilter.replaceFirst(l, "(?i)^(?:agency|department|dept\\.?)\\s*:\\s*", ""), "\\s+", " ");
            return l.equals(l.toUpperCase(Locale.ROOT)) ? titleCase(l) : l;
        }
        return null;
    }

    private static final Set<String> KNOWN_ACRONYMS = Set.of("DEA", "FBI", "HSI", "ICE", "ATF", "USPIS", "DOJ", "DHS", "CBP", "USA", "US", "LLC", "DNA",
            "CSI", "GBI", "TBI", "SBI", "OSBI", "DCI", "BCI", "ISP", "NSP", "CHP", "DPS", "WSP", "OSHP", "NYPD", "LAPD", "MPD", "SO", "PD", "DA", "ADA", "AUSA", "ALE");
    private static final Set<String> SMALL_WORDS = Set.of("of", "and", "the", "for", "in", "on", "at", "to", "de", "du");
    private static final Pattern ACRONYM = Pattern.compile("^(?:[A-Z]{2,5}|[A-Z](?:\\.[A-Z])+\\.?|U\\.S\\.|[IVX]+|\\d\\w*)$");

    /** "ARVON COUNTY SHERIFF'S OFFICE" as a letter writes it: "Arvon County Sheriff's Office"; short capitals (DEA, K9) stay. */
    static String titleCase(String caps) {
        StringBuilder b = new StringBuilder();
        String[] words = caps.split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String lower = w.toLowerCase(Locale.ROOT);
            if (i > 0) b.append(' ');
            if (Prefilter.matches(ACRONYM, w) && (KNOWN_ACRONYMS.contains(Prefilter.replaceAll(w, "[^A-Z0-9]", "")) || !Prefilter.matches(w, ".*[AEIOUY].*"))) b.append(w);
            else if (i > 0 && SMALL_WORDS.contains(lower)) b.append(lower);
            else {
                // capitalise each part of a hyphenated word: "TRI-COUNTY" is "Tri-County"
                StringBuilder part = new StringBuilder();
                boolean start = true;
                for (char ch : lower.toCharArray()) {
                    part.append(start ? Character.toUpperCase(ch) : ch);
                    start = ch == '-' || ch == '/' || ch == '(';
                }
                b.append(part);
            }
        }
        return b.toString();
    }

    /** The first lines with words: where a form's name and the agency's sit. */
    static String title(String text) {
        return String.join("\n", text.strip().lines().filter(l -> !l.isBlank()).limit(5).toList());
    }

    private static String firstLines(String text, int n) {
        String t = String.join(" ", text.strip().lines().filter(l -> !l.isBlank()).limit(n).toList());
        return t.isBlank() ? "(page 1)" : t;
    }

    private static Citation firstPersonCite(Document d) {
        for (Page p : d.pages()) {
            for (String u : units(p.text())) if (Prefilter.find(FIRST_PERSON_SCENE, u)) return Citation.of(d, p, u);
        }
        return Citation.of(d, d.pages().get(0), firstLines(d.pages().get(0).text(), 2));
    }

    /**
     * The text of a page cut where a lawyer would quote it: each line of a table or form on its own, prose joined
     * across wrapped lines and cut into sentences.
     */
    static List<String> units(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.strip();
            boolean row = l.isEmpty() || line.contains("\t") || l.contains("|") || Prefilter.matches(l, ".*\\S {3,}\\S.*") || l.endsWith(":")
                    || l.chars().filter(ch -> ch == ',').count() >= 3 && !l.contains(". ") || l.length() < 70 && l.equals(l.toUpperCase(Locale.ROOT)) && l.chars().anyMatch(Character::isLetter)
                    || Prefilter.matches(l, "^(?:\\[?\\d{1,2}:\\d{2}(?::\\d{2})?\\]?|[-*•]|\\d{1,2}[.)])\\s.*") || Prefilter.matches(l, "^[A-Z][A-Za-z .#'/()-]{0,40}:\\s.*")
                    // a lettered entry of an index ("E.  Sound file of ...", "(b) ..."); not an initial ("J. Montes")
                    || Prefilter.matches(l, "^(?:[A-Z][.)]\\s{2,}|\\(?[a-z]\\)\\s)\\S.*");
            // a numbered paragraph whose sentence runs onto the next line ("7. Cameras. Division of Forestry officers are not
            // issued body-worn cameras, and Division vehicles carry no" / "in-car video."): its lines are one unit
            boolean wrappedEntry = row && l.length() >= 50 && Prefilter.matches(l, "^(?:\\d{1,2}[.)]|[-*•])\\s.*[A-Za-z,]$")
                    && !line.contains("\t") && !l.contains("|") && !Prefilter.matches(l, ".*\\S {3,}\\S.*");
            if (wrappedEntry) {
                flush(para, out);
                para.append(l);
            } else if (row) {
                flush(para, out);
                if (!l.isEmpty()) out.add(l);
            } else {
                if (!para.isEmpty()) para.append(' ');
                para.append(l);
            }
        }
        flush(para, out);
        return out;
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"')]?)\\s+(?=[A-Z\"(\\[])");
    private static final Pattern ABBREV_END = Pattern.compile("(?i)(?:\\b(?:ofc|off|tpr|trp|dep|sgt|cpl|lt|capt|det|inv|insp|no|st|rd|ave|mr|ms|mrs|dr|approx|hwy|co|dept|jr|sr|vs|v|sa|p\\.o|u\\.s|[a-z]))\\.$");

    private static void flush(StringBuilder para, List<String> out) {
        if (para.isEmpty()) return;
        String p = para.toString();
        para.setLength(0);
        int from = 0;
        Matcher m = SENTENCE_END.matcher(p);
        while (m.find()) {
            String before = p.substring(from, m.start());
            if (Prefilter.find(ABBREV_END, before)) continue;
            out.add(before.strip());
            from = m.end();
        }
        if (from < p.length()) out.add(p.substring(from).strip());
    }

    /** Lower-case letters and digits only: how numbers and names are compared across documents. */
    public static String normal(String s) {
        return s == null ? "" : Prefilter.replaceAll(s.toLowerCase(Locale.ROOT), "[^a-z0-9]", "");
    }

    /** The surname of a titled or plain name: its last word that can be one. */
    static String surname(String name) {
        String[] words = Prefilter.replaceAll(Prefilter.replaceAll(name, "#\\s*\\S+", " "), "\\(.*?\\)", " ").strip().split("[\\s,]+");
        // "LANE, J." and "Lane, Jordan" put the surname first
        if (Prefilter.matches(name, "^\\s*[A-Z][A-Za-z'’-]+,\\s*[A-Z].*")) return surnameWord(words[0]);
        // a CAD remark in capitals runs the name into what follows it ("SGT IBARRA AT OUTGATE POST"): the name ends
        // before the first preposition
        for (int i = 1; i < words.length; i++) {
            if (Prefilter.matches(words[i], "(?i)at|on|in|to|from|with|and|of|for|by|via|near|enroute|enrt|w/")) {
                words = java.util.Arrays.copyOf(words, i);
                break;
            }
        }
        for (int i = words.length - 1; i >= 0; i--) {
            String s = surnameWord(words[i]);
            if (s != null) return s;
        }
        return null;
    }

    private static String surnameWord(String w) {
        String s = Prefilter.replaceAll(Prefilter.replaceAll(w, "[^A-Za-z'’-]", ""), "['’]s$", "");
        if (s.length() < 2 || s.endsWith(".") || NOT_SURNAMES.contains(s.toLowerCase(Locale.ROOT))) return null;
        // short capitals with no vowel are CAD codes (ONSC, ENRT, CLR), not names
        if (s.equals(s.toUpperCase(Locale.ROOT)) && s.length() <= 5 && !Prefilter.matches(s, ".*[AEIOUY].*")) return null;
        if (!Character.isUpperCase(s.charAt(0))) return null;
        return s.toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    /** The surnames of the titled names in a line ("Tpr. Okafor and Sgt. Mills arrived"). */
    static List<String> surnames(String line) {
        Set<String> out = new LinkedHashSet<>();
        // a form's next label ends a name: "Marshal D. Petrakis Assisting: D/M K. Oduya"
        if (line.indexOf(':') >= 0) line = Prefilter.replaceAll(line, "(?<=\\S)\\s+(?=[A-Z][a-z]+(?:\\s+[A-Za-z]+)?:\\s)", " ; ");
        Matcher m = TITLED.matcher(line);
        while (m.find()) {
            // "OCME Investigator R. Thibodeau", "Fire Investigator ...": an investigator of another service is no officer
            if (CIVILIAN_SERVICE.matcher(line.substring(Math.max(0, m.start() - 30), m.start())).find()) continue;
            String s = surname(m.group(1));
            if (s != null) out.add(s);
        }
        return new ArrayList<>(out);
    }

    /**
     * "F0ntaine" is Fontaine (the project's OCR letters) and "Unit 2l" unit 21 (a letter read inside a number), for
     * matching only: quotes stay as written.
     */
    static String ocrFold(String s) {
        return Prefilter.replaceAll(Prefilter.replaceAll(dev.leverage.ingest.OcrText.letters(s), "(?<=\\d)[lI](?=\\b|\\d)", "1"), "(?<=\\d)[O](?=\\b|\\d)", "0");
    }

    private static final Pattern NAME_THEN_UNIT = Pattern.compile("\\b" + RANK + "\\s+((?:[A-Z]\\.\\s?|[A-Z][A-Za-z'’-]+\\s+){0,3}[A-Z][A-Za-z'’-]+)\\s*(?:#\\s*\\w+\\s*)?[(,]\\s*(?:unit|car|call\\s*sign)?\\s*#?\\s*([A-Z0-9]{1,3}-?[A-Z0-9]{0,4}\\d[A-Z0-9]?)\\s*\\)?");
    private static final Pattern UNIT_THEN_NAME = Pattern.compile("\\b(?:(?i:unit|car)\\s*#?\\s*)?([A-Z0-9]{1,3}-?[A-Z0-9]{0,4}\\d[A-Z0-9]?)\\s*\\(\\s*(?:" + RANK + "\\s+)?((?:[A-Z]\\.\\s?)?[A-Z][A-Za-z'’-]+)\\s*\\)");

    private static final String OTHER_AGENCY = "((?:(?:[A-Z][A-Za-z'’.]*\\s+){1,4}(?:Police(?:\\s+Department)?|Sheriff'?s?(?:\\s+Office|\\s+Department)?|Marshal'?s?\\s+Office|Highway\\s+Patrol|State\\s+Police|PD|SO)|[A-Z]{1,4}PD|[A-Z]{2,4}SO))";
    /** "Brackwater Police Officer Nina Ybarra", "Pollard County Sheriff's Deputy Sal Marchetti" */
    private static final Pattern AGENCY_BEFORE = Pattern.compile(OTHER_AGENCY + "\\s+$");
    /** "Bramwell PD providing perimeter and transport (Sgt. Ike Feeney and Ofc. Alma Pruneda": the agency, then its people in parentheses */
    private static final Pattern AGENCY_LISTING = Pattern.compile(OTHER_AGENCY + "[^()\\n.;]{0,50}(?:\\([^()]*|;\\s*)$");
    /** "Ofc Brandt from BPD", "Sgt. Crowe of the Bellmere Police Department" */
    private static final Pattern AGENCY_AFTER = Pattern.compile("^\\s*,?\\s*(?:from|of|with)\\s+(?:the\\s+)?" + OTHER_AGENCY + "\\b");
    private static final Set<String> AGENCY_WORDS = Set.of("police", "department", "sheriff", "sheriff's", "sheriffs", "office", "county", "state", "city",
            "highway", "patrol", "marshal", "marshal's", "of", "the", "and");

    /**
     * Officers a line introduces with an agency other than the document's own: a statement that "Bureau special agents
     * are not issued body-worn cameras" says nothing of the city officer who came to help.
     */
    private static void outsiders(String u, String own, Citation c, List<RecordReference> out) {
        if (!u.contains("Police") && !u.contains("Sheriff") && !u.contains("Marshal") && !u.contains("Patrol") && !u.contains(" PD") && !u.contains(" SO")
                && !Prefilter.find(AGENCY_ACRONYM, u)) return;
        Matcher m = TITLED.matcher(u);
        while (m.find()) {
            Matcher before = AGENCY_BEFORE.matcher(u.substring(Math.max(0, m.start() - 80), m.start()));
            Matcher after = AGENCY_AFTER.matcher(u.substring(m.end()));
            Matcher listed = AGENCY_LISTING.matcher(u.substring(Math.max(0, m.start() - 120), m.start()));
            String agency = before.find() ? before.group(1) : after.find() ? after.group(1) : listed.find() ? listed.group(1) : null;
            if (agency == null) continue;
            if (sameAgency(agency, own)) continue;
            String s = surname(m.group(1));
            if (s != null) out.add(new RecordReference("scene", RecordReference.OUTSIDE, s, agency.strip(), c));
        }
    }

    private static final Pattern NOT_POLICE_AGENCY = Pattern.compile("(?i)\\b(attorney|prosecutor|court|clerk|defender|laborator|lab\\b|crime\\s+lab|forensic|toxicolog|coroner|medical\\s+examiner|hospital)");
    private static final Pattern AGENCY_ACRONYM = Pattern.compile("\\b[A-Z]{1,4}(?:PD|SO)\\b");

    /** "BPD" and "Bellmere Police Department", "Pollard County Sheriff's Office" and "Pollard County SO" are one agency. */
    static boolean sameAgency(String a, String own) {
        String lo = own.toLowerCase(Locale.ROOT);
        String la = a.strip().toLowerCase(Locale.ROOT);
        if (Prefilter.matches(a.strip(), "[A-Z]{2,6}")) {
            StringBuilder initials = new StringBuilder();
            for (String w : own.split("[^A-Za-z']+")) if (!w.isEmpty() && !w.equalsIgnoreCase("of") && !w.equalsIgnoreCase("the")) initials.append(Character.toLowerCase(w.charAt(0)));
            return initials.toString().startsWith(la.substring(0, Math.max(1, la.length() - 2))) || lo.contains(la);
        }
        for (String w : la.split("[^a-z'’]+")) {
            if (w.length() > 2 && !AGENCY_WORDS.contains(w) && lo.contains(w)) return true;
        }
        return false;
    }

    private static void scene(Document d, String raw, Citation c, String type, boolean transcript, String agency, List<RecordReference> out) {
        String u = ocrFold(raw);
        // each pattern below is tried only where the punctuation it needs is on the line: this runs on every line
        boolean paren = u.indexOf('(') >= 0;
        Matcher nu = NAME_THEN_UNIT.matcher(paren || u.indexOf(',') >= 0 ? u : "");
        while (nu.find()) {
            String s = surname(nu.group(1));
            if (s != null && nu.group(2).chars().filter(Character::isDigit).count() <= 4) out.add(new RecordReference("unit", RecordReference.ALIAS, normal(nu.group(2)), s, c));
        }
        Matcher un = UNIT_THEN_NAME.matcher(paren ? u : "");
        while (un.find()) {
            String s = surname(un.group(2));
            if (s != null) out.add(new RecordReference("unit", RecordReference.ALIAS, normal(un.group(1)), s, c));
        }
        boolean titled = Prefilter.find(TITLED, u);
        // a speaker on a recording was there: "OFC. LANE: Step out of the car for me."
        if (transcript) {
            Matcher sp = SPEAKER.matcher(u);
            if (sp.find()) {
                String s = surname(sp.group(1));
                if (s != null) out.add(new RecordReference("scene", RecordReference.BASIS, s, sp.group(1).strip(), c));
            }
        }
        if (!titled && !Prefilter.find(UNIT, u) && !Prefilter.find(K9_UNIT, u)) return;
        if (Set.of("lab_report", "lab_submission", "custody_log").contains(type)) return;
        outsiders(u, String.valueOf(agency), c, out);
        boolean cancelled = Prefilter.find(CANCELLED, u);
        boolean scene = Prefilter.find(SCENE, u);
        boolean away = Prefilter.find(AWAY, u);
        List<String> names = surnames(u);
        // "I cancelled it at 1355 before it arrived because Cpl. Nakashima was closer": whoever the reason names was
        // not called off
        if (cancelled) {
            Matcher cm = CANCELLED.matcher(u);
            Matcher why = CANCEL_REASON.matcher(u);
            if (cm.find() && why.find(cm.end())) {
                List<String> before = surnames(u.substring(0, why.start()));
                names = names.stream().filter(before::contains).toList();
            }
        }
        for (String s : names) {
            if (cancelled) out.add(new RecordReference("scene", RecordReference.CANCELLED, s, null, c));
            else if (scene && !away) out.add(new RecordReference("scene", RecordReference.BASIS, s, null, c));
        }
        Matcher um = UNIT.matcher(u);
        List<String> units = new ArrayList<>();
        while (um.find()) units.add(normal(um.group(1)));
        Matcher km = K9_UNIT.matcher(u);
        while (km.find()) units.add(normal(km.group(1)));
        for (String unit : units) {
            if (cancelled) out.add(new RecordReference("scene", RecordReference.CANCELLED, unit, null, c));
            else if (scene && !away) out.add(new RecordReference("scene", RecordReference.BASIS, unit, null, c));
        }
        if (units.size() == 1 && names.size() == 1) out.add(new RecordReference("unit", RecordReference.ALIAS, units.get(0), names.get(0), c));
    }

    private static final Pattern SPEAKER = Pattern.compile("^\\s*(?:\\[?[\\d:.]+\\]?\\s*)?(" + RANK + "\\s+(?:[A-Z][A-Za-z'’-]*\\.?\\s+){0,2}[A-Z][A-Za-z'’-]+)\\s*(?:#\\s*\\d+\\s*)?(?:\\(.{0,20}\\)\\s*)?:");

    /** The header of a transcript names whose camera recorded it. */
    private static void recordingOwner(String u, Citation c, List<RecordReference> out) {
        if (!Prefilter.find(CAMERA, u) && !Prefilter.matches(u, "(?is).*\\b(?:wearer|recorded\\s+by|assigned\\s+to|device|officer|deputy|trooper|unit|source)\\b.*")) return;
        if (u.matches("(?is)^\\s*(?:\\[?[\\d:.]+\\]?\\s*)?" + RANK + "\\s+[A-Z][A-Za-z'’-]+\\s*:.*")) return; // a speaker's line, not the header
        for (String s : surnames(u)) out.add(new RecordReference("recording", RecordReference.PRODUCED, s, "video", c));
        Matcher um = UNIT.matcher(u);
        while (um.find()) out.add(new RecordReference("recording", RecordReference.PRODUCED, normal(um.group(1)), "video", c));
    }

    private static final Pattern PACKET = Pattern.compile("(?i)\\b(?:case\\s+(?:record|file|folder|packet|jacket)|litigation|packet|package|documentation|data\\s+(?:package|packet)|"
            + "discovery\\s+(?:packet|package|copy)|supporting\\s+(?:documents|records|data)|bench\\s+notes|worksheets?|analyst'?s?\\s+notes|lab(?:oratory)?\\s+file)\\b");

    /** A heading line: short, and in capitals, numbered, or ending in a colon. */
    static boolean heading(String l) {
        if (l.isEmpty() || l.length() > 90) return false;
        boolean caps = l.chars().anyMatch(Character::isLetter) && l.equals(l.toUpperCase(Locale.ROOT));
        return caps || l.endsWith(":") || Prefilter.matches(l, "^(?:[A-Z]|\\d{1,2}|[IVX]{1,4})[.)]\\s+\\S.*|(?i)^(?:section|part|tab|attachment|appendix|exhibit)\\s+\\w{1,3}\\b.*") || Prefilter.matches(l, "(?i)^[-=*#]+\\s*\\S.*");
    }

    /** What a document is, by its title and file name. */
    private static void identity(Document d, Page first, String title, Citation c, boolean transcript, List<RecordReference> out) {
        String t = title.toLowerCase(Locale.ROOT);
        String type = d.type() == null ? "other" : d.type();
        if (transcript) {
            if (Prefilter.find(NINE_ONE_ONE, title)) out.add(new RecordReference("dispatch_audio", RecordReference.PRODUCED, null, "911", c));
            else if (Prefilter.matches(t, "(?s).*\\b(?:radio|dispatch|channel|cad\\s+audio)\\b.*")) out.add(new RecordReference("dispatch_audio", RecordReference.PRODUCED, null, "radio", c));
            else if (Prefilter.matches(t, "(?s).*\\b(?:interview|interrogation|statement)\\b.*")) out.add(new RecordReference("recording", RecordReference.PRODUCED, null, "interview", c));
            else {
                for (String s : surnames(title)) out.add(new RecordReference("recording", RecordReference.PRODUCED, s, "video", c));
                String file = d.path().substring(d.path().lastIndexOf('/') + 1);
                for (String w : file.split("[^A-Za-z]+")) {
                    if (w.length() >= 3 && !NOT_SURNAMES.contains(w.toLowerCase(Locale.ROOT))) out.add(new RecordReference("recording", RecordReference.PRODUCED, "file:" + w.toLowerCase(Locale.ROOT), "video", c));
                }
            }
        }
        if (Prefilter.find(DOG, title) || t.contains("handler") || t.contains("detection")) {
            // the dog's report of this sniff is not its records, whatever its head says about them
            if (!Prefilter.matches(t, "(?s).*\\b(?:deployment|sniff|search|incident|narrative|offense|arrest)\\s+report.*") && !type.equals("k9_report")) {
                for (Cue cue : K9_RECORDS) if (cue.in(title)) out.add(new RecordReference("k9", RecordReference.PRODUCED, null, cue.record(), c));
            }
        }
        if (type.startsWith("lab") || Prefilter.matches(t, "(?s).*\\b(?:lab|laboratory|forensic|crime\\s+lab|toxicology|chemistry|analyst|balance|instrument|proficiency)\\b.*")) {
            for (Cue cue : LAB_RECORDS) if (cue.in(title)) out.add(new RecordReference("lab", RecordReference.PRODUCED, null, cue.record(), c));
            // a lab's case file or litigation packet carries its records as sections: each heading is a record produced
            if (Prefilter.find(PACKET, title)) {
                for (Page p : d.pages()) {
                    for (String line : p.text().split("\n")) {
                        String l = line.strip();
                        if (!heading(l)) continue;
                        for (Cue cue : LAB_RECORDS) if (cue.in(l)) out.add(new RecordReference("lab", RecordReference.PRODUCED, null, cue.record(), Citation.of(d, p, l)));
                    }
                }
            }
        }
        if (type.equals("warrant") || t.contains("warrant") || t.contains("affidavit")) {
            // each line of the head on its own, and only where it reads as a heading: "AFFIDAVIT FOR SEARCH WARRANT",
            // "SEARCH WARRANT - BUCCAL SWAB"; "upon the sworn affidavit of ..." names the affidavit the warrant rests on
            for (String line : title.split("\n")) {
                String head = line.strip();
                for (Cue cue : WARRANT_RECORDS) {
                    Matcher m = cue.words().matcher(head);
                    if (m.find() && !Prefilter.matches(head.substring(0, m.start()), ".*[a-z].*")) {
                        warrantRecords(head, c, docWarrant(d), out);
                        break;
                    }
                }
            }
            // a warrant packet that carries its affidavit or return as a part of its own: a heading line
            for (Page p : d.pages()) {
                for (String line : p.text().split("\n")) {
                    String l = line.strip();
                    if (l.length() > 70 || l.isEmpty() || !l.equals(l.toUpperCase(Locale.ROOT))) continue;
                    warrantRecords(l, Citation.of(d, p, l), docWarrant(d), out);
                }
            }
        }
        if (type.equals("custody_log")) out.add(new RecordReference("custody", RecordReference.PRODUCED, null, "custody_log", c));
        for (Cue cue : CUSTODY_RECORDS) if (cue.in(title)) out.add(new RecordReference("custody", RecordReference.PRODUCED, null, cue.record(), c));
        if (Prefilter.matches(t, "(?s).*\\b(?:informant|source|ci|cs|chs|cooperat\\w*|confidential)\\b.*")) {
            for (Cue cue : INFORMANT_RECORDS) {
                if (!cue.in(title)) continue;
                Matcher m = INFORMANT.matcher(d.fullText());
                String id = null;
                while (m.find() && id == null) id = informantId(m);
                out.add(new RecordReference("informant", RecordReference.PRODUCED, id, cue.record(), c));
            }
        }
        // a supplement is the supplement its title numbers
        Matcher sup = SUPPLEMENT_SEQ.matcher(title);
        if (sup.find()) out.add(new RecordReference("cited_document", RecordReference.PRODUCED, "supplement" + Integer.parseInt(sup.group(1)), null, c));
    }

    /**
     * The warrant papers a title or a listed line names. "Affidavit for the phone warrant" and "Search Warrant (Page 2)
     * Return" name the affidavit and the return, not the warrant: the warrant itself only when nothing else is named or
     * the line lists it too ("warrant and affidavit").
     */
    private static void warrantRecords(String text, Citation c, String documentNumber, List<RecordReference> out) {
        // which warrant: the number the line gives, else the one the document is about
        String number = warrantNumber(text);
        if (number == null) number = documentNumber;
        boolean other = false;
        for (Cue cue : WARRANT_RECORDS) {
            if (cue.record().equals("warrant") || !cue.in(text)) continue;
            other = true;
            out.add(new RecordReference("warrant", RecordReference.PRODUCED, number, cue.record(), c));
        }
        if (!WARRANT_RECORDS.get(2).in(text)) return;
        if (!other || Prefilter.matches(text, "(?is).*\\bwarrants?(?:\\s+(?:no\\.?\\s*)?[A-Z]*\\d[\\w-]*)?(?:\\s*\\([^)]*\\))?\\s*(?:,|and|&|/|\\+|with)\\s*(?:the\\s+|its\\s+)?(?:affidavit|return|application).*|.*\\b(?:affidavit|return)\\s*(?:,|and|&|/|\\+)\\s*(?:the\\s+)?(?:signed\\s+)?(?:search\\s+)?warrant\\b.*")) {
            out.add(new RecordReference("warrant", RecordReference.PRODUCED, number, "warrant", c));
        }
    }

    /** The warrant a warrant document is about: the first warrant number in it, or null. */
    private static String docWarrant(Document d) {
        return warrantNumber(d.fullText());
    }

    /**
     * A line of a prosecutor's index or cover letter that lists records as produced.
     *
     * @param entry the line before when this one carries on its entry, else empty
     * @param index an index or cover letter, whose file names are files produced (an e-mail's are only attached to it)
     */
    private static void listed(String u, String entry, Citation c, boolean index, List<RecordReference> out) {
        String l = u.toLowerCase(Locale.ROOT);
        // "MEDIA-4   CID interview of R. Pellegrini", "AV-1  Audio-visual ...": an index's media line is a recording
        boolean camera = Prefilter.find(CAMERA, u) || Prefilter.find(CAMERA, entry);
        // "Photo log (27 photos, my camera and Dep. Marchetti's phone)": a still camera records no video
        if (camera && Prefilter.find(PHOTOS, u) && !Prefilter.find(VIDEO, u)) camera = false;
        if (camera || l.contains("recording") || Prefilter.find(MEDIA_LINE, u)) {
            if (Prefilter.find(NINE_ONE_ONE, u)) out.add(new RecordReference("dispatch_audio", RecordReference.PRODUCED, null, "911", c));
            if (Prefilter.matches(l, "(?s).*\\b(?:radio|dispatch\\s+audio|cad\\s+audio|channel)\\b.*")) out.add(new RecordReference("dispatch_audio", RecordReference.PRODUCED, null, "radio", c));
            if (Prefilter.matches(l, "(?s).*\\b(?:interview|interrogation)\\b.*")) out.add(new RecordReference("recording", RecordReference.PRODUCED, null, "interview", c));
            if (camera) {
                for (String s : surnames(u)) out.add(new RecordReference("recording", RecordReference.PRODUCED, s, "video", c));
                Matcher um = UNIT.matcher(u);
                while (um.find()) out.add(new RecordReference("recording", RecordReference.PRODUCED, normal(um.group(1)), "video", c));
                Matcher km = K9_UNIT.matcher(u);
                while (km.find()) out.add(new RecordReference("recording", RecordReference.PRODUCED, normal(km.group(1)), "video", c));
                // "BWC - Lane, Ofc. J.", "in-car video: Okafor": a capitalised surname with no title
                Matcher bare = Pattern.compile("(?:[-–:(,]|\\bof)\\s*([A-Z][a-z'’-]{2,}|[A-Z]{3,})\\b").matcher(u);
                while (bare.find()) {
                    String s = surnameWord(bare.group(1));
                    if (s != null) out.add(new RecordReference("recording", RecordReference.PRODUCED, "file:" + s, "video", c));
                }
            }
        } else if (Prefilter.matches(l, "(?s).*\\b(?:audio|\\.wav|\\.mp3|sound\\s+(?:file|recording)s?)\\b.*")) {
            if (Prefilter.find(NINE_ONE_ONE, u)) out.add(new RecordReference("dispatch_audio", RecordReference.PRODUCED, null, "911", c));
            if (Prefilter.matches(l, "(?s).*\\b(?:radio|dispatch|cad|channel|talk\\s*group)\\b.*")) out.add(new RecordReference("dispatch_audio", RecordReference.PRODUCED, null, "radio", c));
        }
        if (Prefilter.matches(l, "(?s).*\\b(?:radio\\s+traffic|dispatch\\s+(?:audio|recordings?|tapes?)|radio\\s+(?:recordings?|audio|transmissions))\\b.*")) out.add(new RecordReference("dispatch_audio", RecordReference.PRODUCED, null, "radio", c));
        if (Prefilter.find(NINE_ONE_ONE, u) && Prefilter.matches(l, "(?s).*\\b(?:recording|audio|call|transcript)\\b.*") && !l.contains("cad")) out.add(new RecordReference("dispatch_audio", RecordReference.PRODUCED, null, "911", c));
        if (Prefilter.find(DOG, u) || Prefilter.find(DOG, entry)) for (Cue cue : K9_RECORDS) if (cue.in(u)) out.add(new RecordReference("k9", RecordReference.PRODUCED, null, cue.record(), c));
        for (Cue cue : LAB_RECORDS) if (cue.in(u)) out.add(new RecordReference("lab", RecordReference.PRODUCED, null, cue.record(), c));
        // "Return and Inventory, filed 07/03/2025" in an index names a warrant's return without the word warrant
        if ((l.contains("warrant") || l.contains("affidavit") || Prefilter.find(RETURN_AND_INVENTORY, u)) && !Prefilter.find(NO_WARRANT, u)) warrantRecords(u, c, null, out);
        for (Cue cue : CUSTODY_RECORDS) if (cue.in(u)) out.add(new RecordReference("custody", RecordReference.PRODUCED, null, cue.record(), c));
        Matcher inf = INFORMANT.matcher(u);
        if (inf.find() || Prefilter.matches(l, "(?s).*\\b(?:informant|source)\\b.*")) {
            String id = inf.find(0) ? informantId(inf) : null;
            for (Cue cue : INFORMANT_RECORDS) if (cue.in(u)) out.add(new RecordReference("informant", RecordReference.PRODUCED, id, cue.record(), c));
        }
        Matcher sup = SUPPLEMENT_SEQ.matcher(u);
        while (sup.find()) out.add(new RecordReference("cited_document", RecordReference.PRODUCED, "supplement" + Integer.parseInt(sup.group(1)), null, c));
        Matcher num = CITED.matcher(u);
        while (num.find()) out.add(new RecordReference("cited_document", RecordReference.PRODUCED, normal(num.group(2)), null, c));
        if (index) files(u, c, RecordReference.PRODUCED, out);
        out.add(new RecordReference("listing", RecordReference.PRODUCED, normal(u), null, c));
    }

    /**
     * "No search warrant was sought", "no warrant was obtained or relied on": a warrant denied, whatever verb follows;
     * "an application for a search warrant for the phones will be made": one not yet sought.
     */
    private static final Pattern NO_WARRANT = Pattern.compile("(?i)\\bno\\s+(?:search\\s+)?warrants?\\s+(?:was|were|has\\s+been|had\\s+been|is)\\s+(?:sought|obtained|needed|required|issued|requested|applied\\s+for|used|relied|executed|served)|"
            + "\\bwarrant\\b[^.;]{0,80}\\bwill\\s+be\\s+(?:made|submitted|filed|sought|applied\\s+for|requested|obtained|prepared)\\b");
    private static final Pattern CIVILIAN_SERVICE = Pattern.compile("(?i)\\b(?:ocme|medical\\s+examiner'?s?|m\\.e\\.|coroner'?s?|fire|ems|paramedic|hospital|insurance|loss\\s+prevention|asset\\s+protection|store)\\s*$");
    // "Neither is a confidential source": the two witnesses just named are not informants
    private static final Pattern NO_INFORMANT = Pattern.compile("(?i)\\b(?:no|not|never|without|neither|nor)\\b[^.;]{0,40}?\\b(?:any\\s+|an?\\s+|the\\s+)?(?:confidential\\s+)?(?:informants?|sources?|cooperating\\s+(?:sources?|individuals?|witness(?:es)?))\\b");
    /** A wrapped entry's second line: indented, or opening in lower case. */
    private static final Pattern CONTINUATION = Pattern.compile("\\s*[a-z(]");
    /** The heading of a list of what is not produced. */
    private static final Pattern WITHHELD_HEADING = Pattern.compile("(?i)\\s*(?:items?\\s+|records?\\s+|materials?\\s+)?(?:outstanding|not\\s+(?:yet\\s+)?(?:produced|provided|included)(?:\\s+at\\s+this\\s+time)?"
            // "Not included in Production 1:"
            + "(?:\\s+(?:in|from|with)\\s+(?:this\\s+|the\\s+)?(?:production|disclosure|release|volume|batch)(?:\\s+(?:no\\.?\\s*|#\\s*)?[\\w-]{1,6})?)?|"
            + "to\\s+be\\s+(?:provided|produced|supplemented)|withheld|pending|requested(?:\\s+but\\s+not\\s+(?:yet\\s+)?received)?|still\\s+outstanding)"
            + "(?:\\s+(?:items?|records?|materials?))?\\s*:?\\s*");
    /** A line that opens an entry of its own: a bullet, a number, a Bates or media id. */
    private static final Pattern NEW_ENTRY = Pattern.compile("\\s*(?:[-*•]|\\d{1,3}[.)]|[A-Z]{1,8}[- ]?\\d)");
    private static final Set<String> UNFINISHED_WORDS = Set.of("and", "or", "of", "with", "for");

    /** A line that stops mid-entry: on a colon, comma, slash or ampersand, or on "and", "or", "of", "with", "for". */
    private static boolean unfinished(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) end--;
        if (end == 0) return false;
        if (":,/&".indexOf(line.charAt(end - 1)) >= 0) return true;
        int start = end;
        while (start > 0 && Character.isLetter(line.charAt(start - 1))) start--;
        return UNFINISHED_WORDS.contains(line.substring(start, end)) && (start == 0 || !Character.isLetterOrDigit(line.charAt(start - 1)) && line.charAt(start - 1) != '_');
    }

    /** True when {@code next} carries on the listing entry {@code line} began (a wrapped line of an index). */
    private static boolean continues(String line, String next) {
        return Prefilter.lookingAt(CONTINUATION, next) || unfinished(line) && !Prefilter.lookingAt(NEW_ENTRY, next);
    }
    private static final Pattern MEDIA_LINE = Pattern.compile("(?i)^\\s*(?:media|dvd|cd|usb|av|video|audio|disc)[- ]?\\d{1,3}\\b");
    private static final Pattern LAB_TITLE = Pattern.compile("(?i)\\b(?:lab(?:oratory)?\\s+(?:case\\s+)?(?:packet|file|notes|report|worksheet)|case\\s+packet\\s+for\\s+laboratory|bench\\s+notes|examination\\s+worksheet)\\b");

    private static final Pattern RETURN_AND_INVENTORY = Pattern.compile("(?i)\\b(?:return\\s+(?:and|&)\\s+inventory|inventory\\s+(?:and|&)\\s+return)\\b");
    private static final Pattern ID_PREFIX = Pattern.compile("(?i)\\b(c\\.?\\s?[is]\\.?|c/[is]|chs|soi|cw|ccs)\\s*[-#]?\\s*(?:no\\.?\\s*|#\\s*)?$");

    /** "CI-0419" is ci0419, "Confidential Source (CS-22)" cs22; a number with no letters before it is a CI's. */
    private static String informantId(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                String before = m.group().substring(0, m.start(g) - m.start());
                Matcher p = ID_PREFIX.matcher(before);
                // "Confidential Source #22" is CS 22 and "Confidential Human Source 3317" CHS 3317, as their short forms write them
                String prefix = p.find() ? normal(p.group(1)) : Prefilter.matches(before, "(?is).*human\\s+source.*") ? "chs" : Prefilter.matches(before, "(?is).*source.*") ? "cs" : "ci";
                String number = m.group(g);
                int dash = number.indexOf('-');
                if (dash >= 0) number = number.substring(0, dash + 1) + number.substring(dash + 1).replace('O', '0').replace('I', '1').replace('l', '1');
                return prefix + normal(number);
            }
        }
        return null;
    }

    private static final Pattern SECOND = Pattern.compile("(?i)\\b(?:second|another|additional|separate|other|two|unnumbered|unregistered)\\s+(?:\\w+\\s+)?(?:confidential\\s+)?(?:informants?|sources?|cooperators?)\\b");

    private static void informants(String u, Citation c, List<RecordReference> out) {
        Matcher m = INFORMANT.matcher(u);
        while (m.find()) {
            // "informant" as a word of an instruction or a form's checkbox is no one
            if (Prefilter.matches(u, "(?is).*\\b(?:no|not\\s+an?|none|n/a)\\s+(?:confidential\\s+)?informants?\\b.*")) return;
            String id = informantId(m);
            // "The State has no information that any confidential source was used": an unnumbered source denied
            if (id == null && Prefilter.find(NO_INFORMANT, u)) continue;
            // "a second confidential source" is someone else than the numbered one
            boolean other = id == null && Prefilter.find(SECOND, u);
            out.add(new RecordReference("informant", RecordReference.BASIS, id == null ? "ci" : id, other ? "other" : null, c));
        }
    }

    private static void cited(String u, Citation c, String type, List<RecordReference> out) {
        if (!NumberWords.hasDigit(u)) {
            // every number a document is cited by has a digit in it; only an attachment's file name may not
            if (type.equals("email") || Prefilter.find(ATTACH_CUE, u)) files(u, c, RecordReference.BASIS, out);
            return;
        }
        Matcher sup = SUPPLEMENT_SEQ.matcher(u);
        while (sup.find()) {
            if (Prefilter.matches(u.substring(0, sup.start()), "(?is).*\\b(?:this|the\\s+following|attached\\s+is|my)\\s+$")) continue;
            boolean own = u.substring(0, sup.start()).isBlank();
            out.add(new RecordReference("cited_document", own ? RecordReference.PRODUCED : RecordReference.BASIS, "supplement" + Integer.parseInt(sup.group(1)), sup.group().strip(), c));
        }
        Matcher m = CITED.matcher(u);
        while (m.find()) {
            String what = m.group(1).toLowerCase(Locale.ROOT);
            if (Prefilter.matches(what, "(?:supplement(?:al|ary)?|supp\\.?)(?:\\s+(?:report|narrative))?") && Prefilter.matches(m.group(2), "\\d{1,3}")) continue; // read above by sequence
            if (Prefilter.matches(what, "case(?:\\s+report)?|incident|report") && Prefilter.matches(u, "(?is)^\\s*(?:case|incident|report|cad|event)\\s*(?:no\\.?|number|#).*")) continue; // a header's own number
            // a form's own number in its label ("Supplement No.: 001", "Report #: 25-1181") is what the document is, not a citation
            boolean own = u.substring(0, m.start()).isBlank() && Prefilter.matches(u.substring(m.end()), "(?s)\\s*(?:$|\\S{0,3}\\s{2,}.*|\\s*[A-Z][\\w ]{0,30}:.*)");
            out.add(new RecordReference("cited_document", own ? RecordReference.PRODUCED : RecordReference.BASIS, citedKey(m.group(1), m.group(2)), m.group().strip(), c));
        }
        Matcher lettered = CITED_LETTERED.matcher(u);
        while (lettered.find()) {
            boolean own = u.substring(0, lettered.start()).isBlank();
            out.add(new RecordReference("cited_document", own ? RecordReference.PRODUCED : RecordReference.BASIS, normal(lettered.group(1)), lettered.group().strip(), c));
        }
        Matcher br = CITED_BRACKETED.matcher(u);
        while (br.find()) out.add(new RecordReference("cited_document", RecordReference.BASIS, normal(br.group(1)), br.group().strip(), c));
        if (type.equals("email") || Prefilter.find(ATTACH_CUE, u)) files(u, c, RecordReference.BASIS, out);
    }

    /**
     * Each file a line names ("see the photo log (Photo_Log.pdf)"), as a reference of the given status: attached or referred to (a basis), or listed by an
     * index as produced (the files a cover e-mail attached are in the production under those names).
     */
    private static void files(String u, Citation c, String status, List<RecordReference> out) {
        Matcher a = ATTACHMENT.matcher(u);
        while (a.find()) {
            String name = fileName(a.group(1));
            if (name != null) out.add(new RecordReference("cited_document", status, "file:" + normal(Prefilter.replaceFirst(name, "\\.[A-Za-z0-9]{2,4}$", "")), name, c));
        }
    }

    /** A file name as a line writes it, without the words before it, or null when too short to be one. */
    private static String fileName(String found) {
        String name = found.strip();
        // the file name starts at the last word that is not a lead-in ("Attached are the photo log (Photo_Log.pdf)")
        name = Prefilter.replaceFirst(name, "(?i)^.*?(?:attached|enclosed|attachments?|files?|see|find|the|are|is|and|of|:|\\(|\"|\\|)\\s*(?=\\S+\\.\\w{2,4}$)", "");
        if (name.contains("(")) name = name.substring(name.lastIndexOf('(') + 1);
        // a table's cells before it ("Disk 1         CS recording 02-20-24 redacted.mp4") are not part of it
        name = Prefilter.replaceFirst(name, "^.*\\s{2,}", "");
        name = Prefilter.replaceFirst(name, "^[\"“]", "");
        return normal(Prefilter.replaceFirst(name, "\\.[A-Za-z0-9]{2,4}$", "")).length() < 3 ? null : name;
    }

    /** A cited number as it is compared: its letters and digits, with the noun's last word when the number is short ("ROI #9" is roi9). */
    static String citedKey(String noun, String number) {
        String n = normal(number);
        if (n.length() >= 3) return n;
        String[] words = noun.strip().split("\\s+");
        return normal(words[words.length - 1]) + n;
    }

    /** Units on a CAD log's rows: on scene when a row gives them an on-scene time or status, cancelled when called off. */
    private static void cad(Document d, Page page, List<RecordReference> out, boolean cadLog) {
        String[] lines = page.text().split("\n");
        int unitCol = -1, statusCol = -1, onSceneCol = -1, nameCol = -1;
        String sep = null;
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            String s = sep != null ? sep : l.contains("\t") ? "\t" : l.contains("|") ? "\\|" : l.contains(",") ? "," : "\\s{2,}";
            String[] cells = l.split(s, -1);
            if (unitCol < 0) {
                // the header row: the first row naming a unit column
                for (int i = 0; i < cells.length; i++) {
                    String h = Prefilter.replaceAll(cells[i].strip().toLowerCase(Locale.ROOT), "[\"_]", " ").strip();
                    if (unitCol < 0 && Prefilter.matches(h, "(?:assigned\\s+)?(?:unit|units|unit\\s*(?:id|#|no\\.?|number)|apparatus|call\\s*sign|callsign|resource|car|vehicle\\s+id|radio\\s+id)")) unitCol = i;
                    else if (statusCol < 0 && Prefilter.matches(h, ".*\\b(?:status|code|activity|action|event|disposition|type|remarks?|comments?|narrative|description|entry|log)\\b.*") && !h.contains("time") && !h.contains("date")) statusCol = i;
                    else if (onSceneCol < 0 && Prefilter.matches(h, "(?:time\\s+)?(?:on\\s*-?\\s*sc(?:e)?ne?|onscn|onsc|on\\s+scn|arrived|arrival|arrive|arrv|at\\s+scene|10-97|10-23)(?:\\s+time)?")) onSceneCol = i;
                    else if (nameCol < 0 && Prefilter.matches(h, ".*\\b(?:officer|name|personnel|employee|assigned\\s+to|deputy|trooper|primary)\\b.*") && !Prefilter.matches(h, ".*\\b(?:time|dispatcher|operator|call\\s*taker|entered|user)\\b.*")) nameCol = i;
                }
                if (unitCol >= 0) sep = s;
                continue;
            }
            if (cells.length <= unitCol) continue;
            String unit = Prefilter.replaceAll(cells[unitCol].strip(), "\"", "");
            if (unit.isEmpty() || unit.length() > 14) continue;
            String status = statusCol >= 0 && statusCol < cells.length ? cells[statusCol] : l;
            String name = nameCol >= 0 && nameCol < cells.length ? Prefilter.replaceAll(cells[nameCol].strip(), "\"", "") : null;
            // a unit with no number and no officer named ("SIGMNT", "SIGDESK", "TOW") is a desk, a trade or a service,
            // not a police unit with a camera
            if (!NumberWords.hasDigit(unit) && !unit.contains("(") && (name == null || name.isBlank())) continue;
            Citation c = Citation.of(d, page, l);
            // a civilian on the log (a transit supervisor, a tow driver) carries no police camera
            if (Prefilter.find(CIVILIAN_ROW, l)) continue;
            // an on-scene cell of dashes is an empty one
            boolean on = onSceneCol >= 0 && onSceneCol < cells.length && !Prefilter.matches(cells[onSceneCol].strip(), "[-–—./\\s]*|(?i)n/?a")
                    || Prefilter.find(ON_SCENE_CODE, status);
            boolean off = Prefilter.find(CANCELLED, status) || Prefilter.find(NO_RESPONSE, status);
            String unitKey = normal(Prefilter.replaceAll(unit, "\\(.*", ""));
            // a dispatcher's log-in ("DSP-JHARRIS") is no officer's name
            String who = name != null && !name.isBlank() && !Prefilter.matches(name, ".*\\b[A-Z]{2,4}-[A-Z]+\\b.*") ? surname(name) : null;
            Matcher inUnit = Pattern.compile("\\(([A-Za-z'’-]{2,})\\)").matcher(unit);
            if (who == null && inUnit.find()) who = surnameWord(inUnit.group(1).substring(0, 1).toUpperCase(Locale.ROOT) + inUnit.group(1).substring(1));
            if (who != null) out.add(new RecordReference("unit", RecordReference.ALIAS, unitKey, who, c));
            if (off) out.add(new RecordReference("scene", RecordReference.CANCELLED, who != null ? who : unitKey, null, c));
            else if (on && cadLog) out.add(new RecordReference("scene", RecordReference.BASIS, who != null ? who : unitKey, unit, c));
        }
    }

    private static final Pattern CIVILIAN_ROW = Pattern.compile("(?i)\\b(?:civilian|non-?sworn)\\b");
    private static final Pattern NO_RESPONSE = Pattern.compile("(?i)\\b(?:did\\s+not|didn'?t|never)\\s+respond\\b");
    private static final Pattern ON_SCENE_CODE = Pattern.compile("(?i)\\b(?:onsc\\w*|on\\s*-?\\s*sc(?:e)?ne?|on\\s+scn|arriv\\w*|arrv\\w*|ARV|AR|10-97|10-23|97|O/S|at\\s+scene|on\\s+location|onloc)\\b");
}
