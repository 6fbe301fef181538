#include "domain/candidate.h"
#include "domain/event.h"
#include "domain/event_schema.h"
#include "report/json_util.h"
#include "report/render.h"

namespace fw::report {
namespace detail {

Json fields_json(const Fields& fields) {
    Json out = Json::object();
    for (const auto& [name, value] : fields) {
        const std::string& key = name;  // clang 14 cannot capture a structured binding
        std::visit(
            [&](const auto& v) {
                using V = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<V, std::monostate>) {
                    out[key] = nullptr;
                } else {
                    out[key] = v;
                }
            },
            value);
    }
    return out;
}

}  // namespace detail

namespace {

using detail::Json;

std::string occurred(const Event& e) {
    return e.time_precision == "second" ? format_rfc3339(e.occurred_at) : format_date(e.occurred_at);
}

Json evidence_json(const Evidence& ev) {
    return Json{{"url", ev.url},
                {"source", ev.source},
                {"snippet", ev.snippet},
                {"fetched_at", ev.fetched_at ? Json(format_rfc3339(*ev.fetched_at)) : Json(nullptr)},
                {"item_id", ev.item_id == 0 ? Json(nullptr) : Json(ev.item_id)}};
}

// The contract's "present, null where unknown": every required field of the kind, whatever
// wrote the event (an old version, a merge from another store, a hand-made event).
Fields complete(const Event& e) {
    Fields fields = e.fields;
    complete_fields(e.kind, fields);
    return fields;
}

Json event_json(const Event& e) {
    Json evidence = Json::array();
    for (const Evidence& ev : e.evidence) {
        evidence.push_back(evidence_json(ev));
    }
    return Json{{"id", e.id},
                {"kind", std::string(to_string(e.kind))},
                {"occurred_at", occurred(e)},
                {"lab", detail::opt(e.lab)},
                {"model", detail::opt(e.model)},
                {"person", detail::opt(e.person)},
                {"surface", detail::opt(e.surface)},
                {"title", e.title},
                {"fields", detail::fields_json(complete(e))},
                {"confidence", e.confidence},
                {"review", std::string(to_string(e.review))},
                {"evidence", std::move(evidence)},
                {"security", detail::opt(e.security)},
                {"time_precision", e.time_precision},
                {"dedupe_key", e.dedupe_key},
                {"detected_at", format_rfc3339(e.detected_at)},
                {"edited", e.edited},
                {"cue", e.cue}};
}

Json candidate_json(const Candidate& c) {
    return Json{{"id", c.id},
                {"title", c.title},
                {"link", c.link},
                {"source", c.source},
                {"published", c.published ? Json(format_rfc3339(*c.published)) : Json(nullptr)},
                {"entities", c.entities},
                {"cue", c.cue},
                {"suggested_kind", c.suggested_kind ? Json(std::string(to_string(*c.suggested_kind))) : Json(nullptr)},
                {"confidence", c.confidence},
                {"lab", detail::opt(c.lab)},
                {"model", detail::opt(c.model)},
                {"reason", c.reason},
                {"state", std::string(to_string(c.state))},
                {"item_id", c.item_id == 0 ? Json(nullptr) : Json(c.item_id)},
                {"detected_at", format_rfc3339(c.detected_at)}};
}

}  // namespace

std::string render_events_json(std::span<const Event> events) {
    Json out = Json::array();
    for (const Event& e : events) {
        out.push_back(event_json(e));
    }
    // Replace invalid UTF-8 rather than throw: fetched text is not ours to trust.
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_candidates_json(std::span<const Candidate> candidates) {
    Json out = Json::array();
    for (const Candidate& c : candidates) {
        out.push_back(candidate_json(c));
    }
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_event_fields_json(std::span<const EventKind> kinds) {
    Json out = Json::object();
    for (EventKind kind : kinds) {
        Json fields = Json::array();
        for (const FieldSpec& spec : fields_of(kind)) {
            Json values = Json::array();
            for (std::string_view rest = spec.values; !rest.empty();) {
                const auto bar = rest.find('|');
                values.push_back(std::string(rest.substr(0, bar)));
                rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
            }
            fields.push_back(Json{{"name", std::string(spec.name)},
                                  {"type", std::string(to_string(spec.type))},
                                  {"required", spec.required},
                                  {"values", values.empty() ? Json(nullptr) : values}});
        }
        out[std::string(to_string(kind))] = std::move(fields);
    }
    return out.dump(2) + "\n";
}

}  // namespace fw::report
