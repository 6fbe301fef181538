#include "analysis/event_study.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace fw::analysis {
namespace {

std::map<Day, double> adjusted_by_date(const std::vector<PriceBar>& bars) {
    std::map<Day, double> out;
    for (const PriceBar& b : bars) {
        if (auto p = b.adjusted(); p && std::isfinite(*p) && *p > 0) {
            out[b.date] = *p;
        }
    }
    return out;
}

struct Fit {
    double alpha = 0, beta = 0, sigma2 = 0;
};

// OLS of y on x, in deviations from the means (numerically kinder than raw sums).
std::optional<Fit> ols(const std::vector<double>& x, const std::vector<double>& y) {
    const double n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= n;
    my /= n;
    double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    if (sxx <= 0) {
        return std::nullopt;
    }
    Fit f;
    f.beta = sxy / sxx;
    f.alpha = my - f.beta * mx;
    double ssr = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double e = y[i] - f.alpha - f.beta * x[i];
        ssr += e * e;
    }
    f.sigma2 = ssr / (n - 2);
    return f;
}

}  // namespace

AlignedPrices align_prices(const std::vector<PriceBar>& stock, const std::vector<PriceBar>& benchmark) {
    const auto s = adjusted_by_date(stock);
    const auto b = adjusted_by_date(benchmark);
    AlignedPrices out;
    for (const auto& [date, price] : s) {
        if (auto it = b.find(date); it != b.end()) {
            out.dates.push_back(date);
            out.stock.push_back(price);
            out.benchmark.push_back(it->second);
        }
    }
    return out;
}

Result<EventStudy> run_event_study(const std::vector<PriceBar>& stock, const std::vector<PriceBar>& benchmark,
                                   Day event_date, const EventStudyParams& params) {
    return run_event_study(align_prices(stock, benchmark), event_date, params);
}

Result<EventStudy> run_event_study(const AlignedPrices& a, Day event_date, const EventStudyParams& params) {
    if (params.window_start > params.window_end || params.estimation_start > params.estimation_end ||
        params.min_estimation_days < 3) {
        return make_error(ErrorCode::Invalid, "event study parameters are inconsistent");
    }
    const auto it = std::lower_bound(a.dates.begin(), a.dates.end(), event_date);
    if (it == a.dates.end()) {
        return make_error(ErrorCode::NotFound, "prices do not cover this event",
                          "no common trading date on or after " + format_date(event_date));
    }
    const long d0 = it - a.dates.begin();
    const long n = static_cast<long>(a.dates.size());
    // The return of common date i needs date i-1: returns exist for 1 <= i < n.
    auto has_return = [&](long i) { return i >= 1 && i < n; };
    auto ret = [](const std::vector<double>& p, long i) { return p[i] / p[i - 1] - 1.0; };
    if (!has_return(d0 + params.window_start) || !has_return(d0 + params.window_end)) {
        return make_error(ErrorCode::NotFound, "prices do not cover this event",
                          "event window [" + std::to_string(params.window_start) + ", " +
                              std::to_string(params.window_end) + "] around " + format_date(a.dates[d0]));
    }
    std::vector<double> rm, ri;
    for (long tau = params.estimation_start; tau <= params.estimation_end; ++tau) {
        if (has_return(d0 + tau)) {
            rm.push_back(ret(a.benchmark, d0 + tau));
            ri.push_back(ret(a.stock, d0 + tau));
        }
    }
    if (static_cast<int>(rm.size()) < params.min_estimation_days) {
        return make_error(ErrorCode::Invalid, "too few estimation days",
                          std::to_string(rm.size()) + " < " + std::to_string(params.min_estimation_days));
    }
    const auto fit = ols(rm, ri);
    if (!fit) {
        return make_error(ErrorCode::Invalid, "benchmark returns do not vary in the estimation window");
    }
    EventStudy s{event_date,
                 a.dates[d0],
                 params.window_start,
                 params.window_end,
                 fit->alpha,
                 fit->beta,
                 fit->sigma2,
                 0,
                 0,
                 static_cast<int>(rm.size()),
                 {}};
    for (long tau = params.window_start; tau <= params.window_end; ++tau) {
        const double r_i = ret(a.stock, d0 + tau), r_m = ret(a.benchmark, d0 + tau);
        const double ar = r_i - (fit->alpha + fit->beta * r_m);
        s.window.push_back(AbnormalReturn{static_cast<int>(tau), a.dates[d0 + tau], r_i, r_m, ar});
        s.car += ar;
    }
    const double length = params.window_end - params.window_start + 1;
    s.t_stat = fit->sigma2 > 0 ? s.car / std::sqrt(length * fit->sigma2) : 0.0;
    return s;
}

}  // namespace fw::analysis
