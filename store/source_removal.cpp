#include "store/source_removal.h"

#include <string>

namespace fw::store {

Status remove_source(SourceRepository& sources, ItemRepository& items, EventRepository& events, std::string_view name,
                     bool purge) {
    auto id = sources.id_of(name, /*include_removed=*/purge);
    if (!id) {
        return id.error();
    }
    if (!*id) {
        return make_error(ErrorCode::NotFound, "no such source", std::string(name));
    }
    if (!purge) {
        return sources.mark_removed(**id);
    }
    // Deleting items takes their text out of the index: pending rows must be in it.
    if (auto indexed = items.flush_search_index(); !indexed) {
        return indexed;
    }
    auto touched = events.drop_evidence_of_source(**id);
    if (!touched) {
        return touched.error();
    }
    if (auto deleted = sources.delete_row(**id); !deleted) {
        return deleted;
    }
    auto dropped = events.delete_unsupported(*touched);
    return dropped ? ok() : Status(dropped.error());
}

}  // namespace fw::store
