#pragma once
// The swimlanes' x axis: late outliers (a model with surfaces 915 and 980 days after launch) must
// not squeeze every lane into the first pixels, so the axis stops where the HTML report's does
// (report::detail::swimlane_axis_days: the largest lag that is not a far outlier, at least 120
// and at most 360 days, rounded up to 30) and the points beyond it are drawn at the edge, marked
// as clipped. A 90th percentile alone was not enough: two late points out of ten set it.

#include <vector>

namespace fw::ui {

inline constexpr int kRolloutMinAxisDays = 120;

/// The 90th percentile of `lags` by nearest rank (0 for none).
int percentile90(std::vector<int> lags);
/// The last day the axis shows in full: the same rule as the HTML report's swimlanes.
int rolloutAxisLimit(const std::vector<int>& lags);

}  // namespace fw::ui
