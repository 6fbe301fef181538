// String names of the domain enums. They are part of the outside contract: never rename one.
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "domain/alert.h"
#include "domain/candidate.h"
#include "domain/event.h"
#include "domain/feed.h"
#include "domain/question.h"
#include "domain/slug.h"
#include "domain/source.h"
#include "domain/taxonomy.h"

namespace fw {
namespace {

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [e, name] : table) {
        if (e == value) {
            return name;
        }
    }
    return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text) {
    for (const auto& [e, name] : table) {
        if (name == text) {
            return e;
        }
    }
    return std::nullopt;
}

constexpr std::array<std::pair<EventKind, std::string_view>, 11> kEventKinds{{
    {EventKind::ModelRelease, "model_release"},
    {EventKind::SurfaceRollout, "surface_rollout"},
    {EventKind::WeightsRelease, "weights_release"},
    {EventKind::LicenseChange, "license_change"},
    {EventKind::GatingChange, "gating_change"},
    {EventKind::EvalReport, "eval_report"},
    {EventKind::ThirdPartyEval, "third_party_eval"},
    {EventKind::PersonnelMove, "personnel_move"},
    {EventKind::EarningsRelease, "earnings_release"},
    {EventKind::CapexGuidance, "capex_guidance"},
    {EventKind::AnalystRating, "analyst_rating"},
}};

constexpr std::array<std::pair<Review, std::string_view>, 4> kReviews{{
    {Review::Auto, "auto"},
    {Review::Confirmed, "confirmed"},
    {Review::Rejected, "rejected"},
    {Review::Manual, "manual"},
}};

constexpr std::array<std::pair<CandidateState, std::string_view>, 3> kCandidateStates{{
    {CandidateState::Open, "open"},
    {CandidateState::Confirmed, "confirmed"},
    {CandidateState::Dismissed, "dismissed"},
}};

constexpr std::array<std::pair<SourceKind, std::string_view>, 8> kSourceKinds{{
    {SourceKind::Feed, "feed"},
    {SourceKind::HfAuthor, "hf-author"},
    {SourceKind::GithubReleases, "github-releases"},
    {SourceKind::GithubCommits, "github-commits"},
    {SourceKind::Edgar, "edgar"},
    {SourceKind::Arxiv, "arxiv"},
    {SourceKind::Prices, "prices"},
    {SourceKind::Page, "page"},
}};

constexpr std::array<std::pair<FeedFormat, std::string_view>, 11> kFeedFormats{{
    {FeedFormat::Rss2, "rss2"},
    {FeedFormat::Rss1, "rss1"},
    {FeedFormat::Rss09, "rss09"},
    {FeedFormat::Atom10, "atom10"},
    {FeedFormat::Atom03, "atom03"},
    {FeedFormat::JsonFeed, "jsonfeed"},
    {FeedFormat::HfJson, "hf-json"},
    {FeedFormat::PricesCsv, "prices-csv"},
    {FeedFormat::Page, "page"},
    {FeedFormat::GithubJson, "github-json"},
    {FeedFormat::EdgarJson, "edgar-json"},
}};

constexpr std::array<std::pair<SurfaceCategory, std::string_view>, 5> kSurfaceCategories{{
    {SurfaceCategory::Monetizable, "monetizable"},
    {SurfaceCategory::Engagement, "engagement"},
    {SurfaceCategory::Hardware, "hardware"},
    {SurfaceCategory::Developer, "developer"},
    {SurfaceCategory::Enterprise, "enterprise"},
}};

constexpr std::array<std::pair<Openness, std::string_view>, 8> kOpenness{{
    {Openness::OpenWeightsPermissive, "open_weights_permissive"},
    {Openness::OpenWeightsRestricted, "open_weights_restricted"},
    {Openness::OpenWeightsNoncommercial, "open_weights_noncommercial"},
    {Openness::Api, "api"},
    {Openness::HostedProduct, "hosted_product"},
    {Openness::LimitedPreview, "limited_preview"},
    {Openness::Unreleased, "unreleased"},
    {Openness::Unknown, "unknown"},
}};

