#include "extract/extractors.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "domain/slug.h"
#include "domain/event_schema.h"

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

/// A person and a move named in one sentence of a filing's text ("Jane Q. Doe resigned as Chief
/// Financial Officer", "the Board appointed John Roe as Chief Technology Officer").
struct NamedMove {
    std::string person;
    std::string move;  ///< joined | left
    std::string verb;
    std::string role;
};

bool capitalised(std::string_view w) {
    return !w.empty() && std::isupper(static_cast<unsigned char>(w.front())) != 0;
}

std::optional<NamedMove> named_move(std::string_view text) {
    static const std::pair<std::string_view, std::string_view> kVerbs[] = {
        {"resigned", "left"},     {"resignation", "left"}, {"will resign", "left"}, {"retire", "left"},
        {"stepped down", "left"}, {"step down", "left"},   {"departure", "left"},   {"terminated", "left"},
        {"appointed", "joined"},  {"elected", "joined"},   {"named", "joined"},     {"hired", "joined"}};
    // Capitalised words that start sentences or name offices, never a person.
    static const std::string_view kNotNames[] = {
        "The",       "On",        "In",         "Board",      "Directors",   "Company", "Chief",   "Officer",
        "Executive", "Financial", "Technology", "President",  "Inc",         "Item",    "Form",    "Effective",
        "Mr",        "Ms",        "Dr",         "Registrant", "Corporation", "Vice",    "General", "Counsel",
        "Operating", "Committee", "Director",   "As",         "Our",         "Its"};
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find_first_of(".\n", start);
        // "Jane Q. Doe": a one-letter initial does not end a sentence.
        while (end != std::string_view::npos && text[end] == '.' && end >= 2 && text[end - 2] == ' ' &&
               std::isupper(static_cast<unsigned char>(text[end - 1])) != 0) {
            end = text.find_first_of(".\n", end + 1);
        }
        const auto sentence = text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
        start = end == std::string_view::npos ? text.size() : end + 1;
        for (const auto& [verb, move] : kVerbs) {
            if (sentence.find(verb) == std::string_view::npos)
                continue;
            std::vector<std::string> words;
            std::string run;
            std::string best;
            auto close = [&] {
                if (words.size() >= 2 && best.empty()) {
                    for (const auto& w : words)
                        best += (best.empty() ? "" : " ") + w;
                }
                words.clear();
            };
            std::size_t i = 0;
            while (i <= sentence.size()) {
                const bool boundary = i == sentence.size() || sentence[i] == ' ' || sentence[i] == ',' ||
                                      sentence[i] == '(' || sentence[i] == ')';
                if (!boundary) {
                    run += sentence[i++];
                    continue;
                }
                ++i;
                if (run.empty())
                    continue;
                std::string w = run;
                run.clear();
                const bool initial = w.size() == 2 && w[1] == '.' && capitalised(w);
                const auto bare = std::string_view(w).substr(0, w.find_first_of(".'"));
                const bool blocked = std::find(std::begin(kNotNames), std::end(kNotNames), bare) != std::end(kNotNames);
                if ((capitalised(w) && !blocked) || (initial && !words.empty())) {
                    words.push_back(w);
                } else {
                    close();
                }
            }
            close();
            if (best.empty())
                continue;
            NamedMove found{best, std::string(move), std::string(verb), {}};
            for (std::string_view office :
                 {"Chief Executive Officer", "Chief Financial Officer", "Chief Technology Officer",
                  "Chief Operating Officer", "Chief Scientist", "President", "Director"}) {
                if (sentence.find(office) != std::string_view::npos) {
                    found.role = std::string(office);
                    break;
                }
            }
            return found;
        }
    }
    return std::nullopt;
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
        put(ev.fields, field::accession, accession.empty() ? std::nullopt : std::optional(accession));
        put(ev.fields, field::form_type, form);
        put(ev.fields, field::items, extra(ctx, "items"));
        return ev;
    };
    if (has("2.02")) {
        const auto key = accession.empty()
                             ? cik + "|" + format_date(make_event(ctx, EventKind::EarningsRelease, "", 1).occurred_at)
                             : accession;
        auto ev = base(EventKind::EarningsRelease, "earnings_release|" + key, 0.95);
        put(ev.fields, field::cik, cik.empty() ? std::nullopt : std::optional(cik));
        out.events.push_back(std::move(ev));
    }
    if (has("5.02")) {
        // Only the filing's own text, when it was read: the index's item description ("Departure
        // of Directors or Certain Officers") names offices, never the person.
        const auto named = named_move(ctx.item.entry.article_text);
        if (!named) {
            // The filing index names no person: the move is known to exist, its subject is not.
            // A person reviews it (the candidate queue) rather than an event without a subject.
            Candidate c;
            if (lab != nullptr) {
                c.entities.push_back("lab:" + lab->slug);
                c.lab = lab->slug;
            }
            c.cue = "8-K item 5.02";
            c.suggested_kind = EventKind::PersonnelMove;
            c.confidence = 0.5;
            c.reason = "filing names no person";
            out.candidates.push_back(std::move(c));
            return;
        }
        auto ev = base(EventKind::PersonnelMove, "", 0.8);
        ev.cue = "8-K item 5.02: " + named->verb;
        ev.person = slugify(named->person);
        ev.dedupe_key = "personnel_move|sec:" + (accession.empty() ? cik : accession) + "|" + *ev.person + "|" +
                        year_month(ev.occurred_at);
        put(ev.fields, field::move, named->move);
        put(ev.fields, field::name, named->person);
        put(ev.fields, field::org, lab ? std::optional(lab->slug) : std::nullopt);
        put(ev.fields, field::role, named->role.empty() ? "director or officer (8-K item 5.02)" : named->role);
        out.events.push_back(std::move(ev));
    }
}

}  // namespace fw::extract
