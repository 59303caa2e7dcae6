"""Filler pools for the drug-sampling sentence generator.

Train and eval use disjoint pools for people, laboratories, agencies and some unit nouns, so that held-out frames are
also filled with unseen names. Everything here is synthetic."""
import datetime

TRAIN_FIRST = """Aaron Abena Adebayo Aditi Ahmad Aiyana Alejandro Aleksandra Amara Anders Andrea Anh Arjun Astrid
Ayesha Bartosz Bianca Bongani Brennan Camila Carmen Chidi Ciaran Colette Dalia Darnell Dmitri Dolores Eamon Efua
Eitan Elif Emeka Esperanza Farid Fatima Femi Gustavo Hana Haruto Hassan Ingrid Isabela Ivan Jamal Javier Jin-woo
Joaquin Kalani Kenji Keisha Khalid Kwame Lakshmi Latoya Leilani Luz Magdalena Malik Marisol Mateus Mehmet Mei
Miguel Mirela Nadia Naveen Nikos Noor Nuno Obinna Oksana Olumide Pavel Priya Quang Rafael Rashida Reza Rosalind
Rustam Saanvi Salvador Sani Seamus Shira Siddharth Sione Tariq Tatiana Teodoro Thandiwe Tomasz Tuan
Valentina Vikram Wanjiru Wei Xochitl Yaw Yesenia Yusuf Zainab Zoltan Brandon Kyle Heather Dustin Tammy Cody Megan
Travis Kristen Wade Lorraine Curtis Gloria Harold Denise""".split()

TRAIN_LAST = """Abernathy Achebe Adeyemi Aguilar Alvarado Amsalem Antwi Arbuckle Bakshi Balogun Barrientos Begay Bjornstad
Bogdanovic Castellanos Choudhury Cienfuegos Dabrowski Dang Delacroix Desai Dlamini Duong Eberhardt Ekwueme Espinal
Fairbanks Farouk Fitzsimmons Fonoti Gallardo Garrido Ghosh Gutierrez Haddock Hakimi Halvorsen Hoang Ibarra Iwu
Jablonski Jaramillo Kahananui Kapoor Karimi Kawasaki Kowalczyk Kruger Laine Lindqvist Lomeli Mahlangu Marchetti
Mensah Mirza Moreau Mukherjee Nakagawa Navarro Nkemelu Novotny Nwosu O'Callaghan Okonkwo Olvera Onyango Ortega Osei
Papadakis Pereira Petrosyan Quintero Qureshi Rahimi Ramanathan Reinholt Rojas Rutkowski Sabharwal Salcedo Sandoval
Sarkisian Schaefer Shapiro Silversmith Sokolova Suarez Tafoya Takeda Tiwari Trinh Tsosie Udeh Valdivia Vasquez
Villalobos Voss Wasilewski Whitehorse Wojcik Xiong Yamamoto Yazdani Yeboah Zamora Zelenko Zhou Hollis McAllister
Duckworth Pettigrew Stroud Kincaid Harlow Dunleavy Thibodeaux Broussard Fontenot Lemieux Gauthier Appiah Soto Kaur
Benitez Lachowicz Moua Tupou Ferrante Holloway Obuya""".split() + ["Van der Berg", "De la Cruz", "St. Pierre"]

EVAL_FIRST = """Adaeze Agnieszka Akira Alonzo Amani Anselm Beatriz Caoimhe Chayton Dagny Delroy Dusan Ebony Emil Fernanda
Gideon Hamza Hyun-jin Ifeoma Ilse Jorge Kaveh Kiri Leticia Linh Lucian Makoa Marguerite Mustafa Nalani Nnamdi Odalys
Oren Paloma Pradeep Radomir Rania Sabine Seun Soraya Tenzin Thuy Ulrich Vusi Wendell Ximena Yolanda Zeynep Raymond
Crystal Shane Brittany Everett Roxanne""".split()

