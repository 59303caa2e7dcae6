package dev.leverage.routes.bench;

import dev.leverage.extract.Citation;
import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Mention;
import dev.leverage.extract.timeline.TimedEvent;
import dev.leverage.index.FileRecord;
import dev.leverage.ingest.Document;
import dev.leverage.ingest.Page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic discovery production for {@link SearchBenchmark}: incidents of one large drug case (traffic stops,
 * K9 sniffs, seizures, lab work), each told by several documents of 1 to 6 pages: incident and supplement reports,
 * CAD chronologies, written warnings, K9 deployment reports, custody logs, lab submissions and reports, body-worn
 * camera transcripts and Miranda forms. Pages are built line by line from varied templates filled from vocabularies
 * (officers with ranks and badges, civilians, addresses, vehicles, VINs, drugs, weights, item and seal numbers,
 * dates across 2023 to 2025), are 1,500 to 3,000 characters long and end with a Bates stamp (GEN-0000001 ...); about
 * one document in ten is "scanned", its text carrying OCR confusions (0/O, 1/l). Everything comes from one seeded
 * {@link Random}, so a page count always gives the same production. Text is ASCII only.
 */
final class CorpusGenerator {
    /** Person mentions recorded a page: the first few names a page writes, as extraction records them. */
    static final int MENTIONS_PER_PAGE = 3;
    private final Random r;

    CorpusGenerator(long seed) {
        this.r = new Random(seed);
    }

    // ---- vocabularies ----

