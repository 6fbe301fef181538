#include "ui/models/rollout_axis.h"

#include <algorithm>
#include <cstddef>

#include "report/svg_charts.h"

namespace fw::ui {

int percentile90(std::vector<int> lags) {
    if (lags.empty())
        return 0;
    std::sort(lags.begin(), lags.end());
    // Nearest rank: the smallest value with at least 90% of the values at or below it.
    const std::size_t n = lags.size();
    const std::size_t rank = (9 * n + 9) / 10;  // ceil(0.9 n), at least 1
    return lags[rank - 1];
}

int rolloutAxisLimit(const std::vector<int>& lags) {
    // One rule for the cockpit and the HTML report, so both clip the same points.
    return std::max(kRolloutMinAxisDays, report::detail::swimlane_axis_days(lags));
}

}  // namespace fw::ui
