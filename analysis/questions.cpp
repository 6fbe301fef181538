#include "analysis/questions.h"

#include <charconv>
#include <chrono>
#include <functional>
#include <map>

#include "domain/slug.h"
#include "domain/event_schema.h"

namespace fw::analysis {
namespace {

using Params = std::map<std::string, std::string>;

std::string param(const Params& p, const std::string& key) {
    auto it = p.find(key);
    return it == p.end() ? std::string() : std::string(trim(it->second));
}

std::optional<int> int_param(const Params& p, const std::string& key) {
    const std::string text = param(p, key);
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::vector<std::string> list_param(const Params& p, const std::string& key) {
    std::vector<std::string> out;
    const std::string text = param(p, key);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos)
            comma = text.size();
        std::string item(trim(std::string_view(text).substr(start, comma - start)));
        if (!item.empty())
            out.push_back(item);
        start = comma + 1;
    }
    return out;
}

/// End of a window that starts at `start`: "days" or "months" after it.
std::optional<TimePoint> window_end(const Params& p, TimePoint start) {
    if (auto days = int_param(p, "days")) {
        return start + std::chrono::days{*days};
    }
    if (auto months = int_param(p, "months")) {
        return add_months(start, *months);
    }
    return std::nullopt;
}

std::string subject(const Params& p) {
    std::string s = param(p, "family");
    return s.empty() ? param(p, "model") : s;
}

QuestionAnswer open_answer(const WatchQuestion& q, std::string why) {
    QuestionAnswer a{q.id, q.text, QuestionStatus::Open, {}, {}, {}, std::move(why)};
    return a;
}

/// The yes/no/open decision of a windowed question, given what (if anything) happened.
QuestionAnswer decide(const WatchQuestion& q, TimePoint start, TimePoint end, const Event* hit,
                      std::vector<std::int64_t> evidence, TimePoint as_of, const std::string& what) {
    QuestionAnswer a = open_answer(q, {});
    a.opened_at = start;
    const std::string window = format_date(start) + " .. " + format_date(end);
    if (hit != nullptr && day_of(hit->occurred_at) <= day_of(end)) {
        evidence.push_back(hit->id);
        a.status = QuestionStatus::Yes;
        a.resolved_at = hit->occurred_at;
        a.explanation = what + " on " + format_date(hit->occurred_at) + " (window " + window + ")";
    } else if (day_of(as_of) > day_of(end)) {
        a.status = QuestionStatus::No;
        a.resolved_at = end;
        a.explanation = "no " + what + " in the window " + window;
    } else {
        a.explanation = "no " + what + " yet; the window runs to " + format_date(end);
    }
    // An id of 0 is a fact with no stored event behind it (a switch known from the curated history).
    std::erase(evidence, 0);
    a.evidence = std::move(evidence);
    return a;
}

struct Launch {
    TimePoint at{};
    std::optional<std::int64_t> event_id;
};

std::optional<Launch> launch_of(const Params& p, const QuestionContext& ctx) {
    const std::string family = subject(p);
    for (const Event* e : of_kind(ctx.events, EventKind::ModelRelease)) {
        if (e->model && in_family(*e->model, family, ctx.taxonomy)) {
            return Launch{e->occurred_at, e->id};
        }
    }
    if (auto at = parse_iso8601(param(p, "launch"))) {
        return Launch{*at, std::nullopt};
    }
    return std::nullopt;
}

using Predicate = std::function<bool(const Event&)>;

const Event* first_after(const QuestionContext& ctx, TimePoint start, const Predicate& pred) {
    for (const Event* e : ctx.events) {
        if (day_of(e->occurred_at) >= day_of(start) && pred(*e)) {
            return e;
        }
    }
    return nullptr;
}

QuestionAnswer within_launch(const WatchQuestion& q, const QuestionContext& ctx, const Predicate& pred,
                             const std::string& what) {
    const auto launch = launch_of(q.params, ctx);
    if (!launch) {
        return open_answer(q, subject(q.params) + " has not launched yet");
    }
    const TimePoint end = *window_end(q.params, launch->at);
    std::vector<std::int64_t> evidence;
    if (launch->event_id)
        evidence.push_back(*launch->event_id);
    return decide(q, launch->at, end, first_after(ctx, launch->at, pred), evidence, ctx.as_of, what);
}

QuestionAnswer open_weights_within(const WatchQuestion& q, const QuestionContext& ctx) {
    const std::string family = subject(q.params);
    return within_launch(
        q, ctx,
        [&](const Event& e) {
            if (!e.model || !in_family(*e.model, family, ctx.taxonomy))
                return false;
            return e.kind == EventKind::WeightsRelease ||
                   (e.kind == EventKind::ModelRelease && is_open(openness_of(e, ctx.taxonomy)));
        },
        "open-weights release of " + family);
}

QuestionAnswer eval_report_within(const WatchQuestion& q, const QuestionContext& ctx) {
    const std::string family = subject(q.params);
    return within_launch(
        q, ctx,
        [&](const Event& e) {
            return e.kind == EventKind::EvalReport && e.model && in_family(*e.model, family, ctx.taxonomy);
        },
        "first-party eval report of " + family);
}

QuestionAnswer surface_before(const WatchQuestion& q, const QuestionContext& ctx) {
    const std::string family = subject(q.params), category = param(q.params, "category");
    const std::string before = param(q.params, "before"), before_cat = param(q.params, "before_category");
    const Event *first_cat = nullptr, *first_before = nullptr;
    for (const Event* e : of_kind(ctx.events, EventKind::SurfaceRollout)) {
        if (!e->model || !in_family(*e->model, family, ctx.taxonomy))
            continue;
        const auto cat = surface_category_of(*e, ctx.taxonomy);
        if (!first_cat && cat == category)
            first_cat = e;
        const bool is_before = before.empty() ? cat == before_cat : e->surface == before;
        if (!first_before && is_before)
            first_before = e;
    }
    const std::string target = before.empty() ? before_cat + " surfaces" : before;
    QuestionAnswer a = open_answer(q, family + " has reached neither a " + category + " surface nor " + target);
    if (first_cat && (!first_before || day_of(first_cat->occurred_at) < day_of(first_before->occurred_at))) {
        a.status = QuestionStatus::Yes;
        a.resolved_at = first_cat->occurred_at;
        a.evidence = {first_cat->id};
        a.explanation = family + " reached " + first_cat->surface.value_or("") + " (" + category + ") on " +
                        format_date(first_cat->occurred_at) + ", before " + target;
    } else if (first_before) {
        a.status = QuestionStatus::No;
        a.resolved_at = first_before->occurred_at;
        a.evidence = {first_before->id};
        a.explanation = family + " reached " + target + " on " + format_date(first_before->occurred_at) +
                        " without an earlier " + category + " surface";
    }
    return a;
}

const LabOpenness* lab_openness(const QuestionContext& ctx, const std::string& lab) {
    for (const LabOpenness& l : ctx.openness) {
        if (l.lab == lab)
            return &l;
    }
    return nullptr;
}

QuestionAnswer labs_switch_within(const WatchQuestion& q, const QuestionContext& ctx) {
    const std::string after = param(q.params, "after");
    const LabOpenness* trigger = lab_openness(ctx, after);
    if (trigger == nullptr || !trigger->switched_to_closed_at) {
        return open_answer(q, after + " has not switched to closed releases");
    }
    const TimePoint start = *trigger->switched_to_closed_at;
    const Event* hit = nullptr;
    for (const std::string& lab : list_param(q.params, "labs")) {
        const LabOpenness* l = lab_openness(ctx, lab);
        if (l == nullptr || !l->switched_to_closed_at || day_of(*l->switched_to_closed_at) < day_of(start)) {
            continue;
        }
        for (const Event* e : ctx.events) {
            if (e->id == l->switch_event_id && (hit == nullptr || e->occurred_at < hit->occurred_at))
                hit = e;
        }
    }
    // Name the lab that switched, not the whole list ("by mistral,qwen,deepseek on 2026-06-10" read
    // as if all three had).
    const std::string labs = param(q.params, "labs");
    const std::string who = hit != nullptr && hit->lab ? *hit->lab + " (of " + labs + ")" : labs;
    return decide(q, start, *window_end(q.params, start), hit, {trigger->switch_event_id.value_or(0)}, ctx.as_of,
                  "switch to closed by " + who);
}

struct Tracked {
    std::string person;
    std::string org;
    std::optional<TimePoint> since;
};

std::optional<Tracked> find_person(const Params& p, const QuestionContext& ctx) {
    const std::string slug = param(p, "person"), org = param(p, "org");
    const std::string role = to_lower_ascii(param(p, "role"));
    for (const Person& person : ctx.taxonomy.people) {
        const bool match = slug.empty() ? person.org == org && !role.empty() &&
                                              to_lower_ascii(person.role).find(role) != std::string::npos
                                        : person.slug == slug;
        if (match)
            return Tracked{person.slug, org.empty() ? person.org : org, person.since};
    }
    for (const Event* e : of_kind(ctx.events, EventKind::PersonnelMove)) {
        const std::string e_org = get(e->fields, field::org).value_or(e->lab.value_or(""));
        const std::string e_role = to_lower_ascii(get(e->fields, field::role).value_or(""));
        const bool match =
            slug.empty() ? e_org == org && !role.empty() && e_role.find(role) != std::string::npos : e->person == slug;
        if (match && e->person)
            return Tracked{*e->person, org.empty() ? e_org : org, e->occurred_at};
    }
    return std::nullopt;
}

QuestionAnswer person_leaves_within(const WatchQuestion& q, const QuestionContext& ctx) {
    const auto who = find_person(q.params, ctx);
    if (!who) {
        return open_answer(q, "no tracked person matches the question");
    }
    const auto start = param(q.params, "from").empty() ? who->since : parse_iso8601(param(q.params, "from"));
    if (!start) {
        return open_answer(q, who->person + " has no known start date");
    }
    const Event* hit = first_after(ctx, *start, [&](const Event& e) {
        return e.kind == EventKind::PersonnelMove && e.person == who->person && get(e.fields, field::move) == "left" &&
               (who->org.empty() || get(e.fields, field::org).value_or(e.lab.value_or(who->org)) == who->org);
    });
    return decide(q, *start, *window_end(q.params, *start), hit, {}, ctx.as_of,
                  "departure of " + who->person + " from " + who->org);
}

using Check = QuestionAnswer (*)(const WatchQuestion&, const QuestionContext&);

const std::map<std::string, Check>& checks() {
    static const std::map<std::string, Check> table{
        {"open_weights_within", &open_weights_within},
        {"eval_report_within", &eval_report_within},
        {"surface_before", &surface_before},
        {"labs_switch_within", &labs_switch_within},
        {"person_leaves_within", &person_leaves_within},
    };
    return table;
}

}  // namespace

