#pragma once
// Small builders for analysis tests: events, taxonomies and price series in one line each.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "domain/event.h"
#include "domain/price.h"
#include "domain/taxonomy.h"
#include "domain/time.h"

namespace fw::test {

inline TimePoint date(const std::string& ymd) {
    auto t = parse_iso8601(ymd);
    return t ? *t : TimePoint{};
}

class EventBuilder {
public:
    EventBuilder(std::int64_t id, EventKind kind, const std::string& at) {
        e_.id = id;
        e_.kind = kind;
        e_.occurred_at = date(at);
        e_.detected_at = e_.occurred_at;
        e_.title = "event " + std::to_string(id);
    }
    EventBuilder& lab(std::string v) {
        e_.lab = std::move(v);
        return *this;
    }
    EventBuilder& model(std::string v) {
        e_.model = std::move(v);
        return *this;
    }
    EventBuilder& surface(std::string v) {
        e_.surface = std::move(v);
        return *this;
    }
    EventBuilder& person(std::string v) {
        e_.person = std::move(v);
        return *this;
    }
    EventBuilder& title(std::string v) {
        e_.title = std::move(v);
        return *this;
    }
    EventBuilder& set(std::string key, FieldValue v) {
        e_.fields.set(std::move(key), std::move(v));
        return *this;
    }
    EventBuilder& text(std::string key, std::string v) {
        e_.fields.set(std::move(key), std::move(v));
        return *this;
    }
    EventBuilder& rejected() {
        e_.review = Review::Rejected;
        return *this;
    }
    operator Event() const { return e_; }  // NOLINT: builder converts implicitly by design

private:
    Event e_;
};

inline EventBuilder ev(std::int64_t id, EventKind kind, const std::string& at) {
    return {id, kind, at};
}

inline Surface surface(std::string slug, SurfaceCategory c, std::string owner = "meta") {
    Surface s;
    s.slug = std::move(slug);
    s.name = s.slug;
    s.owner = std::move(owner);
    s.category = c;
    return s;
}

inline ModelInfo model_info(std::string slug, std::string lab, std::string family, Tier tier,
                            Openness openness = Openness::Unknown) {
    ModelInfo m;
    m.slug = std::move(slug);
    m.name = m.slug;
    m.lab = std::move(lab);
    m.family = std::move(family);
    m.tier = tier;
    m.openness = openness;
    return m;
}

inline License license(std::string id, std::string cls) {
    License l;
    l.id = std::move(id);
    l.name = l.id;
    l.license_class = std::move(cls);
    return l;
}

/// Daily bars on consecutive weekdays starting at `first`, one per price.
inline std::vector<PriceBar> bars(const std::string& symbol, const std::string& first,
                                  const std::vector<double>& closes) {
    std::vector<PriceBar> out;
    Day d = day_of(date(first));
    for (double c : closes) {
        while (std::chrono::weekday{d} == std::chrono::Saturday || std::chrono::weekday{d} == std::chrono::Sunday) {
            d += std::chrono::days{1};
        }
        PriceBar b;
        b.symbol = symbol;
        b.date = d;
        b.close = c;
        out.push_back(b);
        d += std::chrono::days{1};
    }
    return out;
}

}  // namespace fw::test
