#include "extract/extractors.h"

#include <cctype>

#include "domain/slug.h"
#include "extract/model_names.h"

namespace fw::extract {
namespace {

bool capitalised(std::string_view word) {
    return !word.empty() && std::isupper(static_cast<unsigned char>(word.front())) != 0;
}

/// Up to three capitalised words at the end (`from_end`) or start of `text`: a person's name.
std::string name_run(std::string_view text, bool from_end) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') {
            ++i;
        }
        auto j = text.find(' ', i);
        if (j == std::string_view::npos) {
            j = text.size();
        }
        if (j > i) {
            words.push_back(text.substr(i, j - i));
        }
        i = j;
    }
    std::vector<std::string_view> run;
    if (from_end) {
        for (auto it = words.rbegin(); it != words.rend() && capitalised(*it) && run.size() < 3; ++it) {
            run.insert(run.begin(), *it);
        }
    } else {
        for (auto it = words.begin(); it != words.end() && capitalised(*it) && run.size() < 3; ++it) {
            run.push_back(*it);
        }
    }
    if (run.size() < 2) {
        return {};  // one capitalised word is too often a company or a title
    }
    std::string out;
    for (auto w : run) {
        out += (out.empty() ? "" : " ") + std::string(w);
    }
    return out;
}

/// "... as Chief Financial Officer" / "... to Anthropic's board of directors".
std::string role_in(std::string_view text) {
    for (std::string_view marker : {" as ", "’s ", "'s "}) {
        if (auto at = ifind(text, marker)) {
            auto rest = text.substr(*at + marker.size());
            auto end = rest.find_first_of(",;:(");
            auto and_at = ifind(rest, " and ");
            end = std::min(end, and_at.value_or(std::string_view::npos));
            return std::string(trim(rest.substr(0, end)));
        }
    }
    return {};
}

struct PersonRef {
    std::string slug;
    std::string org;  // the person's known org, if known
};

std::optional<PersonRef> person_in(const Context& ctx, std::string_view side, bool from_end) {
    auto people = ctx.matcher.find(side, EntityKind::Person);
    if (!people.empty()) {
        const auto& p = from_end ? people.back() : people.front();
        const auto* info = ctx.taxonomy.find_person(p.slug);
        return PersonRef{p.slug, info ? info->org : ""};
    }
    auto name = name_run(side, from_end);
    if (name.empty() || !ctx.matcher.find_all(name).empty()) {
        return std::nullopt;  // a lab or product name, not a person
    }
    return PersonRef{slugify(name), ""};
}

}  // namespace

void extract_people(const Context& ctx, ExtractOutput& out) {
    const std::string_view title = std::string_view(ctx.text).substr(0, ctx.text.find('\n'));
    for (const auto& cue : ctx.rules.list("personnel_verbs")) {
        const bool person_first = cue.pattern.rfind("{person}", 0) == 0;
        for (const auto& slot : template_slots(title, cue)) {
            auto person = person_in(ctx, slot.text, person_first);
            if (!person) {
                continue;
            }
            auto orgs = ctx.matcher.find(title, EntityKind::Lab);
            std::optional<std::string> org = orgs.empty() ? ctx.lab : std::optional(orgs.front().slug);
            std::string move = cue.value;
            if (move == "appointed") {
                // An appointment is a new role for someone already at the org, else a hire.
                move = (!person->org.empty() && org && person->org == *org) ? "role_change" : "joined";
            }
            const std::string_view rest = person_first ? std::string_view(title).substr(slot.begin + slot.text.size())
                                                       : std::string_view(slot.text);
            auto role = role_in(rest);
            auto ev = make_event(ctx, EventKind::PersonnelMove,
                                 "personnel_move|" + person->slug + "|" + move + "|", cue.confidence,
                                 slot.begin);
            ev.dedupe_key += year_month(ev.occurred_at);
            ev.person = person->slug;
            ev.lab = org;
            ev.fields.set("move", move);
            org ? ev.fields.set("org", *org) : ev.fields.set_null("org");
            role.empty() ? ev.fields.set_null("role") : ev.fields.set("role", role);
            out.events.push_back(std::move(ev));
            return;  // one move per headline
        }
    }
}

}  // namespace fw::extract
