#include "extract/context.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "domain/slug.h"

namespace fw::extract {
namespace {

/// A blogging platform's footer line ("The post X appeared first on Y."): it names the site, which
/// may be a tracked surface, and says nothing of the post's news.
bool platform_footer(std::string_view line) {
    return line.starts_with("The post ") && line.find(" appeared first on ") != std::string_view::npos;
}

/// A line that heads the links a CMS appends to a post ("Related posts", "You may also like:"):
/// what follows are other posts' headlines, not this post's news.
bool related_links_heading(std::string_view line) {
    static const std::vector<std::string_view> headings = {
        "related posts",       "related articles", "related reading", "related stories",   "related",
        "more from the blog",  "more posts",       "more stories",    "you may also like", "you might also like",
        "recommended reading", "further reading",  "read next",       "keep reading",      "recent posts"};
    auto t = std::string(trim(line));
    if (!t.empty() && t.back() == ':') {
        t.pop_back();
    }
    const auto lower = to_lower_ascii(t);
    return std::find(headings.begin(), headings.end(), lower) != headings.end();
}

/// `part` without its platform footer lines and without the links a related-posts heading opens.
std::string without_footers(const std::string& part) {
    if (part.find(" appeared first on ") == std::string::npos && part.find('\n') == std::string::npos) {
        return part;
    }
    std::string out;
    for (std::size_t begin = 0; begin < part.size();) {
        const auto end = std::min(part.size(), part.find('\n', begin));
        const auto line = std::string_view(part).substr(begin, end - begin);
        if (related_links_heading(line)) {
            break;
        }
        if (!platform_footer(line)) {
            out.append(out.empty() ? "" : "\n").append(line);
        }
        begin = end + 1;
    }
    return out;
}

/// A wire service's headline tag ("UPDATE 2-", "EXCLUSIVE-", "ANALYSIS-"): the desk's label of
/// the story, not its words; "UPDATE 2-OpenAI unveils GPT-5.5" is "OpenAI unveils GPT-5.5".
std::string without_wire_tag(const std::string& title) {
    static const std::vector<std::string_view> tags = {
        "UPDATE",        "EXCLUSIVE", "ANALYSIS", "FOCUS",     "REFILE",  "CORRECTED", "CORRECTION",
        "BREAKINGVIEWS", "INSIGHT",   "WRAPUP",   "RPT",       "FACTBOX", "EXPLAINER", "COLUMN",
        "BRIEF",         "TIMELINE",  "PREVIEW",  "INTERVIEW", "BUZZ",    "DEALTALK",  "GRAPHIC"};
    for (const auto tag : tags) {
        if (!std::string_view(title).starts_with(tag)) {
            continue;
        }
        auto at = tag.size();
        while (at < title.size() && (title[at] == ' ' || std::isdigit(static_cast<unsigned char>(title[at])) != 0)) {
            ++at;
        }
        if (at + 1 < title.size() && title[at] == '-' && std::isalpha(static_cast<unsigned char>(title[at + 1])) != 0) {
            return title.substr(at + 1);
        }
    }
    return title;
}

std::string item_text(const FeedEntry& e) {
    std::string text = without_wire_tag(e.title);
    for (const auto* raw : {&e.summary_text, &e.content_text, &e.article_text}) {
        const auto part = without_footers(*raw);
        // Generated feeds repeat the title as the description: keep it once.
        if (!part.empty() && part != e.title && part.find(e.title) != 0) {
            text += "\n" + part;
        } else if (!part.empty() && part != e.title) {
            text += "\n" + part.substr(std::min(part.size(), e.title.size()));
        }
    }
    return text;
}

}  // namespace

namespace {

/// The words of a link's host, without "www" and the like: "https://www.foo.ai/blog/x" ->
/// foo, ai.
std::vector<Token> host_words(std::string_view link) {
    const auto scheme = link.find("://");
    if (scheme == std::string_view::npos) {
        return {};
    }
    auto host = link.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#:"));
    for (const std::string_view prefix : {"www.", "blog.", "news.", "docs."}) {
        if (host.starts_with(prefix)) {
            host.remove_prefix(prefix.size());
        }
    }
    return tokenize(host);
}

/// Whether `name`'s words are a lab's name, slug or alias: "meta-ai-blog" is Meta's newsroom,
/// not meta.ai.
bool names_a_lab(std::string_view name, const Taxonomy& taxonomy) {
    for (const auto& lab : taxonomy.labs) {
        if (same_tokens(name, lab.name) || same_tokens(name, lab.slug) ||
            std::any_of(lab.aliases.begin(), lab.aliases.end(),
                        [&](const std::string& a) { return same_tokens(name, a); })) {
            return true;
        }
    }
    return false;
}

/// A source named by an organisation's distinctive first word with its suffix left out
/// ("epoch-blog" for Epoch AI, "fireworks-changelog" for Fireworks AI): a two-word name whose
/// second word is an organisation suffix and whose first begins the source's name; a short first
/// word ("far" of FAR AI) is too common to stand alone.
bool named_by_first_word(const std::vector<Token>& words, std::string_view org_name) {
    static const std::vector<std::string_view> org_suffixes = {"ai", "labs", "lab", "institute", "research"};
    const auto parts = phrase_tokens(org_name);
    return parts.size() == 2 && parts[0].size() >= 5 && !words.empty() && words[0].norm == parts[0] &&
           std::find(org_suffixes.begin(), org_suffixes.end(), parts[1]) != org_suffixes.end();
}

std::optional<std::string> surface_named(const std::vector<Token>& words, const Taxonomy& taxonomy) {
    // Every surface name is compared as it is written (no token strings built): this runs for
    // every item, twice, against every surface.
    std::optional<std::string> best;
    std::size_t best_len = 0;
    const auto consider = [&](const Surface& s, std::string_view n) {
        if (!phrase_at(words, 0, n)) {
            return;
        }
        const auto len = phrase_size(n);
        if (len > best_len && !names_a_lab(n, taxonomy)) {
            best = s.slug;
            best_len = len;
        }
    };
    for (const auto& s : taxonomy.surfaces) {
        for (const auto& a : s.aliases) {
            consider(s, a);
        }
        consider(s, s.name);
        consider(s, s.slug);
    }
    if (!best) {
        for (const auto& s : taxonomy.surfaces) {
            if (named_by_first_word(words, s.name) && !names_a_lab(words[0].norm, taxonomy)) {
                return s.slug;  // "together-changelog" for Together AI
            }
        }
    }
    return best;
}

/// "evaluators" name evaluators in text and in source names alike; "evaluator_sources" only in
/// source names and link hosts (words too common in prose: "so far, AI ..." is no FAR.AI).
std::optional<std::string> evaluator_named(const std::vector<Token>& words, const Rules& rules) {
    for (const auto* list : {"evaluators", "evaluator_sources"}) {
        for (const auto& cue : rules.list(list)) {
            if (!cue.remove && phrase_at(words, 0, cue.pattern)) {
                return cue.value.empty() ? cue.pattern : cue.value;
            }
        }
    }
    for (const auto& cue : rules.list("evaluators")) {
        if (!cue.remove && named_by_first_word(words, cue.pattern)) {
            return cue.value.empty() ? cue.pattern : cue.value;  // "epoch-blog" for Epoch AI
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> source_surface(const SourceInfo& source, const Taxonomy& taxonomy, std::string_view link) {
    if (source.kind != SourceKind::Feed && source.kind != SourceKind::Page) {
        return std::nullopt;
    }
    if (auto s = surface_named(tokenize(source.name), taxonomy)) {
        return s;
    }
    // A lab's feed speaks for its lab even when it links to one of its products.
    return source.lab ? std::nullopt : surface_named(host_words(link), taxonomy);
}

std::optional<std::string> source_evaluator(const SourceInfo& source, const Rules& rules, std::string_view link) {
    if (auto e = evaluator_named(tokenize(source.name), rules)) {
        return e;
    }
    return source.lab || source.kind != SourceKind::Feed ? std::nullopt : evaluator_named(host_words(link), rules);
}

namespace {

/// A surface named in full and then by its last words refers back to it: "Claude Haiku 5 is now
/// available in GitHub Copilot. Copilot Pro and Business users ..." is GitHub Copilot, not the
/// Microsoft Copilot the bare alias "Copilot" names elsewhere.
void resolve_short_surfaces(std::string_view text, std::vector<EntityMatch>& entities) {
    for (std::size_t i = 0; i < entities.size(); ++i) {
        auto& later = entities[i];
        if (later.kind != EntityKind::Surface) {
            continue;
        }
        const auto short_name = to_lower_ascii(text.substr(later.begin, later.end - later.begin));
        for (std::size_t j = 0; j < i; ++j) {
            const auto& full = entities[j];
            const auto full_name = to_lower_ascii(text.substr(full.begin, full.end - full.begin));
            if (full.kind == EntityKind::Surface && full.slug != later.slug && full_name.size() > short_name.size() &&
                full_name.ends_with(" " + short_name)) {
                later.slug = full.slug;
                break;
            }
        }
    }
}

/// The lab's one surface whose slug satisfies `pred` (its API, its app), or null when it has none
/// or several: "the app" names none of two.
template <typename Pred>
const Surface* only_own_surface(const Taxonomy& taxonomy, const std::string& lab, Pred pred) {
    const Surface* found = nullptr;
    for (const auto& s : taxonomy.surfaces) {
        if (s.owner == lab && pred(s.slug)) {
            if (found != nullptr) {
                return nullptr;
            }
            found = &s;
        }
    }
    return found;
}

bool app_slug(std::string_view slug) {
    return slug.size() > 4 && slug.substr(slug.size() - 4) == "-app";
}

/// On a lab's own feed, its products said by their common nouns after a determiner, alone or in a
/// coordinated list: "the API" / "our API" is the lab's API (its one surface with "api" in its
/// slug), "our app" its one app; "live in the DeepSeek app and the API today" is deepseek-api,
/// "now live on our web chat, app and API" its app and its API. "API" must be written as the
/// acronym; a list runs over its nouns' modifiers (web, mobile, iOS, chat) and "," / "and" / "or".
/// "the apps" stays anyone's.
void add_own_surfaces(std::string_view text, const std::vector<Token>& tokens, const std::optional<std::string>& lab,
                      const Taxonomy& taxonomy, std::vector<EntityMatch>& entities) {
    if (!lab) {
        return;
    }
    const Surface* api = only_own_surface(taxonomy, *lab, api_slug);
    const Surface* app = only_own_surface(taxonomy, *lab, app_slug);
    // "the apps you use every day" are anyone's: a plural is the lab's only after "our" or "its".
    const auto surface_of = [&](const Token& t, bool possessive) -> const Surface* {
        if (t.norm == "api" && text.substr(t.begin, 3) == "API") {
            return api;
        }
        return t.norm == "app" || (t.norm == "apps" && possessive) ? app : nullptr;
    };
    static const std::vector<std::string_view> modifiers = {"web",     "mobile", "ios", "android", "desktop",
                                                            "iphone",  "chat",   "and", "or",      "both",
                                                            "website", "the",    "our", "its"};
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const auto& det = tokens[i].norm;
        if (det != "the" && det != "our" && det != "its") {
            continue;
        }
        for (std::size_t k = i + 1; k < tokens.size(); ++k) {
            const Surface* s = surface_of(tokens[k], det != "the");
            if (s == nullptr) {
                if (std::find(modifiers.begin(), modifiers.end(), tokens[k].norm) == modifiers.end()) {
                    break;
                }
                continue;
            }
            const auto at = tokens[k].begin;
            const bool covered = std::any_of(entities.begin(), entities.end(),
                                             [&](const EntityMatch& m) { return m.begin <= at && at < m.end; });
            if (!covered) {
                const EntityMatch match{EntityKind::Surface, s->slug, *lab, at, tokens[k].end};
                entities.insert(
                    std::upper_bound(entities.begin(), entities.end(), match,
                                     [](const EntityMatch& a, const EntityMatch& b) { return a.begin < b.begin; }),
                    match);
            }
        }
    }
}

}  // namespace

namespace {

/// The entities of ctx.text and the lab the context speaks for (the source's, an EDGAR filing's
/// by its CIK, else the first lab the text names).
void match_entities(Context& ctx) {
    ctx.entities = ctx.matcher.find_all(ctx.text);
    resolve_short_surfaces(ctx.text, ctx.entities);
    // "under the Llama 4 Community License": a licence's name, not the model it is named after.
    std::erase_if(ctx.entities, [&](const EntityMatch& m) {
        return m.kind == EntityKind::Model && licence_follows(ctx.text, m.end);
    });
    // A surface said by the last words of a fuller surface's name ("Copilot") is that fuller
    // surface when the context gives it: the source's own (GitHub Copilot's changelog), else one the
    // same text says in full ("Copilot Chat" under a lead that says "GitHub Copilot"); a text keeps
    // to one product. Elsewhere the alias names what the taxonomy says (Microsoft Copilot).
    const auto shortens = [](const Surface& fuller, const std::string& said) {
        return to_lower_ascii(fuller.name).ends_with(" " + said);
    };
    const auto said_of = [&](const EntityMatch& m) {
        return to_lower_ascii(ctx.text.substr(m.begin, m.end - m.begin));
    };
    if (const Surface* own = ctx.source_surface ? ctx.taxonomy.find_surface(*ctx.source_surface) : nullptr) {
        for (auto& m : ctx.entities) {
            if (m.kind == EntityKind::Surface && m.slug != own->slug && shortens(*own, said_of(m))) {
                m.slug = own->slug;
                m.lab = own->owner;
            }
        }
    }
    // The source's name or its link's host may say the rest of the fuller name: on "GitHub
    // Changelog" (github.blog) "Copilot Chat" is GitHub Copilot's, on a "Microsoft 365 blog"
    // Microsoft 365 Copilot's.
    const auto source_words = [&] {
        auto words = tokenize(ctx.source.name);
        for (auto& t : host_words(ctx.item.entry.link)) {
            words.push_back(std::move(t));
        }
        return words;
    }();
    const auto source_says_rest = [&](const Surface& fuller, const std::string& said) {
        const auto rest = std::string_view(fuller.name).substr(0, fuller.name.size() - said.size() - 1);
        const auto rest_words = tokenize(rest);
        for (std::size_t i = 0; !rest_words.empty() && i + rest_words.size() <= source_words.size(); ++i) {
            if (std::equal(rest_words.begin(), rest_words.end(), source_words.begin() + static_cast<std::ptrdiff_t>(i),
                           [](const Token& a, const Token& b) { return a.norm == b.norm; })) {
                return true;
            }
        }
        return false;
    };
    if (!ctx.source.lab) {
        for (auto& m : ctx.entities) {
            if (m.kind != EntityKind::Surface) {
                continue;
            }
            const auto said = said_of(m);
            for (const auto& s : ctx.taxonomy.surfaces) {
                if (s.slug != m.slug && shortens(s, said) && source_says_rest(s, said)) {
                    m.slug = s.slug;
                    m.lab = s.owner;
                    break;
                }
            }
        }
    }
    std::vector<const Surface*> said_in_full;
    for (const auto& m : ctx.entities) {
        const Surface* s = m.kind == EntityKind::Surface ? ctx.taxonomy.find_surface(m.slug) : nullptr;
        if (s != nullptr && said_of(m) == to_lower_ascii(s->name)) {
            said_in_full.push_back(s);
        }
    }
    for (auto& m : ctx.entities) {
        if (m.kind != EntityKind::Surface) {
            continue;
        }
        const auto said = said_of(m);
        for (const Surface* s : said_in_full) {
            if (s->slug != m.slug && shortens(*s, said)) {
                m.slug = s->slug;
                m.lab = s->owner;
                break;
            }
        }
    }
    // "Anthropic's Claude Haiku 5 launched in the API": on a feed of no lab, a text naming one lab
    // alone speaks of that lab's products.
    std::optional<std::string> products_of = ctx.source.lab;
    for (const auto& m : ctx.entities) {
        if (!ctx.source.lab && m.kind == EntityKind::Lab) {
            if (products_of && *products_of != m.lab) {
                products_of.reset();
                break;
            }
            products_of = m.lab;
        }
    }
    add_own_surfaces(ctx.text, ctx.tokens, products_of, ctx.taxonomy, ctx.entities);
    ctx.lab = ctx.source.lab;
    if (auto cik = ctx.item.entry.extra.find("cik"); !ctx.lab && cik != ctx.item.entry.extra.end()) {
        // An EDGAR filing speaks for the lab whose listed security has its CIK.
        const auto digits = [](std::string s) { return s.erase(0, std::min(s.find_first_not_of('0'), s.size())); };
        for (const auto& lab : ctx.taxonomy.labs) {
            if (lab.security && digits(lab.security->cik) == digits(cik->second)) {
                ctx.lab = lab.slug;
            }
        }
    }
    if (!ctx.lab) {
        for (const auto& m : ctx.entities) {
            if (m.kind == EntityKind::Lab || m.kind == EntityKind::Security) {
                ctx.lab = m.lab;
                break;
            }
        }
    }
}

}  // namespace

Context make_context(const Item& item, const Item* previous, const SourceInfo& source, const Taxonomy& taxonomy,
                     const Rules& rules, const EntityMatcher& matcher, const std::optional<std::string>& text_override,
                     std::shared_ptr<ContextMemo> memo) {
    if (!memo) {
        memo = std::make_shared<ContextMemo>();
    }
    Context ctx{item,       previous, source, taxonomy, rules, matcher,        {}, {}, {},
                source.lab, {},       {},     false,    false, std::move(memo)};
    ctx.text = text_override ? *text_override : item_text(item.entry);
    ctx.tokens = tokenize(ctx.text);
    ctx.source_surface = source_surface(source, taxonomy, item.entry.link);
    ctx.source_evaluator = source_evaluator(source, rules, item.entry.link);
    match_entities(ctx);
    return ctx;
}

Context rematch_context(Context&& ctx) {
    match_entities(ctx);
    return std::move(ctx);
}

TimePoint item_time(const Context& ctx) {
    const auto& e = ctx.item.entry;
    return e.published ? *e.published : e.updated ? *e.updated : ctx.item.fetched_at;
}

Event make_event(const Context& ctx, EventKind kind, std::string dedupe_key, double confidence,
                 std::size_t snippet_pos) {
    const auto& e = ctx.item.entry;
    Event ev;
    ev.kind = kind;
    ev.dedupe_key = std::move(dedupe_key);
    ev.title = e.title;
    ev.lab = ctx.lab;
    ev.detected_at = ctx.item.fetched_at;
    ev.occurred_at = item_time(ctx);
    if (!e.published && !e.updated) {
        confidence *= 0.8;  // the fetch time is only an upper bound
    }
    const auto since_midnight = ev.occurred_at - std::chrono::floor<std::chrono::days>(ev.occurred_at);
    ev.time_precision = since_midnight.count() == 0 ? "day" : "second";
    ev.confidence = std::clamp(confidence, 0.05, 1.0);
    Evidence evidence;
    evidence.item_id = ctx.item.id;
    evidence.url = e.link;
    evidence.source = ctx.source.name;
    evidence.snippet = snippet_around(ctx.text, snippet_pos);
    evidence.fetched_at = ctx.item.fetched_at;
    ev.evidence.push_back(std::move(evidence));
    return ev;
}

double strongest_cue(const Context& ctx, std::string_view list, std::size_t* pos, std::string* value) {
    double best = 0.0;
    for (const auto& cue : ctx.rules.list(list)) {
        if (cue.remove) {
            continue;
        }
        auto at = find_phrase_text(ctx.tokens, cue.pattern);
        if (at && cue.confidence > best) {
            best = cue.confidence;
            if (pos) {
                *pos = ctx.tokens[*at].begin;
            }
            if (value) {
                *value = cue.value;
            }
        }
    }
    return best;
}

bool api_slug(std::string_view slug) {
    TokenCursor words(slug);
    for (std::string_view w; words.next(w);) {
        if (norm_equals(w, "api")) {
            return true;
        }
    }
    return false;
}

const EntityMatch* first_entity(const Context& ctx, EntityKind kind) {
    auto it =
        std::find_if(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) { return m.kind == kind; });
    return it == ctx.entities.end() ? nullptr : &*it;
}

std::string year_month(TimePoint t) {
    return format_date(t).substr(0, 7);
}

}  // namespace fw::extract
