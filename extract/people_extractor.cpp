#include "extract/extractors.h"

#include <algorithm>
#include <iterator>
#include <cctype>
#include <deque>
#include <mutex>

#include "domain/slug.h"
#include "extract/confidence.h"
#include "extract/grammar.h"
#include "extract/model_names.h"
#include "domain/event_schema.h"

namespace fw::extract {
namespace {

/// ASCII upper case, or a UTF-8 Latin-1 capital ("Élodie": C3 80..9E except the sign C3 97).
bool capitalised(std::string_view word) {
    if (word.empty()) {
        return false;
    }
    const auto c0 = static_cast<unsigned char>(word[0]);
    if (c0 == 0xC3 && word.size() > 1) {
        const auto c1 = static_cast<unsigned char>(word[1]);
        return c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97;
    }
    return std::isupper(c0) != 0;
}

/// "Mariano-Florentino (Tino) Cuéllar" -> "Mariano-Florentino Cuéllar": a nickname in brackets
/// is not part of the name.
std::string without_brackets(std::string_view text) {
    std::string out;
    int depth = 0;
    for (char c : text) {
        depth += c == '(' ? 1 : 0;
        if (depth == 0) {
            out.push_back(c);
        }
        depth -= (c == ')' && depth > 0) ? 1 : 0;
    }
    return collapse_spaces(out);
}

/// "Cuéllar" -> "Cuellar" for the slug: Latin-1 letters (UTF-8 C3 xx) fold to their ASCII base
/// letter, so a name spelled with or without accents gets one slug.
std::string fold_accents(std::string_view text) {
    // Base letters of U+00C0..U+00FF; '_' marks signs and letters without a one-letter base.
    static constexpr std::string_view base = "AAAAAAACEEEEIIIIDNOOOOO_OUUUUY_saaaaaaaceeeeiiiidnooooo_ouuuuy_y";
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c1 = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (static_cast<unsigned char>(text[i]) == 0xC3 && c1 >= 0x80 && c1 <= 0xBF && base[c1 - 0x80] != '_') {
            out.push_back(base[c1 - 0x80]);
            ++i;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

bool role_word(const Context& ctx, std::string_view word) {
    auto t = tokenize(word);
    if (t.empty()) {
        return false;
    }
    // "Co-Founder": any part of a hyphenated title word.
    return std::any_of(t.begin(), t.end(),
                       [&](const Token& part) { return ctx.rules.contains("role_words", part.norm); });
}

/// Up to three capitalised words at the end (`from_end`) or start of `text`: a person's name.
/// A title word ("General Manager", "Head of Japan") ends the name.
std::string name_run(const Context& ctx, std::string_view text, bool from_end) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') {
            ++i;
        }
        auto j = text.find(' ', i);
        if (j == std::string_view::npos) {
            j = text.size();
        }
        if (j > i) {
            words.push_back(text.substr(i, j - i));
        }
        i = j;
    }
    std::vector<std::string_view> run;
    // Headline case capitalises function words too: "Why I'm Leaving xAI" names nobody.
    auto function_word = [&](std::string_view w) {
        const auto t = tokenize(w);
        return !t.empty() && ctx.rules.contains("non_name_words", t.front().norm);
    };
    auto part_of_name = [&](std::string_view w) { return capitalised(w) && !role_word(ctx, w) && !function_word(w); };
    if (from_end) {
        // A comma ends a headline's segment ("..., Hollywood Joins ..."): a name does not span it.
        for (auto it = words.rbegin();
             it != words.rend() && part_of_name(*it) && run.size() < 3 && (run.empty() || !it->ends_with(",")); ++it) {
            run.insert(run.begin(), *it);
        }
    } else {
        for (auto it = words.begin(); it != words.end() && part_of_name(*it) && run.size() < 3; ++it) {
            run.push_back(*it);
        }
    }
    if (run.size() < 2) {
        return {};  // one capitalised word is too often a company or a title
    }
    std::string out;
    for (auto w : run) {
        out += (out.empty() ? "" : " ") + std::string(w);
    }
    return out;
}

/// "... as Chief Financial Officer" / "... to Anthropic's board of directors".
std::string role_in(std::string_view text) {
    for (std::string_view marker : {" as ", "’s ", "'s "}) {
        if (auto at = ifind(text, marker)) {
            auto rest = text.substr(*at + marker.size());
            auto end = rest.find_first_of(",;:(");
            auto and_at = ifind(rest, " and ");
            end = std::min(end, and_at.value_or(std::string_view::npos));
            return std::string(trim(rest.substr(0, end)));
        }
    }
    return {};
}

/// A run of capitalised words that is a person's name, not a lab's, a product's or a model's: no
/// tracked entity starts it or is all of it ("Google DeepMind", "Meta Superintelligence", "Claude
/// Code"). A surname that is also a product's name ("Alex Poe") stays a name.
bool person_shaped(const Context& ctx, std::string_view name) {
    const auto matches = ctx.matcher.find_all(name);
    return std::none_of(matches.begin(), matches.end(),
                        [&](const EntityMatch& m) { return m.begin == 0 || m.end - m.begin == name.size(); });
}

struct PersonRef {
    std::string slug;
    std::string name;  // display name as written
    std::string org;   // the person's known org, if known
};

std::optional<PersonRef> person_in(const Context& ctx, std::string_view side, bool from_end) {
    auto people = ctx.matcher.find(side, EntityKind::Person);
    if (!people.empty()) {
        const auto& p = from_end ? people.back() : people.front();
        const auto* info = ctx.taxonomy.find_person(p.slug);
        return PersonRef{p.slug, info ? info->name : std::string(side.substr(p.begin, p.end - p.begin)),
                         info ? info->org : ""};
    }
    // "xAI Co-Founder Babuschkin Exits": a tracked person by the last name alone, when the text
    // names them in full elsewhere (the lead: "Igor Babuschkin, who led engineering on Grok, ...").
    const auto side_words = tokenize(side);
    for (const auto& m : ctx.entities) {
        const auto* person = m.kind == EntityKind::Person ? ctx.taxonomy.find_person(m.slug) : nullptr;
        const auto space = person != nullptr ? person->name.rfind(' ') : std::string::npos;
        if (space == std::string::npos) {
            continue;
        }
        const std::string_view last = std::string_view(person->name).substr(space + 1);
        for (const auto& t : side_words) {
            if (side.substr(t.begin, t.end - t.begin) == last) {
                return PersonRef{person->slug, person->name, person->org};
            }
        }
    }
    const auto plain = without_brackets(side);
    std::vector<std::string> names;
    if (!from_end) {
        // The object of "hires", "poaches", "names": the name that ends its noun phrase, after
        // the descriptors ("former Google DeepMind researcher Jane Doe as chief scientist",
        // "Apple AI chief Ruo Pang"), else the name it starts with ("Theo Hourmouzis General
        // Manager of Australia").
        auto end = plain.size();
        for (std::string_view stop : {" as ", " to ", " from ", " and ", ",", ";", " for "}) {
            if (auto at = ifind(plain, stop)) {
                end = std::min(end, *at);
            }
        }
        const auto phrase = std::string_view(plain).substr(0, end);
        auto last = name_run(ctx, phrase, /*from_end=*/true);
        // Only after a descriptor ("researcher Jane Doe", "chief Ruo Pang"): a run after "&" or
        // another capitalised word ends a title ("General Manager of Australia & New Zealand").
        const auto at = last.empty() ? std::string_view::npos : phrase.rfind(last);
        const auto before = at == std::string_view::npos ? std::string_view{} : trim(phrase.substr(0, at));
        const auto word =
            before.substr(before.find_last_of(' ') == std::string_view::npos ? 0 : before.find_last_of(' ') + 1);
        if (!word.empty() && (std::islower(static_cast<unsigned char>(word.front())) != 0 || role_word(ctx, word))) {
            names.push_back(std::move(last));
        }
    }
    names.push_back(name_run(ctx, plain, from_end));
    if (from_end) {
        // "Priya Raman, who has led post-training since 2023, will become ...": the subject's
        // name comes before its relative clause.
        for (std::string_view rel : {", who ", ", whose ", ", a ", ", the ", ", our ", ", currently "}) {
            if (auto at = ifind(plain, rel)) {
                names.push_back(name_run(ctx, std::string_view(plain).substr(0, *at), /*from_end=*/true));
                break;
            }
        }
    }
    std::string name;
    for (auto& n : names) {
        if (!n.empty() && person_shaped(ctx, n)) {
            name = std::move(n);
            break;
        }
    }
    if (name.empty()) {
        return std::nullopt;  // a lab or product name, not a person
    }
    return PersonRef{slugify(fold_accents(name)), name, ""};
}

}  // namespace

