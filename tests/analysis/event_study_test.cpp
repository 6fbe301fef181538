#include <cmath>
#include <sstream>

#include "analysis/event_study.h"
#include "builders.h"
#include "independent_study.h"
#include "support/catch.h"
#include "support/paths.h"

using namespace fw;
using namespace fw::analysis;

namespace {

// Deterministic, irregular market returns and a stock that follows them with noise.
std::pair<std::vector<PriceBar>, std::vector<PriceBar>> synthetic(int days, const std::string& first = "2025-01-01") {
    std::vector<double> m{100}, s{50};
    for (int i = 1; i < days; ++i) {
        const double rm = 0.01 * std::sin(i * 0.7) + 0.004 * std::cos(i * 2.3);
        const double noise = 0.003 * std::sin(i * 1.9 + 0.4);
        m.push_back(m.back() * (1 + rm));
        s.push_back(s.back() * (1 + 0.0005 + 1.3 * rm + noise));
    }
    return {test::bars("S", first, s), test::bars("M", first, m)};
}

std::map<Day, double> to_map(const std::vector<PriceBar>& bars) {
    std::map<Day, double> out;
    for (const PriceBar& b : bars)
        out[b.date] = *b.adjusted();
    return out;
}

void check_against_independent(const std::vector<PriceBar>& s, const std::vector<PriceBar>& m, Day event) {
    const auto mine = run_event_study(s, m, event);
    const auto other = test::independent_study(to_map(s), to_map(m), event);
    REQUIRE(mine.has_value() == other.has_value());
    if (!other)
        return;
    CHECK(mine->day0 == other->day0);
    CHECK(mine->estimation_days == other->estimation_days);
    CHECK(std::abs(mine->alpha - static_cast<double>(other->alpha)) < 1e-9);
    CHECK(std::abs(mine->beta - static_cast<double>(other->beta)) < 1e-9);
    CHECK(std::abs(mine->sigma2 - static_cast<double>(other->sigma2)) < 1e-9);
    CHECK(std::abs(mine->car - static_cast<double>(other->car)) < 1e-9);
    CHECK(std::abs(mine->t_stat - static_cast<double>(other->t_stat)) < 1e-9);
}

}  // namespace

TEST_CASE("the event study matches an independent computation on synthetic prices", "[analysis][market]") {
    const auto [s, m] = synthetic(400);
    const int offset = GENERATE(100, 251, 300, 397);
    check_against_independent(s, m, s[static_cast<std::size_t>(offset)].date);
}

TEST_CASE("the window sums abnormal returns and t = CAR / sqrt(L sigma^2)", "[analysis][market]") {
    const auto [s, m] = synthetic(400);
    const auto study = run_event_study(s, m, s[300].date);
    REQUIRE(study);
    REQUIRE(study->window.size() == 3);
    double car = 0;
    for (const AbnormalReturn& ar : study->window) {
        CHECK(ar.abnormal == Approx(ar.stock_return - study->alpha - study->beta * ar.market_return));
        car += ar.abnormal;
    }
    CHECK(study->window[1].tau == 0);
    CHECK(study->window[1].date == s[300].date);
    CHECK(study->car == Approx(car));
    CHECK(study->t_stat == Approx(car / std::sqrt(3 * study->sigma2)));
    CHECK(study->beta == Approx(1.3).epsilon(0.05));
    CHECK(study->estimation_days == 221);
}

TEST_CASE("day 0 is the first common trading date on or after the event date", "[analysis][market]") {
    auto [s, m] = synthetic(400, "2025-01-06");  // a Monday
    // The benchmark lacks the Monday after the weekend: day 0 moves to Tuesday.
    const Day saturday = s[250].date + std::chrono::days{(6 - std::chrono::weekday{s[250].date}.c_encoding() + 7) % 7};
    const Day monday = saturday + std::chrono::days{2};
    std::erase_if(m, [&](const PriceBar& b) { return b.date == monday; });
    const auto study = run_event_study(s, m, saturday);
    REQUIRE(study);
    CHECK(study->day0 == monday + std::chrono::days{1});
    check_against_independent(s, m, saturday);
}

