#include "ingest/edgar_submissions.h"

#include <nlohmann/json.hpp>

#include "domain/slug.h"
#include "ingest/edgar_adapter.h"

namespace fw::ingest {
namespace {

using nlohmann::json;

std::string submission_text_of(const json& v) {
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_number_integer())
        return std::to_string(v.get<std::int64_t>());
    if (v.is_number())
        return v.dump();
    return {};
}

std::string strip_zeros(std::string s) {
    s.erase(0, std::min(s.find_first_not_of('0'), s.size()));
    return s;
}

std::string without_dashes(std::string s) {
    std::erase(s, '-');
    return s;
}

}  // namespace

Result<ParsedFeed> parse_edgar_submissions(std::string_view body, std::string_view source_url) {
    const std::string where(source_url);
    const json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        return make_error(ErrorCode::Parse, "not JSON: EDGAR submissions expected", where);
    }
    if (!doc.is_object() || !doc.contains("filings") || !doc["filings"].is_object() ||
        !doc["filings"].contains("recent") || !doc["filings"]["recent"].is_object()) {
        return make_error(ErrorCode::Parse, "EDGAR submissions JSON without filings.recent", where);
    }
    const json& recent = doc["filings"]["recent"];
    const auto column = [&](const char* key) -> const json* {
        const auto it = recent.find(key);
        return it != recent.end() && it->is_array() ? &*it : nullptr;
    };
    const json* accessions = column("accessionNumber");
    if (accessions == nullptr) {
        return make_error(ErrorCode::Parse, "EDGAR submissions JSON without filings.recent.accessionNumber", where);
    }
    const std::size_t rows = accessions->size();
    for (const char* key : {"filingDate", "reportDate", "acceptanceDateTime", "form", "items", "primaryDocument",
                            "primaryDocDescription"}) {
        if (const json* c = column(key); c != nullptr && c->size() != rows) {
            return make_error(ErrorCode::Parse,
                              std::string("EDGAR submissions: filings.recent.") + key + " has " +
                                  std::to_string(c->size()) + " rows, accessionNumber " + std::to_string(rows),
                              where);
        }
    }
    const auto cell = [&](const char* key, std::size_t row) -> std::string {
        const json* c = column(key);
        return c == nullptr ? std::string() : std::string(trim(submission_text_of((*c)[row])));
    };
    const std::string cik = doc.contains("cik") ? strip_zeros(submission_text_of(doc["cik"])) : std::string();
    const std::string company = doc.contains("name") ? submission_text_of(doc["name"]) : std::string();

    ParsedFeed feed;
    feed.format = FeedFormat::EdgarJson;
    feed.title = company.empty() ? "EDGAR submissions" : company + " filings";
    feed.link = where;
    for (std::size_t row = 0; row < rows; ++row) {
        FeedEntry e;
        const std::string accession = cell("accessionNumber", row);
        if (accession.empty()) {
            feed.warnings.push_back("filing without an accession number skipped: row " + std::to_string(row));
            continue;
        }
        const std::string form = cell("form", row);
        const std::string description = cell("primaryDocDescription", row);
        const std::string document = cell("primaryDocument", row);
        e.id = accession;
        e.title = form;
        if (!description.empty() && to_lower_ascii(description) != to_lower_ascii(form)) {
            e.title += " - " + description;
        }
        const std::string folder =
            "https://www.sec.gov/Archives/edgar/data/" + cik + "/" + without_dashes(accession) + "/";
        e.link = document.empty() ? folder : folder + document;
        const std::string filed = cell("filingDate", row);
        e.published_raw = filed;
        e.published = parse_iso8601(filed);
        if (!filed.empty() && !e.published) {
            feed.warnings.push_back("unparseable filingDate '" + filed + "': " + accession);
        }
        const std::string accepted = cell("acceptanceDateTime", row);
        if (!accepted.empty()) {
            e.updated = parse_iso8601(accepted);
            e.updated_raw = accepted;
        }
        if (!company.empty())
            e.authors.push_back(company);
        e.categories.push_back(form);
        e.extra = {{"form_type", form},
                   {"items", edgar_items(cell("items", row))},
                   {"accession", accession},
                   {"filing_date", filed},
                   {"report_date", cell("reportDate", row)},
                   {"accepted_at", accepted},
                   {"primary_document", document},
                   {"filing_href", e.link},
                   {"company", company},
                   {"cik", cik}};
        feed.items.push_back(std::move(e));
    }
    return feed;
}

}  // namespace fw::ingest