namespace {

/// A model word calling something in `text` a model ("Welcoming Foo Loom, our new image model",
/// "... a model for chemistry"): at the end of a phrase, not a noun's modifier ("to run model
/// evaluations", "joins as head of model behavior" name a job, not a model).
bool names_a_model(const Context& ctx, std::string_view text) {
    static const std::vector<std::string> phrase_enders = {"for", "with", "that", "which", "from",  "by",     "to",
                                                           "in",  "on",   "and",  "of",    "built", "trained"};
    const auto tokens = tokenize(text);
    for (const auto& cue : ctx.rules.list("model_context_words")) {
        const auto phrase = phrase_tokens(cue.pattern);
        for (auto at = find_phrase(tokens, phrase); at; at = find_phrase(tokens, phrase, *at + 1)) {
            const auto next = *at + phrase.size();
            const auto end = tokens[next - 1].end;
            const bool punctuated =
                end < text.size() && std::string_view(",:;.!?)").find(text[end]) != std::string_view::npos;
            if (next == tokens.size() || punctuated ||
                std::find(phrase_enders.begin(), phrase_enders.end(), tokens[next].norm) != phrase_enders.end()) {
                return true;
            }
        }
    }
    return false;
}

/// The rules' personnel phrases and every form of the personnel verb lemmas (people.json), joined
/// once per rule content: it is read twice for every item, and copying ~270 cues each time showed
/// in profiles. Keyed by content, as grammar.cpp's expansions are (a deque keeps references valid).
const std::vector<Cue>& personnel_cues(const Context& ctx) {
    struct Joined {
        std::vector<Cue> phrases;
        const std::vector<Cue>* forms;
        std::vector<Cue> all;
    };
    static std::mutex mutex;
    static std::deque<Joined> cache;
    const auto& phrases = ctx.rules.list("personnel_verbs");
    const auto& forms = person_templates(ctx.rules, "personnel_lemmas");
    std::lock_guard lock(mutex);
    for (const auto& j : cache) {
        if (j.forms == &forms && j.phrases == phrases) {
            return j.all;
        }
    }
    // A headline's infinitive ("X to lead the new team") reads also as the purpose of another verb
    // ("Meta taps X to lead ..."): such phrases come after every verb form, which outrank them.
    std::vector<Cue> all;
    std::copy_if(phrases.begin(), phrases.end(), std::back_inserter(all),
                 [](const Cue& c) { return c.pattern.rfind("{person} to ", 0) != 0; });
    all.insert(all.end(), forms.begin(), forms.end());
    std::copy_if(phrases.begin(), phrases.end(), std::back_inserter(all),
                 [](const Cue& c) { return c.pattern.rfind("{person} to ", 0) == 0; });
    return cache.emplace_back(Joined{phrases, &forms, std::move(all)}).all;
}

/// The organisation a headline's subject names before a hiring verb ("Groq Names Simon Edwards
/// CFO", "Acme AI hires ..."), tracked or not: one to three capitalised words opening the
/// headline, right before the verb. Nullopt for anything else ("Why I joined ...").
/// What a person leaves, right after the verb, is a seat at another organisation than a tracked
/// lab: "leaves board of Helion", "exits the Helion board", "steps down from Helion's board".
bool leaves_something_else(const Context& ctx, std::string_view title, std::size_t verb_end) {
    const auto rest = title.substr(std::min(verb_end, title.size()));
    auto words = tokenize(rest.substr(0, 48));
    std::erase_if(words, [](const Token& t) { return t.norm == "the" || t.norm == "from" || t.norm == "as"; });
    const bool seat =
        std::any_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(4, words.size())),
                    [](const Token& t) { return t.norm == "board" || t.norm == "boards"; });
    return seat && ctx.matcher.find(rest, EntityKind::Lab).empty();
}

