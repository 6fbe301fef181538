#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "ingest/hf_adapter.h"
#include "support/catch.h"
#include "support/paths.h"

using namespace fw;
using namespace fw::ingest;
using nlohmann::json;

namespace {

// Model infos the project wrote in the Hub's shape (invented repos); the real recorded ones are
// read in place from ../shared/corpus/realworld/huggingface/model_info.
std::string hf_file(const std::string& name) {
    return fw::test::read_file(fw::test::test_data("ingest/hf/" + name));
}

bool has_warning(const ParsedFeed& feed, std::string_view needle) {
    return std::any_of(feed.warnings.begin(), feed.warnings.end(),
                       [&](const std::string& w) { return w.find(needle) != std::string::npos; });
}

}  // namespace

TEST_CASE("a gated model info becomes one entry with its licence and base model", "[ingest][unit][hf]") {
    const auto feed = parse_hf_models(hf_file("fixture-lab__Fixture-8B-Instruct.json"),
                                      "https://huggingface.co/api/models/fixture-lab/Fixture-8B-Instruct");
    REQUIRE(feed);
    CHECK(feed->format == FeedFormat::HfJson);
    REQUIRE(feed->items.size() == 1);
    const auto& e = feed->items[0];
    CHECK(e.id == "fixture-lab/Fixture-8B-Instruct");
    CHECK(e.title == e.id);
    CHECK(e.link == "https://huggingface.co/fixture-lab/Fixture-8B-Instruct");
    REQUIRE(e.published);
    CHECK(format_rfc3339(*e.published) == "2025-03-04T10:20:30Z");
    REQUIRE(e.updated);
    CHECK(format_rfc3339(*e.updated) == "2025-05-06T07:08:09Z");
    CHECK(e.authors == std::vector<std::string>{"fixture-lab"});
    CHECK(e.extra.at("gated") == "manual");
    CHECK(e.extra.at("private") == "false");
    CHECK(e.extra.at("license") == "other");
    CHECK(e.extra.at("license_name") == "fixture-community-license");
    CHECK(e.extra.at("license_link") == "LICENSE");
    CHECK(e.extra.at("base_models") == "fixture-lab/Fixture-8B");  // tags win over cardData
    CHECK(e.extra.at("params_total") == "8114212864");
    CHECK(e.extra.at("arxiv") == "2604.00917");
    CHECK(e.extra.at("pipeline_tag") == "text-generation");
    CHECK(e.extra.at("sha") == "1111111111111111111111111111111111111111");
    CHECK(e.extra.at("downloads") == "123456");
    CHECK(e.extra.size() == 16);
    CHECK(feed->warnings.empty());
}

TEST_CASE("the real Llama-3.1-8B-Instruct model info: licence, gating, base model", "[ingest][realworld][hf]") {
    FW_REQUIRE_SHARED(shared);
    const auto feed = parse_hf_models(
        fw::test::read_file(shared / "corpus/realworld/huggingface/model_info/meta-llama__Llama-3.1-8B-Instruct.json"),
        "https://huggingface.co/api/models/meta-llama/Llama-3.1-8B-Instruct");
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 1);
    const auto& e = feed->items[0];
    CHECK(e.id == "meta-llama/Llama-3.1-8B-Instruct");
    CHECK(format_rfc3339(e.published.value()) == "2024-07-18T08:56:00Z");
    CHECK(e.extra.at("gated") == "manual");
    CHECK(e.extra.at("license") == "llama3.1");
    CHECK(e.extra.at("base_models") == "meta-llama/Llama-3.1-8B");  // tags win over cardData
    CHECK(e.extra.at("params_total") == "8030261248");
    CHECK(feed->warnings.empty());
}

TEST_CASE("legacy repos warn about the migration stamp and a lastModified before createdAt", "[ingest][unit][hf]") {
    const auto feed = parse_hf_models(hf_file("fixture-speech__ljspeech-style-tts.json"), "u");
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 1);
    CHECK(feed->items[0].extra.at("created_at") == "2022-03-02T23:29:05Z");
    CHECK(feed->items[0].extra.at("last_modified") == "2021-11-05T14:00:00Z");
    CHECK(feed->items[0].extra.at("gated") == "false");  // gated:false
    CHECK(feed->items[0].extra.at("license") == "cc-by-4.0");
    CHECK(feed->items[0].extra.at("params_total").empty());  // no safetensors block
    CHECK(has_warning(*feed, "migration"));
    CHECK(has_warning(*feed, "lastModified is earlier than createdAt"));
}

TEST_CASE("a listing array yields one entry per model in order", "[ingest][unit][hf]") {
    const std::string listing = "[" + hf_file("fixture-gpt.json") + "," +
                                hf_file("fixture-lab__vision-encoder-base.json") + "," +
                                hf_file("fixture-lab__Fixture-MoE-141B-Chat.json") + "]";
    const auto feed = parse_hf_models(listing, "https://huggingface.co/api/models?author=x");
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 3);
    CHECK(feed->items[0].id == "fixture-gpt");
    CHECK(feed->items[0].extra.at("author") == "fixture-community");  // a root-level repo names its owner
    CHECK(feed->items[0].extra.at("license") == "mit");
    CHECK(feed->items[1].id == "fixture-lab/vision-encoder-base");
    CHECK(feed->items[1].extra.at("license").empty());
    CHECK(feed->items[2].extra.at("license") == "apache-2.0");
    CHECK(feed->items[2].extra.at("base_models") == "fixture-lab/Fixture-MoE-141B-Base");
}

