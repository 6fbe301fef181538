#include <filesystem>
#include <system_error>

#include "store/sqlite_store.h"
#include "store/store.h"
#ifdef FW_HAVE_POSTGRES
#include "store/pg/pg_store.h"
#endif

namespace fw::store {

Result<std::unique_ptr<Store>> open_store(const std::string& location) {
    if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
#ifdef FW_HAVE_POSTGRES
        auto pg = pg::PgStore::open(location);
        if (!pg) {
            return pg.error();
        }
        return std::unique_ptr<Store>(std::move(*pg));
#else
        return make_error(ErrorCode::Config, "PostgreSQL store not available in this build (no libpq)");
#endif
    }
    if (location.empty()) {
        return make_error(ErrorCode::Usage, "no database location given");
    }
    if (location != ":memory:") {
        // The default location ($XDG_DATA_HOME/frontierwatch/...) may not exist yet.
        const auto parent = std::filesystem::path(location).parent_path();
        std::error_code ec;
        if (!parent.empty() && !std::filesystem::exists(parent, ec)) {
            std::filesystem::create_directories(parent, ec);
            if (ec) {
                return make_error(ErrorCode::Storage, "cannot create the database folder: " + ec.message(),
                                  parent.string());
            }
        }
    }
    auto store = SqliteStore::open(location);
    if (!store) {
        return store.error();
    }
    return std::unique_ptr<Store>(std::move(*store));
}

}  // namespace fw::store
