#pragma once
// A second, deliberately plain implementation of the contract's event study for tests: maps of
// date -> price, normal equations in long double. It shares no code with analysis/.

#include <cmath>
#include <map>
#include <optional>
#include <vector>

#include "domain/time.h"

namespace fw::test {

struct IndependentStudy {
    long double alpha = 0, beta = 0, sigma2 = 0, car = 0, t_stat = 0;
    int estimation_days = 0;
    Day day0{};
};

inline std::optional<IndependentStudy> independent_study(const std::map<Day, double>& stock,
                                                         const std::map<Day, double>& market, Day event, int w1 = -1,
                                                         int w2 = 1) {
    std::vector<Day> dates;
    for (const auto& [d, p] : stock) {
        if (market.count(d) != 0)
            dates.push_back(d);
    }
    long zero = -1;
    for (std::size_t i = 0; i < dates.size(); ++i) {
        if (dates[i] >= event) {
            zero = static_cast<long>(i);
            break;
        }
    }
    if (zero < 0)
        return std::nullopt;
    auto r = [&](const std::map<Day, double>& m, long i) -> long double {
        return static_cast<long double>(m.at(dates[i])) / static_cast<long double>(m.at(dates[i - 1])) - 1.0L;
    };
    long double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    std::vector<std::pair<long double, long double>> xy;
    for (long tau = -250; tau <= -30; ++tau) {
        const long i = zero + tau;
        if (i < 1 || i >= static_cast<long>(dates.size()))
            continue;
        const long double x = r(market, i), y = r(stock, i);
        xy.emplace_back(x, y);
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    if (n < 60 || zero + w1 < 1 || zero + w2 >= static_cast<long>(dates.size()))
        return std::nullopt;
    IndependentStudy s;
    const long double det = n * sxx - sx * sx;
    s.beta = (n * sxy - sx * sy) / det;
    s.alpha = (sy * sxx - sx * sxy) / det;
    long double ssr = 0;
    for (const auto& [x, y] : xy)
        ssr += (y - s.alpha - s.beta * x) * (y - s.alpha - s.beta * x);
    s.sigma2 = ssr / (n - 2);
    for (long tau = w1; tau <= w2; ++tau) {
        s.car += r(stock, zero + tau) - (s.alpha + s.beta * r(market, zero + tau));
    }
    s.t_stat = s.car / std::sqrt(static_cast<long double>(w2 - w1 + 1) * s.sigma2);
    s.estimation_days = static_cast<int>(n);
    s.day0 = dates[static_cast<std::size_t>(zero)];
    return s;
}

}  // namespace fw::test
