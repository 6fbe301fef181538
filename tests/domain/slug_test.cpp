#include "domain/slug.h"
#include "support/catch.h"

using namespace fw;

TEST_CASE("slugs are lowercase ASCII words joined by dashes", "[domain][slug]") {
    CHECK(slugify("Muse Spark 1.1") == "muse-spark-1-1");
    CHECK(slugify("Ray-Ban Meta glasses") == "ray-ban-meta-glasses");
    CHECK(slugify("  WhatsApp Business!  ") == "whatsapp-business");
    CHECK(slugify("Llama-3.1-8B-Instruct") == "llama-3-1-8b-instruct");
    CHECK(slugify("Meta\xE2\x80\x99s model") == "meta-s-model");
    CHECK(slugify("") == "");
}

TEST_CASE("trim and lowercase", "[domain][slug]") {
    CHECK(trim("  a b \n") == "a b");
    CHECK(to_lower_ascii("GPT-5") == "gpt-5");
}
