// SQLite's side of sql::Dialect: FTS5 over the external-content table items_fts.

#include "store/fts_query.h"
#include "store/payload_codec.h"
#include "store/sql_dialect.h"

namespace fw::store::sql {
namespace {

class SqliteDialect final : public Dialect {
public:
    std::optional<Search> item_search(std::string_view user_query, std::vector<Value>& params) const override {
        std::string match = detail::fts_query(user_query);
        if (match.empty()) {
            return std::nullopt;
        }
        params.emplace_back(std::move(match));
        return Search{" JOIN items_fts f ON f.rowid = i.id", "items_fts MATCH $" + std::to_string(params.size()),
                      "f.rowid"};
    }

    bool indexes_items_explicitly() const override { return true; }

    Status index_items(Runner& runner, std::span<const std::int64_t> ids) const override {
        // One statement for the batch: FTS5 tokenizes the rows and writes one segment.
        auto done = runner.query(
            "INSERT INTO items_fts (rowid, title, summary_text, content_text) SELECT id, title, summary_text, "
            "content_text FROM items WHERE id IN (SELECT value FROM json_each($1))",
            {id_list(ids)});
        return done ? ok() : Status(done.error());
    }

    std::size_t items_per_statement() const override { return 1; }

    std::string_view item_order_lock() const override { return {}; }

    // BEGIN IMMEDIATE has taken the write lock already.
    std::string_view row_lock() const override { return {}; }
    std::string_view claim_lock() const override { return {}; }

    Value id_list(std::span<const std::int64_t> ids) const override {
        return detail::encode_ids(std::vector<std::int64_t>(ids.begin(), ids.end()));
    }
    std::string in_id_list(std::string_view column, std::string_view placeholder) const override {
        return std::string(column) + " IN (SELECT value FROM json_each(" + std::string(placeholder) + "))";
    }
};

}  // namespace

const Dialect& sqlite_dialect() {
    static const SqliteDialect dialect;
    return dialect;
}

}  // namespace fw::store::sql
