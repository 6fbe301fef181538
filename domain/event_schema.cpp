#include "domain/event_schema.h"

#include <array>

#include "domain/taxonomy.h"

namespace fw {
namespace {

bool valid_openness(std::string_view v) {
    return openness_from_string(v).has_value();
}
bool valid_tier(std::string_view v) {
    return tier_from_string(v).has_value();
}
bool valid_category(std::string_view v) {
    return surface_category_from_string(v).has_value();
}
bool valid_move(std::string_view v) {
    return v == "joined" || v == "left" || v == "role_change";
}
bool valid_direction(std::string_view v) {
    return v == "initiated" || v == "raised" || v == "lowered" || v == "narrowed" || v == "reaffirmed";
}

template <typename T>
constexpr FieldType type_of() {
    if constexpr (std::is_same_v<T, std::int64_t>) {
        return FieldType::Integer;
    } else if constexpr (std::is_same_v<T, double>) {
        return FieldType::Number;
    } else if constexpr (std::is_same_v<T, bool>) {
        return FieldType::Boolean;
    } else {
        return FieldType::Text;
    }
}

// A spec from a typed key, so the table and the keys cannot disagree on a name or a type.
template <typename T>
constexpr FieldSpec required(FieldKey<T> key, bool (*valid)(std::string_view) = nullptr, std::string_view values = {}) {
    return FieldSpec{key.name, type_of<T>(), true, valid, values};
}
template <typename T>
constexpr FieldSpec optional(FieldKey<T> key) {
    return FieldSpec{key.name, type_of<T>(), false, nullptr, {}};
}

constexpr std::string_view kOpennessValues =
    "open_weights_permissive|open_weights_restricted|open_weights_noncommercial|api|hosted_product|"
    "limited_preview|unreleased|unknown";

// The contract's "kind-specific fields (at least)" are the required ones; the others are what
// the extractors add when the source gives them.
const std::array kModelRelease{required(field::openness, valid_openness, kOpennessValues), required(field::license),
                               required(field::tier, valid_tier, "flagship|mid|small|unknown"), optional(field::family),
                               optional(field::stage)};
const std::array kSurfaceRollout{optional(field::surface), optional(field::stage), optional(field::region),
                                 FieldSpec{field::category.name, FieldType::Text, false, valid_category,
                                           "monetizable|engagement|hardware|developer|enterprise"}};
// openness: how open the weights are, when a text says it in words (no repository to read).
const std::array kWeightsRelease{required(field::repo),         required(field::license),
                                 required(field::gated),        optional(field::sha),
                                 optional(field::params_total), optional(field::base_models),
                                 optional(field::pipeline_tag), optional(field::openness)};
const std::array kLicenseChange{required(field::subject),          required(field::old_value),
                                required(field::new_value),        required(field::diff),
                                optional(field::more_restrictive), optional(field::commit_sha)};
const std::array kGatingChange{required(field::repo), required(field::old_value), required(field::new_value)};
const std::array kEvalReport{required(field::doc_type), optional(field::arxiv_id)};
const std::array kThirdPartyEval{required(field::evaluator)};
// A move read from an 8-K also carries the filing's accession, form and items.
const std::array kPersonnelMove{required(field::move, valid_move, "joined|left|role_change"),
                                required(field::org),
                                required(field::role),
                                optional(field::name),
                                optional(field::accession),
                                optional(field::form_type),
                                optional(field::items)};
const std::array kEarningsRelease{required(field::accession), required(field::cik), optional(field::form_type),
                                  optional(field::items)};
const std::array kCapexGuidance{
    required(field::company),
    required(field::fiscal_year),
    required(field::low_usd),
    required(field::high_usd),
    required(field::prior_low_usd),
    required(field::prior_high_usd),
    required(field::direction, valid_direction, "initiated|raised|lowered|narrowed|reaffirmed")};
const std::array kAnalystRating{required(field::firm),       required(field::symbol),     required(field::action),
                                required(field::old_target), required(field::new_target), optional(field::old_rating),
                                optional(field::new_rating)};

bool has_type(const FieldValue& v, FieldType type) {
    switch (type) {
        case FieldType::Text:
            return std::holds_alternative<std::string>(v);
        case FieldType::Integer:
            return std::holds_alternative<std::int64_t>(v);
        case FieldType::Number:
            return std::holds_alternative<double>(v) || std::holds_alternative<std::int64_t>(v);
        case FieldType::Boolean:
            return std::holds_alternative<bool>(v);
    }
    return false;
}

}  // namespace

std::optional<std::string> get(const Fields& fields, FieldKey<std::string> key) {
    return fields.text(key.name);
}
std::optional<std::int64_t> get(const Fields& fields, FieldKey<std::int64_t> key) {
    return fields.integer(key.name);
}
std::optional<double> get(const Fields& fields, FieldKey<double> key) {
    return fields.number(key.name);
}
std::optional<bool> get(const Fields& fields, FieldKey<bool> key) {
    return fields.boolean(key.name);
}

void put(Fields& fields, FieldKey<std::string> key, std::string value) {
    fields.set(std::string(key.name), std::move(value));
}
void put(Fields& fields, FieldKey<std::int64_t> key, std::int64_t value) {
    fields.set(std::string(key.name), value);
}
void put(Fields& fields, FieldKey<double> key, double value) {
    fields.set(std::string(key.name), value);
}
void put(Fields& fields, FieldKey<bool> key, bool value) {
    fields.set(std::string(key.name), value);
}

std::string_view to_string(FieldType type) {
    switch (type) {
        case FieldType::Text:
            return "text";
        case FieldType::Integer:
            return "integer";
        case FieldType::Number:
            return "number";
        case FieldType::Boolean:
            return "boolean";
    }
    return "text";
}

std::span<const FieldSpec> fields_of(EventKind kind) {
    switch (kind) {
        case EventKind::ModelRelease:
            return kModelRelease;
        case EventKind::SurfaceRollout:
            return kSurfaceRollout;
        case EventKind::WeightsRelease:
            return kWeightsRelease;
        case EventKind::LicenseChange:
            return kLicenseChange;
        case EventKind::GatingChange:
            return kGatingChange;
        case EventKind::EvalReport:
            return kEvalReport;
        case EventKind::ThirdPartyEval:
            return kThirdPartyEval;
        case EventKind::PersonnelMove:
            return kPersonnelMove;
        case EventKind::EarningsRelease:
            return kEarningsRelease;
        case EventKind::CapexGuidance:
            return kCapexGuidance;
        case EventKind::AnalystRating:
            return kAnalystRating;
    }
    return {};
}

const FieldSpec* find_field(EventKind kind, std::string_view name) {
    for (const auto& spec : fields_of(kind)) {
        if (spec.name == name) {
            return &spec;
        }
    }
    return nullptr;
}

std::vector<std::string> check_fields(EventKind kind, const Fields& fields) {
    std::vector<std::string> problems;
    const std::string prefix = std::string(to_string(kind)) + ": field '";
    for (const auto& [name, value] : fields) {
        const FieldSpec* spec = find_field(kind, name);
        if (spec == nullptr) {
            problems.push_back(prefix + name + "' is not a field of this kind");
            continue;
        }
        if (std::holds_alternative<std::monostate>(value)) {
            continue;  // null: unknown, allowed for every field
        }
        if (!has_type(value, spec->type)) {
            problems.push_back(prefix + name + "' must be " + std::string(to_string(spec->type)));
        } else if (spec->valid != nullptr && !spec->valid(std::get<std::string>(value))) {
            problems.push_back(prefix + name + "' must be one of " + std::string(spec->values) + ", not '" +
                               std::get<std::string>(value) + "'");
        }
    }
    for (const auto& spec : fields_of(kind)) {
        if (spec.required && !fields.contains(spec.name)) {
            problems.push_back(prefix + std::string(spec.name) + "' is required (null when unknown)");
        }
    }
    return problems;
}

void complete_fields(EventKind kind, Fields& fields) {
    for (const auto& spec : fields_of(kind)) {
        if (spec.required && !fields.contains(spec.name)) {
            fields.set_null(std::string(spec.name));
        }
    }
}

}  // namespace fw