std::optional<std::string> subject_org(std::string_view before_slot, const std::string& pattern) {
    const auto verb_words = phrase_tokens(pattern.substr(0, pattern.find("{person}"))).size();
    const auto words = tokenize(before_slot);
    if (verb_words == 0 || words.size() <= verb_words || words.size() - verb_words > 3) {
        return std::nullopt;
    }
    const auto subject_end = words[words.size() - verb_words - 1].end;
    for (std::size_t i = 0; i + verb_words < words.size(); ++i) {
        if (std::isupper(static_cast<unsigned char>(before_slot[words[i].begin])) == 0) {
            return std::nullopt;
        }
    }
    return slugify(before_slot.substr(0, subject_end));
}

/// Whether a subject slot ends in a verb of continuing (people.json continuing_words: "Alexandr
/// Wang continues" before "to lead", "X remains" before "as CEO"): the sentence says what does not
/// change.
bool slot_ends_in_continuation(const Context& ctx, std::string_view slot) {
    const auto words = tokenize(slot);
    return !words.empty() && ctx.rules.contains("continuing_words", words.back().norm);
}

/// Whether the subject slot's last tracked person is a possessor ("Jan Leike's essay", "Wang’s
/// team"): the verb's subject is what they own, not them.
bool person_possesses_subject(const Context& ctx, std::string_view slot) {
    const auto people = ctx.matcher.find(slot, EntityKind::Person);
    if (people.empty()) {
        return false;
    }
    const auto rest = slot.substr(people.back().end);
    for (std::string_view mark : {"'s ", "’s ", "&rsquo;s ", "' ", "’ "}) {
        if (rest.starts_with(mark)) {
            return true;
        }
    }
    return false;
}

