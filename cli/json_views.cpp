#include "cli/json_views.h"

#include <nlohmann/json.hpp>

namespace fw::cli {
namespace {

using nlohmann::json;

template <typename T>
json or_null(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

// The contract's status words (docs: ../shared/spec/contract.md), or null when never fetched.
json status_or_null(const std::optional<FetchStatus>& s) {
    return s ? json(std::string(to_string(*s))) : json(nullptr);
}

json json_time_or_null(const std::optional<TimePoint>& t) {
    return t ? json(format_rfc3339(*t)) : json(nullptr);
}

// Fetched text may hold invalid UTF-8 in corner cases; replacing beats throwing.
std::string dump(const json& j) {
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

json source_json(const Source& s) {
    return {{"name", s.name},
            {"url", s.url},
            {"kind", std::string(to_string(s.kind))},
            {"lab", or_null(s.lab)},
            {"last_fetch_at", json_time_or_null(s.health.last_fetch_at)},
            {"last_status", status_or_null(s.health.last_status)},
            {"http_status", or_null(s.health.http_status)},
            {"consecutive_failures", s.health.consecutive_failures},
            {"last_error", or_null(s.health.last_error)},
            {"newest_item_at", json_time_or_null(s.health.newest_item_at)},
            {"due_at", json_time_or_null(s.due_at)},
            {"interval_seconds", s.interval_seconds}};
}

}  // namespace

std::string sources_json(std::span<const Source> sources) {
    json out = json::array();
    for (const auto& s : sources) {
        out.push_back(source_json(s));
    }
    return dump(out);
}

std::string sources_json(std::span<const app::SourceWithHealth> sources) {
    json out = json::array();
    for (const auto& s : sources) {
        auto j = source_json(s.source);
        j["health"] = std::string(app::health_code(s.health.flag));
        j["health_reason"] = s.health.reason;
        out.push_back(std::move(j));
    }
    return dump(out);
}

std::string items_json(std::span<const Item> items) {
    json out = json::array();
    for (const auto& i : items) {
        out.push_back({{"id", i.id},
                       {"source", i.source_name},
                       {"native_id", i.native_id},
                       {"title", i.entry.title},
                       {"link", i.entry.link},
                       {"published", json_time_or_null(i.entry.published)},
                       {"fetched_at", format_rfc3339(i.fetched_at)},
                       {"version", i.version}});
    }
    return dump(out);
}

std::string fetch_json(const app::FetchSummary& summary) {
    json sources = json::array();
    for (const auto& s : summary.sources) {
        sources.push_back({{"name", s.name},
                           {"url", s.url},
                           {"status", std::string(to_string(s.status))},
                           {"http_status", or_null(s.http_status)},
                           {"new_items", s.new_items},
                           {"error", or_null(s.error)}});
    }
    return dump({{"sources", sources}, {"new_events", summary.new_events}});
}

std::string parsed_feed_json(const ParsedFeed& feed) {
    json items = json::array();
    for (const auto& e : feed.items) {
        json enclosures = json::array();
        for (const auto& en : e.enclosures) {
            enclosures.push_back({{"url", en.url}, {"type", en.type}, {"length", en.length}});
        }
        json extra = json::object();
        for (const auto& [k, v] : e.extra) {
            extra[k] = v;
        }
        items.push_back({{"id", e.id},
                         {"title", e.title},
                         {"link", e.link},
                         {"published", json_time_or_null(e.published)},
                         {"updated", json_time_or_null(e.updated)},
                         {"authors", e.authors},
                         {"summary", e.summary},
                         {"content", e.content},
                         {"categories", e.categories},
                         {"enclosures", enclosures},
                         {"extra", extra}});
    }
    return dump({{"format", std::string(to_string(feed.format))},
                 {"title", feed.title},
                 {"link", feed.link},
                 {"description", feed.description},
                 {"language", or_null(feed.language)},
                 {"updated", json_time_or_null(feed.updated)},
                 {"items", items},
                 {"warnings", feed.warnings}});
}

}  // namespace fw::cli
