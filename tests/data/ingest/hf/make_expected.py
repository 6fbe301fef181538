#!/usr/bin/env python3
"""Independent oracle for parse_hf_models' extra fields (see SOURCES.md)."""
import json, os, sys
from datetime import datetime, timezone

def rfc3339(s):
    if not s:
        return ""
    d = datetime.strptime(s.replace("Z", "+0000"), "%Y-%m-%dT%H:%M:%S.%f%z")
    return d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

def text(v):
    if v is None: return ""
    if isinstance(v, bool): return "true" if v else "false"
    return str(v)

def uniq(xs):
    out = []
    for x in xs:
        if x and x not in out: out.append(x)
    return out

def expected(m):
    tags = m.get("tags", [])
    card = m.get("cardData") or {}
    lic = card.get("license")
    lic = ",".join(uniq(lic if isinstance(lic, list) else [lic])) if lic else ""
    if not lic:
        lt = [t[len("license:"):] for t in tags if t.startswith("license:")]
        lic = lt[0] if lt else ""
    base = []
    for t in tags:
        if t.startswith("base_model:"):
            v = t[len("base_model:"):]
            if ":" in v and v.index(":") < (v.index("/") if "/" in v else len(v)):
                v = v.split(":", 1)[1]
            base.append(v)
    base = uniq(base)
    if not base and card.get("base_model"):
        b = card["base_model"]
        base = uniq(b if isinstance(b, list) else [b])
    g = m.get("gated")
    gated = "false" if g is False else ("auto" if g is True else text(g))
    st = m.get("safetensors") or {}
    author = m.get("author") or (m["id"].split("/")[0] if "/" in m["id"] else "")
    return {"repo": m["id"], "author": author, "created_at": rfc3339(m.get("createdAt")),
            "last_modified": rfc3339(m.get("lastModified")), "gated": gated,
            "private": text(m.get("private")), "license": lic,
            "license_name": text(card.get("license_name")), "license_link": text(card.get("license_link")),
            "sha": text(m.get("sha")), "params_total": text(st.get("total")),
            "base_models": ",".join(base), "pipeline_tag": text(m.get("pipeline_tag")),
            "downloads": text(m.get("downloads")), "likes": text(m.get("likes")),
            "arxiv": ",".join(uniq([t[len("arxiv:"):] for t in tags if t.startswith("arxiv:")]))}

folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    if name.endswith(".json"):
        with open(os.path.join(folder, name)) as f:
            print(json.dumps({"file": name, "extra": expected(json.load(f))}, sort_keys=True))
