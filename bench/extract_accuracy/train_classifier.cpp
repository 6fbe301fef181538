// fw_train_classifier: trains the kind classifier beside the grammar (extract/classifier.h) on the
// dev split of tests/data/extract/labels, and measures it. The items stay in ../shared; only the
// model (data/classifier/kinds.ftz) enters the repository.
//
//   fw_train_classifier [--out FILE] [--cv] [--heldout] [--sweep] [--no-placeholders]
//                       [--candidate P] [--agree P] [--shared DIR] [--labels DIR]
//
// Training is deterministic: one thread, a fixed seed, the labelled items in the evaluation's
// order (publication order per file). --cv trains one model per dev publisher on the other dev
// publishers and scores that publisher (the classifier alone, and the Extractor with it): the
// figure the thresholds are tuned on. --heldout scores the model trained on the whole dev split on
// the held-out publishers: a report, never tuned on. Without ../shared it says so and exits 0.

#include <fasttext/fasttext.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <CLI/CLI.hpp>

#include "app/taxonomy_loader.h"
#include "app/context.h"
#include "extract/classifier.h"
#include "extract/rules.h"
#include "extract_eval.h"

namespace {

namespace fs = std::filesystem;
using fw::eval::Report;
using fw::eval::SplitReport;
using fw::eval::Tally;

/// The model's shape and training (kept small: the model ships in data/).
struct Hyper {
    int dim = 16;
    int epoch = 25;
    double lr = 0.2;
    int word_ngrams = 1;
    int bucket = 20000;
    int seed = 1;
};

struct Sample {
    std::string publisher, split;
    std::string input;  ///< classifier_input (or the raw words with --no-placeholders)
    std::string raw;    ///< the raw words (for --grid)
    std::set<std::string> kinds;
    bool unscored = false;
};

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

fw::Result<fw::extract::Rules> load_rules(const fs::path& data) {
    std::vector<fs::path> paths;
    for (const auto& e : fs::directory_iterator(data / "rules")) {
        if (e.path().extension() == ".json") {
            paths.push_back(e.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& p : paths) {
        files.emplace_back(p.string(), read_text(p));
    }
    return fw::extract::parse_rule_files(files);
}

/// Trains on `samples` (unscored items left out) and writes a quantized model to `out`.
void train(const std::vector<const Sample*>& samples, const fs::path& out, const Hyper& h, const fs::path& tmp) {
    const auto input = tmp / "train.txt";
    {
        std::ofstream f(input);
        for (const auto* s : samples) {
            if (s->unscored || s->input.empty()) {
                continue;
            }
            if (s->kinds.empty()) {
                f << "__label__none ";
            }
            for (const auto& k : s->kinds) {
                f << "__label__" << k << ' ';
            }
            f << s->input << '\n';
        }
    }
    fasttext::Args a;
    a.input = input.string();
    a.output = (tmp / "model").string();
    a.model = fasttext::model_name::sup;
    a.loss = fasttext::loss_name::ova;  // one probability per kind: an item can be two kinds
    a.dim = h.dim;
    a.epoch = h.epoch;
    a.lr = h.lr;
    a.wordNgrams = h.word_ngrams;
    a.bucket = h.bucket;
    a.minCount = 1;
    a.minn = 0;
    a.maxn = 0;
    a.thread = 1;
    a.seed = h.seed;
    a.verbose = 0;
    fasttext::FastText ft;
    ft.train(a);
    fasttext::Args q = a;
    q.qnorm = true;
    q.dsub = 2;
    q.cutoff = 0;
    q.retrain = false;
    ft.quantize(q);
    ft.saveModel(out.string());
}

/// Per kind (and "none"): the classifier alone, an item predicting a kind when p >= threshold.
struct Alone {
    std::map<std::string, Tally> by_kind;
};

void score_alone(const fw::extract::KindClassifier& c, const std::vector<const Sample*>& samples, double threshold,
                 Alone& out) {
    for (const auto* s : samples) {
        if (s->unscored) {
            continue;
        }
        const auto scores = c.classify(s->input);
        std::set<std::string> want = s->kinds;
        if (want.empty()) {
            want.insert("none");
        }
        std::set<std::string> got;
        for (const auto& sc : scores) {
            if (sc.probability >= threshold) {
                got.insert(sc.kind);
            }
        }
        for (const auto& k : want) {
            got.count(k) ? ++out.by_kind[k].tp : ++out.by_kind[k].fn;
        }
        for (const auto& k : got) {
            if (!want.count(k)) {
                ++out.by_kind[k].fp;
            }
        }
    }
}

void add(SplitReport& into, const SplitReport& r) {
    into.items += r.items;
    for (const auto& [k, t] : r.by_kind) {
        into.by_kind[k].add(t);
    }
    for (const auto& [k, t] : r.by_publisher) {
        into.by_publisher[k].add(t);
    }
    for (const auto& [k, n] : r.other_kinds) {
        into.other_kinds[k] += n;
    }
    into.openness.with_code += r.openness.with_code;
    into.openness.code_right += r.openness.code_right;
    into.openness.with_class += r.openness.with_class;
    into.openness.class_right += r.openness.class_right;
    into.candidates += r.candidates;
    into.items_with_candidate += r.items_with_candidate;
    into.fn_with_candidate += r.fn_with_candidate;
    into.fn_with_candidate_of_kind += r.fn_with_candidate_of_kind;
    for (const auto& [kind, n] : r.fn_silent) {
        into.fn_silent[kind] += n;
    }
    into.negative_items += r.negative_items;
    into.negative_items_with_candidate += r.negative_items_with_candidate;
}

std::string alone_table(const Alone& a) {
    std::string s = "  kind                     tp   fp   fn  precision  recall\n";
    for (const auto& [k, t] : a.by_kind) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "  %-22s %4d %4d %4d  %9.3f  %6.3f\n", k.c_str(), t.tp, t.fp, t.fn,
                      t.precision(), t.recall());
        s += buf;
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Train and measure the kind classifier beside the grammar (dev split only)"};
    std::string shared_arg, labels_arg, out_arg;
    bool cv = false, heldout = false, sweep = false, raw = false, grid = false;
    fw::extract::KindClassifier::Thresholds th;
    Hyper h;
    cli.add_option("--out", out_arg, "write the model trained on the whole dev split here");
    cli.add_flag("--cv", cv, "leave-one-dev-publisher-out: the classifier alone and the Extractor with it");
    cli.add_flag("--heldout", heldout, "score the whole-dev model on the held-out split (report only)");
    cli.add_flag("--sweep", sweep, "with --cv: the Extractor at several candidate thresholds");
    cli.add_flag("--grid", grid, "cross-validate the classifier alone over a few shapes and inputs, then stop");
    cli.add_flag("--no-placeholders", raw, "keep entity names as words (classifier-alone figures only)");
    cli.add_option("--candidate", th.candidate, "candidate threshold")->capture_default_str();
    cli.add_option("--agree", th.agree, "agreement threshold that lifts a weak grammar event")->capture_default_str();
    cli.add_option("--epoch", h.epoch)->capture_default_str();
    cli.add_option("--dim", h.dim)->capture_default_str();
    cli.add_option("--lr", h.lr)->capture_default_str();
    cli.add_option("--bucket", h.bucket)->capture_default_str();
    cli.add_option("--ngrams", h.word_ngrams)->capture_default_str();
    cli.add_option("--shared", shared_arg, "the shared directory (default: FW_SHARED_DIR, else ../shared)");
    cli.add_option("--labels", labels_arg, "the labels directory (default: tests/data/extract/labels)");
    CLI11_PARSE(cli, argc, argv);

    const fs::path source = FW_SOURCE_DIR;
    fs::path shared = source.parent_path() / "shared";
    if (!shared_arg.empty()) {
        shared = shared_arg;
    } else if (const char* env = std::getenv("FW_SHARED_DIR"); env != nullptr && *env != '\0') {
        shared = env;
    }
    if (!fs::is_directory(shared / "corpus")) {
        std::cout << "fw_train_classifier: " << shared.string()
                  << " has no corpus/ (the labelled items live there, outside the repository); nothing to train on\n";
        return 0;
    }
    const auto labels_dir =
        labels_arg.empty() ? source / "tests" / "data" / "extract" / "labels" : fs::path(labels_arg);
    const auto tmp = fs::temp_directory_path() / ("fw_train_classifier." + std::to_string(::getpid()));
    fs::create_directories(tmp);
    try {
        const auto labels = fw::eval::read_labels(labels_dir);
        auto taxonomy = fw::app::load_taxonomy({source / "data"});
        auto rules = load_rules(source / "data");
        if (!taxonomy || !rules) {
            std::cerr << "fw_train_classifier: cannot load data/\n";
            return 1;
        }
        // One pass of the grammar over every labelled item: the classifier's input is read with
        // the extractor's matcher of that moment (models discovered earlier in the feed known).
        std::vector<Sample> samples;
        fw::eval::Options collect;
        collect.on_item = [&](const fw::eval::LabelledItem& l, const fw::FeedEntry& e,
                              const fw::extract::Extractor& x) {
            Sample s{l.publisher,
                     l.split,
                     raw ? fw::extract::classifier_input_raw(e) : fw::extract::classifier_input(e, x.matcher()),
                     fw::extract::classifier_input_raw(e),
                     {},
                     !l.unscored.empty()};
            for (const auto& w : l.expect) {
                s.kinds.insert(w.kind);
            }
            samples.push_back(std::move(s));
        };
        (void)fw::eval::evaluate(labels, shared, *taxonomy, *rules, collect);
        std::vector<const Sample*> dev, held;
        std::set<std::string> dev_publishers;
        for (const auto& s : samples) {
            (s.split == "dev" ? dev : held).push_back(&s);
            if (s.split == "dev") {
                dev_publishers.insert(s.publisher);
            }
        }
        std::cout << "samples: dev " << dev.size() << ", heldout " << held.size() << "\n";

        if (grid) {
            for (const bool names : {false, true}) {
                std::vector<Sample> variant;
                for (const auto* s : dev) {
                    variant.push_back(*s);
                    if (names) {
                        variant.back().input = s->raw;
                    }
                }
                for (const int epoch : {25, 50, 100}) {
                    for (const int ngrams : {1, 2}) {
                        for (const double lr : {0.2, 0.5, 1.0}) {
                            Hyper g = h;
                            g.epoch = epoch;
                            g.word_ngrams = ngrams;
                            g.lr = lr;
                            Alone a3, a5;
                            for (const auto& pub : dev_publishers) {
                                std::vector<const Sample*> tr, te;
                                for (const auto& s : variant) {
                                    (s.publisher == pub ? te : tr).push_back(&s);
                                }
                                train(tr, tmp / "g.ftz", g, tmp);
                                auto c = fw::app::load_classifier_file(tmp / "g.ftz");
                                score_alone(**c, te, 0.3, a3);
                                score_alone(**c, te, 0.5, a5);
                            }
                            auto micro = [](const Alone& a) {
                                Tally t;
                                for (const auto& [k, x] : a.by_kind) {
                                    if (k != "none") {
                                        t.add(x);
                                    }
                                }
                                return t;
                            };
                            const auto m3 = micro(a3), m5 = micro(a5);
                            std::printf(
                                "%s epoch %3d ngrams %d lr %.1f | p>=0.3 P %.3f R %.3f | p>=0.5 P %.3f R %.3f\n",
                                names ? "names " : "placeh", epoch, ngrams, lr, m3.precision(), m3.recall(),
                                m5.precision(), m5.recall());
                            std::fflush(stdout);
                        }
                    }
                }
            }
            fs::remove_all(tmp);
            return 0;
        }
        if (cv) {
            Alone alone;
            std::map<double, SplitReport> pipeline;
            std::vector<double> thresholds = {th.candidate};
            if (sweep) {
                thresholds = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
            }
            for (const auto& pub : dev_publishers) {
                std::vector<const Sample*> train_set, test_set;
                for (const auto* s : dev) {
                    (s->publisher == pub ? test_set : train_set).push_back(s);
                }
                const auto model = tmp / "fold.ftz";
                train(train_set, model, h, tmp);
                auto c = fw::app::load_classifier_file(model, th);
                if (!c) {
                    std::cerr << c.error().describe() << "\n";
                    return 1;
                }
                score_alone(**c, test_set, th.candidate, alone);
                if (raw) {
                    continue;
                }
                for (double t : thresholds) {
                    fw::eval::Options o;
                    o.split = "dev";
                    o.publishers = {pub};
                    o.classifier = *fw::app::load_classifier_file(model, {t, th.agree});
                    const auto r = fw::eval::evaluate(labels, shared, *taxonomy, *rules, o);
                    if (auto it = r.splits.find("dev"); it != r.splits.end()) {
                        add(pipeline[t], it->second);
                    }
                }
            }
            std::cout << "\ncross-validated on dev (leave one dev publisher out), the classifier alone at p >= "
                      << th.candidate << ":\n"
                      << alone_table(alone);
            for (const auto& [t, split] : pipeline) {
                Report r;
                r.splits["dev (cv, candidate >= " + std::to_string(t).substr(0, 4) + ")"] = split;
                std::cout << "\nthe Extractor with the fold's classifier (agree >= " << th.agree << "):\n"
                          << fw::eval::format_table(r);
            }
        }

        if (!out_arg.empty() || heldout) {
            const auto model = out_arg.empty() ? tmp / "dev.ftz" : fs::path(out_arg);
            train(dev, model, h, tmp);
            std::cout << "\nmodel trained on the whole dev split: " << model.string() << " (" << fs::file_size(model)
                      << " bytes)\n";
            if (heldout) {
                auto c = fw::app::load_classifier_file(model, th);
                if (!c) {
                    std::cerr << c.error().describe() << "\n";
                    return 1;
                }
                Alone alone;
                score_alone(**c, held, th.candidate, alone);
                std::cout << "\nheld-out, the classifier alone at p >= " << th.candidate << " (report only):\n"
                          << alone_table(alone);
                if (!raw) {
                    fw::eval::Options o;
                    o.split = "heldout";
                    o.classifier = *c;
                    std::cout << "\nheld-out, the Extractor with it (candidate >= " << th.candidate
                              << ", agree >= " << th.agree << "):\n"
                              << fw::eval::format_table(fw::eval::evaluate(labels, shared, *taxonomy, *rules, o));
                }
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "fw_train_classifier: " << e.what() << "\n";
        fs::remove_all(tmp);
        return 1;
    }
    fs::remove_all(tmp);
    return 0;
}