EVAL_LAST = """Abiodun Acevedo Akinola Arceneaux Bautista Bergstrom Bhattacharya Bouchard Carrasco Czarnecki Demir Dominguez
Duplessis Echeverria Egwu Fakhoury Fenwick Galindo Grabowski Haile Hashemi Hightower Ishikawa Jovanovic Kaleo Kamau
Kettering Kuznetsov Lachance Lozano Madrigal Manyika Medeiros Montoya Mwangi Nazari Nieminen Nyberg Obi Ochoa Okoye
Pacheco Prewitt Quinones Rasheed Redcloud Riordan Sakamoto Santangelo Sauceda Sekibo Sorensen Tahir Tavares Tkachenko
Umeh Underhill Varga Vidal Wakefield Wirth Yildirim Yellowhorse Zapata Zielinski Mahoney Thornbury Esposito Ferreira
Lungu""".split()

TRAIN_AGENCIES = ["Redbank Police Department", "Castile County Sheriff's Office", "Westmere University Police Department",
                  "Lower Pecos Narcotics Task Force", "State Highway Patrol, Troop G", "Harlan Falls Police Department",
                  "Fort Tolliver CID Office", "DEA Riverbend Resident Office", "Marlow County Sheriff's Office",
                  "Cold Spring Police Department", "Tri-County Drug Enforcement Unit", "HSI Port Avalon",
                  "Brierfield Township Police", "Ozark Ridge Drug Task Force", "Kessler Parish Sheriff's Office",
                  "Redbank PD", "CCSO", "Marlow Co. S.O."]
EVAL_AGENCIES = ["Glenhaven Police Department", "Tamarack County Sheriff's Office", "Northshore State University Police",
                 "Five Rivers Interagency Narcotics Team", "State Patrol District 4", "Fort Ainsley CID Battalion",
                 "DEA Westbrook Post of Duty", "Pine Hollow Police Department", "Ellery County Sheriff's Office",
                 "Saltmarsh Metro Narcotics Unit", "Glenhaven PD", "TCSO"]

TRAIN_LABS = ["the State Crime Laboratory", "the Regional Forensic Laboratory", "the Marlow Regional Crime Lab",
              "the Forensic Services Division", "the Department of Public Safety Crime Laboratory, Northern Region",
              "the Castile County Forensic Science Center", "the Drug Chemistry Section",
              "the Army Forensic Drug Laboratory at Camp Ridley", "the DEA Lakeshore Regional Laboratory",
              "the Harlan Falls Crime Lab", "the Statewide Forensic Laboratory in Ashby", "the Controlled Substances Unit"]
EVAL_LABS = ["the Bexley Forensic Laboratory", "the Northern District Crime Lab", "the Coastal Regional Forensic Center",
             "the Bureau of Forensic Sciences", "the Sutter Valley Crime Laboratory",
             "the Chemistry Unit of the State Police Laboratory", "the Fort Ainsley drug testing laboratory",
             "the Tamarack County Crime Lab"]

FIELD_TITLES = ["Ofc.", "Officer", "Det.", "Detective", "Sgt.", "Sergeant", "Cpl.", "Dep.", "Deputy", "Tpr.", "Trooper",
                "Inv.", "Investigator", "TFO", "Task Force Officer", "SA", "Special Agent", "Agent", "Ofc", "Det"]
LAB_TITLES = ["Chemist", "Forensic Chemist", "Forensic Scientist", "Criminalist", "Analyst", "Dr.", "Forensic Scientist II",
              "Senior Criminalist", "Drug Chemist", "Forensic Analyst III", "Chemist II", "Forensic Scientist I",
              "Supervising Criminalist", "Technical Reviewer"]