    private static final String[] MALE = {"Morgan", "Luis", "Darnell", "James", "Michael", "Robert", "David", "William", "Joseph", "Thomas",
            "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Andrew", "Joshua", "Kevin", "Brian", "Gregory", "Marcus",
            "Terrell", "Dale", "Brandon", "Tyler", "Aaron", "Jose", "Carlos", "Miguel", "Ryan", "Jason", "Eric", "Jacob", "Nathan",
            "Samuel", "Patrick", "Dustin", "Travis", "Cody", "Derrick", "Andre", "Malik", "Javier", "Hector", "Victor", "Raymond", "Wayne",
            "Curtis", "Leon", "Frank", "Gary", "Douglas", "Henry", "Keith", "Shawn", "Trevor", "Wesley", "Calvin", "Ivan"};
    private static final String[] FEMALE = {"Tanya", "Renee", "Dana", "Maria", "Jennifer", "Linda", "Elizabeth", "Susan", "Jessica", "Sarah",
            "Karen", "Nancy", "Lisa", "Betty", "Sandra", "Ashley", "Kimberly", "Donna", "Emily", "Michelle", "Carol", "Amanda", "Melissa",
            "Deborah", "Stephanie", "Rebecca", "Laura", "Sharon", "Cynthia", "Kathleen", "Amy", "Angela", "Brenda", "Anita", "Keisha",
            "Latoya", "Monique", "Rosa", "Carmen", "Yolanda", "Gloria", "Teresa", "Paula", "Heather", "Crystal", "Tiffany", "Brittany",
            "Natalie", "Vanessa", "Alicia", "Denise", "Tamara", "Jasmine", "Erica", "Holly", "Megan", "Shannon", "Valerie", "Irene", "Joyce"};
    private static final String[] SURNAMES = {"Keel", "Ortega", "Price", "Reed", "Kowalczyk", "Halvorsen", "Mercer", "Ramirez", "Holloway",
            "Tillery", "Vandermeer", "Tate", "Howell", "Barnes", "Odom", "Delgado", "Sokolov", "Goldfarb", "Whitfield", "Abernathy",
            "Nguyen", "Patel", "Okafor", "Johansson", "Castellano", "Brennan", "Fitzgerald", "Lindqvist", "Moreau", "Haddad", "Szymanski",
            "Yamamoto", "Adeyemi", "Petrov", "Lombardi", "Gallagher", "Hargrove", "Pritchard", "Underwood", "Villanueva", "Blackwell",
            "Cunningham", "Drummond", "Ellison", "Fairbanks", "Gutierrez", "Hawthorne", "Iverson", "Jablonski", "Kirkpatrick", "Lacroix",
            "McAllister", "Novak", "Oyelaran", "Pennington", "Quintero", "Rasmussen", "Stroud", "Thibodeaux", "Ulrich", "Valdez", "Wojcik",
            "Yarbrough", "Zielinski", "Ashworth", "Beaumont", "Carrington", "Dominguez", "Eastman", "Fontaine", "Garrison", "Hollister",
            "Ingram", "Jefferson", "Kendrick", "Langston", "Maddox", "Nakamura", "Osborne", "Pemberton", "Ramsey", "Sheffield", "Tolliver",
            "Vasquez", "Whitaker", "Alcott", "Bradshaw", "Coleman", "Dawson", "Everett", "Fletcher", "Gibbons", "Harmon", "Ivey", "Jennings",
            "Kimball", "Lowry", "Merritt", "Norwood", "Ogden", "Parrish", "Rutledge", "Sampson", "Talbot", "Upton", "Vance", "Wadsworth",
            "Atwood", "Boswell", "Crenshaw", "Dunbar", "Easley", "Fairchild", "Gaines", "Hatfield", "Inman", "Jarrett", "Kessler", "Lockhart",
            "Mayfield", "Nettles", "Oliphant", "Pruitt", "Rollins", "Stanton", "Tipton", "Varner", "Winslow", "Acosta", "Bustamante",
            "Cordova", "Esparza", "Figueroa", "Galvan", "Herrera", "Ibarra", "Jaramillo", "Lozano", "Montoya", "Navarro", "Orozco", "Pacheco",
            "Rios", "Salazar", "Trevino", "Urias", "Zamora", "Abbott", "Baxter", "Conway", "Doyle", "Egan", "Finnegan", "Gorman", "Hogan",
            "Keane", "Lynch", "Monahan", "Nolan", "O'Neal", "Quinlan", "Riordan", "Sweeney", "Tierney", "Walsh", "Dubois", "Girard",
            "Leclerc", "Marchand", "Perrault", "Rousseau", "Berg", "Dahl", "Engstrom", "Holm", "Lund", "Nyberg", "Sandberg", "Wahl",
            "Bianchi", "Conti", "Esposito", "Ferraro", "Greco", "Marino", "Ricci", "Romano", "Adler", "Brandt", "Fischer", "Hoffman",
            "Krueger", "Lehmann", "Schultz", "Weber", "Ziegler", "Okonkwo", "Mensah", "Owusu", "Balogun", "Chukwu", "Diallo", "Kamara",
            "Banerjee", "Chatterjee", "Iyer", "Kapoor", "Menon", "Reddy", "Sharma", "Verma", "Kim", "Park", "Choi", "Tran", "Pham",
            "Le", "Huang", "Chen", "Wong", "Morrison", "Sutherland", "Kincaid", "Lennox", "McBride", "Ritchie", "Stewart", "Wallace"};
    private static final String[][] RANKS = {{"Deputy", "Dep."}, {"Officer", "Ofc."}, {"Sergeant", "Sgt."}, {"Corporal", "Cpl."},
            {"Detective", "Det."}, {"Trooper", "Tpr."}, {"Lieutenant", "Lt."}, {"Task Force Officer", "TFO"}};
    private static final String[] AGENCIES = {"Harlan County Sheriff's Office", "Eastbrook Police Department", "State Highway Patrol, Troop C",
            "Riverside Police Department", "Tri-County Narcotics Task Force", "Millbrook Police Department"};
    private static final String[] LABS = {"State Crime Laboratory, Drug Chemistry Section", "Regional Forensic Laboratory",
            "Tri-County Crime Laboratory", "DEA South Central Laboratory"};
    private static final String[] STREETS = {"Main", "Oak", "Maple", "Cedar", "Pine", "Elm", "Washington", "Lincoln", "Jefferson", "Highland",
            "Ridge", "Lakeview", "Hillcrest", "Riverside", "Park", "Church", "Mill", "Spring", "Meadow", "Sunset", "Franklin", "Madison",
            "Jackson", "Walnut", "Chestnut", "Willow", "Poplar", "Dogwood", "Magnolia", "Sycamore", "Industrial", "Commerce", "Airport",
            "Old Mill", "County Line", "Bell", "Harmon", "Forest", "Fairview", "Greenway", "Broad", "Market", "Union", "Liberty", "Center"};
    private static final String[] SUFFIX = {"Street", "Avenue", "Road", "Drive", "Boulevard", "Lane", "Highway", "Parkway", "Pike"};
    private static final String[] CITIES = {"Eastbrook", "Riverside", "Millbrook", "Harlan", "Fairmont", "Cedar Falls", "Greenville",
            "Oak Ridge", "Springdale", "Lakewood", "Brookhaven", "Clayton", "Westfield", "Northgate", "Pinecrest"};
    private static final String[] DIRS = {"northbound", "southbound", "eastbound", "westbound"};
    private static final String[] VEHICLES = {"Nissan Altima", "Honda Accord", "Toyota Camry", "Chevrolet Malibu", "Ford F-150",
            "Dodge Charger", "Chevrolet Tahoe", "Honda Civic", "Hyundai Sonata", "Jeep Grand Cherokee", "Ford Explorer", "Chrysler 300",
            "Kia Optima", "GMC Yukon", "Toyota Corolla", "Ford Fusion", "Nissan Maxima", "Buick LaCrosse", "Chevrolet Impala", "Dodge Durango"};
    private static final String[] COLORS = {"black", "white", "silver", "gray", "red", "blue", "maroon", "green", "gold", "tan"};
    private static final String[] VIOLATIONS = {"a defective tail lamp", "window tint darker than allowed", "speeding 14 over the limit",
            "failure to maintain lane", "an expired registration", "following too closely", "a cracked windshield", "no tag light",
            "failure to signal a lane change", "an obstructed license plate", "a headlight out", "improper lane change"};
    private static final String[] DRUGS = {"cocaine", "cocaine base", "methamphetamine", "fentanyl", "heroin", "marijuana", "oxycodone",
            "MDMA", "alprazolam", "xylazine"};
    private static final String[] FORMS = {"white powdery", "off-white rock-like", "green leafy", "crystalline", "tan powdery",
            "blue round tablets stamped M30 and", "brown tar-like", "white chunky"};
    private static final String[] PACKS = {"baggies", "bindles", "bricks", "bundles", "tablets", "pills", "capsules", "vials", "knotted bags"};
    private static final String[] SPOTS = {"center console", "trunk", "glove box", "area under the driver's seat", "subwoofer box",
            "rear hatch", "spare tire well", "driver's door panel", "rear bumper", "passenger seat", "headliner", "air vent"};
    private static final String[] CONTAINERS = {"backpack", "shoebox", "grocery bag", "duffel bag", "gray backpack", "cooler", "toiletry bag",
            "cereal box", "speaker box", "vacuum-sealed package"};
    private static final String[] ODORS = {"burnt marijuana", "raw marijuana", "air freshener", "masking agents", "laundry detergent"};
    private static final String[] TOWCOS = {"Keel's Towing", "A-1 Wrecker Service", "Dixon Towing and Recovery", "Metro Wrecker", "Sullivan Auto Towing"};
    private static final String[] K9S = {"Kilo", "Rocco", "Dutch", "Bella", "Max", "Zeus", "Ranger", "Duke", "Nala", "Axel", "Bruno", "Jax", "Koda", "Rex"};
    private static final String[] BREEDS = {"Belgian Malinois", "German Shepherd", "Dutch Shepherd", "Labrador Retriever"};
    private static final String[] CERTS = {"National Narcotic Detector Dog Association", "North American Police Work Dog Association",
            "United States Police Canine Association", "the state POST canine program"};
    private static final String[] FILLER = ("approximately advised located observed vehicle suspect subject residence property evidence "
            + "officer deputy sergeant report narrative incident investigation complaint dispatch patrol unit scene traffic roadway shoulder "
            + "intersection license registration insurance passenger driver occupant statement interview detained released custody arrest "
            + "warrant affidavit probable cause search seizure consent refused permission nervous shaking sweating cooperative hostile "
            + "identification record history prior conviction narcotics paraphernalia scale packaging currency cash denominations phone "
            + "cellular device photographs photographed documented recorded camera footage video audio transcript reviewed supervisor "
            + "approved supplemental attached continuation booking jail magistrate bond charges possession intent distribute trafficking "
            + "manufacture schedule controlled substance laboratory analysis chemist submitted received returned sealed tape initials date "
            + "time location address apartment motel room closet bedroom kitchen counter drawer cabinet bag container package parcel "
            + "delivery carrier tracking label addressed recipient sender surveillance informant controlled buy undercover task force agent "
            + "federal state county city municipal district court hearing motion discovery disclosure request response deadline exhibit "
            + "sample tested weight gross net grams ounces kilograms tablets pills powder residue field test reagent positive negative result "
            + "confirmed inconclusive deployed sniff alert indication behavior handler training certification records logs dispatch radio "
            + "channel status arrived cleared enroute responded backup assist requested notified contacted weather clear dark lighting "
            + "streetlights traffic light moderate heavy construction zone northbound southbound lane median curb sidewalk parking lot "
            + "gas station convenience store restaurant hotel highway exit ramp mile marker checkpoint perimeter secured canvass neighbors "
            + "witness anonymous caller tip description clothing hoodie jacket jeans tattoo height weight build hair complexion").split(" ");
    private static final String[] QUOTES = {"That's not my bag.", "A lot of people drive this car.", "I guess, go ahead.",
            "I don't consent to any searches.", "Am I free to go?", "I want a lawyer.", "Can I talk to a lawyer first?",
            "Those pills are for my back.", "I didn't know that was in there.", "It's my cousin's car.", "Don't go in my bag.",
            "I was just coming from work.", "I borrowed the car from my girlfriend.", "How long is this going to take?",
            "Other people drive it too.", "I don't know anything about that.", "I want to talk to my attorney."};

    record Officer(String rank, String abbr, String given, String surname, String badge, String role) {
    }

