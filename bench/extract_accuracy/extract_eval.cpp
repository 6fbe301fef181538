#include "extract_eval.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/item_builder.h"
#include "domain/time.h"
#include "extract/extractor.h"
#include "ingest/source_adapter.h"

namespace fw::eval {
namespace {

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::optional<std::string> opt_text(const nlohmann::json& j, const char* key) {
    if (j.contains(key) && j[key].is_string()) {
        return j[key].get<std::string>();
    }
    return std::nullopt;
}

/// How a publisher's items reach the extractor: the source kind and the lab it speaks for.
/// A lab's own feed carries its lab (the extractor then reads a bare name as that lab's model);
/// press, hosts, tools and evaluators carry none.
extract::SourceInfo source_of(const LabelledItem& item) {
    static const std::map<std::string, std::string> lab_of = {
        {"anthropic_news", "anthropic"},
        {"anthropic_research", "anthropic"},
        {"anthropic_engineering", "anthropic"},
        {"anthropic_red", "anthropic"},
        {"claude", "anthropic"},
        {"openai_research", "openai"},
        {"openai_engineering", "openai"},
        {"openai_developer", "openai"},
        {"meta_ai", "meta"},
        {"mistral", "mistral"},
        {"xainews", "xai"},
        {"google_ai", "google"},
        {"cohere", "cohere"},
    };
    extract::SourceInfo s;
    s.name = item.publisher;
    if (item.publisher == "hf-author") {
        s.kind = SourceKind::HfAuthor;
    } else if (item.publisher == "github-releases") {
        s.kind = SourceKind::GithubReleases;
    } else if (item.publisher == "github-commits") {
        s.kind = SourceKind::GithubCommits;
    } else if (item.publisher == "edgar") {
        s.kind = SourceKind::Edgar;
    } else {
        s.kind = SourceKind::Feed;
    }
    if (auto it = lab_of.find(item.publisher); it != lab_of.end()) {
        s.lab = it->second;
    }
    return s;
}

/// The entries of one labelled file, parsed as the app would parse the source.
Result<std::vector<FeedEntry>> entries_of(const std::filesystem::path& path, const std::string& rel, SourceKind kind) {
    if (!std::filesystem::is_regular_file(path)) {
        return make_error(ErrorCode::NotFound, rel + ": no such file");
    }
    const auto body = read_text(path);
    ingest::DocumentMeta meta;
    meta.source_name = rel;
    // The URL the capture was fetched from, where the parser reads something off it: hub4j's
    // commit captures watched ?path=pom.xml (corpus/realformats/SOURCES.md), github3.py's none.
    if (kind == SourceKind::HfAuthor) {
        meta.url = "https://huggingface.co/api/models";
    } else if (kind == SourceKind::GithubCommits) {
        meta.url = rel.find("path-pom") != std::string::npos
                       ? "https://api.github.com/repos/owner/name/commits?path=pom.xml"
                       : "https://api.github.com/repos/owner/name/commits";
    }
    auto doc = ingest::parse_document(kind, body, meta);
    if (!doc) {
        return doc.error();
    }
    return std::move(doc->feed.items);
}

std::string describe(const Event& e) {
    std::string s(to_string(e.kind));
    for (const auto& [key, value] :
         {std::pair{"model", e.model}, {"surface", e.surface}, {"person", e.person}, {"lab", e.lab}}) {
        if (value) {
            s += std::string(" ") + key + "=" + *value;
        }
    }
    for (const auto* key : {"openness", "doc_type", "evaluator", "move", "org"}) {
        if (auto v = e.fields.text(key)) {
            s += std::string(" ") + key + "=" + *v;
        }
    }
    return s;
}

std::string describe(const ExpectedEvent& e) {
    std::string s = e.kind;
    for (const auto& [key, value] :
         {std::pair{"model", e.model}, {"surface", e.surface}, {"person", e.person}, {"lab", e.lab}}) {
        if (value) {
            s += std::string(" ") + key + "=" + *value;
        }
    }
    for (const auto& [k, v] : e.fields.items()) {
        s += " " + k + "=" + (v.is_string() ? v.get<std::string>() : v.dump());
    }
    return s;
}

bool is_scored(const std::string& kind) {
    const auto& k = scored_kinds();
    return std::find(k.begin(), k.end(), kind) != k.end();
}

std::string key_of(const std::string& guid, int occurrence) {
    return guid + '\x1f' + std::to_string(occurrence);
}

struct Stream {
    std::string publisher, file;
    std::vector<const LabelledItem*> labels;
};

}  // namespace

const std::vector<std::string>& scored_kinds() {
    static const std::vector<std::string> kinds = {"model_release", "surface_rollout",  "weights_release",
                                                   "eval_report",   "third_party_eval", "personnel_move"};
    return kinds;
}

std::vector<LabelledItem> read_labels(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".jsonl") {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<LabelledItem> out;
    for (const auto& f : files) {
        std::istringstream in(read_text(f));
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            if (line.find_first_not_of(" \t\r") == std::string::npos) {
                continue;
            }
            const auto origin = f.filename().string() + ":" + std::to_string(n);
            try {
                const auto j = nlohmann::json::parse(line);
                LabelledItem item;
                item.origin = origin;
                item.file = j.at("file").get<std::string>();
                item.guid = j.at("guid").get<std::string>();
                item.occurrence = j.value("occurrence", 1);
                item.publisher = j.at("publisher").get<std::string>();
                item.split = j.at("split").get<std::string>();
                if (item.split != "dev" && item.split != "heldout") {
                    throw std::runtime_error("split must be dev or heldout, not '" + item.split + "'");
                }
                item.note = j.value("note", "");
                for (const auto& k : j.value("unscored", nlohmann::json::array())) {
                    item.unscored.insert(k.get<std::string>());
                }
                for (const auto& e : j.at("expect")) {
                    ExpectedEvent x;
                    x.kind = e.at("kind").get<std::string>();
                    if (!is_scored(x.kind)) {
                        throw std::runtime_error("unknown or unscored kind '" + x.kind + "'");
                    }
                    x.model = opt_text(e, "model");
                    x.surface = opt_text(e, "surface");
                    x.person = opt_text(e, "person");
                    x.lab = opt_text(e, "lab");
                    for (const auto& a : e.value("model_alt", nlohmann::json::array())) {
                        x.model_alt.push_back(a.get<std::string>());
                    }
                    x.fields = e.value("fields", nlohmann::json::object());
                    item.expect.push_back(std::move(x));
                }
                out.push_back(std::move(item));
            } catch (const std::exception& ex) {
                throw std::runtime_error(origin + ": bad label: " + ex.what());
            }
        }
    }
    return out;
}

