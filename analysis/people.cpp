#include "analysis/people.h"
#include "domain/event_schema.h"

#include <map>

namespace fw::analysis {
namespace {

class TenureBook {
public:
    explicit TenureBook(const Taxonomy& taxonomy) : taxonomy_(taxonomy) {
        for (const Person& p : taxonomy.people) {
            by_person_[p.slug].push_back(tenures_.size());
            tenures_.push_back(Tenure{p.slug, p.name, p.org, p.role, p.since, p.left_at, {}, {}});
        }
    }

    void apply(const Event& e) {
        const std::string move = get(e.fields, field::move).value_or("");
        const std::string org = get(e.fields, field::org).value_or(e.lab.value_or(""));
        const std::optional<std::string> role = get(e.fields, field::role);
        display_name_ = get(e.fields, field::name).value_or(*e.person);
        Tenure* current = open_tenure(*e.person, org);
        if (move == "joined") {
            if (current == nullptr || current->since) {
                current = &start(*e.person, org);
            }
            current->since = current->since.value_or(e.occurred_at);
        } else if (move == "left") {
            current = current != nullptr ? current : &start(*e.person, org);
            current->left_at = e.occurred_at;
        } else if (current == nullptr) {
            current = &start(*e.person, org);
        }
        if (role) {
            current->role = *role;
        }
        current->event_ids.push_back(e.id);
    }

    std::vector<Tenure> finish(TimePoint as_of) {
        for (Tenure& t : tenures_) {
            if (t.left_at && day_of(*t.left_at) > day_of(as_of)) {
                t.left_at.reset();  // the taxonomy may know the future of as_of; we do not
            }
            if (t.since) {
                t.tenure_days = days_between(*t.since, t.left_at.value_or(as_of));
            }
        }
        return std::move(tenures_);
    }

private:
    Tenure* open_tenure(const std::string& person, const std::string& org) {
        const auto found = by_person_.find(person);
        if (found == by_person_.end()) {
            return nullptr;
        }
        for (auto it = found->second.rbegin(); it != found->second.rend(); ++it) {
            Tenure& t = tenures_[*it];
            if ((org.empty() || t.org == org) && !t.left_at) {
                return &t;
            }
        }
        return nullptr;
    }

    Tenure& start(const std::string& person, const std::string& org) {
        const Person* p = taxonomy_.find_person(person);
        by_person_[person].push_back(tenures_.size());
        // A person the taxonomy does not know is shown by the name the extractor read.
        tenures_.push_back(Tenure{person, p != nullptr ? p->name : display_name_, org, {}, {}, {}, {}, {}});
        return tenures_.back();
    }

    const Taxonomy& taxonomy_;
    std::string display_name_;  // of the event being applied
    std::vector<Tenure> tenures_;
    std::map<std::string, std::vector<std::size_t>> by_person_;  // indexes into tenures_
};

std::vector<QuarterFlow> flows_of(const std::vector<Tenure>& tenures) {
    std::map<std::pair<std::string, std::string>, QuarterFlow> flows;
    auto at = [&](const std::string& lab, TimePoint t) -> QuarterFlow& {
        QuarterFlow& f = flows[{lab, quarter_of(t)}];
        f.lab = lab;
        f.quarter = quarter_of(t);
        return f;
    };
    for (const Tenure& t : tenures) {
        if (t.since) {
            ++at(t.org, *t.since).arrivals;
        }
        if (t.left_at) {
            ++at(t.org, *t.left_at).departures;
        }
    }
    std::vector<QuarterFlow> out;
    for (const auto& [key, f] : flows) {
        out.push_back(f);
    }
    return out;
}

}  // namespace

PeopleSection analyze_people(const EventRefs& events, const Taxonomy& taxonomy, TimePoint as_of) {
    TenureBook book(taxonomy);
    for (const Event* e : of_kind(events, EventKind::PersonnelMove)) {
        if (e->person && !e->person->empty()) {
            book.apply(*e);
        }
    }
    PeopleSection out;
    out.tenures = book.finish(as_of);
    out.flows = flows_of(out.tenures);
    return out;
}

}  // namespace fw::analysis
