#include "extract/extractors.h"

#include <algorithm>

namespace fw::extract {
namespace {

std::string extra(const Context& ctx, const std::string& key) {
    auto it = ctx.item.entry.extra.find(key);
    return it == ctx.item.entry.extra.end() ? std::string() : it->second;
}

/// 8-K item numbers from "2.02,9.01" or "items 1.01, 3.02, 8.01and9.01" (whole tokens, so
/// "12.02" never reads as 2.02).
std::vector<std::string> items_of(const Context& ctx) {
    std::vector<std::string> items;
    auto text = extra(ctx, "items");
    if (text.empty()) {
        text = ctx.text;  // the filing summary names the items when the adapter gave none
    }
    for (const auto& t : tokenize(text)) {
        const auto dot = t.norm.find('.');
        if (dot != std::string::npos && dot >= 1 && dot <= 2 && t.norm.size() == dot + 3) {
            items.push_back(t.norm);
        }
    }
    return items;
}

std::string strip_zeros(std::string cik) {
    cik.erase(0, std::min(cik.find_first_not_of('0'), cik.size()));
    return cik;
}

/// The lab whose listed security has this CIK.
const Lab* lab_by_cik(const Context& ctx, const std::string& cik) {
    for (const auto& lab : ctx.taxonomy.labs) {
        if (lab.security && !cik.empty() && strip_zeros(lab.security->cik) == strip_zeros(cik)) {
            return &lab;
        }
    }
    return ctx.lab ? ctx.taxonomy.find_lab(*ctx.lab) : nullptr;
}

}  // namespace

void extract_filing(const Context& ctx, ExtractOutput& out) {
    const auto form = extra(ctx, "form_type");
    if (form.rfind("8-K", 0) != 0) {
        return;
    }
    const auto items = items_of(ctx);
    auto has = [&](std::string_view item) { return std::find(items.begin(), items.end(), item) != items.end(); };
    const auto accession = extra(ctx, "accession");
    const auto cik = extra(ctx, "cik");
    const Lab* lab = lab_by_cik(ctx, cik);
    auto base = [&](EventKind kind, std::string key, double confidence) {
        auto ev = make_event(ctx, kind, std::move(key), confidence);
        if (lab != nullptr) {
            ev.lab = lab->slug;
            if (lab->security) {
                ev.security = lab->security->ticker;
            }
        }
        accession.empty() ? ev.fields.set_null("accession") : ev.fields.set("accession", accession);
        ev.fields.set("form_type", form);
        ev.fields.set("items", extra(ctx, "items"));
        return ev;
    };
    if (has("2.02")) {
        const auto key = accession.empty() ? cik + "|" + format_date(make_event(ctx, EventKind::EarningsRelease, "", 1).occurred_at)
                                           : accession;
        auto ev = base(EventKind::EarningsRelease, "earnings_release|" + key, 0.95);
        cik.empty() ? ev.fields.set_null("cik") : ev.fields.set("cik", cik);
        out.events.push_back(std::move(ev));
    }
    if (has("5.02")) {
        // The filing index names no person: the move is known to exist, its subject is not.
        auto ev = base(EventKind::PersonnelMove, "", 0.5);
        ev.dedupe_key = "personnel_move|sec:" + (accession.empty() ? cik : accession) + "|unknown|" +
                        year_month(ev.occurred_at);
        ev.fields.set_null("move");
        lab ? ev.fields.set("org", lab->slug) : ev.fields.set_null("org");
        ev.fields.set("role", "director or officer (8-K item 5.02)");
        out.events.push_back(std::move(ev));
    }
}

}  // namespace fw::extract
