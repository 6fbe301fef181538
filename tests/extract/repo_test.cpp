#include "extract/extractor.h"

#include "extract_support.h"
#include "support/catch.h"

using fw::EventKind;
using fw::make_time;
using fw::test::make_extractor;
using fw::test::make_item;
using fw::test::of_kind;

namespace {

fw::Item hf_repo(std::string repo, std::string license, std::string gated, std::string sha) {
    auto item = make_item(repo, make_time(2025, 4, 5, 18, 0, 0), "", "https://huggingface.co/" + repo);
    item.entry.id = repo;
    item.entry.extra = {{"repo", repo},
                        {"author", repo.substr(0, repo.find('/'))},
                        {"license", std::move(license)},
                        {"gated", std::move(gated)},
                        {"sha", std::move(sha)},
                        {"private", "false"}};
    return item;
}

const fw::extract::SourceInfo hf{"hf-meta-llama", fw::SourceKind::HfAuthor, std::string("meta")};
}  // namespace

TEST_CASE("a new HF repo of a lab is a weights release of its model", "[extract][hf]") {
    auto ex = make_extractor();
    auto out = ex.extract(hf_repo("meta-llama/Llama-4-Scout-17B-16E-Instruct", "llama4", "manual", "abc"), nullptr, hf);
    auto weights = of_kind(out.events, EventKind::WeightsRelease);
    REQUIRE(weights.size() == 1);
    CHECK(weights[0].dedupe_key == "weights_release|hf:meta-llama/Llama-4-Scout-17B-16E-Instruct");
    CHECK(weights[0].model == "llama-4-scout");
    CHECK(weights[0].fields.text("license") == "LicenseRef-Llama-4-Community");
    CHECK(weights[0].fields.text("gated") == "manual");
    CHECK(weights[0].fields.text("repo") == "meta-llama/Llama-4-Scout-17B-16E-Instruct");
}

TEST_CASE("a repo of an author that is no tracked lab is no event but a weights candidate to review",
          "[extract][hf][candidates]") {
    auto ex = make_extractor();
    auto out = ex.extract(hf_repo("someone/finetune-7b", "mit", "false", "x"), nullptr,
                          fw::extract::SourceInfo{"hf-search", fw::SourceKind::HfAuthor, std::nullopt});
    CHECK(out.events.empty());
    REQUIRE(out.candidates.size() == 1);
    CHECK(out.candidates[0].suggested_kind == EventKind::WeightsRelease);
    CHECK(out.candidates[0].model == std::optional<std::string>("finetune-7b"));
    CHECK(!out.candidates[0].lab);
    SECTION("a later version of it is no new candidate") {
        auto before = hf_repo("someone/finetune-7b", "mit", "false", "x");
        auto again = ex.extract(hf_repo("someone/finetune-7b", "mit", "false", "y"), &before,
                                fw::extract::SourceInfo{"hf-search", fw::SourceKind::HfAuthor, std::nullopt});
        CHECK(again.events.empty());
        CHECK(again.candidates.empty());
    }
}

TEST_CASE("a licence change between versions carries old, new, a diff and restrictiveness", "[extract][hf]") {
    auto ex = make_extractor();
    auto before = hf_repo("meta-llama/Llama-3.1-8B", "apache-2.0", "false", "sha1");
    auto after = hf_repo("meta-llama/Llama-3.1-8B", "llama3.1", "false", "sha2");
    auto out = ex.extract(after, &before, hf);
    auto changes = of_kind(out.events, EventKind::LicenseChange);
    REQUIRE(changes.size() == 1);
    const auto& f = changes[0].fields;
    CHECK(f.text("subject") == "hf:meta-llama/Llama-3.1-8B");
    CHECK(f.text("old") == "Apache-2.0");
    CHECK(f.text("new") == "LicenseRef-Llama-3.1-Community");
    CHECK(f.boolean("more_restrictive") == true);
    CHECK(f.text("diff")->find("-license: apache-2.0") != std::string::npos);
    CHECK(f.text("diff")->find("+license: llama3.1") != std::string::npos);
    CHECK(changes[0].dedupe_key == "license_change|hf:meta-llama/Llama-3.1-8B|LicenseRef-Llama-3.1-Community");
    CHECK(of_kind(out.events, EventKind::WeightsRelease).empty());
}

