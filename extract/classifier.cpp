#include "extract/classifier.h"

#include <fasttext/fasttext.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <sstream>

namespace fw::extract {
namespace {

/// fastText's file header (fasttext.cc: FASTTEXT_FILEFORMAT_MAGIC_INT32, FASTTEXT_VERSION).
constexpr std::int32_t kFastTextMagic = 793712314;
constexpr std::int32_t kFastTextVersion = 12;
/// The body words read after the title: the first sentences are where an item says what it is.
constexpr std::size_t kBodySentences = 2;
constexpr std::size_t kBodyWords = 50;
constexpr std::string_view kLabelPrefix = "__label__";

std::string_view placeholder(EntityKind kind) {
    switch (kind) {
        case EntityKind::Lab:
            return "LAB";
        case EntityKind::Model:
            return "MODEL";
        case EntityKind::Surface:
            return "SURFACE";
        case EntityKind::Person:
            return "PERSON";
        case EntityKind::Security:
            return "TICKER";
    }
    return "ENTITY";
}

bool word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || u >= 0x80;  // UTF-8 letters stay inside their word
}

/// The body text after the title: the summary, else the content, without a repeated title.
std::string body_of(const FeedEntry& e) {
    for (const auto* part : {&e.summary_text, &e.content_text}) {
        if (part->empty() || *part == e.title) {
            continue;
        }
        return part->find(e.title) == 0 ? part->substr(e.title.size()) : *part;
    }
    return {};
}

/// The first sentences (at most kBodySentences, kBodyWords words) of a body.
std::string first_sentences(std::string_view body) {
    std::size_t sentences = 0, words = 0, i = 0;
    bool in_word = false;
    for (; i < body.size(); ++i) {
        const char c = body[i];
        if (word_byte(c)) {
            if (!in_word && ++words > kBodyWords) {
                break;
            }
            in_word = true;
            continue;
        }
        in_word = false;
        const bool end = c == '\n' || ((c == '.' || c == '!' || c == '?') &&
                                       (i + 1 == body.size() || std::isspace(static_cast<unsigned char>(body[i + 1]))));
        if (end && words > 0 && ++sentences >= kBodySentences) {
            ++i;
            break;
        }
    }
    return std::string(body.substr(0, i));
}

/// Lowercased words of `text`; bytes inside an entity span become its placeholder once; words
/// with a digit become NUM.
std::string normalise(std::string_view text, const std::vector<EntityMatch>& entities) {
    std::string out;
    auto emit = [&out](std::string_view w) {
        if (!out.empty()) {
            out += ' ';
        }
        out += w;
    };
    std::size_t next_entity = 0;
    std::string word;
    auto flush = [&] {
        if (word.empty()) {
            return;
        }
        const bool digit = std::any_of(word.begin(), word.end(),
                                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        emit(digit ? std::string_view("NUM") : std::string_view(word));
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        while (next_entity < entities.size() && entities[next_entity].end <= i) {
            ++next_entity;
        }
        if (next_entity < entities.size() && entities[next_entity].begin <= i) {
            flush();
            emit(placeholder(entities[next_entity].kind));
            i = std::max(i + 1, entities[next_entity].end);
            ++next_entity;
            continue;
        }
        const char c = text[i];
        if (word_byte(c)) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            flush();
        }
        ++i;
    }
    flush();
    return out;
}

std::string input_text(const FeedEntry& entry) {
    auto text = entry.title;
    if (auto body = first_sentences(body_of(entry)); !body.empty()) {
        text += "\n" + body;
    }
    return text;
}

/// Walks a fastText 0.9.2 model file (fasttext.cc saveModel: args, dictionary, input matrix,
/// output matrix) checking every count against the bytes left, so that a truncated or damaged
/// file is refused before fastText reads it: fastText trusts its counts and would allocate
/// gigabytes or read past the end. True when the walk ends exactly at the end of the file.
class ModelWalker {
public:
    explicit ModelWalker(std::string_view data) : data_(data) {}