# (singular, plural, abbreviated plural or None)
UNITS_COMMON = [
    ("knotted plastic bag", "knotted plastic bags", "bgs"), ("plastic bag", "plastic bags", "bags"),
    ("baggie", "baggies", None), ("zip-lock bag", "zip-lock bags", "ziplocs"), ("glassine envelope", "glassine envelopes", "glassines"),
    ("wax paper fold", "wax paper folds", "folds"), ("packet", "packets", "pkts"), ("tablet", "tablets", "tabs"),
    ("capsule", "capsules", "caps"), ("vial", "vials", None), ("bindle", "bindles", None), ("brick", "bricks", None),
    ("blotter square", "blotter squares", "sq."), ("foil packet", "foil packets", "foils"),
    ("heat-sealed package", "heat-sealed packages", "pkgs"), ("corner-tie baggie", "corner-tie baggies", "corner ties"),
    ("bundle", "bundles", "bdls"), ("balloon", "balloons", None), ("pill", "pills", None),
    ("dosage unit", "dosage units", "DU"), ("small ziplock baggie", "small ziplock baggies", "baggies"),
    ("bag", "bags", "bgs"), ("envelope", "envelopes", "envs"), ("package", "packages", "pkgs"),
]
UNITS_TRAIN = UNITS_COMMON + [
    ("gel capsule", "gel capsules", "gelcaps"), ("cut straw", "cut straws", None), ("rock", "rocks", None),
    ("vacuum-sealed package", "vacuum-sealed packages", "pkgs"), ("sublingual film strip", "sublingual film strips", "strips"),
    ("cellophane-wrapped package", "cellophane-wrapped packages", None), ("mushroom cap", "mushroom caps", None),
]
UNITS_EVAL = UNITS_COMMON + [
    ("pressed bar", "pressed bars", "bars"), ("twist", "twists", None), ("micro zip bag", "micro zip bags", "micros"),
    ("paper bindle", "paper bindles", None), ("mylar pouch", "mylar pouches", "pouches"),
]

CONTAINERS = ["larger plastic bag", "manila envelope", "shoebox", "sandwich bag", "cigarette pack", "pill bottle",
              "evidence envelope", "gallon-size freezer bag", "paper sack", "sock", "tin", "duffel bag"]

APPEARANCE = ["white powder", "off-white chunky material", "white powdery substance", "tan powder", "brown powder",
              "brown tar-like substance", "green plant material", "dried plant material", "off-white rock-like substance",
              "crystalline substance", "clear crystals", "gray powder", "pink powder", "beige compressed powder",
              "white chunky substance", "blue round tablets", "yellow oval tablets", "clear liquid", "brown chunky material",
              "white crystalline material", "green leafy material", "light-brown powder"]

SUBSTANCES = ["cocaine", "cocaine base", "cocaine hydrochloride", "heroin", "fentanyl", "methamphetamine",
              "d-methamphetamine hydrochloride", "MDMA", "alprazolam", "oxycodone", "hydrocodone", "buprenorphine",
              "psilocin", "psilocybin", "delta-9-tetrahydrocannabinol", "marijuana", "LSD", "ketamine", "phencyclidine",
              "carfentanil", "para-fluorofentanyl", "acetyl fentanyl", "amphetamine", "tramadol", "N,N-dimethylpentylone",
              "MDMA (3,4-methylenedioxymethamphetamine)", "cocaine (Schedule II)", "fentanyl and xylazine",
              "heroin and fentanyl", "methamphetamine hydrochloride", "cannabis", "clonazepam", "bromazolam",
              "4-ANPP", "eutylone", "Tetrahydrocannabinol", "cocaine and levamisole"]
SUB_FIELD = ["cocaine", "methamphetamine", "heroin", "opiates", "fentanyl", "marijuana", "amphetamines", "THC", "crack cocaine",
             "MDMA", "opioids", "controlled substances", "narcotics", "meth", "cocaine base"]
CUTS = ["levamisole", "caffeine", "lidocaine", "procaine", "phenacetin", "mannitol", "acetaminophen", "xylazine",
        "dimethyl sulfone", "quinine", "diphenhydramine", "inositol"]
PHARMA = ["oxycodone hydrochloride 30 mg", "alprazolam 2 mg", "hydrocodone bitartrate and acetaminophen",
          "buprenorphine and naloxone", "clonazepam 1 mg", "methylphenidate", "tramadol hydrochloride", "oxycodone"]

METHODS = ["GC-MS", "gas chromatography-mass spectrometry", "GC/MS", "FTIR", "FT-IR", "infrared spectroscopy",
           "ATR-FTIR", "GC-FID", "LC-MS/MS", "LC-QTOF", "liquid chromatography-mass spectrometry", "Raman spectroscopy",
           "UV spectrophotometry", "GC/MS (EI)", "gas chromatography/mass spectrometry", "GCMS", "GC-IR", "HPLC-DAD",
           "DART-MS", "NMR"]