std::string openness_class(const std::string& code) {
    if (code == "open" || code.rfind("open_weights", 0) == 0) {
        return "open";
    }
    if (code == "closed" || code == "api" || code == "hosted_product" || code == "limited_preview" ||
        code == "unreleased") {
        return "closed";
    }
    return {};
}

bool subject_matches(const Event& ev, const ExpectedEvent& want) {
    if (std::string(to_string(ev.kind)) != want.kind) {
        return false;
    }
    if (want.model) {
        const bool same =
            ev.model && (*ev.model == *want.model ||
                         std::find(want.model_alt.begin(), want.model_alt.end(), *ev.model) != want.model_alt.end());
        if (!same) {
            return false;
        }
    }
    if (want.surface && ev.surface != want.surface) {
        return false;
    }
    if (want.person && ev.person != want.person) {
        return false;
    }
    if (want.lab && ev.lab != want.lab) {
        return false;
    }
    // Fields that name what the event is (openness is scored apart).
    for (const auto* key : {"evaluator", "move", "doc_type"}) {
        if (want.fields.contains(key) && ev.fields.text(key) != want.fields[key].get<std::string>()) {
            return false;
        }
    }
    return true;
}

Tally SplitReport::total() const {
    Tally t;
    for (const auto& [kind, k] : by_kind) {
        t.add(k);
    }
    return t;
}

std::vector<std::size_t> publication_order(const std::vector<FeedEntry>& entries) {
    std::vector<std::size_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = order.size() - 1 - i;  // feeds list newest first: ties keep the reverse
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& pa = entries[a].published;
        const auto& pb = entries[b].published;
        if (!pa || !pb) {
            return pa.has_value() && !pb.has_value();
        }
        return *pa < *pb;
    });
    return order;
}

Result<std::vector<FeedEntry>> parse_feed_file(const std::filesystem::path& path, const std::string& name) {
    return entries_of(path, name, SourceKind::Feed);
}