    record Civilian(String title, String given, String middle, String surname, String role) {
    }

    private final List<Officer> patrol = new ArrayList<>(), handlers = new ArrayList<>(), analysts = new ArrayList<>(), techs = new ArrayList<>();
    private final List<Civilian> civilians = new ArrayList<>(), towDrivers = new ArrayList<>();

    private void cast() {
        java.util.Set<String> badges = new java.util.HashSet<>(), names = new java.util.HashSet<>();
        // people the benchmark's queries name, as the evaluation cases name them
        handlers.add(new Officer("Deputy", "Dep.", "Morgan", "Keel", "2217", "k9_handler"));
        patrol.add(new Officer("Deputy", "Dep.", "Luis", "Ortega", "1184", "officer"));
        patrol.add(new Officer("Sergeant", "Sgt.", "Paul", "Kowalczyk", "0419", "officer"));
        patrol.add(new Officer("Task Force Officer", "TFO", "Gregory", "Halvorsen", "7730", "officer"));
        handlers.add(new Officer("Task Force Officer", "TFO", "Dana", "Mercer", "2731", "k9_handler"));
        patrol.add(new Officer("Officer", "Ofc.", "Renee", "Holloway", "3302", "officer"));
        patrol.add(new Officer("Officer", "Ofc.", "Carlos", "Ramirez", "3318", "officer"));
        for (Officer o : patrol) { badges.add(o.badge); names.add(o.given + " " + o.surname); }
        for (Officer o : handlers) { badges.add(o.badge); names.add(o.given + " " + o.surname); }
        while (patrol.size() < 220) {
            String[] rank = RANKS[r.nextInt(RANKS.length)];
            Officer o = officer(rank[0], rank[1], "officer", badges, names);
            patrol.add(o);
        }
        while (handlers.size() < K9S.length) handlers.add(officer(r.nextBoolean() ? "Deputy" : "Officer", null, "k9_handler", badges, names));
        while (analysts.size() < 30) {
            String g = r.nextBoolean() ? MALE[r.nextInt(MALE.length)] : FEMALE[r.nextInt(FEMALE.length)], s = SURNAMES[r.nextInt(SURNAMES.length)];
            if (names.add(g + " " + s)) analysts.add(new Officer("Forensic Chemist", "Chemist", g, s, null, "analyst"));
        }
        while (techs.size() < 20) {
            Officer o = officer("Evidence Technician", "ET", "evidence_technician", badges, names);
            techs.add(o);
        }
        civilians.add(new Civilian("Mr.", "Darnell", "J", "Price", "defendant"));
        civilians.add(new Civilian("Ms.", "Tanya", "L", "Reed", "passenger"));
        towDrivers.add(new Civilian("Mr.", "Dale", "R", "Keel", "tow_operator"));
        while (civilians.size() < 1_500) {
            boolean male = r.nextInt(3) > 0;
            String g = male ? MALE[r.nextInt(MALE.length)] : FEMALE[r.nextInt(FEMALE.length)], s = SURNAMES[r.nextInt(SURNAMES.length)];
            if (!names.add(g + " " + s)) continue;
            civilians.add(new Civilian(male ? "Mr." : "Ms.", g, String.valueOf((char) ('A' + r.nextInt(26))), s, r.nextInt(3) == 0 ? "witness" : "defendant"));
        }
        while (towDrivers.size() < 12) {
            String g = MALE[r.nextInt(MALE.length)], s = SURNAMES[r.nextInt(SURNAMES.length)];
            if (names.add(g + " " + s)) towDrivers.add(new Civilian("Mr.", g, "", s, "tow_operator"));
        }
    }

    private Officer officer(String rank, String abbr, String role, java.util.Set<String> badges, java.util.Set<String> names) {
        while (true) {
            String g = r.nextInt(4) > 0 ? MALE[r.nextInt(MALE.length)] : FEMALE[r.nextInt(FEMALE.length)], s = SURNAMES[r.nextInt(SURNAMES.length)];
            String badge = String.format(Locale.ROOT, "%04d", 100 + r.nextInt(9_800));
            if (!names.add(g + " " + s)) continue;
            if (!badges.add(badge)) continue;
            String a = abbr != null ? abbr : rank.equals("Deputy") ? "Dep." : rank.equals("Officer") ? "Ofc." : rank;
            return new Officer(rank, a, g, s, badge, role);
        }
    }

    /** One incident of the case: who, where, when, what was found, and its numbers. */
    private static final class Incident {
        int seq;
        String no, cad, wno, labNo, addr, street, city, veh, color, vin, tag, viol, drug, drug2, form, pack, spot, container, odor,
                towco, agency, lab, k9, breed, cert, unit, weight, gross, net;
        LocalDateTime when;
        LocalDate received, analyzed, certified;
        Officer primary, second, handler, analyst, tech;
        Civilian def, wit, tow;
        int count, tested, receivedCount;
        boolean sealBroken, labDocs;
        String[] items, seals;
    }

    private static final LocalDate START = LocalDate.of(2023, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - START.toEpochDay()) - 45;
    private final Map<Integer, Integer> labCounter = new java.util.HashMap<>();