const std::vector<std::string>& known_checks() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& [name, fn] : checks())
            out.push_back(name);
        return out;
    }();
    return names;
}

std::optional<CascadeAnchor> cascade_anchor(std::span<const WatchQuestion> questions) {
    for (const WatchQuestion& q : questions) {
        if (q.check == "labs_switch_within" && !param(q.params, "after").empty()) {
            return CascadeAnchor{param(q.params, "after"), list_param(q.params, "labs"), "question " + q.id};
        }
    }
    return std::nullopt;
}

std::string validate_question(const WatchQuestion& q) {
    if (!checks().contains(q.check)) {
        return "unknown check '" + q.check + "'";
    }
    auto needs = [&](const std::string& what) { return "check '" + q.check + "' needs param " + what; };
    const bool windowed = q.check != "surface_before";
    if (windowed && !int_param(q.params, "days") && !int_param(q.params, "months")) {
        return needs("'days' or 'months' (a whole number)");
    }
    if ((q.check == "open_weights_within" || q.check == "eval_report_within" || q.check == "surface_before") &&
        subject(q.params).empty()) {
        return needs("'family' or 'model'");
    }
    if (q.check == "surface_before" &&
        (param(q.params, "category").empty() ||
         (param(q.params, "before").empty() && param(q.params, "before_category").empty()))) {
        return needs("'category' and 'before' (or 'before_category')");
    }
    if (q.check == "labs_switch_within" && (list_param(q.params, "labs").empty() || param(q.params, "after").empty())) {
        return needs("'labs' and 'after'");
    }
    if (q.check == "person_leaves_within" && param(q.params, "person").empty() &&
        (param(q.params, "org").empty() || param(q.params, "role").empty())) {
        return needs("'person' or 'org' and 'role'");
    }
    for (const char* key : {"launch", "from"}) {
        if (!param(q.params, key).empty() && !parse_iso8601(param(q.params, key))) {
            return "param '" + std::string(key) + "' is not a date: " + param(q.params, key);
        }
    }
    return {};
}

QuestionAnswer evaluate_question(const WatchQuestion& q, const QuestionContext& ctx) {
    if (std::string problem = validate_question(q); !problem.empty()) {
        return open_answer(q, "cannot evaluate: " + problem);
    }
    return checks().at(q.check)(q, ctx);
}

std::vector<QuestionAnswer> evaluate_questions(std::span<const WatchQuestion> questions, const QuestionContext& ctx) {
    std::vector<QuestionAnswer> out;
    for (const WatchQuestion& q : questions) {
        out.push_back(evaluate_question(q, ctx));
    }
    return out;
}

}  // namespace fw::analysis
