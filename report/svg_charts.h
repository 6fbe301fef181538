#pragma once
// Inline SVG charts for the HTML report. Every label is escaped; nothing refers to anything
// outside the SVG element.

#include <string>
#include <vector>

#include "analysis/report.h"

namespace fw::report::detail {

/// Stock and benchmark rebased to 100, the event window shaded, the lab's events as markers.
std::string price_chart_svg(const analysis::MarketStudy& study);

/// One lane per model: its surfaces as dots at their days after launch, coloured by category.
std::string rollout_swimlanes_svg(const std::vector<analysis::ModelRollout>& rollout);

/// One bar per model: first-party lag (or days open, hatched, while none exists).
std::string eval_lags_svg(const std::vector<analysis::EvalDisclosure>& rows);

/// One line per lab: the 365-day open share over time.
std::string open_share_svg(const std::vector<analysis::LabOpenness>& labs);

}  // namespace fw::report::detail
