#include "app/fetch_service.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iterator>
#include <functional>
#include <map>

#include "app/extract_service.h"
#include "app/fetch_policy.h"
#include "app/item_builder.h"
#include "domain/slug.h"
#include "ingest/fetcher.h"
#include "ingest/github_rest.h"
#include "ingest/encoding.h"
#include "ingest/host_pacer.h"
#include "ingest/html_text.h"
#include "ingest/url.h"
#include "ingest/pagination.h"
#include "ingest/schedule.h"
#include "ingest/source_adapter.h"
#include "ingest/user_agent.h"

namespace fw::app {
namespace {

// At most this many pages of one paged listing per fetch (Hugging Face, GitHub REST).
constexpr int kMaxPages = 20;

/// GITHUB_TOKEN from the environment; sent only to api.github.com (ingest::github_auth_header),
/// never logged, never stored.
std::string github_token() {
    const char* token = std::getenv("GITHUB_TOKEN");
    return token == nullptr ? std::string() : std::string(token);
}

bool is_due(const Source& s, TimePoint now) {
    return !s.due_at || *s.due_at <= now;
}

Result<std::vector<Source>> select_sources(store::SourceStore& store, const FetchRequest& req) {
    auto all = store.list_sources();
    if (!all) {
        return all.error();
    }
    std::vector<Source> chosen;
    if (!req.names.empty()) {
        for (const auto& name : req.names) {
            auto it = std::find_if(all->begin(), all->end(), [&](const Source& s) { return s.name == name; });
            if (it == all->end()) {
                return make_error(ErrorCode::NotFound, "no such source", name);
            }
            chosen.push_back(*it);
        }
        return chosen;
    }
    for (auto& s : *all) {
        if (req.all || is_due(s, req.now)) {
            chosen.push_back(std::move(s));
        }
    }
    return chosen;
}

ingest::HttpRequest request_for(const Source& s, const std::string& user_agent, const ingest::NetworkPolicy& network) {
    ingest::HttpRequest r;
    r.url = s.url;
    r.network = network;  // the store's fetch policy (app/fetch_policy.h), every page included
    r.user_agent = user_agent;
    r.validators = s.validators;
    if (s.kind == SourceKind::HfAuthor) {
        r.headers.push_back("Accept: application/json");
    }
    if (auto auth = ingest::github_auth_header(r.url, github_token())) {
        r.headers.push_back("Accept: application/vnd.github+json");
        r.headers.push_back(std::move(*auth));
    }
    return r;
}

bool is_paged(SourceKind kind) {
    return kind == SourceKind::HfAuthor || kind == SourceKind::GithubReleases || kind == SourceKind::GithubCommits;
}

/// Every page of a paged listing (the first as the Fetcher got it), parsed and joined in order.
/// Paging is ingest/pagination's: the job's own request (User-Agent, token, network policy),
/// the pacer's per-host spacing, a loop guard, and a failed page failing the whole listing.
Result<ingest::SourceDocument> parse_pages(const Source& s, const ingest::HttpRequest& request,
                                           ingest::HttpResponse first, ingest::HostPacer& pacer) {
    std::vector<ingest::HttpResponse> pages;
    if (is_paged(s.kind) && first.link_next) {
        auto all = ingest::continue_pages(ingest::HttpClient(), request, std::move(first), kMaxPages, &pacer);
        if (!all) {
            Error e = all.error();
            e.message = "next page " + e.context + ": " + e.message;
            return e;
        }
        pages = std::move(*all);
    } else {
        pages.push_back(std::move(first));
    }
    ingest::SourceDocument joined;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const auto& page = pages[i];
        auto doc = ingest::parse_document(
            s.kind, page.body,
            {s.name, page.effective_url.empty() ? (i == 0 ? s.url : std::string()) : page.effective_url,
             page.content_type});
        if (!doc) {
            return doc.error();
        }
        if (i == 0) {
            joined = std::move(*doc);
            continue;
        }
        auto& items = joined.feed.items;
        std::move(doc->feed.items.begin(), doc->feed.items.end(), std::back_inserter(items));
        std::move(doc->feed.warnings.begin(), doc->feed.warnings.end(), std::back_inserter(joined.feed.warnings));
    }
    return joined;
}

struct Outcome {
    SourceFetchResult line;
    Source updated;
    std::vector<std::int64_t> touched;
};

void mark_failure(Outcome& o, const std::string& error, std::optional<int> http_status, TimePoint now,
                  std::optional<TimePoint> retry_not_before) {
    o.line.status = FetchStatus::Failed;
    o.line.error = error;
    o.line.http_status = http_status;
    auto& h = o.updated.health;
    h.last_fetch_at = now;
    h.last_status = FetchStatus::Failed;
    h.http_status = http_status;
    h.consecutive_failures += 1;
    h.last_error = error;
    o.updated.due_at = ingest::next_due_after_failure(o.updated, now, retry_not_before);
}

std::string articles_off_key(std::int64_t source_id) {
    return "articles.off." + std::to_string(source_id);
}

bool setting_is(store::SettingStore& settings, std::string_view key, std::string_view value) {
    auto v = settings.get_setting(key);
    return v && *v && **v == value;
}

/// What follow-up requests of one source share: its request (User-Agent, network policy), the
/// per-host pacer, and a hook that ends the open write batch before any network wait.
struct FollowUp {
    const ingest::HttpRequest& request;
    ingest::HostPacer& pacer;
    const std::function<void()>& before_network;
    bool articles = false;
};

// Article pages are HTML of a few hundred kB; a cap well below the feed cap bounds a hostile link.
constexpr std::size_t kMaxArticleBytes = 4u * 1024u * 1024u;

/// The site of a URL: its host's last two labels ("ai.meta.com" -> "meta.com"), an IP address
/// as it is, "" when there is no host.
std::string site_of(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return {};
    }
    std::string_view host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#"));
    host = host.substr(host.find('@') == std::string_view::npos ? 0 : host.find('@') + 1);
    if (host.starts_with('[')) {
        return to_lower_ascii(host.substr(0, host.find(']') + 1));  // IPv6 literal
    }
    host = host.substr(0, host.find(':'));
    if (host.find_first_not_of("0123456789.") == std::string_view::npos) {
        return std::string(host);
    }
    const auto last = host.rfind('.');
    const auto second =
        last == std::string_view::npos || last == 0 ? std::string_view::npos : host.rfind('.', last - 1);
    return to_lower_ascii(second == std::string_view::npos ? host : host.substr(second + 1));
}