METHODS_Q = ["GC-FID", "HPLC", "quantitative GC-FID", "qNMR", "LC-UV", "HPLC-DAD", "GC-FID with an internal standard"]
SCHEDS = ["Schedule I", "Schedule II", "Schedule III", "Schedule IV", "C-II", "Sch. I", "Sch. II", "CII", "Schedule 1",
          "Penalty Group 1", "Penalty Group 1-B", "Class A"]

FIELD_TESTS = ["NIK test kit", "NIK Test A", "NIK Test G", "NIK Test U", "Marquis reagent", "Scott reagent",
               "modified Scott test", "Duquenois-Levine test", "cobalt thiocyanate test", "Simon's reagent",
               "Mandelin reagent", "Mecke reagent", "Nitric acid test", "TruNarc analyzer", "field test kit",
               "Sirchie NARK II pouch", "Mayer's reagent", "ODV NarcoPouch", "Ehrlich reagent", "fentanyl test strip",
               "presumptive color test", "Froehde reagent", "NIK kit 904B", "Chen-Kao test", "Zimmerman test"]
COLORS = ["blue", "purple", "dark blue", "orange-brown", "violet", "olive green", "pink", "black", "turquoise",
          "reddish-purple", "yellow", "brown", "blue-green", "deep purple"]

CHECK_WEIGHTS = ["1.000 g", "10.000 g", "20 g", "50.0000 g", "100.000 g", "200 g", "500 g", "2 kg", "5.000 g",
                 "0.500 g", "1 kg", "100 mg", "10 mg"]
BALANCES = ["BAL-04", "Mettler XS205 (S/N {n})", "B-{n}", "Sartorius Quintix (ID {n})", "OHAUS EX224",
            "#{n}", "AB-{n}", "TL-{n}", "ID {n}"]
STATUTES = ["21 U.S.C. 841(a)(1)", "21 U.S.C. § 844", "F.S. 893.13(1)(a)", "F.S. 893.135", "Health & Safety Code 11351",
            "Penal Code 11378", "ORC 2925.11", "K.S.A. 21-5706", "MCL 333.7403", "Art. 112a, UCMJ",
            "NRS 453.336", "O.C.G.A. 16-13-30", "Tex. Health & Safety Code 481.115", "RCW 69.50.4013", "G.L. c. 94C, § 34"]
UNIVS = ["Westmere University", "the University of Castile", "Harlan State College", "Ashby Polytechnic",
         "Redbank Community College", "Pecos Valley University"]
STREETS = ["Ashgrove Lane", "Route 30", "Hollis Ave", "Pine Street", "Industrial Pkwy", "Magnolia Court",
           "County Road 14", "Westbrook Blvd", "E. Fifth Street", "Harbor View Drive", "Old Mill Road", "Sycamore Terrace",
           "Lakeshore Dr.", "Canal St", "N. Main St.", "Highway 61"]
VEHS = ["a silver 2014 Nissan Altima", "a black Chevrolet Tahoe", "a white Ford Transit van", "a maroon Honda Civic",
        "a gray Dodge Ram", "a blue Kia Soul", "a green Subaru Outback", "a red Toyota Camry", "a tan Buick LeSabre",
        "a white Freightliner tractor-trailer", "a black Jeep Cherokee"]
K9S = ["Rex", "Bruno", "Kira", "Zeus", "Nala", "Axel", "Havoc", "Blue", "Duke", "Jinx", "Odin", "Maple", "Ranger"]
STAMPS = ["Black Mamba", "Superman", "Pay Day", "Dead End", "Rolex", "Red Bull", "Tesla", "Godfather", "Batman",
          "Dolla Bill", "Happy Face", "Lucky 7", "Blue Magic"]
IMPRINTS = ['"M" and "30"', '"A 215"', '"K9"', '"G 3722"', '"S 903"', '"V 2530"', '"TV" and "150"', '"WATSON 853"',
            '"80" and "OC"', '"GG 249"']
