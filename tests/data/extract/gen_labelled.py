# Usage: FW_SHARED_DIR=../shared python3 gen_labelled.py labelled.jsonl
# Generates tests/data/extract/labelled.jsonl: real items copied verbatim from
# ../shared/corpus/realworld/ai_lab_feeds (Olshansk/rss-feeds, MIT) plus items written for the test.
import json, os, sys, email.utils, xml.etree.ElementTree as ET
FEEDS = os.environ.get('FW_SHARED_DIR', '../shared') + '/corpus/realworld/ai_lab_feeds/'
cache = {}
def real(feed, title, lab, expect, name=None):
    if feed not in cache:
        cache[feed] = {it.findtext('title'): it for it in ET.parse(FEEDS + feed).getroot().iter('item')}
    it = cache[feed][title]
    d = email.utils.parsedate_to_datetime(it.findtext('pubDate'))
    desc = it.findtext('description') or ''
    item = {"title": title, "link": it.findtext('link'), "published": d.strftime('%Y-%m-%dT%H:%M:%SZ')}
    if desc and desc != title:
        item["summary"] = desc
    return {"id": "real:" + feed + ":" + title[:40], "source": {"name": name or feed.replace('.xml', ''), "kind": "feed", "lab": lab},
            "item": item, "expect": expect}
def mk(i, title, date, expect, summary="", content="", link=None, src=("news", "feed", None), extra=None, previous=None):
    item = {"title": title, "link": link or "https://example.com/" + i, "published": date}
    if summary: item["summary"] = summary
    if content: item["content"] = content
    if extra: item["extra"] = extra
    c = {"id": "written:" + i, "source": {"name": src[0], "kind": src[1], "lab": src[2]}, "item": item, "expect": expect}
    if previous: c["previous"] = previous
    return c
