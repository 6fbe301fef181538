#include "app/event_service.h"

#include <charconv>
#include <cmath>

#include "domain/event_schema.h"
#include "domain/slug.h"

namespace fw::app {
namespace {

// A KEY=VALUE's value as the field's declared type: text as written, numbers parsed (an
// integer field takes "125e9" when it is whole), booleans true/false, "null" for unknown.
Result<FieldValue> typed_value(const FieldSpec& spec, std::string_view v) {
    if (v == "null") {
        return FieldValue{std::monostate{}};
    }
    const auto bad = [&] {
        return make_error(ErrorCode::Usage,
                          "field '" + std::string(spec.name) + "' takes " + std::string(to_string(spec.type)),
                          std::string(v));
    };
    switch (spec.type) {
        case FieldType::Text:
            if (spec.valid != nullptr && !spec.valid(v)) {
                return make_error(ErrorCode::Usage,
                                  "field '" + std::string(spec.name) + "' must be one of " + std::string(spec.values),
                                  std::string(v));
            }
            return FieldValue{std::string(v)};
        case FieldType::Boolean:
            if (v != "true" && v != "false") {
                return bad();
            }
            return FieldValue{v == "true"};
        case FieldType::Integer:
        case FieldType::Number: {
            double d = 0;
            auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
            if (ec != std::errc() || p != v.data() + v.size()) {
                return bad();
            }
            if (spec.type == FieldType::Number) {
                return FieldValue{d};
            }
            if (d != std::floor(d) || std::fabs(d) > 9e18) {
                return bad();
            }
            return FieldValue{static_cast<std::int64_t>(d)};
        }
    }
    return bad();
}

}  // namespace

Status assign_fields(EventKind kind, Fields& fields, const std::vector<std::string>& set) {
    for (const auto& a : set) {
        const std::string_view text = a;
        const auto eq = text.find('=');
        if (eq == std::string_view::npos || eq == 0) {
            return make_error(ErrorCode::Usage, "expected KEY=VALUE", a);
        }
        const auto key = trim(text.substr(0, eq));
        const FieldSpec* spec = find_field(kind, key);
        if (spec == nullptr) {
            std::string known;
            for (const auto& f : fields_of(kind)) {
                known += (known.empty() ? "" : ", ") + std::string(f.name);
            }
            return make_error(
                ErrorCode::Usage,
                std::string(to_string(kind)) + " has no field '" + std::string(key) + "' (its fields: " + known + ")",
                a);
        }
        auto value = typed_value(*spec, trim(text.substr(eq + 1)));
        if (!value) {
            return value.error();
        }
        fields.set(std::string(key), std::move(*value));
    }
    return ok();
}

Result<std::int64_t> add_manual_event(store::EventStore& events, const Taxonomy& taxonomy, const ManualEvent& spec,
                                      TimePoint now) {
    const auto kind = event_kind_from_string(spec.kind);
    if (!kind) {
        return make_error(ErrorCode::Usage, "unknown event kind", spec.kind);
    }
    const auto at = parse_iso8601(spec.at);
    if (!at) {
        return make_error(ErrorCode::Usage, "--at must be YYYY-MM-DD or an RFC 3339 time", spec.at);
    }
    if (spec.lab && taxonomy.find_lab(*spec.lab) == nullptr) {
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
    if (auto s = assign_fields(*kind, e.fields, spec.set); !s) {
        return s.error();
    }
    // Manual events never merge into derived ones by accident: their key is their own.
    e.dedupe_key = "manual|" + std::string(to_string(*kind)) + "|" + e.model.value_or("-") + "|" + format_rfc3339(*at) +
                   "|" + format_rfc3339(now);
    if (spec.evidence_url) {
        e.evidence.push_back({0, *spec.evidence_url, "manual", "", now});
    }
    return events.upsert_event(e);
}

Result<std::int64_t> add_manual_event(AppContext& ctx, const ManualEvent& spec, TimePoint now) {
    return add_manual_event(*ctx.store, ctx.taxonomy, spec, now);
}

Result<std::vector<Event>> list_events(store::EventStore& events, const store::EventQuery& query) {
    return events.list_events(query);
}

Result<std::vector<Event>> list_events(AppContext& ctx, const store::EventQuery& query) {
    return list_events(*ctx.store, query);
}

Status set_review(store::EventStore& events, std::int64_t id, Review review) {
    auto found = events.find_event(id);
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        return make_error(ErrorCode::NotFound, "no event with this id", std::to_string(id));
    }
    return events.set_review(id, review);
}

Status set_review(AppContext& ctx, std::int64_t id, Review review) {
    return set_review(*ctx.store, id, review);
}

Status edit_event(store::EventStore& events, std::int64_t id, const std::optional<std::string>& at,
                  const std::vector<std::string>& set) {
    auto found = events.find_event(id);
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
    if (auto s = assign_fields(e.kind, e.fields, set); !s) {
        return s;
    }
    e.edited = true;
    return events.edit_event(e);
}

Status edit_event(AppContext& ctx, std::int64_t id, const std::optional<std::string>& at,
                  const std::vector<std::string>& set) {
    return edit_event(*ctx.store, id, at, set);
}

}  // namespace fw::app
