#!/usr/bin/env python3
"""score.py OUT KEY [--quiet]: compare fw_extract_probe output with an answer key."""
import json, re, sys
from collections import defaultdict

SUBJ = {"model_release": "model", "weights_release": "model", "eval_report": "model",
        "third_party_eval": "model", "surface_rollout": "surface", "personnel_move": "person"}

def parse_out(path):
    items = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("== "):
            m = re.match(r"== \[(.*?)\] (.*)", line)
            items.append({"source": m.group(1), "title": m.group(2), "ev": [], "cand": []})
        elif line.strip().startswith("EV "):
            body, _, cue = line.strip()[3:].partition("  [")
            toks = body.split()
            ev = {"kind": toks[0], "cue": cue.rstrip("]")}
            for t in toks[1:]:
                if "=" in t:
                    k, v = t.split("=", 1); ev.setdefault(k, v)
            items[-1]["ev"].append(ev)
        elif line.strip().startswith("CAND "):
            toks = line.strip().split()
            items[-1]["cand"].append({"kind": toks[1], "text": line.strip()[5:]})
    return items

def norm(s):
    return re.sub(r"[^a-z0-9]", "", s or "")

def near(a, b):
    if not a or not b: return False
    na, nb = norm(a), norm(b)
    return na == nb or na.startswith(nb) or nb.startswith(na) or re.sub(r"-0$", "", a) == re.sub(r"-0$", "", b)

def main():
    out, keyp = sys.argv[1], sys.argv[2]
    items = parse_out(out)
    keys = [json.loads(l) for l in open(keyp, encoding="utf-8") if l.strip()]
    assert len(items) == len(keys), f"{len(items)} output items vs {len(keys)} key lines"
    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    op_right = op_wrong = op_missing = 0
    lic_right = lic_wrong = 0
    miss_with_cand = miss_same_kind_cand = miss_no_cand = 0
    errors = []
    for it, k in zip(items, keys):
        assert it["title"] == k["title"], (it["title"], k["title"])
        prod = list(it["ev"]); used = [False] * len(prod)
        exp = sorted(k["events"], key=lambda e: bool(e.get("optional")))
        errs, matched = [], []
        for exact in (True, False):
            for e in exp:
                if e.get("_m") is not None: continue
                sk = SUBJ[e["kind"]]
                for i, p in enumerate(prod):
                    if used[i] or p["kind"] != e["kind"] or p.get(sk) != e.get(sk): continue
                    if exact and e["kind"] == "surface_rollout" and e.get("model") and p.get("model") != e["model"]:
                        continue
                    used[i] = True; e["_m"] = i; break
        for e in exp:
            sk = SUBJ[e["kind"]]
            i = e.pop("_m", None)
            if i is None:
                if e.get("optional"): continue
                fn[e["kind"]] += 1
                nearp = [p for p in prod if p["kind"] == e["kind"] and near(p.get(sk), e.get(sk))]
                same = [c for c in it["cand"] if c["kind"] == e["kind"]]
                if it["cand"]:
                    miss_with_cand += 1
                    if same: miss_same_kind_cand += 1
                else:
                    miss_no_cand += 1
                note = f"FN {e['kind']} {sk}={e.get(sk)}"
                if e["kind"] == "surface_rollout": note += f" model={e.get('model')}"
                if nearp: note += f"  (slug variant produced: {[p.get(sk) for p in nearp]})"
                note += "  cand=" + (";".join(c["text"][:90] for c in it["cand"]) if it["cand"] else "none")
                errs.append(note)
                continue
            p = prod[i]
            if e.get("optional"): continue
            tp[e["kind"]] += 1
            if e["kind"] == "surface_rollout" and e.get("model") and p.get("model") != e["model"]:
                errs.append(f"model mismatch on rollout {e['surface']}: expected {e['model']} got {p.get('model')}")
            if e["kind"] == "model_release":
                if e.get("openness"):
                    if p.get("openness") == e["openness"]: op_right += 1
                    else:
                        op_wrong += 1
                        errs.append(f"openness {e['model']}: expected {e['openness']} got {p.get('openness')}")
                if e.get("license"):
                    if p.get("license") == e["license"]: lic_right += 1
                    else:
                        lic_wrong += 1
                        errs.append(f"license {e['model']}: expected {e['license']} got {p.get('license')}")
            for f in ("doc_type", "evaluator", "move", "lab"):
                if e.get(f) and p.get(f) and p.get(f) != e[f]:
                    errs.append(f"field {f} on {e['kind']} {e.get(sk)}: expected {e[f]} got {p.get(f)}")
        for i, p in enumerate(prod):
            if not used[i]:
                fp[p["kind"]] += 1
                sk = SUBJ.get(p["kind"], "model")
                errs.append(f"FP {p['kind']} {sk}={p.get(sk)}" + (f" model={p.get('model')}" if sk != "model" else "") + f" [{p['cue'][:80]}]")
        if errs:
            errors.append((k["n"], k["title"], errs))
    kinds = sorted(set(tp) | set(fp) | set(fn))
    print(f"{'kind':18} {'TP':>4} {'FP':>4} {'FN':>4}  prec  rec")
    T = [0, 0, 0]
    for kd in kinds:
        a, b, c = tp[kd], fp[kd], fn[kd]; T[0] += a; T[1] += b; T[2] += c
        print(f"{kd:18} {a:4} {b:4} {c:4}  {a/(a+b) if a+b else 0:.2f}  {a/(a+c) if a+c else 0:.2f}")
    print(f"{'ALL':18} {T[0]:4} {T[1]:4} {T[2]:4}  {T[0]/(T[0]+T[1]) if T[0]+T[1] else 0:.2f}  {T[0]/(T[0]+T[2]) if T[0]+T[2] else 0:.2f}")
    print(f"openness over matched model_release: right {op_right} wrong {op_wrong}; license right {lic_right} wrong {lic_wrong}")
    print(f"misses: {miss_with_cand} on items with a candidate ({miss_same_kind_cand} same-kind), {miss_no_cand} without")
    neg = [k for k in keys if not k["events"]]
    negfp = sum(1 for it, k in zip(items, keys) if not k["events"] and it["ev"])
    print(f"negatives: {len(neg)}, with any event produced: {negfp}")
    if "--quiet" not in sys.argv:
        print("\nper-item errors:")
        for n, t, errs in errors:
            print(f"#{n} {t}")
            for e in errs: print("    " + e)

if __name__ == "__main__":
    main()
