#include "ingest/edgar_adapter.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "domain/slug.h"
#include "ingest/edgar_submissions.h"
#include "ingest/github_rest.h"
#include "ingest/parsers_detail.h"

namespace fw::ingest {
namespace {

using detail::Ns;

bool digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// Text of a child element of `parent` by local name (EDGAR uses the default Atom namespace).
std::string child_text(const detail::XmlDocument& doc, pugi::xml_node parent, std::string_view local) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && detail::local_name(c) == local) {
            return std::string(trim(detail::text(doc, c)));
        }
    }
    return {};
}

/// "3/A - Coinbase Global, Inc. (0001679788) (Issuer)" -> company and CIK (current-filings feed).
void company_from_title(std::string_view title, std::string& company, std::string& cik) {
    const auto dash = title.find(" - ");
    if (dash == std::string_view::npos)
        return;
    std::string_view rest = title.substr(dash + 3);
    const auto open = rest.find(" (");
    if (open == std::string_view::npos)
        return;
    const auto close = rest.find(')', open);
    const std::string_view num = rest.substr(open + 2, close == std::string_view::npos ? 0 : close - open - 2);
    if (num.empty() || num.find_first_not_of("0123456789") != std::string_view::npos)
        return;
    company = std::string(trim(rest.substr(0, open)));
    cik = std::string(num);
}

void fill_edgar_extra(const detail::XmlDocument& doc, pugi::xml_node entry, FeedEntry& e,
                      const std::string& feed_company, const std::string& feed_cik) {
    auto& x = e.extra;
    for (pugi::xml_node c = entry.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && detail::local_name(c) == "category" &&
            to_lower_ascii(detail::attr(doc, c, "label")) == "form type") {
            x["form_type"] = detail::attr(doc, c, "term");
        }
    }
    const pugi::xml_node content = detail::child(entry, detail::element_ns(entry), "content");
    if (content) {
        if (x["form_type"].empty())
            x["form_type"] = child_text(doc, content, "filing-type");
        x["accession"] = child_text(doc, content, "accession-number");
        x["filing_date"] = child_text(doc, content, "filing-date");
        x["filing_href"] = child_text(doc, content, "filing-href");
        x["items"] = edgar_items(child_text(doc, content, "items-desc"));
    }
    if (x["accession"].empty()) {  // current-filings feed: urn:tag:sec.gov,2008:accession-number=...
        const auto eq = e.id.find("accession-number=");
        if (eq != std::string::npos)
            x["accession"] = e.id.substr(eq + 17);
    }
    if (x["filing_href"].empty())
        x["filing_href"] = e.link;
    if (x["filing_date"].empty()) {
        const auto filed = e.summary_text.find("Filed: ");
        if (filed != std::string::npos)
            x["filing_date"] = e.summary_text.substr(filed + 7, 10);
        else if (e.updated)
            x["filing_date"] = format_date(*e.updated);
    }
    x["company"] = feed_company;
    x["cik"] = feed_cik;
    if (feed_company.empty())
        company_from_title(e.title, x["company"], x["cik"]);
    if (!e.published && !x["filing_date"].empty())
        e.published = parse_iso8601(x["filing_date"]);
}

}  // namespace

std::string edgar_items(std::string_view desc) {
    std::vector<std::string> found;
    for (std::size_t i = 0; i < desc.size(); ++i) {
        if (!digit(desc[i]) || (i > 0 && (digit(desc[i - 1]) || desc[i - 1] == '.')))
            continue;
        std::size_t j = i;
        while (j < desc.size() && digit(desc[j]))
            ++j;
        if (j - i > 2 || j + 2 >= desc.size() || desc[j] != '.' || !digit(desc[j + 1]) || !digit(desc[j + 2])) {
            continue;
        }
        if (j + 3 < desc.size() && digit(desc[j + 3]))
            continue;  // "2.021" is not an item
        std::string item(desc.substr(i, j + 3 - i));
        if (std::find(found.begin(), found.end(), item) == found.end())
            found.push_back(std::move(item));
        i = j + 2;
    }
    std::string out;
    for (const auto& f : found)
        out += (out.empty() ? "" : ",") + f;
    return out;
}

Result<ParsedFeed> parse_edgar(std::string_view body, const ParseOptions& opts) {
    if (looks_like_json(body))
        return parse_edgar_submissions(body, opts.base_url);
    detail::XmlDocument doc;
    ParsedFeed feed;
    if (Status s = detail::load_atom(body, opts, doc, feed); !s)
        return s.error();
    const pugi::xml_node root = detail::root_element(doc);
    std::string company, cik;
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && detail::local_name(c) == "company-info") {
            company = child_text(doc, c, "conformed-name");
            cik = child_text(doc, c, "cik");
        }
    }
    const auto entries = detail::atom_entries(doc);
    for (std::size_t i = 0; i < feed.items.size() && i < entries.size(); ++i) {
        fill_edgar_extra(doc, entries[i], feed.items[i], company, cik);
    }
    return feed;
}

}  // namespace fw::ingest
