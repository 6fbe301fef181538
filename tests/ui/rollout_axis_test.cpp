// The swimlane axis limit (ui/models/rollout_axis.h): nearest-rank 90th percentile, 120 days
// at least.

#include <numeric>

#include "support/catch.h"
#include "ui/models/rollout_axis.h"

TEST_CASE("the 90th percentile is taken by nearest rank", "[ui][unit]") {
    std::vector<int> lags(200);
    std::iota(lags.begin(), lags.end(), 0);  // 0..199: the 180th smallest is 179
    CHECK(fw::ui::percentile90(lags) == 179);
    CHECK(fw::ui::percentile90({5}) == 5);
    CHECK(fw::ui::percentile90({}) == 0);
    // Order does not matter; 10 values: the 9th smallest.
    CHECK(fw::ui::percentile90({100, 10, 90, 20, 80, 30, 70, 40, 60, 50}) == 90);
}

TEST_CASE("one late outlier does not stretch the swimlane axis", "[ui][unit]") {
    std::vector<int> lags = {0, 3, 7, 14, 21, 30, 45, 60, 75, 90, 985};
    CHECK(fw::ui::rolloutAxisLimit(lags) == fw::ui::kRolloutMinAxisDays);
    // Many late points move the limit out to the last of them, rounded up to 30 days.
    std::vector<int> late(100);
    std::iota(late.begin(), late.end(), 100);  // 100..199
    CHECK(fw::ui::rolloutAxisLimit(late) == 210);
}

TEST_CASE("two late surfaces of one model do not stretch the axis either", "[ui][unit]") {
    // The demo's shape: a few surfaces within 80 days, one model reaching two at 915 and 980 days
    // (two of nine points: the 90th percentile is the outlier itself).
    const std::vector<int> lags = {15, 24, 35, 50, 77, 12, 3, 915, 980};
    CHECK(fw::ui::percentile90(lags) == 980);
    CHECK(fw::ui::rolloutAxisLimit(lags) == fw::ui::kRolloutMinAxisDays);
    // Never beyond a year, whatever the spread.
    CHECK(fw::ui::rolloutAxisLimit({100, 300, 340, 700}) == 360);
}