/// Items whose linked page is worth reading: thin feed items, and 8-K filings with item 5.02
/// (the filing text names the person; its index does not). Only pages of the source's own site
/// are read: a feed never sends the fetcher across the web (an aggregator's links, a hostile
/// feed pointing at third parties, a copy served elsewhere whose links lead to the live site).
/// The feed's channel link is not trusted for this: any feed can name any site there. A local
/// copy (file://) reads none: nothing of a file source reaches the network.
bool wants_article(const Source& s, const Item& item) {
    const std::string site = site_of(item.entry.link);
    if (!ingest::is_http_url(item.entry.link) || s.url.starts_with("file:") || site.empty() || site != site_of(s.url)) {
        return false;
    }
    if (s.kind == SourceKind::Edgar) {
        const auto items = item.entry.extra.find("items");
        return items != item.entry.extra.end() && items->second.find("5.02") != std::string::npos;
    }
    return s.kind == SourceKind::Feed && is_thin(item.entry);
}

/// The main text of one linked article, or "" when it cannot be read (the item is kept as is).
std::string read_article(const std::string& url, const FollowUp& follow) {
    ingest::HttpRequest r;
    r.url = url;
    r.user_agent = follow.request.user_agent;
    r.network = follow.request.network;
    r.max_bytes = kMaxArticleBytes;
    r.timeout_ms = 30000;
    follow.before_network();
    follow.pacer.wait_turn(url);
    auto resp = ingest::HttpClient().get(r);
    if (!resp || resp->status != 200 || resp->body.empty()) {
        return {};
    }
    auto decoded = ingest::decode_to_utf8(resp->body, resp->content_type);
    const std::string type = to_lower_ascii(resp->content_type);
    std::string text = type.find("text/plain") != std::string::npos ? std::string(trim(decoded.text))
                                                                    : ingest::article_text(decoded.text);
    if (text.size() > kMaxContentBytes) {
        std::size_t cut = kMaxContentBytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        text.resize(cut);
    }
    return text;
}

