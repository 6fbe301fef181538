#pragma once
// The entities table: the loaded taxonomy (labs, models, surfaces, people, licences and the
// labs' securities) plus models discovered in sources, each as a JSON body keyed by kind+slug.
// Written once over sql::Runner for SQLite and PostgreSQL; every call runs inside the caller's
// transaction.

#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "domain/taxonomy.h"
#include "store/sql_runner.h"

namespace fw::store {

class EntityRepository {
public:
    explicit EntityRepository(sql::Runner& runner) : db_(&runner) {}

    /// Replaces the loaded taxonomy. Discovered models stay, unless the taxonomy now lists the
    /// same slug (then its entry wins and is no longer "discovered").
    Status save(const Taxonomy& taxonomy);
    /// In saved order; discovered models follow the loaded ones. Error{Storage} for a body
    /// that no longer decodes.
    Result<Taxonomy> load();
    /// No-op when the slug is known. Error{Invalid} for an empty slug.
    Status add_discovered_model(const ModelInfo& model);
    /// Slugs of the discovered models, in slug order.
    Result<std::vector<std::string>> discovered_models();

private:
    Status put(std::string_view kind, const std::string& slug, const std::string& body, int position);

    sql::Runner* db_;
};

}  // namespace fw::store
