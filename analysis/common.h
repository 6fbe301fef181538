#pragma once
// Helpers shared by the analyses: which events count, how a model maps to its lab and family,
// and how an event's openness, licence and tier are read (event fields first, taxonomy second).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.h"
#include "domain/taxonomy.h"
#include "domain/time.h"

namespace fw::analysis {

using EventRefs = std::vector<const Event*>;

/// Events that count for a report as of `as_of`: not rejected, on or before the UTC day of
/// as_of (an event of "today" counts), sorted by time then id.
EventRefs usable_events(std::span<const Event> events, TimePoint as_of);

/// Only the events of one kind, order kept.
EventRefs of_kind(const EventRefs& events, EventKind kind);

/// The lab of an event: its own lab, else the lab of its model in the taxonomy, else "".
std::string lab_of(const Event& e, const Taxonomy& taxonomy);

/// A model's family: taxonomy family, else the event's "family" field, else the slug itself.
std::string family_of(std::string_view model, const Taxonomy& taxonomy, const Event* e = nullptr);

/// True when `model` belongs to `family_or_model`: same slug, same family, a versioned slug
/// ("muse-spark-1-1" of "muse-spark"), or derived_from it.
bool in_family(std::string_view model, std::string_view family_or_model, const Taxonomy& taxonomy);

/// Category name of a surface_rollout's surface: taxonomy, else the event's "category" field.
std::optional<std::string> surface_category_of(const Event& e, const Taxonomy& taxonomy);

/// Openness of a release event: fields "openness"; for a weights_release the licence class
/// (permissive/copyleft -> permissive, noncommercial -> noncommercial, else restricted);
/// else the taxonomy model; else unknown.
Openness openness_of(const Event& e, const Taxonomy& taxonomy);

/// Licence of a release event: fields "license", else the taxonomy model's, else "".
std::string license_of(const Event& e, const Taxonomy& taxonomy);

/// Tier: fields "tier", else the taxonomy model's, else unknown.
Tier tier_of(const Event& e, const Taxonomy& taxonomy);

/// Restrictiveness rank of a licence (0 permissive .. 4 proprietary), from the taxonomy class
/// or, for licences it does not list, from the SPDX id's shape; nullopt when unknowable.
std::optional<int> license_rank(std::string_view license_id, const Taxonomy& taxonomy);

/// Median of a list (mean of the two middle values); nullopt when empty.
std::optional<double> median(std::vector<double> values);

/// t + n calendar months (the day clamped to the month's end).
TimePoint add_months(TimePoint t, int months);

/// "2026Q2"
std::string quarter_of(TimePoint t);

}  // namespace fw::analysis