    private Incident incident(int seq) {
        Incident c = new Incident();
        c.seq = seq;
        c.when = START.plusDays(r.nextInt(DAYS)).atTime(r.nextInt(24), r.nextInt(60));
        int year = c.when.getYear(), yy = year % 100;
        c.no = String.format(Locale.ROOT, "%02d-%06d", yy, 1_000 + seq * 7 + r.nextInt(7));
        c.cad = String.format(Locale.ROOT, "%d-%06d", year, 100_000 + seq * 5 + r.nextInt(5));
        c.wno = "W-" + (80_000 + seq);
        int lab = labCounter.merge(year, 1, Integer::sum);
        c.labNo = String.format(Locale.ROOT, "CL%02d-%04d", yy, lab);
        c.street = STREETS[r.nextInt(STREETS.length)] + " " + SUFFIX[r.nextInt(SUFFIX.length)];
        c.city = CITIES[r.nextInt(CITIES.length)];
        c.addr = (100 + r.nextInt(9_800)) + " " + c.street + ", " + c.city;
        c.veh = (2005 + r.nextInt(20)) + " " + VEHICLES[r.nextInt(VEHICLES.length)];
        c.color = COLORS[r.nextInt(COLORS.length)];
        c.vin = vin();
        c.tag = "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)) + "-" + (1000 + r.nextInt(9000));
        c.viol = VIOLATIONS[r.nextInt(VIOLATIONS.length)];
        c.drug = DRUGS[r.nextInt(DRUGS.length)];
        c.drug2 = DRUGS[r.nextInt(DRUGS.length)];
        c.form = FORMS[r.nextInt(FORMS.length)];
        c.pack = PACKS[r.nextInt(PACKS.length)];
        c.spot = SPOTS[r.nextInt(SPOTS.length)];
        c.container = CONTAINERS[r.nextInt(CONTAINERS.length)];
        c.odor = ODORS[r.nextInt(ODORS.length)];
        c.towco = TOWCOS[r.nextInt(TOWCOS.length)];
        c.agency = AGENCIES[r.nextInt(AGENCIES.length)];
        c.lab = LABS[r.nextInt(LABS.length)];
        int h = r.nextInt(handlers.size());
        c.handler = handlers.get(h);
        c.k9 = K9S[h];
        c.breed = BREEDS[h % BREEDS.length];
        c.cert = CERTS[h % CERTS.length];
        c.unit = (1 + r.nextInt(4)) + "" + (char) ('A' + r.nextInt(6)) + (10 + r.nextInt(80));
        c.primary = patrol.get(r.nextInt(patrol.size()));
        do c.second = patrol.get(r.nextInt(patrol.size())); while (c.second == c.primary);
        c.analyst = analysts.get(r.nextInt(analysts.size()));
        c.tech = techs.get(r.nextInt(techs.size()));
        c.def = civilians.get(r.nextInt(civilians.size()));
        do c.wit = civilians.get(r.nextInt(civilians.size())); while (c.wit == c.def);
        c.tow = towDrivers.get(r.nextInt(towDrivers.size()));
        c.count = 2 + r.nextInt(60);
        c.tested = Math.min(c.count, 1 + r.nextInt(6));
        c.receivedCount = r.nextInt(8) == 0 ? c.count - 1 : c.count;
        c.sealBroken = r.nextInt(7) == 0;
        double unit = 0.1 + r.nextDouble() * 3;
        c.net = String.format(Locale.ROOT, "%.2f", unit * c.count);
        c.weight = String.format(Locale.ROOT, "%.2f", unit * c.tested);
        c.gross = String.format(Locale.ROOT, "%.1f", unit * c.count * 1.3 + 2);
        c.received = c.when.toLocalDate().plusDays(1 + r.nextInt(14));
        c.analyzed = c.received.plusDays(r.nextInt(30));
        c.certified = c.when.toLocalDate().minusDays(120 + r.nextInt(500));
        int items = 1 + r.nextInt(4);
        c.items = new String[items];
        c.seals = new String[items];
        for (int i = 0; i < items; i++) {
            c.items[i] = String.format(Locale.ROOT, "%d-%05d-%03d", year, seq + 1, i + 1);
            c.seals[i] = "S-" + (100_000 + seq * 10 + i);
        }
        return c;
    }

    private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    private String vin() {
        StringBuilder b = new StringBuilder(17).append((char) ('1' + r.nextInt(5)));
        for (int i = 1; i < 17; i++) b.append(VIN_CHARS.charAt(r.nextInt(VIN_CHARS.length())));
        return b.toString();
    }

    // ---- templates ----