/// Reads the linked article of each item that wants one and is new or changed: an unchanged
/// item keeps the article text stored with it (never fetched twice).
Status attach_articles(store::ItemStore& item_store, const Source& s, std::vector<Item>& items,
                       const FollowUp& follow) {
    std::vector<Item*> wanted;
    for (auto& item : items) {
        if (wants_article(s, item)) {
            wanted.push_back(&item);
        }
    }
    if (wanted.empty()) {
        return ok();
    }
    store::ItemQuery query;
    query.source = s.name;
    query.limit = 0;
    auto stored = item_store.list_items(query);
    if (!stored) {
        return stored.error();
    }
    std::map<std::string, std::string> stored_hash;
    for (const auto& item : *stored) {
        stored_hash[item.native_id] = item.content_hash;
    }
    for (Item* item : wanted) {
        const auto it = stored_hash.find(item->native_id);
        if (it != stored_hash.end() && it->second == item->content_hash) {
            continue;
        }
        item->entry.article_text = read_article(item->entry.link, follow);
    }
    return ok();
}

Status store_document(const FetchStores& st, Outcome& o, ingest::SourceDocument& doc, TimePoint now,
                      const FollowUp& follow) {
    std::vector<TimePoint> times;
    for (const auto& entry : doc.feed.items) {
        if (auto t = entry.published ? entry.published : entry.updated) {
            times.push_back(*t);
        }
    }
    std::vector<Item> items = make_items(std::move(doc.feed.items), o.updated.id, now);
    if (follow.articles) {
        if (auto read = attach_articles(st.items, o.updated, items, follow); !read) {
            return read;
        }
    }
    auto stats = st.items.upsert_items(o.updated.id, items);
    if (!stats) {
        return stats.error();
    }
    if (!doc.prices.empty()) {
        auto bars = st.prices.upsert_prices(doc.prices);
        if (!bars) {
            return bars.error();
        }
        times.push_back(TimePoint{doc.prices.back().date});
    }
    o.line.new_items = stats->inserted + stats->changed;
    o.touched = stats->touched_ids;
    if (!times.empty()) {
        const auto newest = *std::max_element(times.begin(), times.end());
        auto& h = o.updated.health;
        if (!h.newest_item_at || *h.newest_item_at < newest) {
            h.newest_item_at = newest;
        }
        o.updated.interval_seconds = ingest::adaptive_interval(times).count();
    }
    return ok();
}

// robustness.md H5: a feed that moved for good is fetched at its new URL only once
// kRedirectsToMove fetches in a row were permanently redirected to the same place, so one
// hijacked or misconfigured answer cannot repoint a source. 302/307 never move it.
constexpr int kRedirectsToMove = 3;

void track_permanent_redirect(Source& s, const std::optional<std::string>& moved_to) {
    auto& h = s.health;
    if (!moved_to || *moved_to == s.url) {
        h.redirect_url.clear();
        h.redirect_count = 0;
        return;
    }
    if (h.redirect_url == *moved_to) {
        ++h.redirect_count;
    } else {
        h.redirect_url = *moved_to;
        h.redirect_count = 1;
    }
    if (h.redirect_count >= kRedirectsToMove) {
        s.url = *moved_to;
        h.redirect_url.clear();
        h.redirect_count = 0;
    }
}

Outcome handle_result(const FetchStores& st, const Source& s, ingest::FetchResult& r, TimePoint now,
                      const FollowUp& follow) {
    Outcome o{{s.name, s.url, FetchStatus::Ok, std::nullopt, 0, std::nullopt}, s, {}};
    if (!r.response) {
        const Error& e = r.response.error();
        mark_failure(o, e.describe(), e.http_status != 0 ? std::optional<int>(e.http_status) : std::nullopt, now,
                     r.retry_not_before);
        return o;
    }
    auto& resp = *r.response;
    o.line.http_status = resp.status;
    o.updated.health.http_status = resp.status;
    if (resp.not_modified()) {
        o.line.status = FetchStatus::NotModified;
    } else {
        const HttpValidators validators = resp.validators;
        if (is_paged(s.kind) && resp.link_next) {
            follow.before_network();
        }
        auto doc = parse_pages(s, follow.request, resp, follow.pacer);
        if (!doc) {
            mark_failure(o, s.name + " (" + s.url + "): " + doc.error().message, resp.status, now, std::nullopt);
            return o;
        }
        if (auto stored = store_document(st, o, *doc, now, follow); !stored) {
            mark_failure(o, stored.error().describe(), resp.status, now, std::nullopt);
            return o;
        }
        o.updated.validators = validators;
    }
    track_permanent_redirect(o.updated, resp.moved_permanently_to);
    auto& h = o.updated.health;
    h.last_fetch_at = now;
    h.last_status = o.line.status;
    h.consecutive_failures = 0;
    h.last_error.reset();
    o.updated.due_at = ingest::next_due_after_success(o.updated, now);
    return o;
}

}  // namespace

