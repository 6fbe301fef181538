// app::load_classifier_file / load_classifier: reading the kind classifier's model file is app/'s
// job (extract/ stays pure). A missing or foreign file turns the classifier off with a reason;
// the program never stops for it, and a user's data folder overrides the bundled model.

#include <filesystem>
#include <fstream>

#include "app/context.h"
#include "extract/classifier.h"
#include "support/catch.h"
#include "support/paths.h"
#include "support/temp_dir.h"

TEST_CASE("classifier file: a missing model file is NotFound and names the path", "[app][classifier]") {
    auto c = fw::app::load_classifier_file("/nonexistent/classifier/kinds.ftz");
    REQUIRE_FALSE(c);
    CHECK(c.error().code == fw::ErrorCode::NotFound);
    CHECK(c.error().describe().find("/nonexistent/classifier/kinds.ftz") != std::string::npos);
}

TEST_CASE("classifier file: the bundled model loads; a foreign file in a user's folder turns it off",
          "[app][classifier]") {
    const auto bundled = fw::test::bundled_data();
    REQUIRE(fw::app::load_classifier_file(bundled / "classifier" / "kinds.ftz"));
    CHECK(fw::app::load_classifier({bundled}) != nullptr);

    fw::test::TempDir user;
    std::filesystem::create_directories(user.path() / "classifier");
    std::ofstream(user.path() / "classifier" / "kinds.ftz") << "not a model\n";
    auto foreign = fw::app::load_classifier_file(user.path() / "classifier" / "kinds.ftz");
    REQUIRE_FALSE(foreign);
    CHECK(foreign.error().code == fw::ErrorCode::Parse);
    // The last folder wins, and a model it cannot read switches the classifier off, not back on.
    CHECK(fw::app::load_classifier({bundled, user.path()}) == nullptr);
}
