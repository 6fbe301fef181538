#pragma once
// Alerts: a rule matches events (or question status changes); each match is sent once per
// channel, recorded, and retried while the channel fails.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.h"

namespace fw {

struct AlertRule {
    std::string id;
    std::string name;
    std::vector<std::string> kinds;     ///< event kinds; empty = any
    std::vector<std::string> labs;      ///< empty = any
    std::vector<std::string> models;    ///< empty = any (matches the model or its family)
    bool question_changes = false;      ///< also fire when a watch question changes status
    std::vector<std::string> channels;  ///< terminal | desktop | webhook:URL | atom:FILE
};

/// Where a delivery stands. Contract names: pending, sent, failed (failed ones are retried).
enum class DeliveryStatus { Pending, Sent, Failed };

std::string_view to_string(DeliveryStatus status);
/// nullopt for any other word: a reader decides what an unknown stored value means.
std::optional<DeliveryStatus> delivery_status_from_string(std::string_view text);

/// One delivery of one alert on one channel. key is unique per (rule, subject, channel).
struct AlertDelivery {
    std::int64_t id = 0;
    std::string key;  ///< "rule|event:42|webhook:http://..."
    std::string rule_id;
    std::optional<std::int64_t> event_id;
    std::optional<std::string> question_id;
    std::string channel;
    std::string title;
    std::string body;  ///< JSON payload as sent
    DeliveryStatus status = DeliveryStatus::Pending;
    int attempts = 0;
    std::optional<TimePoint> sent_at;
    std::optional<std::string> last_error;
};

}  // namespace fw
