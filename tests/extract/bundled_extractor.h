#pragma once
// An extractor over the bundled taxonomy and rules (data/), for the tests whose rules read the
// real labs, families and surfaces. Needs fw::app (app/taxonomy_loader.h).

#include "app/taxonomy_loader.h"
#include "extract/extractor.h"

#include "extract_support.h"
#include "support/catch.h"

namespace fw::test {

inline extract::Extractor bundled_extractor() {
    static const auto taxonomy = app::load_taxonomy({bundled_data()});
    REQUIRE(taxonomy);
    return extract::Extractor(*taxonomy, bundled_rules());
}

}  // namespace fw::test
