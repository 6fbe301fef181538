#include <string>

#include "ingest/prices_csv.h"
#include "support/catch.h"
#include "support/paths.h"

using namespace fw;
using namespace fw::ingest;

namespace {
Day day(int y, unsigned m, unsigned d) {
    return day_of(make_time(y, m, d));
}
}  // namespace

TEST_CASE("columns are found by name in any order and case", "[ingest][unit][prices]") {
    const auto bars = parse_prices_csv(
        "volume,CLOSE,date,Adj Close,open,High,low\r\n"
        "1000,10.5,2026-04-08,10.25,10,11,9.5\r\n"
        "2000,11.5,2026-04-09,11.25,10.5,12,10\r\n",
        "META");
    REQUIRE(bars);
    REQUIRE(bars->size() == 2);
    const auto& b = (*bars)[0];
    CHECK(b.symbol == "META");
    CHECK(b.date == day(2026, 4, 8));
    CHECK(b.open == 10.0);
    CHECK(b.high == 11.0);
    CHECK(b.low == 9.5);
    CHECK(b.close == 10.5);
    CHECK(b.adj_close == 10.25);
    CHECK(b.adjusted() == 10.25);
    CHECK(b.volume == 1000);
    CHECK((*bars)[1].date == day(2026, 4, 9));
}

TEST_CASE("empty cells are unknown and optional columns may be absent", "[ingest][unit][prices]") {
    const auto bars = parse_prices_csv("Date,Close,Volume\n2026-04-08,,5\n2026-04-09,null,\n", "X");
    REQUIRE(bars);
    REQUIRE(bars->size() == 2);
    CHECK_FALSE((*bars)[0].close);
    CHECK((*bars)[0].volume == 5);
    CHECK_FALSE((*bars)[0].open);
    CHECK_FALSE((*bars)[0].adj_close);
    CHECK_FALSE((*bars)[1].close);
    CHECK_FALSE((*bars)[1].volume);
}

TEST_CASE("a partial last row is skipped", "[ingest][unit][prices]") {
    for (const char* tail : {"2026-04-10,12", "2026-04-1", "2026-04-10,1x"}) {
        const auto bars =
            parse_prices_csv(std::string("Date,Close,Volume\n2026-04-08,10,1\n2026-04-09,11,2\n") + tail, "X");
        REQUIRE(bars);
        CHECK(bars->size() == 2);
    }
    const auto complete = parse_prices_csv("Date,Close\n2026-04-08,10\n2026-04-09,11", "X");
    REQUIRE(complete);
    CHECK(complete->size() == 2);  // a whole last row without newline is kept
}

TEST_CASE("an HTML page answered with 200 is refused", "[ingest][unit][prices]") {
    for (const char* page :
         {"<!DOCTYPE html><html><body>Get your apikey</body></html>", "\n  <html><script>/__verify</script></html>"}) {
        const auto r = parse_prices_csv(page, "SPY");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Parse);
        CHECK(r.error().message == "not CSV: looks like HTML");
    }
}

TEST_CASE("broken rows are errors that name the line", "[ingest][unit][prices]") {
    const auto bad_date = parse_prices_csv("Date,Close\n2026-04-08,1\n04/09/2026,2\n2026-04-10,3\n", "X");
    REQUIRE_FALSE(bad_date);
    CHECK(bad_date.error().context == "X CSV line 3");
    CHECK(bad_date.error().message.find("04/09/2026") != std::string::npos);

    const auto short_row = parse_prices_csv("Date,Close,Volume\n2026-04-08,1\n2026-04-09,2,3\n", "X");
    REQUIRE_FALSE(short_row);
    CHECK(short_row.error().context == "X CSV line 2");

    const auto not_number = parse_prices_csv("Date,Close\n2026-04-08,abc\n", "X");
    REQUIRE_FALSE(not_number);
    CHECK(not_number.error().context == "X CSV line 2");

    const auto no_close = parse_prices_csv("Date,Open,High\n2026-04-08,1,2\n", "X");
    REQUIRE_FALSE(no_close);
    CHECK(no_close.error().message.find("Date and Close") != std::string::npos);
    CHECK_FALSE(parse_prices_csv("", "X"));
}

TEST_CASE("quoted dollar amounts and FRED's two-column files are read", "[ingest][unit][prices]") {
    const auto quoted = parse_prices_csv("Date,Close,Volume\n2026-04-08,\"$1,234.50\",\"12,345,678\"\n", "X");
    REQUIRE(quoted);
    CHECK((*quoted)[0].close == 1234.5);
    CHECK((*quoted)[0].volume == 12345678);

    const auto fred =
        parse_prices_csv("\xEF\xBB\xBFobservation_date,SP500\n2026-04-08,5000.1\n2026-04-09,.\n", "SP500");
    REQUIRE(fred);
    REQUIRE(fred->size() == 2);
    CHECK((*fred)[0].close == 5000.1);
    CHECK_FALSE((*fred)[1].close);
}

TEST_CASE("the koi-west daily price files parse whole", "[ingest][unit][prices]") {
    FW_REQUIRE_SHARED(shared);
    const auto folder = shared / "datasets/daily_prices_koi_west";
    const auto meta = parse_prices_csv(fw::test::read_file(folder / "META.csv"), "META");
    REQUIRE(meta);
    REQUIRE(meta->size() == 1313);
    CHECK(meta->front().date == day(2021, 1, 4));
    CHECK(meta->back().date == day(2026, 3, 26));
    CHECK(meta->back().close == 576.25);
    CHECK(meta->back().volume == 4706350);

    const auto msft = parse_prices_csv(fw::test::read_file(folder / "MSFT.csv"), "MSFT");
    REQUIRE(msft);
    REQUIRE(msft->size() == 1313);
    CHECK_FALSE(msft->back().close);  // the empty last row: no price, volume only
    CHECK(msft->back().volume == 6238632);
    CHECK((*msft)[msft->size() - 2].close == Approx(371.0400085449219));
}