Report evaluate(const std::vector<LabelledItem>& labels, const std::filesystem::path& shared, const Taxonomy& taxonomy,
                const extract::Rules& rules, const Options& options) {
    Report report;
    // One stream per labelled file of a publisher, in label order of first appearance.
    std::vector<Stream> streams;
    for (const auto& l : labels) {
        if ((options.split && l.split != *options.split) ||
            (!options.publishers.empty() && !options.publishers.count(l.publisher)) ||
            options.skip_publishers.count(l.publisher)) {
            continue;
        }
        auto it = std::find_if(streams.begin(), streams.end(),
                               [&](const Stream& s) { return s.publisher == l.publisher && s.file == l.file; });
        if (it == streams.end()) {
            streams.push_back(Stream{l.publisher, l.file, {}});
            it = std::prev(streams.end());
        }
        it->labels.push_back(&l);
    }
    for (const auto& stream : streams) {
        const auto source = source_of(*stream.labels.front());
        auto entries = entries_of(shared / stream.file, stream.file, source.kind);
        if (!entries) {
            report.problems.push_back(stream.file + ": " + entries.error().describe() + " (" +
                                      std::to_string(stream.labels.size()) + " labels skipped)");
            continue;
        }
        // The key of each entry: its id (else its link) and which occurrence of it in file order.
        std::vector<std::string> keys;
        std::map<std::string, int> occurrences;
        for (const auto& e : *entries) {
            const auto guid = e.id.empty() ? e.link : e.id;
            keys.push_back(key_of(guid, ++occurrences[guid]));
        }
        std::vector<std::pair<std::string, FeedEntry>> keyed;
        for (const auto i : publication_order(*entries)) {
            keyed.emplace_back(keys[i], std::move((*entries)[i]));
        }
        std::map<std::string, const LabelledItem*> by_key;
        for (const auto* l : stream.labels) {
            by_key[key_of(l->guid, l->occurrence)] = l;
        }
        std::set<std::string> seen;
        std::set<std::string> keys_before;  // dedupe keys the stream's earlier items produced
        extract::Extractor extractor(taxonomy, rules, options.classifier);
        std::int64_t next_id = 1;
        for (auto& [key, entry] : keyed) {
            const auto fetched = entry.published.value_or(make_time(2026, 9, 1)) + std::chrono::hours(12);
            auto item = app::make_item(entry, 1, fetched);
            item.id = next_id++;
            auto out = extractor.extract(item, nullptr, source);
            std::vector<bool> repeat;  // per event of `out`: its key came from an earlier item
            for (const auto& e : out.events) {
                repeat.push_back(keys_before.count(e.dedupe_key) > 0);
            }
            for (const auto& e : out.events) {
                keys_before.insert(e.dedupe_key);
            }
            const auto found = by_key.find(key);
            if (found == by_key.end() || !seen.insert(key).second) {
                continue;  // not labelled (outside a sample): run for its discoveries, not scored
            }
            const auto& label = *found->second;
            if (options.on_item) {
                options.on_item(label, item.entry, extractor);
            }
            auto& split = report.splits[label.split];
            ++split.items;
            if (label.expect.empty() && label.unscored.empty()) {
                ++split.negative_items;
                split.negative_items_with_candidate += out.candidates.empty() ? 0 : 1;
                if (!out.candidates.empty()) {
                    // Listed with the misses as "NC": what the review queue costs on items with no event.
                    const auto& c = out.candidates.front();
                    report.misses.push_back(
                        Miss{"NC", label.split, label.publisher, label.file, label.guid, item.entry.title, "(nothing)",
                             "(nothing)",
                             std::string(c.suggested_kind ? to_string(*c.suggested_kind) : "?") + ": " + c.cue});
                }
            }
            auto& pub = split.by_publisher[label.publisher];
            split.candidates += static_cast<int>(out.candidates.size());
            if (!out.candidates.empty()) {
                ++split.items_with_candidate;
            }
            std::vector<const Event*> produced;
            std::vector<bool> produced_repeat;
            for (std::size_t n = 0; n < out.events.size(); ++n) {
                const auto& e = out.events[n];
                const std::string kind(to_string(e.kind));
                if (!is_scored(kind)) {
                    ++split.other_kinds[kind];
                } else if (!label.unscored.count(kind)) {
                    produced.push_back(&e);
                    produced_repeat.push_back(repeat[n]);
                }
            }
            std::vector<bool> used(produced.size(), false);
            std::string produced_text;
            for (const auto* e : produced) {
                produced_text += (produced_text.empty() ? "" : "; ") + describe(*e);
            }
            std::string wanted_text;
            for (const auto& w : label.expect) {
                wanted_text += (wanted_text.empty() ? "" : "; ") + describe(w);
            }
            for (const auto& want : label.expect) {
                if (label.unscored.count(want.kind)) {
                    continue;
                }
                std::optional<std::size_t> hit;
                for (std::size_t i = 0; i < produced.size() && !hit; ++i) {
                    if (!used[i] && subject_matches(*produced[i], want)) {
                        hit = i;
                    }
                }
                auto& t = split.by_kind[want.kind];
                if (!hit) {
                    ++t.fn;
                    ++pub.fn;
                    if (!out.candidates.empty()) {
                        ++split.fn_with_candidate;
                        const auto& sk = out.candidates.front().suggested_kind;
                        split.fn_with_candidate_of_kind += sk && to_string(*sk) == want.kind ? 1 : 0;
                    } else {
                        ++split.fn_silent[want.kind];
                    }
                    std::string candidate;
                    if (!out.candidates.empty()) {
                        const auto& c = out.candidates.front();
                        candidate = std::string(c.suggested_kind ? to_string(*c.suggested_kind) : "?") + ": " + c.cue;
                    }
                    report.misses.push_back(Miss{"FN", label.split, label.publisher, label.file, label.guid,
                                                 item.entry.title, describe(want),
                                                 produced_text.empty() ? "(nothing)" : produced_text, candidate});
                    continue;
                }
                used[*hit] = true;
                ++t.tp;
                ++pub.tp;
                if (want.kind == "model_release") {
                    const auto got = produced[*hit]->fields.text("openness").value_or("");
                    if (auto code = opt_text(want.fields, "openness")) {
                        ++split.openness.with_code;
                        split.openness.code_right += got == *code ? 1 : 0;
                        ++split.openness.with_class;
                        split.openness.class_right += openness_class(got) == openness_class(*code) ? 1 : 0;
                    } else if (auto cls = opt_text(want.fields, "openness_class")) {
                        ++split.openness.with_class;
                        split.openness.class_right += openness_class(got) == *cls ? 1 : 0;
                    }
                }
            }
            for (std::size_t i = 0; i < produced.size(); ++i) {
                if (used[i]) {
                    continue;
                }
                if (options.merge_repeats && produced_repeat[i]) {
                    ++split.merged_repeats;  // more evidence on an event an earlier item made
                    continue;
                }
                const std::string kind(to_string(produced[i]->kind));
                ++split.by_kind[kind].fp;
                ++pub.fp;
                report.misses.push_back(Miss{"FP", label.split, label.publisher, label.file, label.guid,
                                             item.entry.title, wanted_text.empty() ? "(nothing)" : wanted_text,
                                             describe(*produced[i]), ""});
            }
        }
        for (const auto* l : stream.labels) {
            if (!seen.count(key_of(l->guid, l->occurrence))) {
                report.problems.push_back(
                    l->origin + ": guid " + l->guid +
                    (l->occurrence > 1 ? " (occurrence " + std::to_string(l->occurrence) + ")" : "") +
                    " not found in " + stream.file);
            }
        }
    }
    for (auto& [name, split] : report.splits) {
        for (const auto& k : scored_kinds()) {
            split.by_kind[k];  // every kind shows, also with no support
        }
    }
    return report;
}

