#include "extract/context.h"

#include <algorithm>
#include <chrono>

namespace fw::extract {
namespace {

std::string item_text(const FeedEntry& e) {
    std::string text = e.title;
    for (const auto* part : {&e.summary_text, &e.content_text, &e.article_text}) {
        // Generated feeds repeat the title as the description: keep it once.
        if (!part->empty() && *part != e.title && part->find(e.title) != 0) {
            text += "\n" + *part;
        } else if (!part->empty() && *part != e.title) {
            text += "\n" + part->substr(std::min(part->size(), e.title.size()));
        }
    }
    return text;
}

}  // namespace

Context make_context(const Item& item, const Item* previous, const SourceInfo& source, const Taxonomy& taxonomy,
                     const Rules& rules, const EntityMatcher& matcher,
                     const std::optional<std::string>& text_override) {
    Context ctx{item, previous, source, taxonomy, rules, matcher, {}, {}, {}, source.lab};
    ctx.text = text_override ? *text_override : item_text(item.entry);
    ctx.tokens = tokenize(ctx.text);
    ctx.entities = matcher.find_all(ctx.text);
    if (auto cik = item.entry.extra.find("cik"); !ctx.lab && cik != item.entry.extra.end()) {
        // An EDGAR filing speaks for the lab whose listed security has its CIK.
        const auto digits = [](std::string s) { return s.erase(0, std::min(s.find_first_not_of('0'), s.size())); };
        for (const auto& lab : taxonomy.labs) {
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
    return ctx;
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
    if (e.published) {
        ev.occurred_at = *e.published;
    } else if (e.updated) {
        ev.occurred_at = *e.updated;
    } else {
        ev.occurred_at = ctx.item.fetched_at;
        confidence *= 0.8;
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
        auto at = find_phrase(ctx.tokens, phrase_tokens(cue.pattern));
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

const EntityMatch* first_entity(const Context& ctx, EntityKind kind) {
    auto it =
        std::find_if(ctx.entities.begin(), ctx.entities.end(), [&](const EntityMatch& m) { return m.kind == kind; });
    return it == ctx.entities.end() ? nullptr : &*it;
}

std::string year_month(TimePoint t) {
    return format_date(t).substr(0, 7);
}

}  // namespace fw::extract
