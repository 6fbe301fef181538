#pragma once
// The fields each event kind carries, declared once: extract/ writes them through the typed keys
// below, analysis/ reads them through the same keys, the JSON output completes the required ones
// with null (the contract: "present, null where unknown"), and the tests check every extracted
// event against the table. A misspelt key is a compile error instead of a field that reads as
// null.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.h"
#include "domain/fields.h"

namespace fw {

/// A field's name and the C++ type its value has: std::string, std::int64_t, double or bool.
template <typename T>
struct FieldKey {
    std::string_view name;
};

namespace field {
// model_release
inline constexpr FieldKey<std::string> openness{"openness"};
inline constexpr FieldKey<std::string> license{"license"};
inline constexpr FieldKey<std::string> tier{"tier"};
inline constexpr FieldKey<std::string> family{"family"};
inline constexpr FieldKey<std::string> stage{"stage"};  // also surface_rollout
// surface_rollout
inline constexpr FieldKey<std::string> surface{"surface"};
inline constexpr FieldKey<std::string> region{"region"};
/// A surface the taxonomy does not know: its category, given by hand.
inline constexpr FieldKey<std::string> category{"category"};
// weights_release, gating_change
inline constexpr FieldKey<std::string> repo{"repo"};
inline constexpr FieldKey<std::string> gated{"gated"};  // "false", "auto" or "manual", as the Hub says
inline constexpr FieldKey<std::string> sha{"sha"};
inline constexpr FieldKey<std::string> params_total{"params_total"};
inline constexpr FieldKey<std::string> base_models{"base_models"};
inline constexpr FieldKey<std::string> pipeline_tag{"pipeline_tag"};
// license_change (old/new are also gating_change's)
inline constexpr FieldKey<std::string> subject{"subject"};
inline constexpr FieldKey<std::string> old_value{"old"};
inline constexpr FieldKey<std::string> new_value{"new"};
inline constexpr FieldKey<std::string> diff{"diff"};
inline constexpr FieldKey<bool> more_restrictive{"more_restrictive"};
inline constexpr FieldKey<std::string> commit_sha{"commit_sha"};
// eval_report, third_party_eval
inline constexpr FieldKey<std::string> doc_type{"doc_type"};
inline constexpr FieldKey<std::string> arxiv_id{"arxiv_id"};
inline constexpr FieldKey<std::string> evaluator{"evaluator"};
// personnel_move
inline constexpr FieldKey<std::string> move{"move"};
inline constexpr FieldKey<std::string> org{"org"};
inline constexpr FieldKey<std::string> role{"role"};
inline constexpr FieldKey<std::string> name{"name"};
// earnings_release
inline constexpr FieldKey<std::string> accession{"accession"};
inline constexpr FieldKey<std::string> form_type{"form_type"};
inline constexpr FieldKey<std::string> items{"items"};
inline constexpr FieldKey<std::string> cik{"cik"};
// capex_guidance
inline constexpr FieldKey<std::string> company{"company"};
inline constexpr FieldKey<std::int64_t> fiscal_year{"fiscal_year"};
inline constexpr FieldKey<std::int64_t> low_usd{"low_usd"};
inline constexpr FieldKey<std::int64_t> high_usd{"high_usd"};
inline constexpr FieldKey<std::int64_t> prior_low_usd{"prior_low_usd"};
inline constexpr FieldKey<std::int64_t> prior_high_usd{"prior_high_usd"};
inline constexpr FieldKey<std::string> direction{"direction"};
// analyst_rating
inline constexpr FieldKey<std::string> firm{"firm"};
inline constexpr FieldKey<std::string> symbol{"symbol"};
inline constexpr FieldKey<std::string> action{"action"};
inline constexpr FieldKey<double> old_target{"old_target"};
inline constexpr FieldKey<double> new_target{"new_target"};
inline constexpr FieldKey<std::string> old_rating{"old_rating"};  ///< "Buy", "Neutral", as the text says
inline constexpr FieldKey<std::string> new_rating{"new_rating"};
}  // namespace field

/// Typed reads: the value when present and of the key's type (an integer reads as a double key).
std::optional<std::string> get(const Fields& fields, FieldKey<std::string> key);
std::optional<std::int64_t> get(const Fields& fields, FieldKey<std::int64_t> key);
std::optional<double> get(const Fields& fields, FieldKey<double> key);
std::optional<bool> get(const Fields& fields, FieldKey<bool> key);

/// Typed writes; an empty optional writes null, so the field is present either way.
void put(Fields& fields, FieldKey<std::string> key, std::string value);
void put(Fields& fields, FieldKey<std::int64_t> key, std::int64_t value);
void put(Fields& fields, FieldKey<double> key, double value);
void put(Fields& fields, FieldKey<bool> key, bool value);
template <typename T, typename V>
void put(Fields& fields, FieldKey<T> key, const std::optional<V>& value) {
    if (value) {
        put(fields, key, T(*value));
    } else {
        fields.set_null(std::string(key.name));
    }
}

/// Writes null: the field is present and unknown.
template <typename T>
void put_null(Fields& fields, FieldKey<T> key) {
    fields.set_null(std::string(key.name));
}

enum class FieldType { Text, Integer, Number, Boolean };
std::string_view to_string(FieldType type);

/// One declared field of a kind. Required fields are always present in output (null when
/// unknown); `valid`, when set, says which text values are allowed.
struct FieldSpec {
    std::string_view name;
    FieldType type = FieldType::Text;
    bool required = false;
    bool (*valid)(std::string_view) = nullptr;
    std::string_view values;  ///< the allowed values for messages, e.g. "joined|left|role_change"
};

/// The declared fields of a kind, required ones first.
std::span<const FieldSpec> fields_of(EventKind kind);
const FieldSpec* find_field(EventKind kind, std::string_view name);

/// What is wrong with an event's fields against its kind's declaration: an unknown name, a
/// value of the wrong type, a text outside the allowed values, a required field that is absent.
/// Empty when the fields conform. Each message names the kind and the field.
std::vector<std::string> check_fields(EventKind kind, const Fields& fields);

/// Adds null for every required field that is absent (output and storage keep the contract's
/// "present, null where unknown").
void complete_fields(EventKind kind, Fields& fields);

}  // namespace fw
