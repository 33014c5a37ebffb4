// The light markup of module pages (docs/pack-format.md, "Page text"): `# Heading`, `## Subheading`,
// paragraphs separated by blank lines, `- ` list items, `*emphasis*`, `**strong**`, links to items
// `[text](item:ITEM_ID)` / `[text](item:PACK_ID/ITEM_ID)` and web links `[text](https://...)`.
// parse() is pure: it returns a small tree the UI renders (web links are shown as text + URL and
// never opened automatically) and the problems the pack validator reports.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace respite::core::markup {

enum class BlockKind { Heading1, Heading2, Paragraph, ListItem };
const char* to_string(BlockKind kind);  // "h1", "h2", "p", "li"

enum class LinkKind { None, Item, Web };

// A run of text with one style. Spans of a link carry its target.
struct Span {
  std::string text;
  bool emphasis = false;
  bool strong = false;
  LinkKind link = LinkKind::None;
  std::string target;  // Item: "ITEM_ID" or "PACK_ID/ITEM_ID" (without "item:"); Web: the URL
};

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  std::vector<Span> spans;
  std::string plain() const;  // the text without styles
};

struct Issue {
  bool error = false;  // true: a broken link target; false: markup shown literally (a warning)
  std::string message;
};

struct Document {
  std::vector<Block> blocks;
  std::vector<Issue> issues;  // at most kMaxIssues
  // Every link target, in order.
  std::vector<Span> links() const;
};

constexpr std::size_t kMaxIssues = 20;

Document parse(std::string_view text);

// What the pack validator needs from a text: the same issues as parse(), in the same order, and its
// link spans (target and style; their text is left empty). Builds no blocks and copies no running
// text, which is most of parse()'s cost.
struct Check {
  std::vector<Issue> issues;
  std::vector<Span> links;
};
Check check(std::string_view text);

}  // namespace respite::core::markup