R = lambda model, **f: {"kind": "model_release", "model": model, **({"fields": f} if f else {})}
cases = []
M, A, O, MI, X = 'feed_meta_ai.xml', 'feed_anthropic_news.xml', 'feed_openai_research.xml', 'feed_mistral.xml', 'feed_xainews.xml'
# --- real items, oldest first (a first fetch stores them in that order)
cases += [
  real(A, "Introducing Claude 2.1", "anthropic", [R("claude-2-1")]),
  real(A, "Claude 3 Haiku: our fastest model yet", "anthropic", [R("claude-3-haiku")]),
  real(A, "Mike Krieger joins Anthropic as Chief Product Officer", "anthropic",
       [{"kind": "personnel_move", "person": "mike-krieger", "fields": {"move": "joined", "org": "anthropic", "role": "Chief Product Officer"}}]),
  real(A, "Krishna Rao joins Anthropic as Chief Financial Officer", "anthropic",
       [{"kind": "personnel_move", "person": "krishna-rao", "fields": {"move": "joined", "org": "anthropic"}}]),
  real(A, "Claude is now available in Brazil", "anthropic", []),
  real(A, "Claude 3.5 Sonnet on GitHub Copilot", "anthropic",
       [{"kind": "surface_rollout", "model": "claude-3-5-sonnet", "surface": "github-copilot"}]),
  real(O, "GPT-4o mini: advancing cost-efficient intelligence", "openai", [R("gpt-4o-mini")]),
  real(O, "OpenAI o1-mini", "openai", [R("o1-mini")]),
  real(A, "Introducing Contextual Retrieval", "anthropic", []),
  real(O, "Introducing SimpleQA", "openai", []),
  real(A, "Introducing the Model Context Protocol", "anthropic", []),
  real(O, "OpenAI o1 System Card", "openai", [{"kind": "eval_report", "model": "o1", "fields": {"doc_type": "system_card"}}]),
  real(M, "Introducing Nymeria, a dataset for improving human motion prediction for AR and VR devices", "meta", []),
  real(M, "The future of AI: Built with Llama", "meta", []),
  real(O, "OpenAI o3-mini System Card", "openai", [{"kind": "eval_report", "model": "o3-mini", "fields": {"doc_type": "system_card"}}]),
  real(O, "OpenAI o3-mini", "openai", [R("o3-mini")]),
  real(O, "Introducing deep research", "openai", []),
  real(A, "Claude 3.7 Sonnet and Claude Code", "anthropic", [R("claude-3-7-sonnet")]),
  real(A, "Anthropic raises Series E at $61.5B post-money valuation", "anthropic", []),
  real(A, "Introducing Claude for Education", "anthropic", []),
  real(M, "The Llama 4 herd: The beginning of a new era of natively multimodal AI innovation", "meta",
       [R("llama-4-scout"), R("llama-4-maverick")]),
  real(A, "Anthropic appoints Guillaume Princen as Head of EMEA and announces 100+ new roles across the region", "anthropic",
       [{"kind": "personnel_move", "person": "guillaume-princen", "fields": {"role": "Head of EMEA"}}]),
  real(A, "Introducing the Anthropic Economic Advisory Council", "anthropic", []),
  real(M, "Everything we announced at our first-ever LlamaCon", "meta", []),
  real(M, "Meet the winners of our first-ever LlamaCon Hackathon", "meta", []),
  real(A, "Introducing Claude 4", "anthropic", [R("claude-opus-4")]),
  real(M, "Introducing the Llama Startup Program", "meta", []),
  real(A, "Reed Hastings appointed to Anthropic’s board of directors", "anthropic",
       [{"kind": "personnel_move", "person": "reed-hastings", "fields": {"move": "joined", "role": "board of directors"}}]),
  real(A, "Introducing the Anthropic Economic Futures Program", "anthropic", []),
  real(A, "Paul Smith to join Anthropic as Chief Commercial Officer", "anthropic",
       [{"kind": "personnel_move", "person": "paul-smith", "fields": {"move": "joined", "role": "Chief Commercial Officer"}}]),
  real(X, "Grok 4", "xai", [R("grok-4")]),
  real(O, "Sora 2 is here", "openai", [R("sora-2")]),
  real(X, "Grok 4.1", "xai", [R("grok-4-1"), {"kind": "surface_rollout", "model": "grok-4-1", "surface": "grok-app"}]),
  real(O, "Dota 2", "openai", []),
  real(MI, "Introducing Forge", "mistral", []),
  real(MI, "Introducing Mistral Small 4", "mistral", [R("mistral-small-4")]),
  real(M, "Introducing Muse Spark: Scaling Towards Personal Superintelligence", "meta", [R("muse-spark")]),
  real(M, "Scaling How We Build and Test Our Most Advanced AI", "meta", []),
  real(O, "Introducing GPT-Rosalind for life sciences research", "openai", [R("gpt-rosalind")]),
  real(O, "Introducing OpenAI Privacy Filter", "openai", [R("openai-privacy-filter", openness="open_weights_restricted")]),
  real(O, "Introducing LifeSciBench", "openai", []),
  real(O, "Introducing GeneBench-Pro", "openai", []),
  real(M, "Introducing Muse Image and Muse Video", "meta", [R("muse-image"), R("muse-video")]),
  real(M, "Introducing Muse Spark 1.1", "meta", [R("muse-spark-1-1", openness="api")]),
  real(M, "Reimagining Independence: How Meta’s AI Models Are Helping the University of Pittsburgh Transform Assistive Robotics", "meta", []),
]
meta_src = ("meta-newsroom", "feed", "meta")
news = ("ai-news", "feed", None)
edgar = ("meta-8k", "edgar", None)
hf = ("hf-meta-llama", "hf-author", "meta")
def hf_item(repo, lic, gated, sha, date="2025-04-05T18:00:00Z"):
    return {"title": repo, "link": "https://huggingface.co/" + repo, "id": repo, "published": date,
            "extra": {"repo": repo, "author": repo.split('/')[0], "license": lic, "gated": gated, "sha": sha, "private": "false"}}
