#include "app/alert_service.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include "analysis/alerts.h"
#include "app/paths.h"
#include "app/secrets.h"
#include "ingest/http_client.h"
#include "report/render.h"

namespace fw::app {
namespace {

// Retrying forever would hammer a dead webhook; after this many attempts a delivery stays failed.
constexpr int kMaxAttempts = 8;

std::string payload_for(const analysis::AlertMatch& m, const Event* event) {
    nlohmann::json j;
    j["text"] = "Frontier Watch: " + m.title;  // what Slack-compatible receivers display
    j["rule"] = m.rule_id;
    if (event != nullptr) {
        j["event"] = {{"id", event->id},
                      {"kind", std::string(to_string(event->kind))},
                      {"occurred_at", format_date(event->occurred_at)},
                      {"lab", event->lab ? nlohmann::json(*event->lab) : nlohmann::json(nullptr)},
                      {"model", event->model ? nlohmann::json(*event->model) : nlohmann::json(nullptr)},
                      {"title", event->title},
                      {"url", event->evidence.empty() ? "" : event->evidence.front().url}};
    }
    if (m.question_id) {
        j["question"] = *m.question_id;
    }
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Keys use the event's dedupe key, not its id: `extract --rebuild` recreates events with new ids
// and must not alert again for the same fact.
std::string subject_of(const analysis::AlertMatch& m, const Event* event) {
    if (event != nullptr) {
        return "event:" + event->dedupe_key;
    }
    return m.subject_key;
}

// A relative feed path lives in the data folder (beside the default database), not wherever the
// command happened to run.
std::filesystem::path atom_path(const std::string& channel) {
    std::filesystem::path file = channel.substr(std::string("atom:").size());
    if (file.is_relative()) {
        file = default_database_path().parent_path() / file;
    }
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    return file;
}

Status write_atom(store::AlertStore& alerts, store::EventStore& store_events, const std::string& channel,
                  TimePoint now) {
    const auto file = atom_path(channel);
    auto all = alerts.list_alerts(0);
    if (!all) {
        return all.error();
    }
    std::vector<Event> events;
    std::set<std::int64_t> seen;
    for (const auto& d : *all) {
        if (d.channel == channel && d.event_id && seen.insert(*d.event_id).second) {
            auto e = store_events.find_event(*d.event_id);
            if (e && e->has_value()) {
                events.push_back(**e);
            }
        }
    }
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << report::render_events_atom(events, "urn:frontierwatch:alerts", now);
    if (!out) {
        return make_error(ErrorCode::Storage, "cannot write the Atom alert feed", file.string());
    }
    return ok();
}

/// Where a delivery goes: the rules (webhook URLs) and, for an Atom feed, the stores it lists.
struct Channels {
    store::AlertStore& alerts;
    store::EventStore& events;
    const std::vector<AlertRule>& rules;
};

Status send(const Channels& to, const AlertDelivery& d, TimePoint now) {
    if (d.channel == "terminal") {
        std::cerr << "ALERT " << d.title << "\n";
        return ok();
    }
    if (d.channel.starts_with("webhook:")) {
        // The store holds the webhook's redacted name (app/secrets.h); the URL is in the rules.
        const auto configured = configured_channel(to.rules, d.channel);
        if (!configured) {
            return make_error(ErrorCode::Config, "this webhook is no longer in the alert rules", d.channel);
        }
        ingest::HttpRequest req;
        req.url = configured->substr(std::string("webhook:").size());
        req.user_agent = "FrontierWatch alerts";
        req.timeout_ms = 15000;
        auto resp = ingest::HttpClient{}.post_json(req, d.body);
        if (!resp) {
            return make_error(resp.error().code, resp.error().message, d.channel);  // never the URL
        }
        if (resp->status < 200 || resp->status >= 300) {
            return make_error(ErrorCode::HttpStatus, "webhook answered " + std::to_string(resp->status), d.channel);
        }
        return ok();
    }
    if (d.channel.starts_with("atom:")) {
        return write_atom(to.alerts, to.events, d.channel, now);
    }
    return make_error(ErrorCode::Config, "unknown alert channel", d.channel);
}

}  // namespace

Result<AlertSummary> deliver_alerts(store::AlertStore& alerts, store::EventStore& store_events,
                                    const std::vector<AlertRule>& rules, const std::vector<std::int64_t>& new_event_ids,
                                    const std::vector<QuestionAnswer>& changed_answers, TimePoint now) {
    AlertSummary summary;
    std::vector<Event> events;
    for (auto id : new_event_ids) {
        auto e = store_events.find_event(id);
        if (!e) {
            return e.error();
        }
        if (e->has_value()) {
            events.push_back(**e);
        }
    }
    const auto matches = analysis::match_alerts(rules, events, changed_answers);
    for (const auto& m : matches) {
        const Event* event = nullptr;
        for (const auto& e : events) {
            if (m.event_id && e.id == *m.event_id) {
                event = &e;
            }
        }
        for (const auto& channel : m.channels) {
            AlertDelivery d;
            d.key = m.rule_id + "|" + subject_of(m, event) + "|" + recorded_channel(channel);
            d.rule_id = m.rule_id;
            d.event_id = m.event_id;
            d.question_id = m.question_id;
            d.channel = recorded_channel(channel);  // a webhook URL is a credential
            d.title = m.title;
            d.body = payload_for(m, event);
            d.status = DeliveryStatus::Pending;
            auto recorded = alerts.record_alert(d);
            if (!recorded) {
                return recorded.error();
            }
            summary.matched += *recorded ? 1 : 0;
        }
    }
    auto pending = alerts.pending_alerts();
    if (!pending) {
        return pending.error();
    }
    const Channels channels{alerts, store_events, rules};
    for (auto& d : *pending) {
        if (d.channel == "desktop" || d.attempts >= kMaxAttempts) {
            continue;
        }
        ++d.attempts;
        auto sent = send(channels, d, now);
        if (sent) {
            d.status = DeliveryStatus::Sent;
            d.sent_at = now;
            d.last_error.reset();
            ++summary.sent;
        } else {
            d.status = DeliveryStatus::Failed;
            d.last_error = sent.error().describe();
            ++summary.failed;
        }
        if (auto u = alerts.update_alert(d); !u) {
            return u.error();
        }
    }
    return summary;
}

Result<AlertSummary> deliver_alerts(AppContext& ctx, const std::vector<std::int64_t>& new_event_ids,
                                    const std::vector<QuestionAnswer>& changed_answers, TimePoint now) {
    return deliver_alerts(*ctx.store, *ctx.store, ctx.alert_rules, new_event_ids, changed_answers, now);
}

Result<std::vector<AlertDelivery>> pending_desktop_alerts(store::AlertStore& alerts) {
    auto pending = alerts.pending_alerts();
    if (!pending) {
        return pending.error();
    }
    std::vector<AlertDelivery> out;
    for (auto& d : *pending) {
        if (d.channel == "desktop") {
            out.push_back(std::move(d));
        }
    }
    return out;
}

Result<std::vector<AlertDelivery>> pending_desktop_alerts(AppContext& ctx) {
    return pending_desktop_alerts(*ctx.store);
}

}  // namespace fw::app