/// The first move `text` (a headline, or the lead's first sentence at byte `offset` of ctx.text)
/// states; its confidence scaled by `scale`. False when it states none.
bool move_in(const Context& ctx, std::string_view title, std::size_t offset, double scale, ExtractOutput& out) {
    const auto title_tokens = tokenize(title);
    // Model words outside the names of tracked entities: "Meta Superintelligence Labs" is a lab's
    // name, not a word calling the person a model.
    std::string unnamed(title);
    for (const auto& m : ctx.matcher.find_all(title)) {
        std::fill(unnamed.begin() + static_cast<std::ptrdiff_t>(m.begin),
                  unnamed.begin() + static_cast<std::ptrdiff_t>(m.end), ' ');
    }
    const bool model_word = names_a_model(ctx, unnamed);
    for (const auto& cue : personnel_cues(ctx)) {
        const bool person_first = cue.pattern.rfind("{person}", 0) == 0;
        for (const auto& slot : template_slots(title, title_tokens, cue)) {
            auto person = person_in(ctx, slot.text, person_first);
            if (const auto comma = slot.text.find(',');
                !person && person_first && offset > 0 && comma != std::string::npos) {
                // The lead's subject before an appositive: "Jakub Pachocki, OpenAI's chief
                // scientist, is departing", "Rahul Patil, formerly of Stripe, becomes ..." (a
                // headline's commas separate stories, not appositives).
                person = person_in(ctx, std::string_view(slot.text).substr(0, comma), /*from_end=*/true);
            }
            if (!person || (person->org.empty() && model_word)) {
                continue;  // "Welcoming Foo Loom, our new image model": a model, not a hire
            }
            if (person_first && person_possesses_subject(ctx, slot.text)) {
                continue;  // "Jan Leike's essay returns to ...": the essay is the subject
            }
            if (person_first && slot_ends_in_continuation(ctx, slot.text)) {
                continue;  // "Alexandr Wang continues to lead MSL": no change is a move
            }
            // "Mustafa Suleyman is weighing an exit from Microsoft AI": a move considered, not made;
            // for review.
            const auto slot_words = person_first ? tokenize(slot.text) : std::vector<Token>{};
            const bool hedged = said_within(ctx.rules, "hedge_words", slot_words, 0, slot_words.size());
            std::string move = cue.value;
            auto orgs = ctx.matcher.find(title, EntityKind::Lab);
            if (person_first && move == "joined") {
                // "Ex-OpenAI researcher Kim Lee joins Meta": the org one joins follows the verb.
                auto after = ctx.matcher.find(title.substr(slot.begin + slot.text.size()), EntityKind::Lab);
                if (!after.empty()) {
                    orgs = std::move(after);
                }
            }
            if (person_first && move == "left" && leaves_something_else(ctx, title, slot.begin + slot.text.size())) {
                continue;  // "Sam Altman leaves board of Helion": a seat elsewhere, not his lab
            }
            std::optional<std::string> org = orgs.empty() ? ctx.lab : std::optional(orgs.front().slug);
            if (!org && !person_first) {
                org = subject_org(title.substr(0, slot.begin), cue.pattern);  // "Groq Names Simon Edwards CFO"
            }
            if (move == "appointed") {
                // An appointment is a new role for someone already at the org, else a hire.
                move = (!person->org.empty() && org && person->org == *org) ? "role_change" : "joined";
            }
            const std::string_view rest = person_first ? std::string_view(title).substr(slot.begin + slot.text.size())
                                                       : std::string_view(slot.text);
            auto role = role_in(rest);
            if (auto after = ifind(rest, person->name); role.empty() && after) {
                // "names Theo Hourmouzis General Manager of Australia": the title follows the name.
                auto tail = trim(rest.substr(*after + person->name.size()));
                if (tail.starts_with("to ") && capitalised(trim(tail.substr(3)))) {
                    tail = trim(tail.substr(3));  // "appoints Vas Narasimhan to Board of Directors"
                }
                if (role_word(ctx, tail.substr(0, tail.find(' ')))) {
                    role = std::string(trim(tail.substr(0, std::min(tail.find(" and "), tail.find_first_of(",;:(")))));
                }
            }
            // Nobody the taxonomy knows, moving to or from no organisation it knows ("Robot Antelope
            // Joins Herd" in a digest): a name-shaped phrase more often than a person. Review it.
            const double unanchored = (!org && person->org.empty()) ? 0.7 : 1.0;
            auto ev = make_event(ctx, EventKind::PersonnelMove, "personnel_move|" + person->slug + "|" + move + "|",
                                 cue.confidence * scale * unanchored, offset + slot.begin);
            ev.dedupe_key += year_month(ev.occurred_at);
            ev.cue = "personnel " + cue.pattern;
            if (hedged) {
                ev.confidence = std::min(ev.confidence, kConfidentEvent - 0.1);
                ev.cue += " (a move considered)";
            }
            ev.person = person->slug;
            ev.lab = org;
            put(ev.fields, field::name, person->name);
            put(ev.fields, field::move, move);
            org ? put(ev.fields, field::org, *org) : put_null(ev.fields, field::org);
            role.empty() ? put_null(ev.fields, field::role) : put(ev.fields, field::role, role);
            if (offset > 0) {
                ev.cue += " (lead)";
            }
            out.events.push_back(std::move(ev));
            return true;  // one move per headline
        }
    }
    return false;
}