SOPS = ["DC-SOP-12", "CS-07", "QM 5.7", "DCS-14.2", "SOP CS-11", "TM-DRG-04", "Drug Chemistry Manual 3.4", "LP-22",
        "the Sampling SOP", "procedure DC-3.1"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON3 = [m[:3] for m in MONTHS]

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(v):
    if v < 20:
        return ONES[v]
    if v < 100:
        t, o = divmod(v, 10)
        return TENS[t] + ("-" + ONES[o] if o else "")
    if v < 1000:
        h, rest = divmod(v, 100)
        return ONES[h] + " hundred" + (" " + words(rest) if rest else "")
    th, rest = divmod(v, 1000)
    return words(th) + " thousand" + (" " + words(rest) if rest else "")


class Pools:
    def __init__(self, split, rng):
        self.rng = rng
        self.split = split
        if split == "train":
            self.first, self.last = TRAIN_FIRST, TRAIN_LAST
            self.agencies, self.labs, self.units = TRAIN_AGENCIES, TRAIN_LABS, UNITS_TRAIN
        else:
            self.first, self.last = EVAL_FIRST, EVAL_LAST
            self.agencies, self.labs, self.units = EVAL_AGENCIES, EVAL_LABS, UNITS_EVAL

    # ---------------- per-sentence state ----------------
    def new_sentence(self):
        r = self.rng
        # total count N and analysed count n (n <= N)
        band = r.choices(["small", "mid", "large", "huge"], [4, 5, 3, 1])[0]
        N = {"small": lambda: r.randint(2, 15), "mid": lambda: r.randint(12, 99),
             "large": lambda: r.randint(100, 600), "huge": lambda: r.randint(600, 2500)}[band]()
        n = min(N, r.choice([1, 1, 2, 3, 3, 4, 5, 5, 6, 7, 8, 9, 10, 12, 15, 20, 23, 28, 29, 30, 35, 48, 57, 59]))
        if n >= N:
            n = max(1, N // 2)
        if N - n < 2:
            N = n + 2
        self.N, self.n = N, n
        self.unit = r.choice(self.units)
        self.count_style = r.choices(["d", "w", "wd", "mix"], [4, 2, 3, 3])[0]

    # ---------------- counts ----------------
    def count(self, v, style=None):
        r = self.rng
        style = style or self.count_style
        if style == "mix":
            style = r.choices(["d", "w", "wd", "WD", "dw"], [5, 2, 4, 1, 1])[0]
        if style == "w" and v > 120:
            style = "d"
        if style == "d":
            if v >= 1000 and r.random() < 0.5:
                return f"{v:,}"
            return str(v)
        if style == "w":
            return words(v)
        if style == "wd":
            return f"{words(v)} ({v})"
        if style == "WD":
            return f"{words(v).upper()} ({v})"
        if style == "dw":
            return f"{v} ({words(v)})"
        return str(v)

    def unit_sing(self):
        return self.unit[0]

    def unit_plur(self, abbr_p=0.0):
        if self.unit[2] and self.rng.random() < abbr_p:
            return self.unit[2]
        return self.unit[1]

    # ---------------- weights ----------------
    def num(self, lo, hi, dec=None):
        r = self.rng
        dec = r.choice([1, 2, 2, 3, 3, 4]) if dec is None else dec
        import math
        v = math.exp(r.uniform(math.log(lo), math.log(hi)))
        return f"{v:.{dec}f}"

    def weight(self, kind="mid"):
        r = self.rng
        if kind == "mid":
            kind = r.choices(["g", "g", "g", "mg", "kg", "lb", "oz"], [10, 6, 3, 1, 1, 1, 1])[0] if r.random() < 0.25 else "g"
            lohi = (0.05, 60)
        elif kind == "small":
            kind, lohi = r.choice(["g", "g", "g", "mg"]), (0.01, 1.8)
        elif kind == "tot":
            kind = r.choice(["g", "g", "g", "kg", "lb", "oz"])
            lohi = (3, 3000)
        elif kind == "big":
            kind, lohi = r.choice(["kg", "lb", "oz", "g"]), (300, 12000)
        else:
            lohi = (0.05, 60)
        if kind == "g":
            v = self.num(*lohi)
            u = r.choices(["g", "grams", "gram(s)", "gm", "gms", "g.", "grams (g)", "G", "gr."], [20, 12, 1, 2, 1, 1, 1, 1, 1])[0]
            sep = "" if r.random() < 0.15 else " "
            return f"{v}{sep}{u}"
        if kind == "mg":
            v = self.num(lohi[0] * 1000, lohi[1] * 1000 if lohi[1] < 5 else 1800, r.choice([0, 0, 1]))
            return f"{v} {r.choice(['mg', 'mg', 'milligrams', 'mgs'])}"
        if kind == "kg":
            v = self.num(max(0.2, lohi[0] / 1000), max(1.5, lohi[1] / 1000), r.choice([1, 2, 3]))
            return f"{v} {r.choice(['kg', 'kg', 'kilograms', 'kilos', 'Kg'])}"
        if kind == "lb":
            v = self.num(max(0.3, lohi[0] / 450), max(2, lohi[1] / 450), r.choice([0, 1, 1, 2]))
            return f"{v} {r.choice(['lb', 'lbs', 'pounds', 'lbs.'])}"
        if kind == "oz":
            v = self.num(max(0.2, lohi[0] / 28), max(3, lohi[1] / 28), r.choice([0, 1, 1, 2]))
            return f"{v} {r.choice(['oz', 'oz.', 'ounces', 'ounce(s)'])}"
        raise KeyError(kind)

    def unc_value(self):
        r = self.rng
        return f"{self.num(0.002, 2.5, r.choice([2, 3, 3]))} {r.choice(['g', 'g', 'grams', 'g'])}"

    def unc_full(self):
        r = self.rng
        u = self.unc_value()
        return r.choice([f"± {u} (k=2, 95.45%)", f"+/- {u} (k = 2)", f"± {u} at 95% confidence", f"±{u} (k=2)",
                         f"+/- {u} at a 95.45% level of confidence", f"± {u} (coverage factor k=2, approx. 95%)",
                         f"± {u} (k=3, 99.73%)", f"+/- {u} (95% CI)", f"± {u} (k=2.0, ~95%)", f"+- {u} (k=2)",
                         f"with an expanded uncertainty of {u} (k=2)"])

    def weight_list(self):
        r = self.rng
        k = r.randint(2, 6)
        ws = [self.num(0.05, 1.6, 3) for _ in range(k)]
        u = r.choice(["g", " g", "grams"])
        if u == "grams":
            return ", ".join(ws[:-1]) + " and " + ws[-1] + " grams"
        if r.random() < 0.5:
            return ", ".join(f"{w}{u}" for w in ws)
        return "; ".join(f"{w} g" for w in ws)

    # ---------------- people ----------------
    def name(self, style=None):
        r = self.rng
        f, l = r.choice(self.first), r.choice(self.last)
        style = style or r.choices(["full", "init", "last", "mid"], [4, 4, 3, 1])[0]
        return {"full": f"{f} {l}", "init": f"{f[0]}. {l}", "last": l,
                "mid": f"{f} {r.choice('ABCDEFGHJKLMNPRSTW')}. {l}"}[style]

    def officer(self):
        r = self.rng
        s = f"{r.choice(FIELD_TITLES)} {self.name()}"
        if r.random() < 0.3:
            s += r.choice([f" #{r.randint(100, 9999)}", f" ({r.randint(100, 9999)})", f", badge {r.randint(100, 9999)}"])
        return s

    def analyst(self):
        r = self.rng
        t = r.choice(LAB_TITLES)
        return f"{t} {self.name(r.choice(['full', 'init', 'last']) if t == 'Dr.' else None)}"

    def civilian(self):
        r = self.rng
        f, l = r.choice(self.first), r.choice(self.last)
        return r.choice([f"{f} {l}", f"{f} {r.choice('ABCDEJKLMRST')}. {l}", f"{l.upper()}, {f.upper()}"])

    # ---------------- items ----------------
    def item(self):
        r = self.rng
        n = r.randint(1, 14)
        return r.choice([f"Item {n}", f"Item #{n}", f"Item No. {n}", f"Item {n}{r.choice('ABC')}", f"Exhibit {n}",
                         f"Exh. {n}", f"Exhibit {n}{r.choice('ABCD')}", f"Item {r.randint(1, 4)}.{r.randint(1, 3)}",
                         f"Q{n}", f"Q-{n}", f"Lab Item {n}", f"Ex. {n}", f"E-{n}", f"Item {n}", f"Item {n}",
                         f"Submission {r.randint(1, 3)} Item {n}", f"Exhibit {n}-{r.choice('AB')}"])

    # ---------------- dates / times ----------------
    def date(self, later=False):
        r = self.rng
        if later and getattr(self, "_last_date", None):
            dt = self._last_date + datetime.timedelta(days=r.randint(30, 400))
        else:
            dt = datetime.date(r.randint(2016, 2025), r.randint(1, 12), r.randint(1, 28))
        self._last_date = dt
        y, m, d = dt.year, dt.month, dt.day
        return r.choice([f"{m:02d}/{d:02d}/{y}", f"{d} {MON3[m - 1]} {y}", f"{y}-{m:02d}-{d:02d}", f"{MONTHS[m - 1]} {d}, {y}",
                         f"{d:02d}{MON3[m - 1].upper()}{y % 100:02d}", f"{m}-{d}-{y % 100}", f"{d} {MONTHS[m - 1]} {y}",
                         f"{MON3[m - 1]}. {d}, {y}", f"{m}/{d}/{y % 100}"])

    def time(self):
        r = self.rng
        h, mi = r.randint(0, 23), r.randint(0, 59)
        h12 = h % 12 or 12
        ap = "AM" if h < 12 else "PM"
        return r.choice([f"{h:02d}{mi:02d} hrs", f"{h12}:{mi:02d} {ap}", f"{h:02d}:{mi:02d}", f"{h:02d}{mi:02d} hours",
                         f"{h:02d}{mi:02d}hrs", f"approximately {h:02d}{mi:02d} hours", f"{h:02d}{mi:02d}"])

    # ---------------- everything else ----------------
    def misc(self, key):
        r = self.rng
        c = r.choice
        N, n = self.N, self.n
        table = {
            # counts
            "N": lambda: self.count(N), "n": lambda: self.count(n), "R": lambda: self.count(max(1, N - n)),
            "Nd": lambda: str(N), "nd": lambda: str(n), "Rd": lambda: str(max(1, N - n)),
            "Nw": lambda: words(N) if N <= 120 else str(N), "nw": lambda: words(n),
            "Nwd": lambda: self.count(N, "wd"), "nwd": lambda: self.count(n, "wd"),
            "N2": lambda: self.count(N + r.choice([-3, -2, -1, 1, 2, 4, 10]) if N > 4 else N + 2),
            "k": lambda: self.count(r.randint(2, 6)),
            # units
            "Un": lambda: self.unit_sing() if n == 1 else self.unit_plur(), "vn": lambda: "was" if n == 1 else "were",
            "U": lambda: self.unit_plur(), "Ua": lambda: self.unit_plur(0.5), "U1": lambda: self.unit_sing(),
            "CONT": lambda: c(CONTAINERS), "APP": lambda: c(APPEARANCE),
            # weights
            "W": lambda: self.weight("mid"), "W2": lambda: self.weight("mid"), "Ws": lambda: self.weight("small"),
            "Ws2": lambda: self.weight("small"), "WT": lambda: self.weight("tot"), "WB": lambda: self.weight("big"),
            "UNC": lambda: self.unc_full(), "UNCv": lambda: self.unc_value(), "WL": lambda: self.weight_list(),
            "CHK": lambda: c(CHECK_WEIGHTS), "BAL": lambda: c(BALANCES).format(n=r.randint(10, 99999)),
            "CONF": lambda: c(["95%", "95%", "95 %", "99%", "90%", "95 percent", "ninety-five percent (95%)"]),
            "PROP": lambda: c(["90%", "90%", "50%", "80%", "ninety percent", "95%", "75%", "90 %"]),
            "PCT": lambda: f"{self.num(1, 99, r.choice([0, 1, 1, 2]))}%",
            "PCTU": lambda: f"{self.num(0.3, 6, 1)}%",
            # chemistry
            "SUB": lambda: c(SUBSTANCES), "SUBF": lambda: c(SUB_FIELD), "CUT": lambda: c(CUTS), "PHARM": lambda: c(PHARMA),
            "METH": lambda: c(METHODS), "METH2": lambda: c(METHODS), "METHQ": lambda: c(METHODS_Q), "SCHED": lambda: c(SCHEDS),
            "FT": lambda: c(FIELD_TESTS), "COLOR": lambda: c(COLORS), "IMPRINT": lambda: c(IMPRINTS), "STAMP": lambda: c(STAMPS),
            "SOP": lambda: c(SOPS),
            # admin
            "ITEM": self.item, "ITEM2": self.item, "D": self.date, "D2": lambda: self.date(later=True), "T": self.time,
            "OF": self.officer, "OF2": self.officer, "AN": self.analyst, "AN2": self.analyst, "NAME": self.name,
            "PERS": self.civilian, "AG": lambda: c(self.agencies), "LAB": lambda: c(self.labs),
            "LAST": lambda: c(self.last), "INIT": lambda: c("ABCDEFGHJKLMNPRSTW") + c("ABCDEFGHJKLMNPRSTWY"),
            "ADDR": lambda: f"{r.randint(100, 9899)} {c(STREETS)}", "VEH": lambda: c(VEHS), "K9": lambda: c(K9S),
            "STAT": lambda: c(STATUTES), "UNIV": lambda: c(UNIVS), "YEAR": lambda: str(r.randint(1996, 2021)),
            "YRS": lambda: self.count(r.randint(2, 24), c(["d", "w"])),
            "MONEY": lambda: f"{r.randint(2, 950) * 10:,}" + c(["", ".00"]),
            "BADGE": lambda: str(r.randint(100, 9999)), "PHONE": lambda: f"(555) {r.randint(100, 999)}-{r.randint(1000, 9999)}",
            "INUM": lambda: str(r.randint(1, 14)), "INUM2": lambda: str(r.randint(15, 30)),
            "PAGE": lambda: (lambda t: f"{r.randint(1, t)} of {t}")(r.randint(2, 9)),
            "CASE": lambda: c([f"{r.randint(18, 25)}-{r.randint(1000, 99999):05d}", f"CR20{r.randint(18, 25)}-{r.randint(100, 9999):04d}",
                               f"SO-{r.randint(18, 25)}-{r.randint(1000, 99999)}", f"RPD{r.randint(18, 25)}{r.randint(100000, 999999)}"]),
            "LABCASE": lambda: c([f"L{r.randint(18, 25)}-{r.randint(1000, 99999):05d}", f"FS-20{r.randint(18, 25)}-{r.randint(100, 9999)}",
                                  f"DCS{r.randint(18, 25)}-{r.randint(100, 9999):05d}", f"{r.randint(18, 25)}-LAB-{r.randint(1000, 9999)}"]),
            "CERT": lambda: f"AT-{r.randint(1000, 9999)}", "MPH": lambda: str(r.randint(38, 104)),
            "AGE": lambda: str(r.randint(18, 64)), "HT": lambda: f"{r.randint(5, 6)}'{r.randint(0, 11)}\"",
            "LBS": lambda: str(r.randint(120, 290)), "TEMP": lambda: f"{r.randint(18, 25)}",
            "MIN": lambda: f"{self.num(1.5, 14, 2)}", "LOT": lambda: f"{c('ABCDKLMR')}{r.randint(10000, 99999)}",
            "FORM": lambda: c(["LAB-1", "DPS-81", "CL-220", "form 7-B", "FSD-4", "RFLE-2", "DEA-7", "DA Form 4137"]),
        }
        if key.startswith("="):
            return c(key[1:].split("|"))
        if key not in table:
            raise KeyError(key)
        return table[key]()