    private static final String[] REPORT = {
            "On {DATE} at approximately {TIME} hours, I, {O}, was on patrol in a marked unit near {ADDR}.",
            "I observed a {COLOR} {VEH} traveling {DIR} on {STREET} with {VIOL}.",
            "I initiated a traffic stop at {TIME} hours near {ADDR} and approached the driver's side of the vehicle.",
            "The driver was identified as {DEF} by a valid driver's license; the passenger was identified as {WIT}.",
            "The vehicle, bearing tag {TAG}, had VIN {VIN} and was registered to {DEF}.",
            "{DEF} appeared nervous; his hands were shaking and he avoided eye contact while answering questions about his travel.",
            "I asked for consent to search the vehicle and {DEF} refused consent to search. He asked whether he was free to go.",
            "At {TIME} hours I requested a K9 unit to conduct a free air sniff of the vehicle; {OK} advised he was en route.",
            "{OK} and K9 {K9} arrived on scene at {TIME} hours.",
            "{OK} deployed K9 {K9} for an exterior sniff of the vehicle at {TIME} hours, beginning at the front bumper.",
            "K9 {K9} gave a positive alert at the {SPOT}, which {OK} described as the dog's trained final response.",
            "While waiting for the dog, {WITN} asked if she could leave; she was told to wait in the patrol car.",
            "I completed a written warning for {VIOL} at {TIME} hours but did not return the driver's license while waiting for the K9.",
            "A probable cause search of the vehicle located {COUNT} {PACK} of a {FORM} substance inside a {CONT} in the {SPOT}.",
            "The substance field tested positive for {DRUG} using a NIK test kit (test U, Marquis reagent).",
            "{DEF} was placed under arrest at {TIME} hours and read his Miranda rights from a department card by {O2}.",
            "{DEF} stated that he understood his rights and said, \"{Q}\"",
            "The evidence was packaged and sealed as Item {ITEM}, seal {SEAL}, and transported to the property room by {O}.",
            "The gross weight of the seized {DRUG} including packaging was approximately {GW} grams.",
            "{WIT} was released at the scene at {TIME} hours and was told she was free to go.",
            "{WITN} was released without charges after {O2} confirmed she had no outstanding warrants.",
            "The vehicle was towed by {TOWCO}; {TOW} completed the tow inventory at the scene.",
            "Deputies removed the {CONT} from the vehicle before the tow, per {O2}.",
            "My body-worn camera was activated for the duration of the stop. The in-car dash camera was not functioning that night.",
            "There was a strong odor of {ODOR} coming from the interior of the vehicle when the window was lowered.",
            "The rear hatch was opened by {O2} and a {CONT} was located behind the {SPOT}.",
            "{DEF} told me that a lot of people drive the car, including his cousin Terrell.",
            "A second {CONT} was found on the floor of the bedroom closet at the residence on {STREET}; {DEF} said it was not his.",
            "I cleared the scene at {TIME} hours. All times in this report are approximate and taken from the CAD log.",
            "A check through NCIC showed {DEF} had a prior conviction for possession of {DRUG2}.",
            "Also located were a digital scale with residue, a box of sandwich bags and ${NUM}40 in mixed denominations.",
            "{FILL}",
            "{FILL}",
            "See the supplemental report of {O2} for the interview of {WIT}.",
    };
    private static final String[] SUPPLEMENT = {
            "On {DATE} I, {O2}, assisted {O} with a traffic stop of a {COLOR} {VEH} near {ADDR}.",
            "I stood by with the passenger, {WIT}, on the shoulder while {O} spoke with the driver.",
            "{WITN} told me the {CONT} was not hers and that she had been picked up an hour earlier.",
            "I observed K9 {K9} sniff the exterior of the vehicle; I did not see the dog sit before the search began.",
            "I photographed the {PACK} in place in the {SPOT} before they were removed.",
            "At {TIME} hours I transported {DEF} to the county jail for booking.",
            "During transport {DEF} said, \"{Q}\" I did not ask him any questions.",
            "I later interviewed {WIT} at the station at {TIME} hours; the interview was recorded.",
            "{WITN} said {DEFN} had been waiting for someone at the gas station before the stop.",
            "The hatch opened from the inside and I saw the edge of a {CONT} under the cargo cover.",
            "{FILL}",
            "{FILL}",
            "This supplement was reviewed and approved by {O}.",
    };
    private static final String[] CAD = {
            "{DATE} {TIME}  {UNIT}  ONSCN  TRAFFIC STOP {COLOR} {VEH} TAG {TAG} AT {STREET}",
            "{DATE} {TIME}  {UNIT}  REMARK  DRIVER {DEFN} REFUSED CONSENT TO SEARCH",
            "{DATE} {TIME}  {UNIT}  REQ  K9 REQUESTED FOR SNIFF, {O} ADVISED",
            "{DATE} {TIME}  K9-{K9}  ENRT  K9 {K9} ENRT FROM STATION 4",
            "{DATE} {TIME}  K9-{K9}  ONSCN  K9 UNIT ON SCENE, {OK}",
            "{DATE} {TIME}  K9-{K9}  REMARK  K9 POSITIVE ALERT AT {SPOT}",
            "{DATE} {TIME}  {UNIT}  REMARK  WRITTEN WARNING ISSUED {WNO}",
            "{DATE} {TIME}  {UNIT}  REMARK  1 IN CUSTODY, {DRUG} LOCATED",
            "{DATE} {TIME}  {UNIT}  REQ  TOW REQUESTED {TOWCO}",
            "{DATE} {TIME}  {UNIT}  CLR  CLEARED, REPORT TO FOLLOW",
            "{DATE} {TIME}  DISP  NOTE  NCIC RETURN ON {DEFN}: PRIOR, NO WANTS",
            "{DATE} {TIME}  {UNIT}  ASSIST  BACKUP {O2} ONSCN",
            "{DATE} {TIME}  DISP  NOTE  PASSENGER {WITN} RELEASED",
            "{DATE} {TIME}  {UNIT}  10-8  BACK IN SERVICE",
    };
    private static final String[] WARNING = {
            "Driver: {DEF}    Address: {ADDR}",
            "Vehicle: {COLOR} {VEH}    Tag: {TAG}    VIN: {VIN}",
            "Violation: {VIOL}    Location: {STREET}, {DIR}",
            "Date: {DATE}    Time: {TIME} hrs    Issuing Officer: {O}",
            "This is a written warning only. No fine is due and no court appearance is required.",
            "The driver was advised of the violation and given a copy of this warning notice.",
            "Correct the defect within 10 days and present the vehicle to any law enforcement agency for inspection.",
            "Driver signature on file. Refused to sign: no.",
            "Remarks: warning issued at roadside; {DEFN} was cooperative during the citation process.",
            "{FILL}",
    };
    private static final String[] K9 = {
            "Handler: {OK}    K9: {K9} ({BREED})    Agency: {AGENCY}",
            "Certification: {K9} and {OKN} were last certified by the {CERT} on {CDATE}.",
            "Date of deployment: {DATE}. Requested by {O} at {TIME} hours; arrived on scene at {TIME} hours.",
            "K9 {K9} was deployed at {TIME} hours for an exterior sniff of a {COLOR} {VEH} at {ADDR}.",
            "{K9} began the sniff at the front driver's side and worked counterclockwise around the vehicle.",
            "At the {SPOT}, {K9} showed a change of behavior: increased respiration and a hard head turn.",
            "{K9} then gave his trained final response, a sit, at the {SPOT}.",
            "The dog's trained final response is a passive sit; an alert is a change of behavior short of the final response.",
            "Result of deployment: positive alert. A search of the vehicle found {DRUG}.",
            "Training records and deployment logs for {K9} are maintained by the K9 unit supervisor.",
            "A parcel lineup of {NUM} parcels was conducted; {K9} alerted to the parcel addressed to {DEF}.",
            "The sniff lasted approximately {NUM} minutes. No reward was given before the final response.",
            "{FILL}",
    };
    private static final String[] CUSTODY = {
            "{DATE} {TIME} | Item {ITEM} | Collected | From: {O} | To: {OE} | Seal {SEAL} | seal intact",
            "{DATE} {TIME} | Item {ITEM} | Sealed | By: {O} | Seal {SEAL} | evidence tape, initials",
            "{DATE} {TIME} | Item {ITEM} | Transferred to property room | From: {O} | To: {OE} | seal intact",
            "{LDATE} {TIME} | Item {ITEM} | Checked out to lab courier | From: {OE} | Seal {SEAL}",
            "{LDATE} {TIME} | Item {ITEM} | Received by lab | To: {OL} | Seal {SEAL} | {SEALSTATE}",
            "{ADATE} {TIME} | Item {ITEM} | Seal cut by analyst | {OL} | resealed with lab tape",
            "{ADATE} {TIME} | Item {ITEM} | Returned from lab | To: {OE} | resealed",
            "Item {ITEM}: {COUNT} {PACK} of {FORM} substance, gross weight {GW} g, seal {SEAL}.",
            "Item {ITEM}: digital scale with residue; item {ITEM} seal {SEAL}.",
            "Discrepancy noted: {COUNT} {PACK} seized, {RECV} {PACK} received by the lab.",
            "Chain of custody reviewed by {OE}; no gaps noted in the property room log.",
            "{FILL}",
    };
    private static final String[] SUBMISSION = {
            "Submitting officer: {O}    Agency case: {CASE}    Lab case: {LABNO}",
            "Item {ITEM}: {COUNT} {PACK} of {FORM} material, seal {SEAL}. Suspected {DRUG}.",
            "Analysis requested: identification and net weight of the controlled substance.",
            "Field test: NIK test U positive for {DRUG} at the scene.",
            "Delivered to the lab on {LDATE} at {TIME} hours by {OE}; received by {OL}.",
            "Seal {SEAL} intact at submission; evidence tape signed by {O}.",
            "Offense: possession with intent to distribute {DRUG}, O.C.G.A. 16-13-31.",
            "{FILL}",
    };
    private static final String[] LAB = {
            "Date received: {LDATE}    Date analyzed: {ADATE}    Analyst: {OL}",
            "Item {ITEM}: {RECV} plastic {PACK} containing {FORM} material, received sealed, seal {SEAL} ({SEALSTATE}).",
            "Net weight of {TESTED} {PACK} tested: {W} grams +/- 0.02 grams.",
            "Results: {DRUG} identified by gas chromatography-mass spectrometry (GC-MS).",
            "Oxycodone not detected. Xylazine detected in Item {ITEM}.",
            "Sampling plan: a hypergeometric sampling plan was applied; {TESTED} of {RECV} units were tested.",
            "Extrapolated total net weight: {NETW} grams; the extrapolation assumes all units are alike.",
            "Seal {SEAL} was broken upon receipt; the discrepancy was reported to the submitting agency.",
            "{RECV} {PACK} received; the submission form lists {COUNT}.",
            "Balance calibration verified on {ADATE}; measurement uncertainty at 95% confidence.",
            "Methods: color test (Marquis, cobalt thiocyanate), GC-MS and FTIR.",
            "Residual material was returned in the original packaging and resealed with evidence tape by {OL}.",
            "Fentanyl was not detected in Item {ITEM}. Cocaine base was confirmed in the remaining units.",
            "Bench notes and instrument run logs are retained in the laboratory case file {LABNO}.",
            "{FILL}",
    };
    private static final String[] TRANSCRIPT = {
            "[{CLOCK}] {OS}: Good evening, the reason I stopped you is {VIOL}.",
            "[{CLOCK}] {OS}: License and registration, please.",
            "[{CLOCK}] {DS}: {Q}",
            "[{CLOCK}] {OS}: Do you mind if I search the car?",
            "[{CLOCK}] {DS}: No, you can't search my car. I don't consent.",
            "[{CLOCK}] {DS}: Am I free to go?",
            "[{CLOCK}] {OS}: Not yet, we're waiting on the dog. It should be here in a few minutes.",
            "[{CLOCK}] {OS}: Here's your written warning for the {VIOLS}. You're being detained for a K9 sniff.",
            "[{CLOCK}] {WS}: Can I leave? I'm just the passenger.",
            "[{CLOCK}] {OS}: Ma'am, stay in the patrol car until the sniff is done.",
            "[{CLOCK}] {KS}: K9 {K9} is on scene. Everybody out of the vehicle please.",
            "[{CLOCK}] {KS}: The dog alerted on the {SPOT}.",
            "[{CLOCK}] {OS}: Step to the back of the car. Whose {CONT} is this?",
            "[{CLOCK}] {DS}: Don't go in my bag, man.",
            "[{CLOCK}] {OS}: You have the right to remain silent. Anything you say can be used against you.",
            "[{CLOCK}] {DS}: I want a lawyer. I'm not saying anything else.",
            "[{CLOCK}] {OS}: The hatch opened on its own when I touched it.",
            "[{CLOCK}] {DS}: Those are my pills, for my back.",
            "[{CLOCK}] {OS}: {O2} is going to stay with you while we finish the search.",
            "[{CLOCK}] [inaudible] [radio traffic]",
            "[{CLOCK}] {OS}: Dispatch, show one in custody, tow requested from {TOWCO}.",
    };
    private static final String[] MIRANDA = {
            "Person advised: {DEF}    Date: {DATE}    Time: {TIME}",
            "1. You have the right to remain silent. Initials: ___",
            "2. Anything you say can and will be used against you in a court of law. Initials: ___",
            "3. You have the right to talk to a lawyer and have him present with you while you are being questioned. Initials: ___",
            "4. If you cannot afford to hire a lawyer, one will be appointed to represent you before any questioning. Initials: ___",
            "WAIVER: I have read this statement of my rights and I understand what my rights are. I am willing to answer questions.",
            "Waiver signed at {TIME} hours. Witnessed by {O} and {O2}.",
            "Advised by {O} at {ADDR}. The subject asked to talk to a lawyer at {TIME} hours; questioning stopped.",
            "{FILL}",
    };