/// A headline that speaks of a move without naming the person ("Meta's chief AI scientist to
/// depart", "Google DeepMind's head of post-training joins OpenAI"): its verb's move, and for an
/// arrival the organisation named after the verb. Nullopt when it speaks of none.
struct HeadlineMove {
    std::string move;
    std::optional<std::string> org;
};
std::optional<HeadlineMove> speaks_of_move(const Context& ctx, std::string_view title) {
    const auto tokens = tokenize(title);
    for (const auto& cue : personnel_cues(ctx)) {
        std::string verb = cue.pattern;
        if (const auto slot = verb.find("{person}"); slot != std::string::npos) {
            verb.erase(slot, 8);  // a user's rule may have no slot: its words are the verb
        }
        const auto words = phrase_tokens(verb);
        const auto at = words.empty() ? std::nullopt : find_phrase(tokens, words);
        if (!at) {
            continue;
        }
        HeadlineMove found{cue.value, std::nullopt};
        if (cue.value == "joined" && cue.pattern.rfind("{person}", 0) == 0) {
            const auto after = tokens[*at + words.size() - 1].end;
            if (auto orgs = ctx.matcher.find(title.substr(after), EntityKind::Lab); !orgs.empty()) {
                found.org = orgs.front().slug;
            }
        }
        return found;
    }
    // A noun of a move ("Meta Announces Departure of Chief Product Officer", "Leadership
    // update"): the lead names the person, and the noun's move, where it has one, is the move.
    for (const auto& cue : ctx.rules.list("personnel_nouns")) {
        if (!cue.remove && find_phrase(tokens, phrase_tokens(cue.pattern))) {
            return HeadlineMove{cue.value, std::nullopt};
        }
    }
    return std::nullopt;
}

}  // namespace

