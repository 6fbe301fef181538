#pragma once
// When to fetch a source next: pure functions of what happened and of the clock, so the policy
// is tested without a network. Follows Miniflux's scheduler (entry frequency, clamped) and
// RFC 9110 Retry-After; failures back off exponentially per source.

#include <chrono>
#include <optional>
#include <span>
#include <string_view>

#include "domain/source.h"
#include "domain/time.h"

namespace fw::ingest {

/// Retry-After as delta-seconds ("120") or an HTTP-date (IMF-fixdate, RFC 850 or asctime).
/// A date in the past gives 0 s. Garbage and negative numbers give nullopt.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, TimePoint now);

struct IntervalLimits {
    std::chrono::seconds min{std::chrono::minutes(15)};
    std::chrono::seconds max{std::chrono::hours(24)};
};

/// How often to poll a source whose items appeared at `item_times` (any order): half the
/// median gap between its most recent items, clamped to the limits. Fewer than two distinct
/// times give the maximum (nothing to learn from).
std::chrono::seconds adaptive_interval(std::span<const TimePoint> item_times, const IntervalLimits& limits = {});

enum class FetchOutcome { Ok, NotModified, Failed };

struct FailureBackoff {
    std::chrono::seconds base{std::chrono::minutes(1)};
    std::chrono::seconds cap{std::chrono::hours(24)};
    std::chrono::seconds min_retry_after{std::chrono::minutes(1)};
};

/// The next due time. Success: now + interval. Failure: now + base * 2^(failures-1) (capped),
/// or the server's Retry-After (clamped to [min_retry_after, cap]) when that is later.
/// `consecutive_failures` counts the failure just recorded (1 after the first).
TimePoint next_due(FetchOutcome outcome, TimePoint now, std::chrono::seconds interval, int consecutive_failures,
                   std::optional<std::chrono::seconds> retry_after = std::nullopt, const FailureBackoff& backoff = {});

/// The same for a stored source: its interval is `every_seconds` when the user set one, else
/// the adaptive `interval_seconds`. On failure, health.consecutive_failures must already count
/// the failure; a fetcher's retry_not_before (server-requested pause) is honoured.
TimePoint next_due_after_success(const Source& source, TimePoint now);
TimePoint next_due_after_failure(const Source& source, TimePoint now,
                                 std::optional<TimePoint> retry_not_before = std::nullopt);

/// A source is stale when its newest item is older than `factor` times its usual interval, and
/// at least `min_silence` old (so fast feeds are not flagged after a quiet afternoon). Unknown
/// newest item = not stale (nothing to compare).
bool is_stale(const SourceHealth& health, std::chrono::seconds interval, TimePoint now, double factor = 10.0,
              std::chrono::seconds min_silence = std::chrono::hours(72));

}  // namespace fw::ingest
