#include "extract/extractors.h"

#include <algorithm>

#include "domain/slug.h"
#include "extract/confidence.h"
#include "extract/license_class.h"
#include "extract/model_names.h"
#include "extract/text_diff.h"
#include "domain/event_schema.h"

namespace fw::extract {
namespace {

std::string extra_of(const Item& item, const std::string& key) {
    auto it = item.entry.extra.find(key);
    return it == item.entry.extra.end() ? std::string() : it->second;
}

std::optional<std::string> hf_license(const Context& ctx, const Item& item) {
    return license_id_from_hf(extra_of(item, "license"), extra_of(item, "license_name"), ctx.taxonomy, ctx.rules);
}

std::string license_block(const Item& item) {
    return "license: " + extra_of(item, "license") + "\nlicense_name: " + extra_of(item, "license_name") +
           "\nlicense_link: " + extra_of(item, "license_link") + "\n";
}

/// The lab publishing an HF repo: the source's, else the lab listing the repo's author.
std::optional<std::string> repo_lab(const Context& ctx, std::string_view repo) {
    if (ctx.source.lab) {
        return ctx.source.lab;
    }
    const auto author = std::string(repo.substr(0, repo.find('/')));
    for (const auto& lab : ctx.taxonomy.labs) {
        if (std::find(lab.hf_authors.begin(), lab.hf_authors.end(), author) != lab.hf_authors.end() ||
            std::find(lab.github_orgs.begin(), lab.github_orgs.end(), author) != lab.github_orgs.end()) {
            return lab.slug;
        }
    }
    return std::nullopt;
}

std::optional<bool> restrictiveness(const Context& ctx, const std::optional<std::string>& old_id,
                                    const std::optional<std::string>& new_id) {
    const License* a = old_id ? ctx.taxonomy.find_license(*old_id) : nullptr;
    const License* b = new_id ? ctx.taxonomy.find_license(*new_id) : nullptr;
    if (a == nullptr || b == nullptr) {
        return std::nullopt;
    }
    return more_restrictive(*a, *b);
}

Event license_event(const Context& ctx, const std::string& subject, const std::optional<std::string>& old_id,
                    const std::optional<std::string>& new_id, const std::string& new_key, double confidence) {
    auto ev = make_event(ctx, EventKind::LicenseChange, "license_change|" + subject + "|" + new_key, confidence);
    put(ev.fields, field::subject, subject);
    put(ev.fields, field::old_value, old_id);
    put(ev.fields, field::new_value, new_id);
    put(ev.fields, field::more_restrictive, restrictiveness(ctx, old_id, new_id));
    return ev;
}

/// "huggingface.co/<org>/<name>" in a text, or empty.
std::string hf_repo_in(std::string_view text) {
    auto at = text.find("huggingface.co/");
    while (at != std::string_view::npos) {
        auto rest = text.substr(at + 15);
        auto end = rest.find_first_of(" \n\t\"'<>)?#,");
        auto path = rest.substr(0, end);
        auto slash = path.find('/');
        // The Hub's own pages ("huggingface.co/collections/google/gemma-4", "/papers/2501.1234")
        // are no model repos.
        static const std::vector<std::string_view> pages = {
            "datasets", "spaces", "blog",  "collections", "papers",  "docs", "learn", "organizations",
            "models",   "tasks",  "posts", "settings",    "pricing", "join", "login", "enterprise"};
        if (slash != std::string_view::npos && slash > 0 &&
            std::find(pages.begin(), pages.end(), path.substr(0, slash)) == pages.end()) {
            auto second = path.find('/', slash + 1);
            auto repo = path.substr(0, second);
            if (repo.size() > slash + 1) {
                return std::string(repo);
            }
        }
        at = text.find("huggingface.co/", at + 15);
    }
    return {};
}

/// "v1.0.1", "2.3.4" (a third version part that is not zero); the tag may lead a title ("v1.0.1: ...").
bool patch_tag(std::string_view tag) {
    auto t = tokenize(tag.substr(0, tag.find_first_of(": ")));
    if (t.size() != 1) {
        return false;
    }
    std::string_view v = t.front().norm;
    v.remove_prefix(v.starts_with('v') ? 1 : 0);
    const auto first = v.find('.');
    const auto second = first == std::string_view::npos ? first : v.find('.', first + 1);
    if (second == std::string_view::npos || v.find('.', second + 1) != std::string_view::npos) {
        return false;
    }
    const auto patch = v.substr(second + 1);
    return !patch.empty() && patch.find_first_not_of('0') != std::string_view::npos &&
           patch.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

RepoModel model_of_repo(const Context& ctx, std::string_view repo) {
    auto name = std::string(repo.substr(repo.find('/') == std::string_view::npos ? 0 : repo.find('/') + 1));
    std::replace_if(
        name.begin(), name.end(), [](char c) { return c == '-' || c == '_'; }, ' ');
    // Trailing sizes and variants ("17B 16E Instruct") name a checkpoint, not the model.
    auto tokens = tokenize(name);
    std::size_t keep = tokens.size();
    auto variant = [&](const std::string& t) {
        const auto& v = ctx.rules.list("variant_words");
        return std::any_of(v.begin(), v.end(), [&](const Cue& c) { return c.pattern == t && c.value == "checkpoint"; });
    };
    auto size_like = [](const std::string& t) {
        return t.size() >= 2 && std::isdigit(static_cast<unsigned char>(t.front())) != 0 &&
               std::string_view("bmek").find(t.back()) != std::string_view::npos;
    };
    while (keep > 1 &&
           (variant(tokens[keep - 1].norm) || size_like(tokens[keep - 1].norm) || date_stamp(tokens[keep - 1].norm))) {
        --keep;
    }
    const auto stem = trim(std::string_view(name).substr(0, tokens[keep - 1].end));
    auto known = ctx.matcher.find(stem, EntityKind::Model);
    if (known.size() == 1 && known[0].begin == 0 && known[0].end == stem.size()) {
        return {known[0].slug, std::nullopt};
    }
    auto model = make_model(stem, ctx.lab.value_or(""), ctx);
    if (ctx.taxonomy.find_model(model.slug) != nullptr) {
        return {model.slug, std::nullopt};
    }
    auto slug = model.slug;
    return {slug, std::move(model)};
}

void extract_hf_repo(const Context& ctx, ExtractOutput& out) {
    const auto repo = extra_of(ctx.item, "repo").empty() ? ctx.item.entry.id : extra_of(ctx.item, "repo");
    const auto lab = repo_lab(ctx, repo);
    if (repo.empty() || extra_of(ctx.item, "private") == "true") {
        return;  // nothing public
    }
    if (!lab) {
        // A watched author that is no tracked lab: its new public repo is weights all the same,
        // but whose model and which lab it speaks for is the reviewer's to say. A finding below
        // kConfidentEvent, so it reaches the candidate queue, never the events.
        if (ctx.previous == nullptr) {
            auto ev = make_event(ctx, EventKind::WeightsRelease, "weights_release|hf:" + repo, kConfidentEvent / 2);
            ev.cue = "hf repo of an untracked author";
            ev.model = slugify(repo.substr(repo.find('/') + 1));
            ev.title = repo;
            out.events.push_back(std::move(ev));
        }
        return;
    }
    Context lab_ctx = ctx;
    lab_ctx.lab = lab;
    auto model = model_of_repo(lab_ctx, repo);
    const auto license = hf_license(ctx, ctx.item);
    const auto gated = extra_of(ctx.item, "gated").empty() ? std::string("false") : extra_of(ctx.item, "gated");
    auto finish = [&](Event ev) {
        ev.lab = lab;
        ev.model = model.slug;
        ev.title = repo;
        out.events.push_back(std::move(ev));
    };
    if (ctx.previous == nullptr) {
        if (model.discovered) {
            out.discovered_models.push_back(*model.discovered);
        }
        auto ev = make_event(lab_ctx, EventKind::WeightsRelease, "weights_release|hf:" + repo, 0.95);
        put(ev.fields, field::repo, repo);
        put(ev.fields, field::license, license);
        put(ev.fields, field::gated, gated);
        for (const auto key : {field::sha, field::params_total, field::base_models, field::pipeline_tag}) {
            if (auto v = extra_of(ctx.item, std::string(key.name)); !v.empty()) {
                put(ev.fields, key, v);
            }
        }
        finish(std::move(ev));
        return;
    }
    const auto old_license = hf_license(ctx, *ctx.previous);
    if (old_license != license) {
        auto ev = license_event(lab_ctx, "hf:" + repo, old_license, license, license.value_or("none"), 0.95);
        put(ev.fields, field::diff,
            unified_diff(license_block(*ctx.previous), license_block(ctx.item), "sha " + extra_of(*ctx.previous, "sha"),
                         "sha " + extra_of(ctx.item, "sha")));
        finish(std::move(ev));
    }
    auto old_gated = extra_of(*ctx.previous, "gated").empty() ? std::string("false") : extra_of(*ctx.previous, "gated");
    if (old_gated != gated) {
        auto ev = make_event(lab_ctx, EventKind::GatingChange, "gating_change|hf:" + repo + "|" + gated, 0.95);
        put(ev.fields, field::repo, repo);
        put(ev.fields, field::old_value, old_gated);
        put(ev.fields, field::new_value, gated);
        finish(std::move(ev));
    }
}

void extract_github(const Context& ctx, ExtractOutput& out) {
    const auto repo = extra_of(ctx.item, "repo");
    if (ctx.source.kind == SourceKind::GithubCommits) {
        auto path = extra_of(ctx.item, "path");
        const bool license_file =
            ifind(path, "licen").has_value() || (path.empty() && ifind(ctx.item.entry.title, "licen").has_value());
        if (!license_file || repo.empty()) {
            return;
        }
        const auto subject = "gh:" + repo + (path.empty() || path == "LICENSE" ? "" : "/" + path);
        const auto new_id = license_id_from_text(ctx.text, ctx.taxonomy, ctx.rules);
        const auto sha = extra_of(ctx.item, "commit_sha");
        auto ev = license_event(ctx, subject, std::nullopt, new_id, new_id.value_or("commit:" + sha.substr(0, 12)),
                                new_id ? 0.8 : 0.6);
        put_null(ev.fields, field::diff);
        if (!sha.empty()) {
            put(ev.fields, field::commit_sha, sha);
        }
        out.events.push_back(std::move(ev));
        return;
    }
    const auto lab = repo.empty() ? ctx.lab : repo_lab(ctx, repo);
    const auto hf = hf_repo_in(ctx.item.entry.content + " " + ctx.item.entry.summary + " " + ctx.text);
    if (!lab || (hf.empty() && strongest_cue(ctx, "weights_cues") <= 0)) {
        return;
    }
    const auto tag = extra_of(ctx.item, "tag");
    if (hf.empty() && patch_tag(tag.empty() ? ctx.item.entry.title : tag)) {
        return;  // "v1.0.1" republishes the weights of v1.0 (a fix, a relicence), not new weights
    }
    Context lab_ctx = ctx;
    lab_ctx.lab = lab;
    // A release tag belongs to the repository: its model is the repository's (or the linked
    // Hugging Face repo's), never one named after the version.
    auto model = model_of_repo(lab_ctx, hf.empty() ? repo : hf);
    if (model.discovered) {
        out.discovered_models.push_back(*model.discovered);
    }
    auto ev = make_event(ctx, EventKind::WeightsRelease,
                         hf.empty() ? "weights_release|gh:" + repo + "@" + tag : "weights_release|hf:" + hf,
                         hf.empty() ? 0.6 : 0.75);
    ev.lab = lab;
    ev.model = model.slug;
    put(ev.fields, field::repo, hf.empty() ? "gh:" + repo + "@" + tag : hf);
    put_null(ev.fields, field::license);
    put_null(ev.fields, field::gated);
    out.events.push_back(std::move(ev));
}

bool repo_linked_in_text(const Context& ctx) {
    return !hf_repo_in(ctx.text).empty();
}

namespace {

/// The Hub's own feed (its links are huggingface.co's) titling an item by a model repo's id
/// ("zai-org/GLM-5 🔥 #1 trending", "deepseek-ai/DeepSeek-V4"): on the Hub a repo is weights.
/// The id, or empty.
std::string hub_headline_repo(const Context& ctx) {
    const auto& link = ctx.item.entry.link;
    if (link.find("://huggingface.co/") == std::string::npos &&
        link.find("://www.huggingface.co/") == std::string::npos) {
        return {};
    }
    if (link.find("huggingface.co/datasets/") != std::string::npos ||
        link.find("huggingface.co/spaces/") != std::string::npos) {
        return {};  // a dataset's or a Space's id reads like a model's; the link says which it is
    }
    const auto title = trim(std::string_view(ctx.item.entry.title));
    const auto id = title.substr(0, title.find(' '));
    const auto slash = id.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == id.size() ||
        id.find('/', slash + 1) != std::string_view::npos || !std::all_of(id.begin(), id.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '/' || c == '-' || c == '_' || c == '.';
        })) {
        return {};
    }
    return std::string(id);
}

}  // namespace

void extract_weights_mentions(const Context& ctx, ExtractOutput& out) {
    auto repo = hf_repo_in(ctx.item.entry.content + " " + ctx.item.entry.summary + " " + ctx.text);
    const bool said = !repo.empty() && strongest_cue(ctx, "weights_cues") > 0;
    if (!said) {
        repo = hub_headline_repo(ctx);
    }
    if (repo.empty() || !repo_lab(ctx, repo)) {
        return;
    }
    Context lab_ctx = ctx;
    lab_ctx.lab = repo_lab(ctx, repo);
    auto model = model_of_repo(lab_ctx, repo);
    if (const auto* info = said ? nullptr : ctx.taxonomy.find_model(model.slug);
        info != nullptr && info->released && days_between(*info->released, item_time(ctx)) > 30) {
        return;  // an old model's repo trending again: no new weights
    }
    auto ev = make_event(lab_ctx, EventKind::WeightsRelease, "weights_release|hf:" + repo, 0.7);
    ev.model = model.slug;
    put(ev.fields, field::repo, repo);
    put(ev.fields, field::license, license_id_from_text(ctx.text, ctx.taxonomy, ctx.rules));
    put_null(ev.fields, field::gated);
    out.events.push_back(std::move(ev));
}

std::string extract_page_change(const Context& ctx, ExtractOutput& out) {
    if (ctx.previous == nullptr || ctx.previous->entry.content_text == ctx.item.entry.content_text) {
        return {};
    }
    const auto& before = ctx.previous->entry.content_text;
    const auto& after = ctx.item.entry.content_text;
    const auto diff = unified_diff(before, after, "before", "after");
    std::string added;
    std::size_t start = 0;
    while (start < diff.size()) {
        auto nl = diff.find('\n', start);
        auto line = std::string_view(diff).substr(start, nl - start);
        if (line.size() > 1 && line[0] == '+' && line.rfind("+++", 0) != 0) {
            added += std::string(line.substr(1)) + "\n";
        }
        start = nl == std::string::npos ? diff.size() : nl + 1;
    }
    Context about = ctx;
    about.tokens = tokenize(ctx.item.entry.title + " " + url_path_words(ctx.item.entry.link) + " " + ctx.source.name);
    if (strongest_cue(about, "license_page_words") > 0) {
        const auto old_id = license_id_from_text(before, ctx.taxonomy, ctx.rules);
        const auto new_id = license_id_from_text(after, ctx.taxonomy, ctx.rules);
        const auto subject = "page:" + ctx.item.entry.link;
        auto key = new_id && new_id != old_id ? *new_id : "sha:" + ctx.item.content_hash.substr(0, 12);
        // 0.85: a page has no date of its own, which costs a fifth (make_event); the change itself
        // is certain (two stored versions differ) and must stay a confident event.
        auto ev = license_event(ctx, subject, old_id, new_id, key, 0.85);
        // Two different licences are compared by their flags; the same licence text (or none
        // named) changed in its terms is judged from the sentences that changed.
        if (!(old_id && new_id && old_id != new_id)) {
            put(ev.fields, field::more_restrictive, text_more_restrictive(before, after));
        }
        put(ev.fields, field::diff, diff);
        out.events.push_back(std::move(ev));
    }
    return added;
}

}  // namespace fw::extract
