#include "store/pg/pg_dialect.h"

#include "store/pg/pg_search.h"

namespace fw::store::pg {
namespace {

class PostgresDialect final : public sql::Dialect {
public:
    std::optional<Search> item_search(std::string_view user_query, std::vector<sql::Value>& params) const override {
        auto expression = search_expression(user_query, params);
        if (!expression) {
            return std::nullopt;
        }
        return Search{"", "i.search @@ (" + *expression + ")"};
    }

    bool indexes_items_explicitly() const override { return false; }

    Status index_items(sql::Runner&, std::span<const std::int64_t>) const override { return ok(); }

    // 12 parameters a row: 64 rows stay far below PostgreSQL's 65,535 parameters.
    std::size_t items_per_statement() const override { return 64; }

    // Item ids are the extraction watermark (app/extract_service.cpp): a worker derives events
    // from items with id > the last one seen. Taking this lock before inserting items makes ids
    // commit in the order they are handed out, so no item can appear later below the watermark.
    std::string_view item_order_lock() const override {
        return "SELECT pg_advisory_xact_lock(77341245334893)";  // 0x4657'6974'656d, "FWitem"
    }

    // Two workers merging into one event take turns on its row.
    std::string_view row_lock() const override { return " FOR UPDATE"; }
    std::string_view claim_lock() const override { return " FOR UPDATE SKIP LOCKED"; }

    sql::Value id_list(std::span<const std::int64_t> ids) const override {
        std::string list = "{";
        for (std::size_t i = 0; i < ids.size(); ++i) {
            list += (i ? "," : "") + std::to_string(ids[i]);
        }
        return list + "}";
    }
    std::string in_id_list(std::string_view column, std::string_view placeholder) const override {
        return std::string(column) + " = ANY(CAST(" + std::string(placeholder) + " AS bigint[]))";
    }
};

}  // namespace

const sql::Dialect& postgres_dialect() {
    static const PostgresDialect dialect;
    return dialect;
}

}  // namespace fw::store::pg
