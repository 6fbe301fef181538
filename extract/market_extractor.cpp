#include "extract/extractors.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "domain/slug.h"
#include "domain/event_schema.h"
#include "extract/grammar.h"

namespace fw::extract {
namespace {

struct Range {
    double low = 0;
    double high = 0;
    std::size_t end = 0;
};

bool digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

std::optional<double> number_at(std::string_view text, std::size_t& i) {
    std::string digits;
    while (i < text.size() &&
           (digit(text[i]) || text[i] == ',' || (text[i] == '.' && i + 1 < text.size() && digit(text[i + 1])))) {
        if (text[i] != ',') {
            digits.push_back(text[i]);
        }
        ++i;
    }
    if (digits.empty()) {
        return std::nullopt;
    }
    return std::strtod(digits.c_str(), nullptr);
}

double unit_at(std::string_view text, std::size_t& i) {
    while (i < text.size() && text[i] == ' ') {
        ++i;
    }
    for (auto [word, scale] :
         {std::pair<std::string_view, double>{"billion", 1e9}, {"million", 1e6}, {"trillion", 1e12}, {"bn", 1e9}}) {
        if (text.substr(i, word.size()) == word) {
            i += word.size();
            return scale;
        }
    }
    // "$120B-$130B", "$5.5M": a letter right after the figure, ending the word.
    for (auto [letter, scale] : {std::pair<char, double>{'B', 1e9}, {'M', 1e6}, {'T', 1e12}}) {
        if (i < text.size() && text[i] == letter &&
            (i + 1 == text.size() || std::isalpha(static_cast<unsigned char>(text[i + 1])) == 0)) {
            i += 1;
            return scale;
        }
    }
    return 0;
}

/// "$125-145 billion", "$125 billion to $145 billion", "$66–72 billion" starting at or after `from`
/// (within `limit` bytes). With `single`, one amount with its unit ("to $95 billion") is a range
/// of one value: newsroom headlines give the new figure only.
std::optional<Range> money_range(std::string_view text, std::size_t from, std::size_t limit = 160,
                                 bool single = false) {
    auto dollar = text.find('$', from);
    if (dollar == std::string_view::npos || dollar > from + limit) {
        return std::nullopt;
    }
    std::size_t i = dollar + 1;
    auto low = number_at(text, i);
    if (!low) {
        return std::nullopt;
    }
    double low_unit = unit_at(text, i);
    std::size_t j = i;
    while (j < text.size() && text[j] == ' ') {
        ++j;
    }
    if (text.substr(j, 1) == "-") {
        j += 1;
    } else if (text.substr(j, 3) == "\xE2\x80\x93") {
        j += 3;
    } else if (text.substr(j, 3) == "to " && j + 3 < text.size() && (text[j + 3] == '$' || digit(text[j + 3]))) {
        j += 3;
    } else if (text.substr(j, 4) == "and " && j + 4 < text.size() && (text[j + 4] == '$' || digit(text[j + 4])) &&
               dollar >= 8 && to_lower_ascii(text.substr(dollar - 8, 8)) == "between ") {
        j += 4;  // "between $130 billion and $145 billion"
    } else if (single && low_unit != 0) {
        return Range{*low * low_unit, *low * low_unit, i};
    } else {
        return std::nullopt;
    }
    while (j < text.size() && (text[j] == ' ' || text[j] == '$')) {
        ++j;
    }
    auto high = number_at(text, j);
    if (!high) {
        return std::nullopt;
    }
    const double unit = unit_at(text, j);
    if (unit == 0) {
        return std::nullopt;
    }
    return Range{*low * (low_unit == 0 ? unit : low_unit), *high * unit, j};
}

std::optional<int> fiscal_year(std::string_view text, std::size_t capex_pos) {
    const auto start = capex_pos > 80 ? capex_pos - 80 : 0;
    auto window = text.substr(start, capex_pos - start + 80);
    for (const auto& t : tokenize(window)) {
        if (t.norm.size() == 4 && t.norm.rfind("20", 0) == 0 && std::all_of(t.norm.begin(), t.norm.end(), digit)) {
            return std::atoi(t.norm.c_str());
        }
    }
    return std::nullopt;
}

std::string direction_of(const Context& ctx, std::string_view sentence, const std::optional<Range>& prior,
                         const Range& now) {
    Context sentence_ctx = ctx;
    sentence_ctx.tokens = tokenize(sentence);
    std::string value;
    if (strongest_cue(sentence_ctx, "capex_directions", nullptr, &value) > 0 && !value.empty()) {
        return value;
    }
    if (!prior) {
        return "initiated";
    }
    if (now.low == prior->low && now.high == prior->high) {
        return "reaffirmed";
    }
    if (now.low >= prior->low && now.high <= prior->high) {
        return "narrowed";
    }
    return now.low + now.high > prior->low + prior->high ? "raised" : "lowered";
}

std::string company_of(const Context& ctx) {
    if (ctx.lab) {
        return *ctx.lab;
    }
    auto c = ctx.item.entry.extra.find("company");
    return c == ctx.item.entry.extra.end() ? std::string("unknown") : slugify(c->second);
}

/// Byte offsets of every capex phrase in the item, first first: the headline's "capex" before the
/// lead's "capital expenditures" ("Meta lifts 2026 capex outlook to $120B-$130B | Capital
/// expenditures will rise further in 2027").
std::vector<std::size_t> capex_mentions(const Context& ctx) {
    std::vector<std::size_t> at;
    for (const auto& cue : ctx.rules.list("capex_phrases")) {
        const auto phrase = phrase_tokens(cue.pattern);
        for (auto k = find_phrase(ctx.tokens, phrase); !cue.remove && k; k = find_phrase(ctx.tokens, phrase, *k + 1)) {
            at.push_back(ctx.tokens[*k].begin);
        }
    }
    std::sort(at.begin(), at.end());
    return at;
}

/// The guided range a capex mention at `pos` gives, with the start of the sentence that says its
/// direction.
std::optional<Range> capex_range(const Context& ctx, std::size_t pos, std::size_t& sentence_begin) {
    auto now = money_range(ctx.text, pos, 200);
    // The verb giving the direction may precede "capex": "Meta lifted its 2027 capital expenditure
    // forecast to ...".
    sentence_begin = sentence_around(ctx.text, pos).begin;
    if (!now) {
        sentence_begin = 0;  // the headline's verb comes before "capex"
        // "Alphabet lifts 2026 capex guidance to $95 billion": a headline's single new figure,
        // with the direction its verb gives.
        const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
        const std::string_view title = std::string_view(ctx.text).substr(0, title_end);
        now = pos < title_end ? money_range(title, pos, 120, true) : std::nullopt;
        if (!now && pos < title_end) {
            now = money_range(title, 0, pos, true);  // "reaffirms $85 billion capex plan": the figure first
        }
    }
    return now;
}

void extract_capex(const Context& ctx, ExtractOutput& out) {
    std::size_t pos = 0;
    std::size_t sentence_begin = 0;
    std::optional<Range> now;
    for (const auto at : capex_mentions(ctx)) {
        if ((now = capex_range(ctx, at, sentence_begin))) {
            pos = at;
            break;
        }
    }
    if (!now) {
        return;
    }
    const auto sentence_end = ctx.text.find(". ", now->end);
    const auto end = sentence_end == std::string::npos ? ctx.text.size() : sentence_end;
    const std::string_view sentence = std::string_view(ctx.text).substr(sentence_begin, end - sentence_begin);
    std::optional<Range> prior;
    for (std::string_view mark : {"prior", "previous", "had expected", "earlier forecast"}) {
        if (auto p = ifind(ctx.text, mark, now->end); p && (*p < end || *p < now->end + 120)) {
            prior = money_range(ctx.text, *p, 80);  // "Previously the company expected $115 billion to ..."
            if (prior) {
                break;
            }
        }
    }
    const auto direction = direction_of(ctx, sentence, prior, *now);
    if (!prior && direction == "reaffirmed") {
        prior = now;  // "unchanged from our prior outlook": the prior range is this one
    }
    auto ev = make_event(ctx, EventKind::CapexGuidance, "", 0.9, pos);
    const int year = fiscal_year(ctx.text, pos)
                         .value_or(static_cast<int>(std::chrono::year_month_day(day_of(ev.occurred_at)).year()));
    const auto company = company_of(ctx);
    ev.dedupe_key = "capex_guidance|" + company + "|FY" + std::to_string(year) + "|" + format_date(ev.occurred_at);
    if (const auto* lab = ctx.lab ? ctx.taxonomy.find_lab(*ctx.lab) : nullptr; lab && lab->security) {
        ev.security = lab->security->ticker;
    }
    put(ev.fields, field::company, company);
    put(ev.fields, field::fiscal_year, static_cast<std::int64_t>(year));
    put(ev.fields, field::low_usd, static_cast<std::int64_t>(std::llround(now->low)));
    put(ev.fields, field::high_usd, static_cast<std::int64_t>(std::llround(now->high)));
    put(ev.fields, field::prior_low_usd, prior ? std::optional(std::llround(prior->low)) : std::nullopt);
    put(ev.fields, field::prior_high_usd, prior ? std::optional(std::llround(prior->high)) : std::nullopt);
    put(ev.fields, field::direction, direction);
    out.events.push_back(std::move(ev));
}

/// The dollar amount right after the first `word` that has one ("to Neutral ... to $640" -> 640).
std::optional<double> dollars_after(std::string_view text, std::string_view word) {
    for (auto at = ifind(text, word); at; at = ifind(text, word, *at + word.size())) {
        const auto dollar = text.find('$', *at);
        if (dollar != std::string_view::npos && dollar <= *at + word.size() + 3) {
            std::size_t i = dollar + 1;
            return number_at(text, i);
        }
    }
    return std::nullopt;
}

/// A dollar figure right before "target" or "price target": "with Outperform, $950 target".
std::optional<double> dollars_before_target(std::string_view text) {
    for (std::string_view word : {" price target", " target"}) {
        if (const auto at = ifind(text, word)) {
            const auto dollar = text.rfind('$', *at);
            if (dollar != std::string_view::npos && *at - dollar <= 12) {
                std::size_t i = dollar + 1;
                auto value = number_at(text, i);
                if (value && trim(text.substr(i, *at - i)).empty()) {
                    return value;
                }
            }
        }
    }
    return std::nullopt;
}

/// A firm named as a passive's agent after the action: "Meta cut to Neutral at Loop Capital",
/// "Meta upgraded to Buy by Jefferies".
bool passive_agent(std::string_view title, std::size_t firm_pos) {
    const auto before = title.substr(0, firm_pos);
    return before.ends_with(" at ") || before.ends_with(" by ");
}

struct Rating {
    std::string name;  ///< as the text writes it
    int rank = 3;      ///< the rules' analyst_ratings value: 5 strong buy ... 1 sell
};

/// The rating right after `mark` (" to ", " from ") at or after byte `from` of `text`: "to
/// Neutral", "from Buy". Nullopt when none of the rules' analyst_ratings follows the mark.
std::optional<Rating> rating_after(const Context& ctx, std::string_view text, std::size_t from, std::string_view mark) {
    const auto at = ifind(text.substr(std::min(from, text.size())), mark);
    if (!at) {
        return std::nullopt;
    }
    const auto rest = text.substr(from + *at + mark.size());
    const auto words = tokenize(rest.substr(0, 24));
    std::optional<Rating> best;
    for (const auto& cue : ctx.rules.list("analyst_ratings")) {
        const auto phrase = phrase_tokens(cue.pattern);
        if (cue.remove || find_phrase(words, phrase) != std::optional<std::size_t>(0)) {
            continue;
        }
        if (!best || phrase.size() > tokenize(best->name).size()) {  // "strong buy" over "buy"
            best = Rating{std::string(rest.substr(0, words[phrase.size() - 1].end)), std::atoi(cue.value.c_str())};
        }
    }
    return best;
}

void extract_analyst(const Context& ctx, ExtractOutput& out) {
    const std::string_view title = std::string_view(ctx.text).substr(0, ctx.text.find('\n'));
    Context title_ctx = ctx;
    title_ctx.tokens = tokenize(title);
    std::size_t action_pos = 0;
    std::string action;
    const double conf = strongest_cue(title_ctx, "analyst_actions", &action_pos, &action);
    if (conf <= 0) {
        return;
    }
    std::string firm;
    std::size_t firm_pos = 0;
    double scale = 1.0;
    const bool firm_named = strongest_cue(title_ctx, "analyst_firms", &firm_pos, &firm) > 0;
    if (!firm_named || (firm_pos > action_pos && !passive_agent(title, firm_pos))) {
        // "Analyst raises Meta price target to $900" with the firm in the lead ("Morgan Stanley
        // sees ..."): the headline must speak of a price target or a rating, the lead name the firm.
        const auto said = tokenize(title);
        const bool rating_words = has_phrase(said, "price target") || has_phrase(said, "target") ||
                                  has_phrase(said, "analyst") || has_phrase(said, "analysts") ||
                                  has_phrase(said, "rating") || rating_after(ctx, title, action_pos, " to ");
        const auto lead = lead_sentence(ctx.text);
        Context lead_ctx = ctx;
        lead_ctx.tokens = tokenize(std::string_view(ctx.text).substr(lead.begin, lead.end - lead.begin));
        firm.clear();
        if (!rating_words || strongest_cue(lead_ctx, "analyst_firms", nullptr, &firm) <= 0) {
            return;  // no known firm: a company raising its own numbers, not a rating
        }
        firm_pos = 0;
        scale = 0.9;
    }
    std::optional<std::string> symbol;
    std::optional<std::string> lab;
    // The rated company follows an active verb ("Jefferies lifts Meta target") and comes first in
    // a passive headline ("Meta cut to Neutral at Loop Capital").
    for (const auto searched : {title.substr(action_pos), title}) {
        for (const auto& m : ctx.matcher.find_all(searched)) {
            if (const auto* l = (m.kind == EntityKind::Lab || m.kind == EntityKind::Security)
                                    ? ctx.taxonomy.find_lab(m.lab)
                                    : nullptr;
                l && l->security && !symbol) {
                symbol = l->security->ticker;
                lab = l->slug;
            }
        }
    }
    if (!symbol) {
        return;
    }
    auto ev = make_event(ctx, EventKind::AnalystRating, "", conf * scale, firm_pos);
    ev.dedupe_key = "analyst_rating|" + firm + "|" + *symbol + "|" + format_date(ev.occurred_at);
    ev.security = symbol;
    ev.lab = lab;
    put(ev.fields, field::firm, firm);
    put(ev.fields, field::symbol, *symbol);
    // "Meta cut to Neutral at Loop Capital", "downgraded ... to Neutral from Buy": the ratings
    // say whether it is an upgrade or a downgrade, whatever the verb (the lead may say them).
    auto new_rating = rating_after(ctx, title, action_pos, " to ");
    auto old_rating = rating_after(ctx, title, action_pos, " from ");
    if (!new_rating || !old_rating) {
        const auto lead = lead_sentence(ctx.text);
        const auto said = std::string_view(ctx.text).substr(lead.begin, lead.end - lead.begin);
        const auto lead_new = rating_after(ctx, said, 0, " to ");
        if (!new_rating || (lead_new && lead_new->name == new_rating->name)) {
            new_rating = lead_new;
            old_rating = rating_after(ctx, said, 0, " from ");
        }
    }
    if (new_rating && (action == "pt_change" || action == "upgrade" || action == "downgrade")) {
        const int from = old_rating ? old_rating->rank : 3;
        if (new_rating->rank != from || !old_rating) {
            action = new_rating->rank > from ? "upgrade" : "downgrade";
        }
    }
    put(ev.fields, field::action, action);
    put(ev.fields, field::new_rating, new_rating ? std::optional(new_rating->name) : std::nullopt);
    put(ev.fields, field::old_rating, old_rating ? std::optional(old_rating->name) : std::nullopt);
    auto new_target = dollars_after(title, " to ");
    auto old_target = dollars_after(title, " from ");
    if (!new_target) {
        // "Goldman upgrades Meta to Buy" + "... raised its price target on Meta to $910 from $800.":
        // the targets in the lead's sentence that speaks of a price target.
        const auto lead = lead_sentence(ctx.text);
        const auto said = std::string_view(ctx.text).substr(lead.begin, lead.end - lead.begin);
        if (has_phrase(tokenize(said), "price target") || has_phrase(tokenize(said), "target")) {
            new_target = dollars_after(said, " to ");
            old_target = dollars_after(said, " from ");
        }
    }
    if (!new_target) {
        new_target = dollars_before_target(title);  // "initiates ... with Outperform, $950 target"
    }
    put(ev.fields, field::new_target, new_target);
    put(ev.fields, field::old_target, old_target);
    out.events.push_back(std::move(ev));
}

}  // namespace

void extract_market(const Context& ctx, ExtractOutput& out) {
    extract_capex(ctx, out);
    extract_analyst(ctx, out);
}

}  // namespace fw::extract
