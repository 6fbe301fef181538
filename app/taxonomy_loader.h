#pragma once
// Loads the taxonomy (data/labs.json, models.json, surfaces.json, people.json, licenses.json)
// from a list of folders. The format of each file is documented in data/README.md.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/taxonomy.h"

namespace fw::app {

/// One of the taxonomy files of a data folder.
enum class TaxonomyFile { Labs, Models, Surfaces, People, Licenses };

/// "labs.json", "models.json", ...
std::string_view file_name(TaxonomyFile file);

/// Every taxonomy file, in load order.
const std::vector<TaxonomyFile>& all_taxonomy_files();

/// Parses the text of one taxonomy file: either `{"<section>": [ ... ]}` or a bare array of
/// entries. Only that file's section of the result is filled. `origin` (usually the path) names
/// the file in errors: Error{Config} with "line L, column C" for malformed JSON, the entry's
/// slug/id for a bad field or an unknown enum value, and duplicates within the file.
/// Comments (// and /* */) are allowed, as the files are edited by hand.
Result<Taxonomy> parse_taxonomy_text(TaxonomyFile file, std::string_view text, const std::string& origin);

/// Adds overlay's entries to base: an entry with the same slug (licences: the same id, case
/// insensitively) replaces the earlier one in place, a new one is appended.
void merge_taxonomy(Taxonomy& base, const Taxonomy& overlay);

/// Reads the taxonomy files of each folder in order; a later folder overrides entries of an
/// earlier one by slug/id and adds new ones (the bundled data, then --data or the user's
/// ~/.config/frontierwatch). A file missing from one folder is fine, but each file must exist
/// in at least one of them; a folder that does not exist is skipped unless it is the only one.
Result<Taxonomy> load_taxonomy(const std::vector<std::filesystem::path>& dirs);

/// Cross-reference problems, one sentence each (empty when consistent): a model whose lab,
/// licence or derived_from is unknown, a surface or person whose owner/org is not a lab.
/// Not an error when loading: a user's override may be deliberately partial.
std::vector<std::string> check_taxonomy(const Taxonomy& taxonomy);

}  // namespace fw::app