namespace {

std::string ratio(int num, int den) {
    if (den == 0) {
        return "    -";
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%5.3f", double(num) / den);
    return buf;
}

std::string row(const std::string& name, const Tally& t) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "  %-22s %4d %4d %4d  %9s  %6s\n", name.c_str(), t.tp, t.fp, t.fn,
                  ratio(t.tp, t.tp + t.fp).c_str(), ratio(t.tp, t.tp + t.fn).c_str());
    return buf;
}

}  // namespace

std::string format_table(const Report& report) {
    std::string s;
    for (const auto& [name, split] : report.splits) {
        s += "split " + name + ": " + std::to_string(split.items) + " labelled items\n";
        s += "  kind                     tp   fp   fn  precision  recall\n";
        for (const auto& [kind, t] : split.by_kind) {
            s += row(kind, t);
        }
        s += row("all", split.total());
        const auto& o = split.openness;
        s += "  openness (model_release matched): exact " + std::to_string(o.code_right) + "/" +
             std::to_string(o.with_code) + " = " + ratio(o.code_right, o.with_code) + ", open/closed class " +
             std::to_string(o.class_right) + "/" + std::to_string(o.with_class) + " = " +
             ratio(o.class_right, o.with_class) + "\n";
        const auto fn = split.total().fn;
        s += "  candidates: " + std::to_string(split.candidates) + " (" + std::to_string(split.items_with_candidate) +
             " of " + std::to_string(split.items) +
             " items); missed events whose item became a candidate: " + std::to_string(split.fn_with_candidate) + "/" +
             std::to_string(fn) + " = " + ratio(split.fn_with_candidate, fn) + " (of the missed kind " +
             std::to_string(split.fn_with_candidate_of_kind) + ")\n";
        s += "  missed with no candidate (dropped silently):";
        for (const auto& [kind, n] : split.fn_silent) {
            s += " " + kind + " " + std::to_string(n);
        }
        s += split.fn_silent.empty() ? " none\n" : "\n";
        s += "  repeats merged into an earlier item's event (as the store does): " +
             std::to_string(split.merged_repeats) + "\n";
        s += "  labelled negatives with a candidate: " + std::to_string(split.negative_items_with_candidate) + " of " +
             std::to_string(split.negative_items) + " = " +
             ratio(100 * split.negative_items_with_candidate, split.negative_items) + " per 100\n";
        if (!split.other_kinds.empty()) {
            s += "  events of kinds not scored:";
            for (const auto& [k, n] : split.other_kinds) {
                s += " " + k + " " + std::to_string(n);
            }
            s += "\n";
        }
        s += "  publisher                tp   fp   fn  precision  recall\n";
        for (const auto& [pub, t] : split.by_publisher) {
            s += row(pub, t);
        }
        s += "\n";
    }
    for (const auto& p : report.problems) {
        s += "problem: " + p + "\n";
    }
    return s;
}