    bool valid() {
        if (!skip(8) || !skip(12 * 4 + 8)) {  // magic, version; Args: 12 int32 and a double
            return false;
        }
        std::int32_t size = 0, nwords = 0, nlabels = 0;
        std::int64_t ntokens = 0, pruneidx = 0;
        if (!get(size) || !get(nwords) || !get(nlabels) || !get(ntokens) || !get(pruneidx) || size < 0 || nwords < 0 ||
            nlabels < 0 || std::int64_t{nwords} + nlabels != size) {
            return false;
        }
        for (std::int32_t i = 0; i < size; ++i) {
            const auto end = data_.find('\0', pos_);
            if (end == std::string_view::npos) {
                return false;
            }
            pos_ = end + 1;
            if (!skip(8 + 1)) {  // count, entry type
                return false;
            }
        }
        if (!skip_n(std::max<std::int64_t>(pruneidx, 0), 8)) {  // -1: not pruned
            return false;
        }
        std::uint8_t quant = 0;
        if (!get(quant) || !matrix(quant != 0)) {
            return false;
        }
        std::uint8_t qout = 0;
        return get(qout) && matrix(qout != 0) && pos_ == data_.size();
    }

private:
    template <typename T>
    bool get(T& value) {
        if (data_.size() - pos_ < sizeof(T)) {
            return false;
        }
        std::memcpy(&value, data_.data() + pos_, sizeof(T));
        pos_ += sizeof(T);
        return true;
    }
    bool skip(std::size_t n) {
        if (data_.size() - pos_ < n) {
            return false;
        }
        pos_ += n;
        return true;
    }
    bool skip_n(std::int64_t count, std::int64_t each) {
        if (count < 0 || each < 0 || (each > 0 && count > static_cast<std::int64_t>(data_.size()) / each)) {
            return false;
        }
        return skip(static_cast<std::size_t>(count * each));
    }
    bool matrix(bool quantized) {
        if (!quantized) {  // DenseMatrix: m, n, m*n floats
            std::int64_t m = 0, n = 0;
            return get(m) && get(n) && m >= 0 && n >= 0 && (n == 0 || m <= static_cast<std::int64_t>(data_.size())) &&
                   skip_n(m * n, 4);
        }
        std::uint8_t qnorm = 0;
        std::int64_t m = 0, n = 0;
        std::int32_t codesize = 0;
        if (!get(qnorm) || !get(m) || !get(n) || !get(codesize) || m < 0 || n < 0 || !skip_n(codesize, 1) ||
            !quantizer()) {
            return false;
        }
        return qnorm == 0 || (skip_n(m, 1) && quantizer());
    }
    bool quantizer() {  // ProductQuantizer: dim, nsubq, dsub, lastdsub, dim * 256 float centroids
        std::int32_t dim = 0, nsubq = 0, dsub = 0, lastdsub = 0;
        return get(dim) && get(nsubq) && get(dsub) && get(lastdsub) && dim >= 0 && skip_n(std::int64_t{dim} * 256, 4);
    }

    std::string_view data_;
    std::size_t pos_ = 0;
};

}  // namespace

std::string classifier_input(const FeedEntry& entry, const EntityMatcher& matcher) {
    const auto text = input_text(entry);
    return normalise(text, matcher.find_all(text));
}

std::string classifier_input_raw(const FeedEntry& entry) {
    return normalise(input_text(entry), {});
}

KindClassifier::KindClassifier(std::unique_ptr<fasttext::FastText> model, Thresholds thresholds)
    : model_(std::move(model)), thresholds_(thresholds) {}

KindClassifier::~KindClassifier() = default;

Result<std::shared_ptr<const KindClassifier>> KindClassifier::load(std::string_view data, const std::string& origin,
                                                                   Thresholds thresholds) {
    std::int32_t header[2] = {0, 0};
    if (data.size() >= sizeof header) {
        std::memcpy(header, data.data(), sizeof header);
    }
    // fastText aborts or allocates wildly on a file that is not its own: check before it reads.
    if (header[0] != kFastTextMagic || header[1] != kFastTextVersion) {
        return make_error(ErrorCode::Parse, origin + ": not a fastText model (version 12) file");
    }
    if (!ModelWalker(data).valid()) {
        return make_error(ErrorCode::Parse, origin + ": truncated or damaged fastText model");
    }
    auto model = std::make_unique<fasttext::FastText>();
    try {
        std::istringstream stream(std::string(data.substr(sizeof header)));
        model->loadModel(stream);
        if (!stream) {
            return make_error(ErrorCode::Parse, origin + ": truncated fastText model");
        }
        if (model->getArgs().model != fasttext::model_name::sup) {
            return make_error(ErrorCode::Parse, origin + ": a fastText word-vector model, not a classifier");
        }
    } catch (const std::exception& e) {
        return make_error(ErrorCode::Parse, origin + ": unreadable fastText model: " + e.what());
    }
    return std::shared_ptr<const KindClassifier>(new KindClassifier(std::move(model), thresholds));
}

std::vector<KindScore> KindClassifier::classify(std::string_view input) const {
    std::istringstream in(std::string(input) + "\n");
    std::vector<std::pair<fasttext::real, std::string>> predictions;
    model_->predictLine(in, predictions, -1, 0.0);
    std::vector<KindScore> out;
    for (auto& [p, label] : predictions) {
        auto kind = label.rfind(kLabelPrefix, 0) == 0 ? label.substr(kLabelPrefix.size()) : label;
        out.push_back(KindScore{std::move(kind), std::clamp(static_cast<double>(p), 0.0, 1.0)});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.probability > b.probability; });
    return out;
}

double KindClassifier::probability_of(const std::vector<KindScore>& scores, std::string_view kind) {
    for (const auto& s : scores) {
        if (s.kind == kind) {
            return s.probability;
        }
    }
    return 0;
}

}  // namespace fw::extract