TEST_CASE("a listing of the real gpt2, CLIP and zephyr-orpo model infos", "[ingest][realworld][hf]") {
    FW_REQUIRE_SHARED(shared);
    const auto dir = shared / "corpus/realworld/huggingface/model_info";
    const std::string listing = "[" + fw::test::read_file(dir / "gpt2.json") + "," +
                                fw::test::read_file(dir / "openai__clip-vit-base-patch32.json") + "," +
                                fw::test::read_file(dir / "HuggingFaceH4__zephyr-orpo-141b-A35b-v0.1.json") + "]";
    const auto feed = parse_hf_models(listing, "https://huggingface.co/api/models?author=x");
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 3);
    CHECK(feed->items[0].id == "gpt2");
    CHECK(feed->items[0].extra.at("author") == "openai-community");
    CHECK(feed->items[1].id == "openai/clip-vit-base-patch32");
    CHECK(feed->items[1].extra.at("license").empty());
    CHECK(feed->items[2].extra.at("license") == "apache-2.0");
    CHECK(feed->items[2].extra.at("base_models") == "mistral-community/Mixtral-8x22B-v0.1");
}

TEST_CASE("baseModels, boolean gating, card base_model lists and odd dates are read", "[ingest][unit][hf]") {
    const auto feed = parse_hf_models(R"([
      {"id": "org/a", "gated": "auto", "baseModels": {"relation": "quantized", "models": [{"id": "org/base"}]},
       "tags": ["base_model:other/ignored"], "createdAt": "yesterday"},
      {"id": "org/b", "gated": true, "private": true, "cardData": {"base_model": ["x/1", "x/2"],
       "license": "other", "license_name": "acme", "license_link": "LICENSE"}},
      {"modelId": "org/c", "tags": ["license:mit", "arxiv:1", "arxiv:2"]},
      {"no": "id"}, 7
    ])",
                                      "u");
    REQUIRE(feed);
    REQUIRE(feed->items.size() == 3);
    const auto& a = feed->items[0].extra;
    CHECK(a.at("gated") == "auto");
    CHECK(a.at("base_models") == "org/base");
    CHECK_FALSE(feed->items[0].published);
    CHECK(feed->items[0].published_raw == "yesterday");
    CHECK(has_warning(*feed, "unparseable createdAt 'yesterday'"));
    const auto& b = feed->items[1].extra;
    CHECK(b.at("private") == "true");
    CHECK(b.at("base_models") == "x/1,x/2");
    CHECK(b.at("license") == "other");
    CHECK(b.at("license_name") == "acme");
    CHECK(b.at("license_link") == "LICENSE");
    const auto& c = feed->items[2].extra;
    CHECK(c.at("repo") == "org/c");
    CHECK(c.at("license") == "mit");
    CHECK(c.at("arxiv") == "1,2");
    CHECK(c.at("gated").empty());  // not in the answer: unknown, not "false"
    CHECK(has_warning(*feed, "without an id"));
}

TEST_CASE("HTML, garbage and API errors are parse errors naming the URL", "[ingest][unit][hf]") {
    for (const char* body :
         {"<!DOCTYPE html><html>rate limited</html>", "{not json", "42", R"({"error": "Repository not found"})"}) {
        const auto r = parse_hf_models(body, "https://huggingface.co/api/models/x/y");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Parse);
        CHECK(r.error().context == "https://huggingface.co/api/models/x/y");
    }
    CHECK(parse_hf_models(R"({"error": "Repository not found"})", "u").error().message.find("Repository not found") !=
          std::string::npos);
    const auto empty = parse_hf_models("[]", "u");
    REQUIRE(empty);
    CHECK(empty->items.empty());
}

TEST_CASE("all 35 recorded model infos match the independent expectations", "[ingest][realworld][hf]") {
    FW_REQUIRE_SHARED(shared);
    const auto folder = shared / "corpus/realworld/huggingface/model_info";
    std::istringstream expected(fw::test::read_file(fw::test::test_data("ingest/hf/model_info_expected.jsonl")));
    int checked = 0;
    for (std::string line; std::getline(expected, line);) {
        const json want = json::parse(line);
        const std::string file = want["file"].get<std::string>();
        INFO(file);
        const auto feed = parse_hf_models(fw::test::read_file(folder / file), file);
        REQUIRE(feed);
        REQUIRE(feed->items.size() == 1);
        const auto& extra = feed->items[0].extra;
        CHECK(extra.size() == want["extra"].size());
        for (const auto& [key, value] : want["extra"].items()) {
            INFO(key);
            REQUIRE(extra.count(key) == 1);
            CHECK(extra.at(key) == value.get<std::string>());
        }
        ++checked;
    }
    CHECK(checked == 35);
}