nlohmann::json to_json(const Report& report) {
    auto tally = [](const Tally& t) {
        return nlohmann::json{
            {"tp", t.tp}, {"fp", t.fp}, {"fn", t.fn}, {"precision", t.precision()}, {"recall", t.recall()}};
    };
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [name, split] : report.splits) {
        nlohmann::json s;
        s["items"] = split.items;
        for (const auto& [kind, t] : split.by_kind) {
            s["kinds"][kind] = tally(t);
        }
        s["all"] = tally(split.total());
        for (const auto& [pub, t] : split.by_publisher) {
            s["publishers"][pub] = tally(t);
        }
        const auto& o = split.openness;
        s["openness"] = {{"with_code", o.with_code},
                         {"code_right", o.code_right},
                         {"with_class", o.with_class},
                         {"class_right", o.class_right}};
        s["candidates"] = split.candidates;
        s["items_with_candidate"] = split.items_with_candidate;
        s["fn_with_candidate"] = split.fn_with_candidate;
        s["fn_with_candidate_of_kind"] = split.fn_with_candidate_of_kind;
        s["fn_silent"] = split.fn_silent;
        s["merged_repeats"] = split.merged_repeats;
        s["negative_items"] = split.negative_items;
        s["negative_items_with_candidate"] = split.negative_items_with_candidate;
        s["other_kinds"] = split.other_kinds;
        j["splits"][name] = s;
    }
    j["misses"] = nlohmann::json::array();
    for (const auto& m : report.misses) {
        j["misses"].push_back({{"type", m.kind},
                               {"split", m.split},
                               {"publisher", m.publisher},
                               {"file", m.file},
                               {"guid", m.guid},
                               {"title", m.title},
                               {"expected", m.wanted},
                               {"produced", m.produced},
                               {"candidate", m.candidate}});
    }
    j["problems"] = report.problems;
    return j;
}

std::string format_misses(const Report& report) {
    std::string s;
    for (const auto& m : report.misses) {
        s += m.kind + " [" + m.split + "/" + m.publisher + "] " + m.title + "\n    " + m.file + " guid " + m.guid +
             "\n    expected: " + m.wanted + "\n    produced: " + m.produced + "\n";
        if (m.kind != "FP") {
            s += "    candidate: " + (m.candidate.empty() ? std::string("(none)") : m.candidate) + "\n";
        }
    }
    return s;
}

}  // namespace fw::eval