Status set_read_articles(store::SourceStore& sources, store::SettingStore& settings, std::string_view source_name,
                         bool on) {
    auto found = sources.find_source(source_name);
    if (!found) {
        return found.error();
    }
    if (!*found) {
        return make_error(ErrorCode::NotFound, "no such source", std::string(source_name));
    }
    return settings.set_setting(articles_off_key((*found)->id), on ? "false" : "true");
}

Status set_read_articles(AppContext& ctx, std::string_view source_name, bool on) {
    return set_read_articles(*ctx.store, *ctx.store, source_name, on);
}

Result<bool> reads_articles(store::SettingStore& settings, const Source& source) {
    auto off = settings.get_setting(articles_off_key(source.id));
    if (!off) {
        return off.error();
    }
    return !(*off && **off == "true");
}

bool FetchSummary::any_failed() const {
    return std::any_of(sources.begin(), sources.end(),
                       [](const SourceFetchResult& s) { return s.status == FetchStatus::Failed; });
}

Result<FetchSummary> fetch_sources(AppContext& ctx, const FetchRequest& request) {
    return fetch_sources(FetchStores::of(*ctx.store), ExtractInputs::of(ctx), request);
}

Result<FetchSummary> fetch_sources(const FetchStores& st, const ExtractInputs& inputs, const FetchRequest& req) {
    auto sources = select_sources(st.sources, req);
    if (!sources) {
        return sources.error();
    }
    FetchSummary summary;
    std::vector<ingest::FetchJob> jobs;
    std::map<std::int64_t, const Source*> by_id;
    std::map<std::int64_t, std::size_t> job_of;
    std::vector<Outcome> refused;
    const ingest::NetworkPolicy network = fetch_policy(st.settings, st.location);
    for (const auto& s : *sources) {
        // SEC's fair-access rule is about its servers; a local copy (file://) needs no contact.
        const bool local = s.url.starts_with("file://");
        auto ua = ingest::user_agent_for(local ? SourceKind::Feed : s.kind, req.edgar_contact);
        if (!ua) {
            Outcome o{{s.name, s.url, FetchStatus::Failed, std::nullopt, 0, std::nullopt}, s, {}};
            mark_failure(o, s.name + ": " + ua.error().message, std::nullopt, req.now, std::nullopt);
            refused.push_back(std::move(o));
            continue;
        }
        jobs.push_back({s.id, request_for(s, *ua, network)});
        by_id[s.id] = &s;
        job_of[s.id] = jobs.size() - 1;
    }

    // Requests made while results are being stored (next pages, linked articles) keep the
    // spacing per host: the Fetcher starts a transfer only on a turn this pacer grants.
    ingest::HostPacer pacer(req.host_interval);
    ingest::FetcherOptions fetch_options;
    fetch_options.min_host_interval = req.host_interval;
    fetch_options.pacer = &pacer;
    ingest::Fetcher fetcher(fetch_options);
    const int total = static_cast<int>(sources->size());
    const int refused_count = static_cast<int>(refused.size());

    const char* no_articles_env = std::getenv("FW_NO_ARTICLES");
    const bool articles_globally = req.read_articles &&
                                   (no_articles_env == nullptr || std::string_view(no_articles_env).empty() ||
                                    std::string_view(no_articles_env) == "0") &&
                                   !setting_is(st.settings, kReadArticlesSetting, "false");
    const auto articles_on = [&](const Source& s) {
        return articles_globally && (s.kind == SourceKind::Feed || s.kind == SourceKind::Edgar) &&
               !setting_is(st.settings, articles_off_key(s.id), "true");
    };
    for (auto& o : refused) {
        (void)st.sources.save_source_state(o.updated);
        summary.sources.push_back(std::move(o.line));
    }
    // Each result is stored as soon as it completes, on this thread (the store never leaves
    // it), and its body is freed once parsed, while the other transfers go on: memory stays
    // bounded whatever the number of sources (issue 18). Lines and touched ids are kept by job,
    // so the summary comes out in job order as before.
    std::vector<std::optional<SourceFetchResult>> lines(jobs.size());
    std::vector<std::vector<std::int64_t>> touched_by_job(jobs.size());
    // Results are stored a few dozen sources per commit (see store::WriteBatch); a short
    // batch also bounds how long other writers (the GUI's curation) wait for the lock, so a
    // batch also ends after a second, and before this thread waits for the network.
    constexpr int kSourcesPerBatch = 64;
    constexpr auto kBatchAge = std::chrono::seconds(1);
    std::unique_ptr<store::WriteBatch> batch;
    std::chrono::steady_clock::time_point batch_begun{};
    int in_batch = 0;
    const auto commit_batch = [&]() -> Status {
        in_batch = 0;
        if (!batch) {
            return ok();
        }
        auto committed = batch->commit();
        batch.reset();
        return committed;
    };
    std::optional<Error> stopped;  // a store failure ends the fetch (as before)
    int done = 0;
    int failed = 0;
    const auto store_result = [&](ingest::FetchResult&& r) -> bool {
        if (stopped) {
            return false;
        }
        if (!batch && st.begin_batch) {
            auto begun = st.begin_batch();
            if (!begun) {
                stopped = begun.error();
                return false;
            }
            batch = std::move(*begun);
            batch_begun = std::chrono::steady_clock::now();
        }
        const std::size_t index = job_of.at(r.key);
        const Source& s = *by_id.at(r.key);
        const auto started = std::chrono::steady_clock::now();
        const std::function<void()> end_batch = [&] { (void)commit_batch(); };
        const FollowUp follow{jobs[index].request, pacer, end_batch, articles_on(s)};
        Outcome o = handle_result(st, s, r, req.now, follow);
        if (auto saved = st.sources.save_source_state(o.updated); !saved) {
            (void)commit_batch();  // keep the sources stored before this one
            stopped = saved.error();
            return false;
        }
        store::FetchLogEntry log;
        log.source_id = s.id;
        log.started_at = req.now;
        log.duration_ms =
            r.response ? r.response->elapsed_ms
                       : std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        log.status = o.line.status;
        log.http_status = o.line.http_status;
        log.bytes = r.response ? static_cast<std::int64_t>(r.response->body.size()) : 0;
        log.new_items = o.line.new_items;
        log.error = o.line.error;
        (void)st.sources.log_fetch(log);
        touched_by_job[index] = std::move(o.touched);
        lines[index] = std::move(o.line);
        ++done;
        failed += r.response ? 0 : 1;
        if (req.on_progress) {
            req.on_progress({done + refused_count, total, failed + refused_count});
        }
        if (++in_batch == kSourcesPerBatch || std::chrono::steady_clock::now() - batch_begun >= kBatchAge) {
            if (auto committed = commit_batch(); !committed) {
                stopped = committed.error();
                return false;
            }
        }
        return true;
    };
    ingest::Fetcher::StreamOptions stream;
    stream.on_idle = [&] {
        if (auto committed = commit_batch(); !committed && !stopped) {
            stopped = committed.error();
        }
    };
    fetcher.stream(jobs, store_result, stream);
    if (stopped) {
        return *stopped;
    }
    if (auto committed = commit_batch(); !committed) {
        return committed.error();
    }
    std::vector<std::int64_t> touched;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (lines[i]) {
            summary.sources.push_back(std::move(*lines[i]));
        }
        touched.insert(touched.end(), touched_by_job[i].begin(), touched_by_job[i].end());
    }

    summary.touched_item_ids = touched;
    if (req.derive_events) {
        auto extracted = extract_new_items(st.extraction(), inputs, touched);
        if (!extracted) {
            return extracted.error();
        }
        summary.new_events = extracted->new_events;
        summary.new_event_ids = extracted->new_event_ids;
    }
    return summary;
}

}  // namespace fw::app