capex_raised = ("We anticipate 2026 capital expenditures, including principal payments on finance leases, to be in the "
                "range of $125-145 billion, increased from our prior range of $115-135 billion.")
capex_narrowed = ("We anticipate 2026 capital expenditures, including principal payments on finance leases, to be in the "
                  "range of $130-145 billion, narrowed from our prior outlook of $125-145 billion.")
cases += [
  mk("rollout-wab", "Muse Spark is now rolling out to WhatsApp Business in the US", "2026-04-21", 
     [{"kind": "surface_rollout", "model": "muse-spark", "surface": "whatsapp-business", "fields": {"region": "US"}}], src=meta_src),
  mk("rollout-glasses", "Muse Spark comes to Ray-Ban Meta glasses", "2026-05-02",
     [{"kind": "surface_rollout", "model": "muse-spark", "surface": "ray-ban-meta-glasses"}], src=meta_src),
  mk("rollout-instagram-test", "Meta begins testing Muse Spark in Instagram with select creators", "2026-05-10",
     [{"kind": "surface_rollout", "model": "muse-spark", "surface": "instagram", "fields": {"stage": "limited"}}], src=meta_src),
  mk("rollout-no-model", "WhatsApp Business is now available in Brazil", "2026-05-11", [], src=meta_src),
  mk("release-with-surfaces", "Introducing Muse Spark 2", "2026-09-10",
     [R("muse-spark-2"), {"kind": "surface_rollout", "model": "muse-spark-2", "surface": "meta-ai-app"}],
     summary="Muse Spark 2, our most capable model, is available today in the Meta AI app.", src=meta_src),
  mk("lmarena", "Muse Spark debuts at #2 on the LMArena text leaderboard", "2026-04-15",
     [{"kind": "third_party_eval", "model": "muse-spark", "fields": {"evaluator": "lmarena"}}], src=news),
  mk("aa-index", "Artificial Analysis Intelligence Index: Muse Spark 1.1 scores 71", "2026-07-14",
     [{"kind": "third_party_eval", "model": "muse-spark-1-1", "fields": {"evaluator": "artificial_analysis"}}], src=news),
  mk("aisi", "UK AISI publishes pre-deployment evaluation of Claude Opus 4.5", "2025-12-01",
     [{"kind": "third_party_eval", "model": "claude-opus-4-5", "fields": {"evaluator": "aisi"}}], src=news),
  mk("model-card", "Muse Spark 1.1 Model Card", "2026-07-20",
     [{"kind": "eval_report", "model": "muse-spark-1-1", "fields": {"doc_type": "model_card"}}], src=meta_src),
  mk("tech-report-arxiv", "The Llama 4 Scout Technical Report", "2025-06-02",
     [{"kind": "eval_report", "model": "llama-4-scout", "fields": {"doc_type": "tech_report"}}],
     summary="We present Llama 4 Scout, a mixture-of-experts model from Meta.", src=("arxiv-llama", "arxiv", None),
     extra={"arxiv_id": "2506.00001", "primary_category": "cs.CL"}),
  mk("arxiv-unrelated", "Scaling laws for sparse autoencoders", "2025-06-03", [],
     summary="We study sparse autoencoders on small transformers.", src=("arxiv-llama", "arxiv", None)),
  mk("eval-blog-no-model", "How evals drive the next chapter in AI for businesses", "2025-11-19", [], src=("openai-news", "feed", "openai")),
  mk("ms-pt", "Morgan Stanley raises Meta price target to $850 from $800", "2026-04-30",
     [{"kind": "analyst_rating", "fields": {"firm": "morgan-stanley", "symbol": "META", "action": "pt_change", "new_target": 850, "old_target": 800}}], src=news),
  mk("jefferies-pt", "Jefferies lowers Meta Platforms price target to $700 from $760", "2026-07-30",
     [{"kind": "analyst_rating", "fields": {"firm": "jefferies", "symbol": "META", "new_target": 700, "old_target": 760}}], src=news),
  mk("upgrade", "Loop Capital upgrades Meta to Buy", "2026-02-02",
     [{"kind": "analyst_rating", "fields": {"firm": "loop-capital", "symbol": "META", "action": "upgrade"}}], src=news),
  mk("dividend", "Meta raises quarterly dividend to $0.55 per share", "2026-02-01", [], src=news),
  mk("capex-raised", "Meta Reports First Quarter 2026 Results", "2026-04-29",
     [{"kind": "capex_guidance", "fields": {"direction": "raised", "fiscal_year": 2026, "low_usd": 125e9, "high_usd": 145e9, "prior_low_usd": 115e9}}],
     content=capex_raised, src=("meta-investor", "feed", "meta")),
  mk("capex-narrowed", "Meta Reports Second Quarter 2026 Results", "2026-07-29",
     [{"kind": "capex_guidance", "fields": {"direction": "narrowed", "low_usd": 130e9, "prior_low_usd": 125e9}}],
     content=capex_narrowed, src=("meta-investor", "feed", "meta")),
  mk("8k-earnings", "8-K  - Current report", "2026-04-29T20:18:55Z",
     [{"kind": "earnings_release", "lab": "meta"}],
     summary="Filed: 2026-04-29 AccNo: 0001628280-26-028364 Size: 1 MB Item 2.02: Results of Operations and Financial Condition Item 9.01: Financial Statements and Exhibits",
     src=edgar, extra={"form_type": "8-K", "items": "2.02,9.01", "accession": "0001628280-26-028364", "cik": "0001326801"}),
  mk("8k-502", "8-K  - Current report", "2026-03-02T16:05:00Z", [{"kind": "personnel_move", "lab": "meta"}],
     src=edgar, extra={"form_type": "8-K", "items": "5.02", "accession": "0001326801-26-000031", "cik": "0001326801"}),
  mk("8k-701", "8-K  - Current report", "2026-03-09T16:05:00Z", [],
     src=edgar, extra={"form_type": "8-K", "items": "7.01,9.01", "accession": "0001326801-26-000034", "cik": "0001326801"}),
  mk("10q", "10-Q  - Quarterly report", "2026-04-30T16:05:00Z", [],
     src=edgar, extra={"form_type": "10-Q", "items": "", "accession": "0001326801-26-000040", "cik": "0001326801"}),
  mk("wang-left", "Alexandr Wang steps down as Meta's Chief AI Officer", "2026-09-01",
     [{"kind": "personnel_move", "person": "alexandr-wang", "fields": {"move": "left", "org": "meta"}}], src=news),
  mk("lecun-left", "Yann LeCun leaves Meta to start a new company", "2025-11-19",
     [{"kind": "personnel_move", "person": "yann-lecun", "fields": {"move": "left", "org": "meta"}}], src=news),
  mk("weights-blog", "Llama 4 Scout weights now on Hugging Face", "2025-04-05",
     [{"kind": "weights_release", "model": "llama-4-scout"}],
     summary="Download the weights at https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E today.", src=meta_src),
  mk("open-release", "Introducing Mistral Small 5", "2026-09-15",
     [R("mistral-small-5", openness="open_weights_permissive", license="Apache-2.0")],
     summary="Mistral Small 5 is an open-weight model released under the Apache 2.0 license.", src=("mistral-news", "feed", "mistral")),
  mk("closed-release", "Introducing Quill 3", "2026-05-01", [R("quill-3", openness="api")],
     summary="Quill 3 is available via API. We are not releasing the weights.", src=("openai-news", "feed", "openai")),
  mk("app-feature", "Introducing the new Discover feed in the Meta AI app", "2026-06-01", [], src=meta_src),
]
cases.append({"id": "written:hf-new", "source": {"name": "hf-meta-llama", "kind": "hf-author", "lab": "meta"},
              "item": hf_item("meta-llama/Llama-4-Maverick-17B-128E-Instruct", "llama4", "manual", "a1"),
              "expect": [{"kind": "weights_release", "model": "llama-4-maverick", "fields": {"gated": "manual", "license": "LicenseRef-Llama-4-Community"}}]})