    /** A document type: its class, the name in its file name, its title, its body templates, its pages and events. */
    private record Kind(String type, String file, String title, String[] lines, int minPages, int maxPages, double odds, String[] events) {
    }

    private static final Kind[] KINDS = {
            new Kind("police_report", "Incident_Report", "INCIDENT REPORT", REPORT, 2, 6, 1.0,
                    new String[]{"stop_initiated", "k9_requested", "k9_arrived", "k9_sniff", "k9_alert", "arrest", "miranda"}),
            new Kind("cad_log", "CAD_Incident_Chronology", "COMPUTER AIDED DISPATCH - INCIDENT CHRONOLOGY", CAD, 1, 2, 0.9,
                    new String[]{"stop_initiated", "k9_requested", "k9_arrived", "warning_issued"}),
            new Kind("citation", "Written_Warning", "WRITTEN WARNING", WARNING, 1, 1, 0.6, new String[]{"warning_issued"}),
            new Kind("k9_report", "K9_Deployment_Report", "K9 DEPLOYMENT REPORT", K9, 1, 2, 0.7,
                    new String[]{"k9_arrived", "k9_sniff", "k9_alert"}),
            new Kind("custody_log", "Property_Evidence_Custody_Log", "PROPERTY / EVIDENCE CHAIN OF CUSTODY", CUSTODY, 1, 3, 0.85,
                    new String[]{"evidence_sealed", "lab_received"}),
            new Kind("lab_submission", "Lab_Submission_Form", "REQUEST FOR LABORATORY ANALYSIS", SUBMISSION, 1, 1, 0.6,
                    new String[]{"lab_submitted"}),
            new Kind("lab_report", "Lab_Report", "DRUG CHEMISTRY REPORT", LAB, 1, 3, 0.8, new String[]{"lab_received", "lab_analyzed"}),
            new Kind("bodycam_transcript", "BodyCam_Transcript", "BODY-WORN CAMERA TRANSCRIPT", TRANSCRIPT, 2, 6, 0.7,
                    new String[]{"stop_initiated", "question", "warning_issued", "k9_sniff"}),
            new Kind("miranda_form", "Miranda_Advice_of_Rights", "ADVICE OF RIGHTS - MIRANDA WARNING AND WAIVER", MIRANDA, 1, 1, 0.4,
                    new String[]{"miranda"}),
            new Kind("supplement_report", "Supplement_Report", "SUPPLEMENTAL REPORT", SUPPLEMENT, 1, 3, 0.4,
                    new String[]{"k9_sniff", "arrest", "interview"}),
    };

    // ---- generation ----

    /** Values from the production that the benchmark's queries ask for, so that they find pages. */
    record Picks(String seal, String labNo, String vin, String item, String bates, String batesLow, String batesHigh, String civilian) {
        List<String> queries() {
            return List.of(
                    "dog sniff", "\"written warning\"", "dog w/5 sniff", "seal AND broken", "cocaine~", "type:lab_report weight",
                    "bates:" + batesLow, "date:[2024-03-01 TO 2024-03-31]", "person:Keel", "person:\"Morgan Keel\"",
                    "warning issued time", "\"positive alert\"", "seal " + seal, labNo, bates, "Miranda",
                    "consent to search refused", "net weight", "tested 4 baggies", "type:k9_report certification",
                    "date:[2025-03-17 TO 2025-03-17]", "Reed w/10 released", "waiting w/4 dog", "\"dog sniff\"~5",
                    "K9 arrival time", vin, "\"free to go\" OR \"other people drive\"", "extrapolat*", "xylazine~",
                    "bindles received discrepancy", "oxycodone not detected", "NIK test", "type:lab_report fentanyl", item,
                    "type:custody_log seal", "Kowalcz*", "(pills OR tablets) AND back", "backpack w/10 closet",
                    "residual~ odor", "marijuana~", "Item 2 seal cut", "\"hatch opened\"~5", "(bricks OR bundles) subwoofer",
                    "net weight methamphetamine", "type:k9_report final response", "sampl* plan", "cocaine NOT marijuana",
                    "person:Ortega type:bodycam_transcript", "date:2024-07 k9", "bates:[" + batesLow + " TO " + batesHigh + "]",
                    "document:K9 alert", "b?ggie*", "want a lawyer", "window tint", civilian);
        }
    }

