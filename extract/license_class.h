#pragma once
// Licence classification: openness from a licence's class, "more restrictive" from its flags, and
// licence ids from free text (HF ids, "Apache 2.0", "Llama 3.1 Community License").

#include <optional>
#include <string>
#include <string_view>

#include "domain/taxonomy.h"
#include "extract/rules.h"

namespace fw::extract {

/// permissive/copyleft -> open_weights_permissive, open_restricted -> open_weights_restricted,
/// noncommercial -> open_weights_noncommercial, proprietary -> api (closed models are served by
/// API far more often than by a product alone), anything else or null -> unknown.
Openness openness_from_license(const License* license);

/// true when `now` restricts more than `old` on at least one flag (commercial_use yes <
/// conditional < no; a smaller mau_cap; aup_required) and on none less; false when nothing
/// got stricter; nullopt when the flags moved both ways or commercial_use is not known.
std::optional<bool> more_restrictive(const License& old, const License& now);

/// The licence id a text names, or nullopt: first the taxonomy (id, hf_ids, name, whole text),
/// then the rules' "license_aliases" phrases ({"pattern": "apache 2.0", "value": "Apache-2.0"}).
std::optional<std::string> license_id_from_text(std::string_view text, const Taxonomy& taxonomy, const Rules& rules);

/// Hugging Face cardData: `license` ("llama3.1", "other"), plus `license_name` for "other".
/// Unmapped "other" names become "LicenseRef-<name>"; nothing at all gives nullopt.
std::optional<std::string> license_id_from_hf(std::string_view license, std::string_view license_name,
                                              const Taxonomy& taxonomy, const Rules& rules);

}  // namespace fw::extract