cases.append({"id": "written:hf-license", "source": {"name": "hf-meta-llama", "kind": "hf-author", "lab": "meta"},
              "item": hf_item("meta-llama/Llama-3.1-8B", "llama3.1", "false", "s2", "2024-07-23T00:00:00Z"),
              "previous": hf_item("meta-llama/Llama-3.1-8B", "llama3", "false", "s1", "2024-07-23T00:00:00Z"),
              "expect": [{"kind": "license_change", "fields": {"old": "LicenseRef-Llama-3-Community", "new": "LicenseRef-Llama-3.1-Community"}}]})
cases.append({"id": "written:hf-gating", "source": {"name": "hf-meta-llama", "kind": "hf-author", "lab": "meta"},
              "item": hf_item("meta-llama/Llama-3.2-1B", "llama3.2", "manual", "g2", "2024-09-25T00:00:00Z"),
              "previous": hf_item("meta-llama/Llama-3.2-1B", "llama3.2", "auto", "g1", "2024-09-25T00:00:00Z"),
              "expect": [{"kind": "gating_change", "fields": {"old": "auto", "new": "manual"}}]})
cases.append({"id": "written:hf-stranger", "source": {"name": "hf-search", "kind": "hf-author", "lab": None},
              "item": hf_item("someone/llama-finetune-7b", "mit", "false", "z"), "expect": []})