    SearchBenchmark.Corpus generate(int targetPages) {
        cast();
        SearchBenchmark.Corpus corpus = new SearchBenchmark.Corpus();
        List<Incident> incidents = new ArrayList<>();
        while (corpus.pages < targetPages) {
            Incident c = incident(incidents.size());
            incidents.add(c);
            int seq = 0;
            for (Kind k : KINDS) {
                if (r.nextDouble() >= k.odds) continue;
                int n = k.minPages + r.nextInt(k.maxPages - k.minPages + 1);
                document(corpus, c, k, ++seq, n);
                if (k.type.equals("lab_report")) c.labDocs = true;
            }
        }
        // values the queries name: an early incident with a lab report, a Bates range that exists at any size
        Incident p = incidents.stream().skip(Math.min(3, incidents.size() - 1)).filter(i -> i.labDocs).findFirst().orElse(incidents.get(0));
        long pages = corpus.pages;
        Civilian who = p.def;
        corpus.picks = new Picks(p.seals[0], p.labNo, p.vin, p.items[p.items.length - 1], bates(Math.max(1, pages * 3 / 4)),
                bates(Math.min(pages, 123)), bates(Math.min(pages, 1_999)), who.given + " " + who.surname);
        return corpus;
    }

    private static String bates(long n) {
        return String.format(Locale.ROOT, "GEN-%07d", n);
    }

    /** Per-document state while pages are written. */
    private Incident c;
    private StringBuilder sb;
    private LocalDateTime clock;
    private String path, pageBates;
    private int pageNo;
    private int lineStart;
    private final List<Mention> pageMentions = new ArrayList<>();
    private final List<int[]> pending = new ArrayList<>();
    private final List<String[]> pendingText = new ArrayList<>();