TEST_CASE("a gating change between versions names the old and new gate", "[extract][hf]") {
    auto ex = make_extractor();
    auto before = hf_repo("meta-llama/Llama-3.1-8B", "llama3.1", "false", "s1");
    auto after = hf_repo("meta-llama/Llama-3.1-8B", "llama3.1", "manual", "s2");
    auto out = ex.extract(after, &before, hf);
    auto gates = of_kind(out.events, EventKind::GatingChange);
    REQUIRE(gates.size() == 1);
    CHECK(gates[0].fields.text("old") == "false");
    CHECK(gates[0].fields.text("new") == "manual");
    CHECK(gates[0].dedupe_key == "gating_change|hf:meta-llama/Llama-3.1-8B|manual");
    CHECK(of_kind(out.events, EventKind::LicenseChange).empty());
}

TEST_CASE("a blog post linking the HF repo gives the same weights key as the HF source", "[extract][dedupe]") {
    auto ex = make_extractor();
    auto from_hf = ex.extract(hf_repo("meta-llama/Llama-4-Scout-17B-16E", "llama4", "manual", "a"), nullptr, hf);
    auto post = make_item("Llama 4 Scout weights are out", make_time(2025, 4, 5),
                          "Download the weights at https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E today.");
    auto from_blog = ex.extract(post, nullptr, fw::test::feed_source());
    auto a = of_kind(from_hf.events, EventKind::WeightsRelease);
    auto b = of_kind(from_blog.events, EventKind::WeightsRelease);
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].dedupe_key == b[0].dedupe_key);
}

TEST_CASE("a LICENSE commit is a licence change of the repository", "[extract][github]") {
    auto ex = make_extractor();
    auto item = make_item("Switch model license to Apache 2.0", make_time(2026, 2, 3, 10, 0, 0), "",
                          "https://github.com/meta-llama/llama-models/commit/0123456789abcdef");
    item.entry.extra = {{"commit_sha", "0123456789abcdef"}, {"repo", "meta-llama/llama-models"}, {"path", "LICENSE"}};
    auto out = ex.extract(item, nullptr,
                          fw::extract::SourceInfo{"llama-license", fw::SourceKind::GithubCommits, std::string("meta")});
    auto changes = of_kind(out.events, EventKind::LicenseChange);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].fields.text("subject") == "gh:meta-llama/llama-models");
    CHECK(changes[0].fields.text("new") == "Apache-2.0");
    CHECK(changes[0].fields.text("commit_sha") == "0123456789abcdef");
}

TEST_CASE("a watched licence page that changed yields a licence change with the text diff", "[extract][page]") {
    auto ex = make_extractor();
    auto before = make_item("Muse Model License", make_time(2026, 5, 1), "", "https://ai.meta.com/muse/license/");
    before.entry.content_text = "Muse Model License\nCommercial use permitted.\nMonthly active users: no limit.\n";
    before.content_hash = "aaaaaaaaaaaaaaaa";
    auto after = before;
    after.entry.content_text = "Muse Model License\nCommercial use permitted.\nMonthly active users: 700 million.\n";
    after.content_hash = "bbbbbbbbbbbbbbbb";
    after.version = 2;
    auto src = fw::extract::SourceInfo{"muse-license-page", fw::SourceKind::Page, std::string("meta")};
    auto first = ex.extract(before, nullptr, src);
    CHECK(first.events.empty());
    auto out = ex.extract(after, &before, src);
    auto changes = of_kind(out.events, EventKind::LicenseChange);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].fields.text("subject") == "page:https://ai.meta.com/muse/license/");
    CHECK(changes[0].fields.text("diff")->find("+Monthly active users: 700 million.") != std::string::npos);
    CHECK(changes[0].dedupe_key == "license_change|page:https://ai.meta.com/muse/license/|sha:bbbbbbbbbbbb");
}