cases.append({"id": "written:gh-license", "source": {"name": "llama-models-license", "kind": "github-commits", "lab": "meta"},
              "item": {"title": "Relicense model weights under Apache 2.0", "link": "https://github.com/meta-llama/llama-models/commit/abc123",
                       "published": "2026-08-01T12:00:00Z", "extra": {"commit_sha": "abc123def456", "repo": "meta-llama/llama-models", "path": "LICENSE"}},
              "expect": [{"kind": "license_change", "fields": {"new": "Apache-2.0"}}]})
cases.append({"id": "written:gh-readme", "source": {"name": "llama-models-readme", "kind": "github-commits", "lab": "meta"},
              "item": {"title": "Fix typo", "link": "https://github.com/meta-llama/llama-models/commit/def", "published": "2026-08-02T12:00:00Z",
                       "extra": {"commit_sha": "def", "repo": "meta-llama/llama-models", "path": "README.md"}}, "expect": []})
page_old = {"title": "Muse Model License", "link": "https://ai.meta.com/muse/license/", "published": "2026-05-01",
            "content": "Muse Model License\nCommercial use permitted.\nMonthly active users: no limit.\n", "hash": "aaaaaaaaaaaaaaaa"}
page_new = dict(page_old, content="Muse Model License\nCommercial use permitted.\nMonthly active users: 700 million.\n", hash="bbbbbbbbbbbbbbbb")
cases.append({"id": "written:page-license", "source": {"name": "muse-license-page", "kind": "page", "lab": "meta"},
              "item": page_new, "previous": page_old, "expect": [{"kind": "license_change"}]})
cases.append({"id": "written:page-first", "source": {"name": "muse-license-page", "kind": "page", "lab": "meta"},
              "item": page_old, "expect": []})
with open(sys.argv[1], 'w') as out:
    out.write("# Labelled items for tests/extract/accuracy_test.cpp. Items with id real:* are copied verbatim from\n")
    out.write("# Olshansk/rss-feeds (MIT, LICENSE in Olshansk__rss-feeds.LICENSE beside this file); written:* items are ours.\n")
    for c in cases:
        out.write(json.dumps(c, ensure_ascii=False) + "\n")
print(len(cases), "cases")
