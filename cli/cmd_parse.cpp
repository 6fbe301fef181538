#include <fstream>
#include <nlohmann/json.hpp>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/json_views.h"
#include "ingest/http_client.h"
#include "ingest/source_adapter.h"
#include "ingest/user_agent.h"

namespace fw::cli {
namespace {

struct Loaded {
    std::string body;
    std::string content_type;
    std::string url;
};

Result<Loaded> load(const std::string& where, SourceKind kind) {
    if (where.starts_with("http://") || where.starts_with("https://") || where.starts_with("file://")) {
        auto ua = ingest::user_agent_for(kind, std::nullopt);
        ingest::HttpRequest req;
        req.url = where;
        req.user_agent = ua ? *ua : "FrontierWatch";
        auto resp = ingest::HttpClient{}.get(req);
        if (!resp) {
            return resp.error();
        }
        return Loaded{std::move(resp->body), resp->content_type, where};
    }
    std::ifstream in(where, std::ios::binary);
    if (!in) {
        return make_error(ErrorCode::NotFound, "cannot read file", where);
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return Loaded{ss.str(), "", "file://" + std::filesystem::absolute(where).string()};
}

void print_summary(const ingest::SourceDocument& doc) {
    const auto& f = doc.feed;
    std::cout << "format: " << to_string(f.format) << "\ntitle: " << f.title << "\nlink: " << f.link
              << "\nitems: " << f.items.size() << "\n";
    for (const auto& e : f.items) {
        std::cout << "  " << (e.published ? format_date(*e.published) : std::string("----------")) << "  " << e.title
                  << "\n      " << e.link << "\n";
    }
    if (!doc.prices.empty()) {
        std::cout << "price bars: " << doc.prices.size() << " (" << format_date(doc.prices.front().date) << " .. "
                  << format_date(doc.prices.back().date) << ")\n";
    }
    for (const auto& w : f.warnings) {
        std::cerr << "warning: " << w << "\n";
    }
}

/// The contract's parse --json plus what extraction reads: each item's summary_text,
/// content_text and article_text (null until a linked article is read, which parse never
/// does), and a prices source's bars. Fields are only added, never renamed.
std::string with_extraction_view(const std::string& contract_json, const ingest::SourceDocument& doc) {
    using nlohmann::json;
    json j = json::parse(contract_json, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.contains("items")) {
        return contract_json;
    }
    auto& items = j["items"];
    for (std::size_t i = 0; i < items.size() && i < doc.feed.items.size(); ++i) {
        const auto& e = doc.feed.items[i];
        items[i]["summary_text"] = e.summary_text;
        items[i]["content_text"] = e.content_text;
        items[i]["article_text"] = e.article_text.empty() ? json(nullptr) : json(e.article_text);
    }
    if (!doc.prices.empty()) {
        const auto number = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
        json bars = json::array();
        for (const auto& b : doc.prices) {
            bars.push_back({{"symbol", b.symbol},
                            {"date", format_date(b.date)},
                            {"open", number(b.open)},
                            {"high", number(b.high)},
                            {"low", number(b.low)},
                            {"close", number(b.close)},
                            {"adj_close", number(b.adj_close)},
                            {"volume", b.volume ? json(*b.volume) : json(nullptr)}});
        }
        j["prices"] = std::move(bars);
    }
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

void register_parse(CLI::App& app, Run& run) {
    struct Options {
        std::string where;
        std::string kind = "feed";
    };
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand("parse", "how one feed or document parses, without storing anything");
    add_version_flag(*sub);
    sub->add_option("file_or_url", o->where, "a file path or a URL")->required();
    sub->add_option("--kind", o->kind, "source kind to parse as (default feed)");
    sub->callback([&run, o] {
        const auto kind = source_kind_from_string(o->kind);
        if (!kind) {
            run.exit_code = fail(make_error(ErrorCode::Usage, "unknown source kind", o->kind));
            return;
        }
        auto loaded = load(o->where, *kind);
        if (!loaded) {
            run.exit_code = fail(loaded.error());
            return;
        }
        auto doc = ingest::parse_document(*kind, loaded->body, {"parse", loaded->url, loaded->content_type});
        if (!doc) {
            Error e = doc.error();
            e.context = o->where + (e.context.empty() ? "" : ": " + e.context);
            run.exit_code = fail(e);
            return;
        }
        if (run.global.json) {
            std::cout << with_extraction_view(parsed_feed_json(doc->feed), *doc);
        } else {
            print_summary(*doc);
        }
    });
}

}  // namespace fw::cli
