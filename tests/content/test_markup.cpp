// The light markup of module pages: blocks, styles, links, and what is shown literally.
#include <catch2/catch.hpp>

#include "core/markup.h"

using namespace respite::core::markup;

namespace {

// "h1|Title" "p|plain *em* **strong** [link->target]" for compact comparisons.
std::string render(const Document& doc) {
  std::string out;
  for (const Block& block : doc.blocks) {
    out += std::string(to_string(block.kind)) + "|";
    for (const Span& span : block.spans) {
      std::string text = span.text;
      if (span.link == LinkKind::Item) text = "[" + text + "->item:" + span.target + "]";
      if (span.link == LinkKind::Web) text = "[" + text + "->" + span.target + "]";
      if (span.emphasis) text = "*" + text + "*";
      if (span.strong) text = "**" + text + "**";
      out += text;
    }
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("markup makes headings, paragraphs and list items", "[content][markup]") {
  const Document doc =
      parse("# Title\n\nFirst line\nwraps here.\n\n## Sub\n- one\n- two\n  continued\n\r\nLast");
  CHECK(render(doc) == "h1|Title\np|First line wraps here.\nh2|Sub\nli|one\nli|two continued\np|Last\n");
  CHECK(doc.issues.empty());
  CHECK(doc.blocks[1].plain() == "First line wraps here.");
}

TEST_CASE("markup styles and links", "[content][markup]") {
  const Document doc = parse(
      "Be *kind* and **firm**; try [slow breathing](item:slow-six), "
      "[a friend's](item:other-pack/calm) or [the NHS](https://www.nhs.uk/).");
  CHECK(
      render(doc) ==
      "p|Be *kind* and **firm**; try [slow breathing->item:slow-six], [a friend's->item:other-pack/calm] or "
      "[the NHS->https://www.nhs.uk/].\n");
  const std::vector<Span> links = doc.links();
  REQUIRE(links.size() == 3);
  CHECK(links[1].target == "other-pack/calm");
  CHECK(doc.issues.empty());
}

TEST_CASE("escapes and unclosed markers are shown as written", "[content][markup]") {
  const Document escaped = parse("2 \\* 3 = 6, \\[not a link\\]");
  CHECK(render(escaped) == "p|2 * 3 = 6, [not a link]\n");
  CHECK(escaped.issues.empty());

  const Document open = parse("a **bold start and *an em");
  CHECK(render(open) == "p|a **bold start and *an em\n");
  REQUIRE(open.issues.size() == 2);
  CHECK_FALSE(open.issues[0].error);
}

TEST_CASE("links go only to items and https pages", "[content][markup]") {
  for (const char* bad : {"[x](javascript:alert)", "[x](http://example.com)", "[x](file:///etc/passwd)",
                          "[x](item:Bad_Id)", "[x](item:a/b/c)", "[x](https://)", "[x](mailto:a@b.c)"}) {
    INFO(bad);
    const Document doc = parse(bad);
    REQUIRE(doc.issues.size() == 1);
    CHECK(doc.issues[0].error);
    CHECK(doc.links().empty());
  }
  CHECK(render(parse("[unclosed](item:x")) == "p|[unclosed](item:x\n");
}

TEST_CASE("a hostile body costs a bounded number of issues", "[content][markup]") {
  std::string body;
  for (int i = 0; i < 500; ++i) body += "[x](bad" + std::to_string(i) + ") **";
  const Document doc = parse(body);
  CHECK(doc.issues.size() == kMaxIssues);
  CHECK(parse("").blocks.empty());
  CHECK(parse("\n\n\n").blocks.empty());
}
