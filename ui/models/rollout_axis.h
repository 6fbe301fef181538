#pragma once
// The swimlanes' x axis: one late outlier (a surface reached 985 days after launch) must not
// squeeze every lane into the first pixels, so the axis stops at max(kMinDays, the 90th
// percentile of the lags) and the points beyond it are drawn at the edge, marked as clipped.

#include <vector>

namespace fw::ui {

inline constexpr int kRolloutMinAxisDays = 120;

/// The 90th percentile of `lags` by nearest rank (0 for none).
int percentile90(std::vector<int> lags);
/// max(kRolloutMinAxisDays, percentile90(lags)): the last day the axis shows in full.
int rolloutAxisLimit(const std::vector<int>& lags);

}  // namespace fw::ui