constexpr std::array<std::pair<Tier, std::string_view>, 4> kTiers{{
    {Tier::Flagship, "flagship"},
    {Tier::Mid, "mid"},
    {Tier::Small, "small"},
    {Tier::Unknown, "unknown"},
}};

constexpr std::array<std::pair<QuestionStatus, std::string_view>, 3> kQuestionStatuses{{
    {QuestionStatus::Open, "open"},
    {QuestionStatus::Yes, "yes"},
    {QuestionStatus::No, "no"},
}};

constexpr std::array<std::pair<FetchStatus, std::string_view>, 3> kFetchStatuses{{
    {FetchStatus::Ok, "ok"},
    {FetchStatus::NotModified, "not_modified"},
    {FetchStatus::Failed, "failed"},
}};

constexpr std::array<std::pair<DeliveryStatus, std::string_view>, 3> kDeliveryStatuses{{
    {DeliveryStatus::Pending, "pending"},
    {DeliveryStatus::Sent, "sent"},
    {DeliveryStatus::Failed, "failed"},
}};

}  // namespace

std::string_view to_string(EventKind kind) {
    return name_of(kEventKinds, kind);
}
std::optional<EventKind> event_kind_from_string(std::string_view t) {
    return value_of(kEventKinds, t);
}
const std::vector<EventKind>& all_event_kinds() {
    static const std::vector<EventKind> kinds = [] {
        std::vector<EventKind> v;
        for (const auto& [k, name] : kEventKinds) {
            v.push_back(k);
        }
        return v;
    }();
    return kinds;
}
std::string_view to_string(Review r) {
    return name_of(kReviews, r);
}
std::optional<Review> review_from_string(std::string_view t) {
    return value_of(kReviews, t);
}
std::string_view to_string(CandidateState s) {
    return name_of(kCandidateStates, s);
}
std::optional<CandidateState> candidate_state_from_string(std::string_view t) {
    return value_of(kCandidateStates, t);
}
std::string_view to_string(SourceKind k) {
    return name_of(kSourceKinds, k);
}
std::optional<SourceKind> source_kind_from_string(std::string_view t) {
    return value_of(kSourceKinds, t);
}
std::string_view to_string(FetchStatus s) {
    return name_of(kFetchStatuses, s);
}
std::optional<FetchStatus> fetch_status_from_string(std::string_view t) {
    return value_of(kFetchStatuses, t);
}
std::string_view to_string(DeliveryStatus s) {
    return name_of(kDeliveryStatuses, s);
}
std::optional<DeliveryStatus> delivery_status_from_string(std::string_view t) {
    return value_of(kDeliveryStatuses, t);
}
std::string_view to_string(FeedFormat f) {
    return name_of(kFeedFormats, f);
}
std::string_view to_string(SurfaceCategory c) {
    return name_of(kSurfaceCategories, c);
}
std::optional<SurfaceCategory> surface_category_from_string(std::string_view t) {
    return value_of(kSurfaceCategories, t);
}
std::string_view to_string(Openness o) {
    return name_of(kOpenness, o);
}
std::optional<Openness> openness_from_string(std::string_view t) {
    return value_of(kOpenness, t);
}
bool is_open(Openness o) {
    return o == Openness::OpenWeightsPermissive || o == Openness::OpenWeightsRestricted ||
           o == Openness::OpenWeightsNoncommercial;
}
bool is_closed(Openness o) {
    return o == Openness::Api || o == Openness::HostedProduct || o == Openness::LimitedPreview ||
           o == Openness::Unreleased;
}
std::string_view to_string(Tier t) {
    return name_of(kTiers, t);
}
std::optional<Tier> tier_from_string(std::string_view t) {
    return value_of(kTiers, t);
}
std::string_view to_string(QuestionStatus s) {
    return name_of(kQuestionStatuses, s);
}
std::optional<QuestionStatus> question_status_from_string(std::string_view t) {
    return value_of(kQuestionStatuses, t);
}

}  // namespace fw
