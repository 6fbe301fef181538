#pragma once
// Inline SVG charts for the HTML report. Every label is escaped; nothing refers to anything
// outside the SVG element. Colours of text, axes and grid come from the page's CSS classes
// (fw-axis, fw-grid, fw-muted) so one chart reads in light and dark schemes.

#include <string>
#include <vector>

#include "analysis/report.h"

namespace fw::report::detail {

/// The end of the rollout axis in days: max(120, the largest day that is not a far outlier),
/// rounded up to a multiple of 30, and at most 360. A far outlier lies beyond Q3 + 3 IQR of all
/// the days, so a single late surface (day 980) does not squeeze every lane into a few pixels.
int swimlane_axis_days(std::vector<int> days);

/// Stock and benchmark rebased to 100, the event window shaded, day 0 marked, the lab's events
/// as numbered markers (the numbers of price_markers_html).
std::string price_chart_svg(const analysis::MarketStudy& study);

/// The legend of price_chart_svg's numbered markers: an ordered list, one item per marker date.
std::string price_markers_html(const analysis::MarketStudy& study);

/// One lane per model given: its surfaces as dots at their days after launch, coloured by
/// category and labelled with surface and stage; days beyond the axis as a clipped marker
/// at the right edge that names the day.
std::string rollout_swimlanes_svg(const std::vector<analysis::ModelRollout>& rollout);

/// One bar per model given: first-party lag (or days open, hatched, while none exists) and the
/// third-party lag as a diamond.
std::string eval_lags_svg(const std::vector<analysis::EvalDisclosure>& rows);

/// One step line per lab: the 365-day open share over time, switches to closed marked, legend.
std::string open_share_svg(const std::vector<analysis::LabOpenness>& labs);

}  // namespace fw::report::detail
