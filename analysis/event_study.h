#pragma once
// The market-model event study, exactly as the contract defines it:
// simple returns of the adjusted close (else close) of stock and benchmark on their common
// dates; day 0 = first common date on/after the event date; estimation days -250..-30 (at least
// min_estimation_days, else no study); OLS alpha/beta; sigma^2 = SSR/(N-2);
// AR = R - (alpha + beta Rm); CAR = sum of AR over the window; t = CAR / sqrt(L sigma^2).

#include <optional>
#include <string>
#include <vector>

#include "domain/price.h"
#include "domain/result.h"
#include "domain/time.h"

namespace fw::analysis {

struct EventStudyParams {
    int estimation_start = -250;
    int estimation_end = -30;
    int min_estimation_days = 60;
    int window_start = -1;
    int window_end = 1;
};

struct AbnormalReturn {
    int tau = 0;
    Day date{};
    double stock_return = 0;
    double market_return = 0;
    double abnormal = 0;
};

struct EventStudy {
    Day event_date{};
    Day day0{};
    int window_start = -1;
    int window_end = 1;
    double alpha = 0;
    double beta = 0;
    double sigma2 = 0;
    double car = 0;
    double t_stat = 0;
    int estimation_days = 0;
    std::vector<AbnormalReturn> window;  ///< one per event-window day
};

/// A study of one event date. Error{NotFound} when the prices do not cover the event (no common
/// date on or after it, or the window runs past the data); Error{Invalid} when fewer than the
/// minimum estimation days exist or the benchmark does not vary.
Result<EventStudy> run_event_study(const std::vector<PriceBar>& stock, const std::vector<PriceBar>& benchmark,
                                   Day event_date, const EventStudyParams& params = {});

/// A date-aligned view of two price series: the common dates with an adjusted price in both.
struct AlignedPrices {
    std::vector<Day> dates;
    std::vector<double> stock;
    std::vector<double> benchmark;
};
AlignedPrices align_prices(const std::vector<PriceBar>& stock, const std::vector<PriceBar>& benchmark);

/// The same study on prices aligned once (many events of one security).
Result<EventStudy> run_event_study(const AlignedPrices& prices, Day event_date, const EventStudyParams& params = {});

}  // namespace fw::analysis