/// A move told in the first person by its writer ("Some personal news | After six years building
/// Qwen, today is my last day at Alibaba"): the writer is a tracked person named by the source
/// ("Junyang Lin (X)") or by the post's opening "Name:"; a last day is a departure from the
/// person's organisation, "I've joined"/"I'm joining" an arrival at the lab named after it.
bool first_person_move(const Context& ctx, ExtractOutput& out) {
    const auto lead = lead_sentence(ctx.text);
    const auto head_text = std::string_view(ctx.text).substr(0, lead.end);
    const auto head = tokenize(head_text);
    static const std::vector<std::string_view> joined_phrases = {"i ve joined", "i m joining", "i have joined"};
    const auto joined_said = std::any_of(joined_phrases.begin(), joined_phrases.end(),
                                         [&](std::string_view p) { return has_phrase(head, p); });
    if (!said_within(ctx.rules, "first_person_moves", head, 0, head.size()) && !joined_said) {
        return false;
    }
    auto writer = person_in(ctx, ctx.source.name, /*from_end=*/false);
    const auto opening = std::string_view(ctx.text).substr(lead.begin, lead.end - lead.begin);
    if (const auto colon = opening.find(':'); !writer && colon != std::string_view::npos && colon < 40) {
        writer = person_in(ctx, opening.substr(0, colon), /*from_end=*/true);  // "Tom Hollis: After nine years ..."
    }
    if (!writer || ctx.taxonomy.find_person(writer->slug) == nullptr) {
        return false;
    }
    std::string move;
    std::optional<std::string> org;
    const auto labs = ctx.matcher.find(head_text, EntityKind::Lab);
    for (std::string_view last : {"last day", "final day", "last week", "final week"}) {
        if (has_phrase(head, last)) {
            move = "left";
            org = labs.empty() ? std::optional<std::string>() : std::optional(labs.front().slug);
            if (!writer->org.empty()) {
                org = writer->org;  // the person's own lab, whatever parent company the post names
            }
        }
    }
    if (move.empty() && joined_said) {
        move = "joined";
        const auto after = head_text.substr(
            std::min(head_text.size(), static_cast<std::size_t>(ifind(head_text, "join").value_or(0))));
        if (const auto at = ctx.matcher.find(after, EntityKind::Lab); !at.empty()) {
            org = at.front().slug;
        }
    }
    if (move.empty()) {
        return false;  // "Some personal news" alone: the candidate says it
    }
    auto ev =
        make_event(ctx, EventKind::PersonnelMove, "personnel_move|" + writer->slug + "|" + move + "|", 0.7, lead.begin);
    ev.dedupe_key += year_month(ev.occurred_at);
    ev.cue = "first-person move by its writer";
    ev.person = writer->slug;
    ev.lab = org;
    put(ev.fields, field::name, writer->name);
    put(ev.fields, field::move, move);
    org ? put(ev.fields, field::org, *org) : put_null(ev.fields, field::org);
    put_null(ev.fields, field::role);
    out.events.push_back(std::move(ev));
    return true;
}

