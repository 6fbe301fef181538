#include "analysis/common.h"

#include <algorithm>
#include <chrono>

#include "domain/slug.h"
#include "domain/event_schema.h"

namespace fw::analysis {

EventRefs usable_events(std::span<const Event> events, TimePoint as_of) {
    EventRefs out;
    const Day last_day = day_of(as_of);
    for (const Event& e : events) {
        if (e.review != Review::Rejected && day_of(e.occurred_at) <= last_day) {
            out.push_back(&e);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Event* a, const Event* b) {
        return a->occurred_at != b->occurred_at ? a->occurred_at < b->occurred_at : a->id < b->id;
    });
    return out;
}

EventRefs of_kind(const EventRefs& events, EventKind kind) {
    EventRefs out;
    for (const Event* e : events) {
        if (e->kind == kind) {
            out.push_back(e);
        }
    }
    return out;
}

std::string lab_of(const Event& e, const Taxonomy& taxonomy) {
    if (e.lab && !e.lab->empty()) {
        return *e.lab;
    }
    if (e.model) {
        if (const ModelInfo* m = taxonomy.find_model(*e.model)) {
            return m->lab;
        }
    }
    return {};
}

std::string family_of(std::string_view model, const Taxonomy& taxonomy, const Event* e) {
    if (const ModelInfo* m = taxonomy.find_model(model); m != nullptr && !m->family.empty()) {
        return m->family;
    }
    if (e != nullptr) {
        if (auto f = get(e->fields, field::family); f && !f->empty()) {
            return *f;
        }
    }
    return std::string(model);
}

bool in_family(std::string_view model, std::string_view family_or_model, const Taxonomy& taxonomy) {
    if (model == family_or_model) {
        return true;
    }
    if (model.size() > family_or_model.size() && model.starts_with(family_or_model) &&
        model[family_or_model.size()] == '-') {
        return true;
    }
    const ModelInfo* m = taxonomy.find_model(model);
    if (m == nullptr) {
        return false;
    }
    if (m->family == family_or_model) {
        return true;
    }
    if (m->derived_from && *m->derived_from == family_or_model) {
        return true;
    }
    const ModelInfo* target = taxonomy.find_model(family_or_model);
    return target != nullptr && !target->family.empty() && target->family == m->family;
}

std::optional<std::string> surface_category_of(const Event& e, const Taxonomy& taxonomy) {
    if (e.surface) {
        if (const Surface* s = taxonomy.find_surface(*e.surface)) {
            return std::string(to_string(s->category));
        }
    }
    if (auto c = get(e.fields, field::category)) {
        if (surface_category_from_string(*c)) {
            return *c;
        }
    }
    return std::nullopt;
}

namespace {

Openness openness_from_license(const std::string& license, const Taxonomy& taxonomy) {
    std::optional<int> rank = license_rank(license, taxonomy);
    if (!rank) {
        return Openness::OpenWeightsRestricted;
    }
    if (*rank <= 1) {
        return Openness::OpenWeightsPermissive;
    }
    return *rank == 3 ? Openness::OpenWeightsNoncommercial : Openness::OpenWeightsRestricted;
}

}  // namespace

Openness openness_of(const Event& e, const Taxonomy& taxonomy) {
    if (auto text = get(e.fields, field::openness)) {
        if (auto o = openness_from_string(*text)) {
            return *o;
        }
    }
    if (e.kind == EventKind::WeightsRelease) {
        return openness_from_license(license_of(e, taxonomy), taxonomy);
    }
    if (e.model) {
        if (const ModelInfo* m = taxonomy.find_model(*e.model)) {
            return m->openness;
        }
    }
    return Openness::Unknown;
}

std::string license_of(const Event& e, const Taxonomy& taxonomy) {
    if (auto text = get(e.fields, field::license); text && !text->empty()) {
        return *text;
    }
    if (e.model) {
        if (const ModelInfo* m = taxonomy.find_model(*e.model)) {
            return m->license;
        }
    }
    return {};
}

Tier tier_of(const Event& e, const Taxonomy& taxonomy) {
    if (auto text = get(e.fields, field::tier)) {
        if (auto t = tier_from_string(*text)) {
            return *t;
        }
    }
    if (e.model) {
        if (const ModelInfo* m = taxonomy.find_model(*e.model)) {
            return m->tier;
        }
    }
    return Tier::Unknown;
}

namespace {

std::optional<int> rank_of_class(std::string_view cls) {
    if (cls == "permissive")
        return 0;
    if (cls == "copyleft")
        return 1;
    if (cls == "open_restricted")
        return 2;
    if (cls == "noncommercial")
        return 3;
    if (cls == "proprietary")
        return 4;
    return std::nullopt;
}

// Licences missing from the taxonomy: judge by the SPDX id alone, and only when it is clear.
std::optional<int> rank_of_spdx_shape(std::string_view id) {
    const std::string lower = to_lower_ascii(id);
    if (lower.find("-nc") != std::string::npos || lower.find("noncommercial") != std::string::npos) {
        return 3;
    }
    if (lower.find("proprietary") != std::string::npos)
        return 4;
    if (lower == "mit" || lower.starts_with("apache-") || lower.starts_with("bsd-") || lower == "cc-by-4.0" ||
        lower == "cc0-1.0") {
        return 0;
    }
    if (lower.starts_with("gpl") || lower.starts_with("agpl") || lower.starts_with("lgpl")) {
        return 1;
    }
    return std::nullopt;
}

}  // namespace

std::optional<int> license_rank(std::string_view license_id, const Taxonomy& taxonomy) {
    if (license_id.empty()) {
        return std::nullopt;
    }
    if (const License* l = taxonomy.find_license(license_id)) {
        if (auto r = rank_of_class(l->license_class)) {
            return r;
        }
    }
    return rank_of_spdx_shape(license_id);
}

std::optional<double> median(std::vector<double> values) {
    if (values.empty()) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

TimePoint add_months(TimePoint t, int months) {
    using namespace std::chrono;
    const Day d = day_of(t);
    const year_month_day ymd{d};
    const year_month ym = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
    const year_month_day_last last{ym.year(), month_day_last{ym.month()}};
    const day dd = std::min(ymd.day(), last.day());
    return sys_days{ym.year() / ym.month() / dd} + (t - d);
}

std::string quarter_of(TimePoint t) {
    const std::chrono::year_month_day ymd{day_of(t)};
    const unsigned q = (static_cast<unsigned>(ymd.month()) - 1) / 3 + 1;
    return std::to_string(static_cast<int>(ymd.year())) + "Q" + std::to_string(q);
}

}  // namespace fw::analysis