    private void document(SearchBenchmark.Corpus corpus, Incident inc, Kind k, int seq, int n) {
        this.c = inc;
        path = inc.no + "/" + String.format(Locale.ROOT, "%02d", seq) + "_" + k.file + "_" + inc.no + ".pdf";
        String id = sha256(path);
        boolean ocr = r.nextInt(10) == 0;
        clock = k.type.startsWith("lab") ? inc.received.atTime(8 + r.nextInt(9), r.nextInt(60)) : inc.when;
        List<Page> pages = new ArrayList<>(n);
        List<Mention> mentions = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            pageNo = p;
            pageBates = bates(corpus.pages + 1);
            sb = new StringBuilder(3_200);
            pageMentions.clear();
            int target = 1_500 + r.nextInt(1_500) - pageBates.length() - 1;
            if (p == 1) {
                line(inc.agency.toUpperCase(Locale.ROOT));
                line(k.title);
                line("Case No. " + inc.no + "    Date: {DATE}    CAD No. " + inc.cad);
                if (k.type.equals("lab_report") || k.type.equals("lab_submission")) line(inc.lab + "    Lab Case No. " + inc.labNo);
                if (k.type.equals("citation")) line("Warning No. " + inc.wno);
                if (k.type.equals("bodycam_transcript")) line("Recording: BWC of {O}, {DATEW}, start {CLOCK}");
                if (k.type.equals("cad_log")) line("Incident #: " + inc.cad + "    Call Type: TRAFFIC STOP    Priority: 3    Unit: " + inc.unit);
                sb.append('\n');
            } else {
                line(k.title + " - CONTINUATION    Case No. " + inc.no + "    Page " + p + " of " + n);
                sb.append('\n');
            }
            while (sb.length() < target) {
                String[] lines = k.lines;
                line(lines[r.nextInt(lines.length)]);
            }
            if (ocr) noise(sb);
            sb.append(pageBates);
            String text = sb.toString();
            pages.add(new Page(p, text, pageBates, ocr, List.of()));
            mentions.addAll(pageMentions);
            corpus.pages++;
            corpus.chars += text.length();
            if (ocr) corpus.ocrPages++;
        }
        List<TimedEvent> events = new ArrayList<>();
        int ne = Math.min(k.events.length, 2 + r.nextInt(3));
        LocalDateTime t = k.type.startsWith("lab") ? inc.received.atStartOfDay() : inc.when;
        for (int e = 0; e < ne; e++) {
            String event = k.events[e];
            LocalDateTime when = event.equals("lab_analyzed") ? inc.analyzed.atStartOfDay() : t.plusMinutes(e * (3L + r.nextInt(12)));
            int page = 1 + r.nextInt(n);
            events.add(new TimedEvent(event, when, false, null, k.type.equals("cad_log") ? "cad" : k.type.equals("bodycam_transcript") ? "transcript" : "narrative",
                    new Citation(path, page, pages.get(page - 1).bates(), event.replace('_', ' ') + " at " + String.format(Locale.ROOT, "%02d%02d", when.getHour(), when.getMinute())),
                    k.type.startsWith("lab")));
        }
        Document d = new Document(id, path, id, k.type, "application/pdf", Map.of("title", k.title + " " + inc.no), pages, null);
        String author = k.type.startsWith("lab") ? display(inc.analyst) : k.type.equals("k9_report") ? display(inc.handler) : display(inc.primary);
        corpus.docs.add(d);
        corpus.facts.add(new DocumentFacts(id, path, k.type, author, mentions, events, List.of(), List.of(), "bench"));
        corpus.records.add(new FileRecord(path, id, FileRecord.INDEXED, null, id, k.type, n, d.firstBates(), d.lastBates(), false));
        corpus.mentions += mentions.size();
    }

    private static String display(Officer o) {
        return o.given + " " + o.surname;
    }

    /** Appends one line from a template, recording the person mentions it writes (up to three a page). */
    private void line(String template) {
        lineStart = sb.length();
        pending.clear();
        pendingText.clear();
        expand(template);
        int end = sb.length();
        if (!pending.isEmpty()) {
            String quote = sb.substring(lineStart, Math.min(end, lineStart + 160)).strip();
            for (int i = 0; i < pending.size() && pageMentions.size() < MENTIONS_PER_PAGE; i++) {
                int[] span = pending.get(i);
                String[] t = pendingText.get(i);
                pageMentions.add(new Mention("person", t[0], t[1], t[2], t[3], new Citation(path, pageNo, pageBates, quote), span[0], span[1], "rule"));
            }
        }
        sb.append('\n');
    }

    private void expand(String t) {
        int i = 0, n = t.length();
        while (i < n) {
            int open = t.indexOf('{', i);
            if (open < 0) {
                sb.append(t, i, n);
                return;
            }
            sb.append(t, i, open);
            int close = t.indexOf('}', open);
            slot(t.substring(open + 1, close));
            i = close + 1;
        }
    }

    private void slot(String key) {
        Incident c = this.c;
        switch (key) {
            case "O" -> officer(c.primary);
            case "O2" -> officer(c.second);
            case "OK" -> officer(c.handler);
            case "OKN" -> sb.append(c.handler.rank).append(' ').append(c.handler.surname);
            case "OL" -> officer(c.analyst);
            case "OE" -> officer(c.tech);
            case "DEF" -> civilian(c.def, "defendant");
            case "WIT" -> civilian(c.wit, "passenger");
            case "TOW" -> civilian(c.tow, "tow_operator");
            case "DEFN" -> sb.append(c.def.surname);
            case "WITN" -> sb.append(c.wit.given);
            case "OS" -> sb.append(c.primary.abbr.toUpperCase(Locale.ROOT)).append(' ').append(c.primary.surname.toUpperCase(Locale.ROOT));
            case "KS" -> sb.append(c.handler.abbr.toUpperCase(Locale.ROOT)).append(' ').append(c.handler.surname.toUpperCase(Locale.ROOT));
            case "DS" -> sb.append(c.def.surname.toUpperCase(Locale.ROOT));
            case "WS" -> sb.append(c.wit.surname.toUpperCase(Locale.ROOT));
            case "DATE" -> date(clock.toLocalDate());
            case "DATEW" -> {
                LocalDate d = clock.toLocalDate();
                sb.append(d.getMonth().getDisplayName(TextStyle.FULL, Locale.US)).append(' ').append(d.getDayOfMonth()).append(", ").append(d.getYear());
            }
            case "LDATE" -> date(c.received);
            case "ADATE" -> date(c.analyzed);
            case "CDATE" -> date(c.certified);
            case "TIME" -> {
                clock = clock.plusMinutes(1 + r.nextInt(6));
                two(clock.getHour());
                two(clock.getMinute());
            }
            case "CLOCK" -> {
                clock = clock.plusSeconds(5 + r.nextInt(40));
                two(clock.getHour());
                sb.append(':');
                two(clock.getMinute());
                sb.append(':');
                two(clock.getSecond());
            }
            case "ADDR" -> sb.append(c.addr);
            case "STREET" -> sb.append(c.street);
            case "DIR" -> sb.append(DIRS[r.nextInt(DIRS.length)]);
            case "VEH" -> sb.append(c.veh);
            case "COLOR" -> sb.append(c.color);
            case "VIN" -> sb.append(c.vin);
            case "TAG" -> sb.append(c.tag);
            case "VIOL" -> sb.append(c.viol);
            case "VIOLS" -> sb.append(c.viol.startsWith("a ") ? c.viol.substring(2) : c.viol);
            case "K9" -> sb.append(c.k9);
            case "BREED" -> sb.append(c.breed);
            case "CERT" -> sb.append(c.cert);
            case "AGENCY" -> sb.append(c.agency);
            case "DRUG" -> sb.append(c.drug);
            case "DRUG2" -> sb.append(c.drug2);
            case "FORM" -> sb.append(c.form);
            case "PACK" -> sb.append(c.pack);
            case "COUNT" -> sb.append(c.count);
            case "TESTED" -> sb.append(c.tested);
            case "RECV" -> sb.append(c.receivedCount);
            case "W" -> sb.append(c.weight);
            case "GW" -> sb.append(c.gross);
            case "NETW" -> sb.append(c.net);
            case "ITEM" -> sb.append(c.items[r.nextInt(c.items.length)]);
            case "SEAL" -> sb.append(c.seals[r.nextInt(c.seals.length)]);
            case "SEALSTATE" -> sb.append(c.sealBroken ? "seal broken" : "seal intact");
            case "LABNO" -> sb.append(c.labNo);
            case "CASE" -> sb.append(c.no);
            case "WNO" -> sb.append(c.wno);
            case "UNIT" -> sb.append(c.unit);
            case "SPOT" -> sb.append(r.nextInt(3) == 0 ? SPOTS[r.nextInt(SPOTS.length)] : c.spot);
            case "CONT" -> sb.append(c.container);
            case "ODOR" -> sb.append(c.odor);
            case "TOWCO" -> sb.append(c.towco);
            case "NUM" -> sb.append(2 + r.nextInt(8));
            case "Q" -> sb.append(QUOTES[r.nextInt(QUOTES.length)]);
            case "FILL" -> {
                int words = 8 + r.nextInt(14);
                for (int w = 0; w < words; w++) {
                    String f = FILLER[r.nextInt(FILLER.length)];
                    if (w == 0) sb.append(Character.toUpperCase(f.charAt(0))).append(f, 1, f.length());
                    else sb.append(' ').append(f);
                }
                sb.append('.');
            }
            default -> throw new IllegalStateException("no slot " + key);
        }
    }

    private void two(int v) {
        if (v < 10) sb.append('0');
        sb.append(v);
    }

    private void date(LocalDate d) {
        two(d.getMonthValue());
        sb.append('/');
        two(d.getDayOfMonth());
        sb.append('/').append(d.getYear());
    }

    /** An officer as reports write one: with rank, full or initial, sometimes with the badge. */
    private void officer(Officer o) {
        int start = sb.length();
        String badge = null;
        int form = o.badge == null ? new int[]{0, 2, 3}[r.nextInt(3)] : r.nextInt(6);
        switch (form) {
            case 0 -> sb.append(o.rank).append(' ').append(o.given).append(' ').append(o.surname);
            case 1 -> {
                sb.append(o.abbr).append(' ').append(o.given).append(' ').append(o.surname).append(" #").append(o.badge);
                badge = o.badge;
            }
            case 2 -> sb.append(o.abbr).append(' ').append(o.given.charAt(0)).append(". ").append(o.surname);
            case 3 -> sb.append(o.rank).append(' ').append(o.surname);
            case 4 -> {
                sb.append(o.rank).append(' ').append(o.given).append(' ').append(o.surname).append(" (Badge ").append(o.badge).append(')');
                badge = o.badge;
            }
            default -> {
                sb.append(o.given.charAt(0)).append(". ").append(o.surname.toUpperCase(Locale.ROOT)).append(" #").append(o.badge);
                badge = o.badge;
            }
        }
        mention(start, o.given + " " + o.surname, o.role, badge);
    }

    private void civilian(Civilian p, String role) {
        int start = sb.length();
        switch (r.nextInt(4)) {
            case 0 -> sb.append(p.given).append(' ').append(p.surname);
            case 1 -> sb.append(p.title).append(' ').append(p.given).append(' ').append(p.surname);
            case 2 -> sb.append(p.title).append(' ').append(p.surname);
            default -> {
                sb.append(p.given).append(' ');
                if (!p.middle.isEmpty()) sb.append(p.middle).append(". ");
                sb.append(p.surname);
            }
        }
        mention(start, p.given + " " + p.surname, p.role.equals("tow_operator") ? p.role : role, null);
    }

    private void mention(int start, String value, String role, String badge) {
        pending.add(new int[]{start, sb.length()});
        pendingText.add(new String[]{sb.substring(start), value, role, badge});
    }

    /** OCR's confusions on about one character in eight of those it confuses: O and 0, l and 1, I and l. */
    private void noise(StringBuilder b) {
        for (int i = 0; i < b.length(); i++) {
            char ch = b.charAt(i);
            char to = switch (ch) {
                case 'O' -> '0';
                case '0' -> 'O';
                case 'l' -> '1';
                case '1' -> 'l';
                case 'I' -> 'l';
                default -> ch;
            };
            if (to != ch && r.nextInt(8) == 0) b.setCharAt(i, to);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
