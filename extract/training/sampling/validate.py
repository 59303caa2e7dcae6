"""Validate the two sampling sentence files and print counts. Run: python3 validate.py DIR"""
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = ["selection", "units", "weight", "field_test", "identity", "none"]
D = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..")
ok = True


def err(*a):
    global ok
    ok = False
    print("ERROR", *a)


def norm(s):
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


sents = {}
for split in ("train", "eval"):
    path = os.path.join(D, f"sampling-sentences-{split}.txt")
    raw = open(path, encoding="utf-8").read().split("\n")
    if raw[-1] != "":
        err(path, "no trailing newline")
    raw = raw[:-1]
    body = [l for l in raw if not l.startswith("#")]
    if any(l.startswith("#") for l in raw[len(raw) - len(body):]):
        err(path, "comment after data")
    cnt = collections.Counter()
    for i, l in enumerate(body):
        if l.count("\t") != 1:
            err(path, i, "tabs", repr(l))
            continue
        lab, s = l.split("\t")
        if lab not in LABELS:
            err(path, i, "label", lab)
        if not s.strip() or s != s.strip():
            err(path, i, "sentence edge", repr(s))
        cnt[lab] += 1
    ss = [l.split("\t", 1)[1] for l in body if l.count("\t") == 1]
    if len(ss) != len(set(ss)):
        err(path, "duplicate sentences", len(ss) - len(set(ss)))
    ns = [norm(s) for s in ss]
    if len(ns) != len(set(ns)):
        err(path, "near-duplicate sentences (normalised)", len(ns) - len(set(ns)))
    sents[split] = ss
    n = len(body)
    print(f"{os.path.basename(path)}: {n} lines; " + ", ".join(f"{k}={cnt[k]}" for k in LABELS)
          + f"; none={100 * cnt['none'] / n:.1f}%")

ov = set(sents["train"]) & set(sents["eval"])
ovn = {norm(s) for s in sents["train"]} & {norm(s) for s in sents["eval"]}
if ov or ovn:
    err("train/eval overlap", len(ov), len(ovn), list(ovn)[:5])
print("train/eval overlap (exact, normalised):", len(ov), len(ovn))


# frames must be disjoint: compare the frame skeletons (slots blanked)
def skeletons(path):
    out = set()
    for l in open(path, encoding="utf-8"):
        l = l.strip()
        if l and not l.startswith(("//", "@")):
            sk = norm(re.sub(r"\{[^}]*\}", " ", l))
            out.add(sk if sk else l)  # slot-only frames (signature lines) are compared verbatim
    return out


if os.path.exists(os.path.join(HERE, "frames_train.txt")):
    fo = skeletons(os.path.join(HERE, "frames_train.txt")) & skeletons(os.path.join(HERE, "frames_eval.txt"))
    if fo:
        err("frames shared between train and eval", fo)
    print("frames shared between train and eval:", len(fo))
print("OK" if ok else "FAILED")