TEST_CASE("an event the prices do not cover is reported, never guessed", "[analysis][market]") {
    const auto [s, m] = synthetic(200);
    struct Row {
        int event_offset_days;  // from the first bar
        ErrorCode code;
    };
    const auto row = GENERATE(Row{400, ErrorCode::NotFound},  // after the last price
                              Row{0, ErrorCode::NotFound},    // window starts before the first return
                              Row{60, ErrorCode::Invalid});   // ~30 estimation days < 60
    const auto study = run_event_study(s, m, s[0].date + std::chrono::days{row.event_offset_days});
    REQUIRE_FALSE(study);
    CHECK(study.error().code == row.code);
    if (row.code == ErrorCode::NotFound)
        CHECK(study.error().message == "prices do not cover this event");
}

TEST_CASE("sixty estimation days are enough, fifty-nine are not", "[analysis][market]") {
    const auto [s, m] = synthetic(200);
    // Day 0 at index i has estimation returns at indices max(1, i-250)..i-30: i-30 of them.
    CHECK(run_event_study(s, m, s[90].date).has_value());
    const auto short_one = run_event_study(s, m, s[89].date);
    REQUIRE_FALSE(short_one);
    CHECK(short_one.error().code == ErrorCode::Invalid);
}

TEST_CASE("returns use the adjusted close where there is one", "[analysis][market]") {
    auto [s, m] = synthetic(300);
    auto adjusted = s;
    for (std::size_t i = 0; i < adjusted.size(); ++i) {
        adjusted[i].adj_close = *adjusted[i].close * (i < 200 ? 0.5 : 1.0);  // a "split" in the closes
    }
    const auto plain = run_event_study(s, m, s[260].date);
    const auto with_adj = run_event_study(adjusted, m, s[260].date);
    REQUIRE(plain);
    REQUIRE(with_adj);
    CHECK(plain->car != Approx(with_adj->car));
    check_against_independent(adjusted, m, s[260].date);
}

namespace {

// Date,Close,High,Low,Open,Volume (Close adjusted); rows without a close are skipped.
std::vector<PriceBar> read_prices_csv(const std::filesystem::path& path, const std::string& symbol) {
    std::istringstream in(test::read_file(path));
    std::string line;
    std::getline(in, line);
    std::vector<PriceBar> out;
    while (std::getline(in, line)) {
        const auto comma = line.find(',');
        const auto next = line.find(',', comma + 1);
        const std::string close = line.substr(comma + 1, next - comma - 1);
        const auto date = parse_iso8601(line.substr(0, comma));
        if (close.empty() || !date)
            continue;
        PriceBar b;
        b.symbol = symbol;
        b.date = day_of(*date);
        b.adj_close = std::stod(close);
        out.push_back(b);
    }
    return out;
}

}  // namespace

TEST_CASE("the event study agrees with an independent computation on META vs SPY", "[analysis][market][corpus]") {
    FW_REQUIRE_SHARED(shared);
    const auto dir = shared / "datasets" / "daily_prices_koi_west";
    const auto meta = read_prices_csv(dir / "META.csv", "META");
    const auto spy = read_prices_csv(dir / "SPY.csv", "SPY");
    REQUIRE(meta.size() > 1000);
    const std::string launch = GENERATE("2023-07-18", "2024-04-18", "2024-07-23");
    const Day event = day_of(test::date(launch));
    const auto study = run_event_study(meta, spy, event);
    REQUIRE(study);
    CHECK(study->day0 == event);  // all three launches fell on trading days
    CHECK(study->estimation_days == 221);
    check_against_independent(meta, spy, event);
}

TEST_CASE("inconsistent study parameters are an error, not a crash", "[analysis][market]") {
    const auto [s, m] = synthetic(400);
    EventStudyParams reversed;
    reversed.window_start = 2;
    reversed.window_end = -2;
    const auto study = run_event_study(s, m, s[300].date, reversed);
    REQUIRE_FALSE(study);
    CHECK(study.error().code == ErrorCode::Invalid);
    EventStudyParams wide;
    wide.window_start = -5;
    wide.window_end = 5;
    const auto ok = run_event_study(s, m, s[300].date, wide);
    REQUIRE(ok);
    CHECK(ok->window.size() == 11);
    CHECK(ok->t_stat == Approx(ok->car / std::sqrt(11 * ok->sigma2)));
}
