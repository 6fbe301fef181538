#pragma once
// Hugging Face Hub model metadata (/api/models?author=... listing, a JSON array, or one
// /api/models/{id} object) as feed entries, one per repository.

#include <string_view>

#include "domain/feed.h"
#include "domain/result.h"

namespace fw::ingest {

/// FeedFormat::HfJson entries: id and title = repo id, link = https://huggingface.co/<id>,
/// published = createdAt, updated = lastModified, authors = [author], categories = tags.
/// `extra` always holds exactly these keys ("" when unknown): repo, author, created_at,
/// last_modified (RFC 3339), gated ("false"|"auto"|"manual"), private ("true"|"false"),
/// license (cardData.license, else a license:* tag), license_name, license_link, sha,
/// params_total (safetensors.total), base_models (comma-joined: baseModels, else base_model:*
/// tags, else cardData.base_model), pipeline_tag, downloads, likes, arxiv (comma-joined
/// arxiv:* tags). Odd dates (unparseable, the 2022-03-02 Hub migration stamp, lastModified
/// before createdAt) become warnings. Not JSON, an HTML page or an API error object:
/// Error{Parse} naming `source_url`.
Result<ParsedFeed> parse_hf_models(std::string_view json, std::string_view source_url);

}  // namespace fw::ingest
