#include "app/event_service.h"

#include <charconv>

#include "domain/slug.h"

namespace fw::app {
namespace {

FieldValue typed_value(std::string_view v) {
    if (v == "null") {
        return std::monostate{};
    }
    if (v == "true" || v == "false") {
        return v == "true";
    }
    std::int64_t i = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), i);
    if (ec == std::errc() && p == v.data() + v.size()) {
        return i;
    }
    double d = 0;
    auto [pd, ecd] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ecd == std::errc() && pd == v.data() + v.size()) {
        return d;
    }
    return std::string(v);
}

Status apply_assignments(Fields& fields, const std::vector<std::string>& set) {
    for (const auto& a : set) {
        auto kv = parse_assignment(a);
        if (!kv) {
            return kv.error();
        }
        fields.set(kv->first, kv->second);
    }
    return ok();
}

}  // namespace

Result<std::pair<std::string, FieldValue>> parse_assignment(std::string_view text) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0) {
        return make_error(ErrorCode::Usage, "expected KEY=VALUE", std::string(text));
    }
    return std::pair<std::string, FieldValue>{std::string(trim(text.substr(0, eq))),
                                              typed_value(trim(text.substr(eq + 1)))};
}

Result<std::int64_t> add_manual_event(AppContext& ctx, const ManualEvent& spec, TimePoint now) {
    const auto kind = event_kind_from_string(spec.kind);
    if (!kind) {
        return make_error(ErrorCode::Usage, "unknown event kind", spec.kind);
    }
    const auto at = parse_iso8601(spec.at);
    if (!at) {
        return make_error(ErrorCode::Usage, "--at must be YYYY-MM-DD or an RFC 3339 time", spec.at);
    }
    if (spec.lab && ctx.taxonomy.find_lab(*spec.lab) == nullptr) {
        return make_error(ErrorCode::Usage, "unknown lab", *spec.lab);
    }
    Event e;
    e.kind = *kind;
    e.occurred_at = *at;
    e.time_precision = spec.at.size() == 10 ? "day" : "second";
    e.lab = spec.lab;
    e.model = spec.model ? std::optional<std::string>(slugify(*spec.model)) : std::nullopt;
    e.person = spec.person;
    e.surface = spec.surface;
    e.title = spec.title.value_or(std::string(to_string(*kind)) + (e.model ? " " + *e.model : ""));
    e.review = Review::Manual;
    e.confidence = 1.0;
    e.detected_at = now;
    if (auto s = apply_assignments(e.fields, spec.set); !s) {
        return s.error();
    }
    // Manual events never merge into derived ones by accident: their key is their own.
    e.dedupe_key = "manual|" + std::string(to_string(*kind)) + "|" + e.model.value_or("-") + "|" + format_rfc3339(*at) +
                   "|" + format_rfc3339(now);
    if (spec.evidence_url) {
        e.evidence.push_back({0, *spec.evidence_url, "manual", "", now});
    }
    return ctx.store->upsert_event(e);
}

Result<std::vector<Event>> list_events(AppContext& ctx, const store::EventQuery& query) {
    return ctx.store->list_events(query);
}

Status set_review(AppContext& ctx, std::int64_t id, Review review) {
    auto found = ctx.store->find_event(id);
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        return make_error(ErrorCode::NotFound, "no event with this id", std::to_string(id));
    }
    return ctx.store->set_review(id, review);
}

Status edit_event(AppContext& ctx, std::int64_t id, const std::optional<std::string>& at,
                  const std::vector<std::string>& set) {
    auto found = ctx.store->find_event(id);
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        return make_error(ErrorCode::NotFound, "no event with this id", std::to_string(id));
    }
    Event e = **found;
    if (at) {
        auto t = parse_iso8601(*at);
        if (!t) {
            return make_error(ErrorCode::Usage, "--at must be YYYY-MM-DD or an RFC 3339 time", *at);
        }
        e.occurred_at = *t;
    }
    if (auto s = apply_assignments(e.fields, set); !s) {
        return s;
    }
    e.edited = true;
    return ctx.store->edit_event(e);
}

}  // namespace fw::app
