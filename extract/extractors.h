#pragma once
// Internal to extract/: one function per family of event kinds. Each appends to `out`; none
// reads a clock or does I/O. `item_models` are the model slugs a release in this item named (the
// subject of rollouts and eval documents in the same item).

#include <string>
#include <vector>

#include "extract/context.h"
#include "extract/extractor.h"

namespace fw::extract {

/// model_release from release cues ("Introducing X", "X is now available").
void extract_releases(const Context& ctx, ExtractOutput& out, std::vector<std::string>& item_models);
/// surface_rollout: a model, a product surface and a rollout verb.
void extract_rollouts(const Context& ctx, const std::vector<std::string>& item_models, ExtractOutput& out);
/// model_release of a name met for the first time in this item on its own lab's feed, told only
/// as arriving somewhere ("gpt-5.5-mini & gpt-5.5-nano now in the API"): a lab's new model
/// arriving on its own feed is launched there. Run after extract_rollouts.
void launches_of_new_arrivals(const Context& ctx, ExtractOutput& out);
/// eval_report (first-party documents, arXiv papers) and third_party_eval.
void extract_evals(const Context& ctx, const std::vector<std::string>& item_models, ExtractOutput& out);
/// personnel_move from "X joins Y as Z", "Y appoints X", "X steps down".
void extract_people(const Context& ctx, ExtractOutput& out);
/// capex_guidance and analyst_rating from press-release and news text.
void extract_market(const Context& ctx, ExtractOutput& out);
/// earnings_release and 8-K item 5.02 personnel moves from EDGAR filings.
void extract_filing(const Context& ctx, ExtractOutput& out);
/// weights_release, license_change, gating_change from Hugging Face repo records.
void extract_hf_repo(const Context& ctx, ExtractOutput& out);
/// weights_release from a release tag; license_change from a LICENSE commit.
void extract_github(const Context& ctx, ExtractOutput& out);
/// license_change from a watched licence/terms page whose text changed; returns the added lines.
std::string extract_page_change(const Context& ctx, ExtractOutput& out);
/// license_change stated in a headline ("X switches Y's licence from A to B", "Y license update").
void extract_license_statements(const Context& ctx, ExtractOutput& out);
/// A headline stating a licence change: it speaks of a licence, not of a release.
bool license_change_headline(const Context& ctx);
/// weights_release from a text that links a Hugging Face repo and says weights are out.
void extract_weights_mentions(const Context& ctx, ExtractOutput& out);
/// Whether the item's text links a Hugging Face model repo: a release's own words then leave its
/// weights to the repo ("huggingface.co/Qwen", an organisation's page, is no repo).
bool repo_linked_in_text(const Context& ctx);

/// The model slug named by an HF repo id ("meta-llama/Llama-4-Scout-17B-16E-Instruct" ->
/// llama-4-scout), known or new (then `discovered` is set).
struct RepoModel {
    std::string slug;
    std::optional<ModelInfo> discovered;
};
RepoModel model_of_repo(const Context& ctx, std::string_view repo);

}  // namespace fw::extract
