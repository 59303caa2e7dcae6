"""Frame rendering, spelling/abbreviation variation, OCR noise and typo injection (sentence categoriser only)."""
import re

TOKEN = re.compile(r"\{([^{}]+)\}")


def render(frame, pools):
    """Fill every {KEY} in the frame. A leading '^' upper-cases the whole line (form/telex style)."""
    pools.new_sentence()
    upper = frame.startswith("^")
    if upper:
        frame = frame[1:]
    s = TOKEN.sub(lambda m: pools.misc(m.group(1)), frame)
    s = s.replace("..", ".") if not s.endswith("...") else s
    s = re.sub(r"\s+", " ", s).strip()
    if upper:
        s = s.upper()
    if s and s[0].isalpha():
        s = s[0].upper() + s[1:]
    return s


# --------------------------------------------------------------- spelling / abbreviation variants
BRITISH = [("analyzed", "analysed"), ("Analyzed", "Analysed"), ("analyze", "analyse"), ("homogenized", "homogenised"),
           ("homogenize", "homogenise"), ("color", "colour"), ("Color", "Colour"), ("gray", "grey"),
           ("randomized", "randomised"), ("characterized", "characterised"), ("utilizing", "utilising"),
           ("organization", "organisation"), ("summarized", "summarised")]
ABBREV = [("approximately", "approx."), ("Approximately", "Approx."), ("weight", "wt."), ("Weight", "Wt."),
          ("packets", "pkts"), ("number", "no."), ("Number", "No."), ("Laboratory", "Lab"), ("laboratory", "lab"),
          ("grams", "g"), ("each", "ea."), ("received", "rec'd"), ("Received", "Rec'd"),
          ("with", "w/"), ("without", "w/o"), ("package", "pkg"), ("Detective", "Det."), ("Officer", "Ofc."),
          ("tablets", "tabs"), ("submitted", "sub."), ("sample", "smpl"), ("and", "&"), ("bags", "bgs"),
          ("positive", "pos."), ("negative", "neg."), ("confirmed", "conf."), ("quantity", "qty")]


def variants(s, rng, p_brit=0.15, p_abbr=0.18):
    if rng.random() < p_brit:
        for a, b in BRITISH:
            s = s.replace(a, b)
    if rng.random() < p_abbr:
        cands = [(a, b) for a, b in ABBREV if re.search(r"\b" + re.escape(a) + r"\b", s)]
        rng.shuffle(cands)
        for a, b in cands[:rng.choice([1, 1, 2])]:
            s = re.sub(r"\b" + re.escape(a) + r"\b", b, s, count=1)
    return re.sub(r"\.\.$", ".", s)


# --------------------------------------------------------------- noise
TYPOS = [("received", "recieved"), ("analyzed", "analized"), ("analysis", "anaylsis"), ("weight", "wieght"),
         ("weighed", "wieghed"), ("approximately", "approximatly"), ("representative", "representitive"),
         ("sample", "sampel"), ("selected", "selcted"), ("hypergeometric", "hypergeometirc"), ("random", "randon"),
         ("laboratory", "labratory"), ("substance", "substence"), ("identified", "identifed"), ("presence", "presense"),
         ("positive", "postive"), (" the ", " teh "), ("packets", "pakets"), ("cocaine", "cocaince"),
         ("methamphetamine", "methamphetamin"), ("tested", "testted"), ("separate", "seperate"), ("evidence", "evidense"),
         ("submitted", "submited"), ("individually", "individualy"), ("combined", "combinded"), ("confirmed", "confimed"),
         ("uncertainty", "uncertainity"), ("officer", "offcier"), ("with", "wiht"), ("which", "whcih"),
         ("plastic", "plasitc"), ("containing", "contianing"), ("were", "wer"), ("gross", "groos"), ("total", "totla")]


def _ocr_once(s, rng):
    ops = ["O0", "0O", "Il", "il", "l1", "1l", "rnm", "mrn", "ec", "drop", "split", "comma", "S5", "5S", "B8", "8B",
           "hn", "cl_d", "gq", "e_c", "dot", "vv"]
    for _ in range(8):
        op = rng.choice(ops)
        if op == "drop":
            idx = [i for i in range(1, len(s) - 1) if s[i] == " " and s[i - 1].isalnum() and s[i + 1].isalnum()]
            if idx:
                i = rng.choice(idx)
                return s[:i] + s[i + 1:]
            continue
        if op == "split":
            idx = [i for i in range(2, len(s) - 2) if s[i - 2:i + 2].isalpha()]
            if idx:
                i = rng.choice(idx)
                return s[:i] + " " + s[i:]
            continue
        if op == "comma":
            idx = [i for i, ch in enumerate(s) if ch in ".,"]
            if idx:
                i = rng.choice(idx)
                return s[:i] + {".": ",", ",": "."}[s[i]] + s[i + 1:]
            continue
        if op == "dot":
            idx = [i for i in range(1, len(s)) if s[i].isdigit() and s[i - 1].isdigit()]
            if idx:
                i = rng.choice(idx)
                return s[:i] + " " + s[i:]
            continue
        src, dst = {"rnm": ("rn", "m"), "mrn": ("m", "rn"), "cl_d": ("d", "cl"), "e_c": ("e", "c"),
                    "vv": ("w", "vv")}.get(op, (op[0], op[1:]))
        idx = [i for i in range(len(s)) if s.startswith(src, i)]
        if op == "Il":
            idx = [i for i in idx if i == 0 or not s[i - 1].isalpha()]
        if idx:
            i = rng.choice(idx)
            return s[:i] + dst + s[i + len(src):]
    return s


def add_ocr(s, rng):
    for _ in range(rng.choice([1, 1, 2, 2, 3])):
        s = _ocr_once(s, rng)
    return s


def add_typo(s, rng):
    cands = [(a, b) for a, b in TYPOS if a in s]
    if cands:
        a, b = rng.choice(cands)
        s = s.replace(a, b, 1)
    return s


STATS = {"lines": 0, "ocr": 0, "typo": 0}


def maybe_noise(s, rng, p_ocr=0.12, p_typo=0.07):
    STATS["lines"] += 1
    if rng.random() < p_ocr:
        STATS["ocr"] += 1
        s = add_ocr(s, rng)
    if rng.random() < p_typo:
        t = add_typo(s, rng)
        STATS["typo"] += t != s
        s = t
    return s