void extract_people(const Context& ctx, ExtractOutput& out) {
    const auto title_end = std::min(ctx.text.size(), ctx.text.find('\n'));
    const std::string_view title = std::string_view(ctx.text).substr(0, title_end);
    if (move_in(ctx, title, 0, 1.0, out) || title_end >= ctx.text.size()) {
        return;
    }
    const auto headline = speaks_of_move(ctx, title);
    if (!headline) {
        first_person_move(ctx, out);
        return;
    }
    // The name in the lead: "Meta's chief AI scientist to depart. Yann LeCun will leave ...". A
    // digest's headline of several stories tells each in a sentence of its own: "...; Anthropic
    // reshuffles safety leadership | ... And Jan Leike has been named head of ...".
    const auto lead = lead_sentence(ctx.text);
    const auto before = out.events.size();
    const bool digest = title.find(';') != std::string_view::npos || digest_headline(title);
    // A long post under a headline of moves ("An update on our leadership") tells each move in a
    // sentence of its own, wherever in the body: every sentence is read.
    const bool every_sentence = !digest && end_of_lead(ctx.text) < ctx.text.size();
    for (auto sentence = lead; sentence.begin < sentence.end && (every_sentence || out.events.size() == before);) {
        auto said = std::string_view(ctx.text).substr(sentence.begin, sentence.end - sentence.begin);
        std::size_t skip = 0;
        for (std::string_view conjunction : {"And ", "But ", "Also, ", "Meanwhile, "}) {
            if (said.starts_with(conjunction)) {
                skip = conjunction.size();  // "And Jan Leike has been named ...": no part of the name
            }
        }
        const auto found = out.events.size();
        move_in(ctx, said.substr(skip), sentence.begin + skip, 0.9, out);
        if (every_sentence && sentence.begin != lead.begin) {
            // Past the lead a body names people for many reasons: only tracked people's moves.
            out.events.erase(std::remove_if(out.events.begin() + static_cast<std::ptrdiff_t>(found), out.events.end(),
                                            [&](const Event& e) {
                                                return !e.person || ctx.taxonomy.find_person(*e.person) == nullptr;
                                            }),
                             out.events.end());
        }
        if (!digest && !every_sentence) {
            break;
        }
        const auto next = ctx.text.find_first_not_of(" \n", sentence.end + 1);
        if (next == std::string::npos) {
            break;
        }
        sentence = sentence_around(ctx.text, next);
    }
    // The headline says what the move is; the lead only who moves ("... joins OpenAI" + "X is
    // leaving Google DeepMind to join OpenAI's research team" is an arrival at OpenAI).
    for (auto i = before; i < out.events.size(); ++i) {
        auto& ev = out.events[i];
        if (headline->org && headline->move == "joined" && ev.fields.text("move") != "joined") {
            put(ev.fields, field::move, std::string("joined"));
            put(ev.fields, field::org, *headline->org);
            ev.lab = headline->org;
            ev.dedupe_key = "personnel_move|" + ev.person.value_or("") + "|joined|" + year_month(ev.occurred_at);
            ev.cue += "; the headline's move: joined";
        }
    }
}

}  // namespace fw::extract
