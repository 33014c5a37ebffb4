// See markup.h. One pass over the lines makes blocks; one pass over each block's text makes spans.
#include "core/markup.h"

#include <cstdint>

#include "core/byte_scan.h"

namespace respite::core::markup {
namespace {

bool is_blank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "[a-z0-9][a-z0-9-]{1,63}", as item and pack ids.
bool is_id(std::string_view id) {
  if (id.size() < 2 || id.size() > 64) return false;
  const auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  if (id[0] == '-') return false;
  for (char c : id) {
    if (!ok(c)) return false;
  }
  return true;
}

// Shortens what is quoted in a message.
std::string quote(std::string_view text) {
  constexpr std::size_t kMax = 40;
  std::string out(text.substr(0, kMax));
  // Never cut inside a UTF-8 sequence.
  while (text.size() > kMax && !out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
    out.pop_back();
  if (text.size() > kMax && !out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  return "\"" + out + (text.size() > kMax ? "...\"" : "\"");
}

// With keep_text false (the validator's check()), runs of text are only noted, not copied: the
// spans keep their styles and links, so every issue comes out exactly as with the text; parse()
// then returns only the links.
// Where the next '\\', '*' or '[' is at or after `from` (or the end): eight bytes at a time, since
// most of a page is plain words.
std::size_t next_marker(std::string_view text, std::size_t from) {
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t w = byte_scan::load(text.data() + i);
    if ((byte_scan::has_byte(w, '\\') | byte_scan::has_byte(w, '*') | byte_scan::has_byte(w, '[')) != 0)
      break;
  }
  while (i < text.size() && text[i] != '\\' && text[i] != '*' && text[i] != '[') ++i;
  return i;
}

class InlineParser {
 public:
  InlineParser(std::vector<Issue>& issues, bool keep_text) : issues_(issues), keep_text_(keep_text) {}

  std::vector<Span> parse(std::string_view text) {
    spans_.clear();
    buffer_.clear();
    buffered_ = false;
    emphasis_ = strong_ = false;
    for (std::size_t i = 0; i < text.size();) {
      const char c = text[i];
      if (c == '\\' && i + 1 < text.size() && is_escapable(text[i + 1])) {
        append(text.data() + i + 1, 1);
        i += 2;
      } else if (c == '*' && i + 1 < text.size() && text[i + 1] == '*') {
        toggle(strong_, strong_open_, "**");
        i += 2;
      } else if (c == '*') {
        toggle(emphasis_, emphasis_open_, "*");
        i += 1;
      } else if (c == '[') {
        i = link(text, i);
      } else {
        // Plain text up to the next character that may mean something.
        const std::size_t end = next_marker(text, i + 1);
        append(text.data() + i, end - i);
        i = end;
      }
    }
    flush();
    // An unclosed marker is shown as written, and the style it opened is taken back; the later one
    // first, so that inserting it does not move where the earlier one goes.
    if (strong_ && emphasis_ && emphasis_open_ < strong_open_) {
      unclose(strong_open_, "**", &Span::strong);
      unclose(emphasis_open_, "*", &Span::emphasis);
    } else {
      if (emphasis_) unclose(emphasis_open_, "*", &Span::emphasis);
      if (strong_) unclose(strong_open_, "**", &Span::strong);
    }
    if (keep_text_) {
      merge();  // merging joins texts only: no issue or link changes
      return std::move(spans_);
    }
    // check() needs only the links; spans_ keeps its storage for the next block.
    std::vector<Span> links;
    for (Span& span : spans_) {
      if (span.link != LinkKind::None) links.push_back(std::move(span));
    }
    return links;
  }

 private:
  static bool is_escapable(char c) {
    return c == '\\' || c == '*' || c == '[' || c == ']' || c == '(' || c == ')' || c == '#' || c == '-';
  }

  void append(const char* text, std::size_t size) {
    if (keep_text_) buffer_.append(text, size);
    buffered_ = true;
  }

  void flush() {
    if (!buffered_) return;
    Span span;
    span.text = std::move(buffer_);
    span.emphasis = emphasis_;
    span.strong = strong_;
    spans_.push_back(std::move(span));
    buffer_.clear();
    buffered_ = false;
  }

  void toggle(bool& on, std::size_t& open_at, const char*) {
    flush();
    if (!on) open_at = spans_.size();
    on = !on;
  }

  void unclose(std::size_t open_at, const char* marker, bool Span::*style) {
    for (std::size_t k = open_at; k < spans_.size(); ++k) spans_[k].*style = false;
    Span literal;
    literal.text = marker;
    if (open_at < spans_.size()) {
      literal.emphasis = spans_[open_at].emphasis;
      literal.strong = spans_[open_at].strong;
    }
    spans_.insert(spans_.begin() + static_cast<std::ptrdiff_t>(open_at), literal);
    add_issue(false, std::string("\"") + marker + "\" opens " +
                         (std::string(marker) == "**" ? "strong text" : "emphasis") +
                         " that is never closed; it is shown as written (write \\" + marker +
                         " for a literal " + marker + ")");
  }

  // "[text](target)" at text[i] == '['; returns where to continue.
  std::size_t link(std::string_view text, std::size_t i) {
    const std::size_t close = text.find("](", i + 1);
    const std::size_t end = close == std::string_view::npos ? close : text.find(')', close + 2);
    const std::size_t nested = text.find('[', i + 1);
    if (end == std::string_view::npos || (nested != std::string_view::npos && nested < close)) {
      append("[", 1);
      return i + 1;
    }
    const std::string_view label = text.substr(i + 1, close - i - 1);
    const std::string_view target = trim(text.substr(close + 2, end - close - 2));
    flush();
    Span span;
    if (keep_text_) span.text = std::string(label.empty() ? target : label);
    span.emphasis = emphasis_;
    span.strong = strong_;
    if (starts_with(target, "item:")) {
      const std::string_view ref = target.substr(5);
      const std::size_t slash = ref.find('/');
      const bool ok = slash == std::string_view::npos
                          ? is_id(ref)
                          : is_id(ref.substr(0, slash)) && is_id(ref.substr(slash + 1));
      if (ok) {
        span.link = LinkKind::Item;
        span.target = std::string(ref);
      } else {
        add_issue(true,
                  "the link " + quote(target) +
                      " does not name an item; write item:ITEM_ID or item:PACK_ID/ITEM_ID (lowercase ids)");
      }
    } else if (starts_with(target, "https://") && target.size() > 8 &&
               target.find_first_of(" \t<>\"") == std::string_view::npos) {
      span.link = LinkKind::Web;
      span.target = std::string(target);
    } else {
      add_issue(true, "the link target " + quote(target) +
                          " is not allowed; links go to items (item:ITEM_ID) or to web pages (https://...)");
    }
    if (label.empty()) add_issue(false, "a link has no text between [ and ]; its target is shown instead");
    spans_.push_back(std::move(span));
    return end + 1;
  }

  void add_issue(bool error, std::string message) {
    if (issues_.size() < kMaxIssues) issues_.push_back(Issue{error, std::move(message)});
  }

  // Neighbouring spans with the same style become one.
  void merge() {
    std::vector<Span> merged;
    for (Span& span : spans_) {
      if (!merged.empty() && span.link == LinkKind::None && merged.back().link == LinkKind::None &&
          merged.back().emphasis == span.emphasis && merged.back().strong == span.strong) {
        merged.back().text += span.text;
      } else {
        merged.push_back(std::move(span));
      }
    }
    spans_ = std::move(merged);
  }

  std::vector<Issue>& issues_;
  const bool keep_text_;
  std::vector<Span> spans_;
  std::string buffer_;
  bool buffered_ = false;  // text was appended since the last flush (buffer_ may stay empty)
  bool emphasis_ = false;
  bool strong_ = false;
  std::size_t emphasis_open_ = 0;
  std::size_t strong_open_ = 0;
};

}  // namespace

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::Heading1:
      return "h1";
    case BlockKind::Heading2:
      return "h2";
    case BlockKind::Paragraph:
      return "p";
    case BlockKind::ListItem:
      return "li";
  }
  return "p";
}

std::string Block::plain() const {
  std::string out;
  for (const Span& span : spans) out += span.text;
  return out;
}

std::vector<Span> Document::links() const {
  std::vector<Span> out;
  for (const Block& block : blocks) {
    for (const Span& span : block.spans) {
      if (span.link != LinkKind::None) out.push_back(span);
    }
  }
  return out;
}

namespace {

// One pass over the lines; each finished block goes to `emit` (with its spans) when it has any.
template <typename Emit>
void parse_blocks(std::string_view text, std::vector<Issue>& issues, bool keep_text, Emit emit) {
  InlineParser inline_parser(issues, keep_text);
  // The block being gathered: its kind and its lines joined by spaces.
  bool open = false;
  BlockKind kind = BlockKind::Paragraph;
  std::string gathered;
  const auto close = [&] {
    if (!open) return;
    Block block;
    block.kind = kind;
    block.spans = inline_parser.parse(gathered);
    if (!block.spans.empty()) emit(std::move(block));
    open = false;
    gathered.clear();
  };
  const auto start = [&](BlockKind k, std::string_view content) {
    close();
    open = true;
    kind = k;
    gathered.assign(trim(content));
  };

  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;

    if (is_blank(line)) {
      close();
    } else if (starts_with(line, "## ")) {
      start(BlockKind::Heading2, line.substr(3));
      close();
    } else if (starts_with(line, "# ")) {
      start(BlockKind::Heading1, line.substr(2));
      close();
    } else if (starts_with(line, "###")) {
      std::size_t hashes = 0;
      while (hashes < line.size() && line[hashes] == '#') ++hashes;
      if (issues.size() < kMaxIssues) {
        issues.push_back(
            Issue{false, "only # and ## headings exist; " + quote(line) + " is shown as a ## heading"});
      }
      start(BlockKind::Heading2, line.substr(hashes));
      close();
    } else if (starts_with(line, "- ")) {
      start(BlockKind::ListItem, line.substr(2));
    } else if (open && (kind == BlockKind::Paragraph || kind == BlockKind::ListItem)) {
      // A wrapped line continues its paragraph or list item.
      gathered += ' ';
      gathered += trim(line);
    } else {
      start(BlockKind::Paragraph, line);
    }
    if (eol == text.size()) break;
  }
  close();
}

}  // namespace

Document parse(std::string_view text) {
  Document doc;
  parse_blocks(text, doc.issues, true, [&doc](Block&& block) { doc.blocks.push_back(std::move(block)); });
  return doc;
}

Check check(std::string_view text) {
  Check result;
  parse_blocks(text, result.issues, false, [&result](Block&& block) {
    for (Span& span : block.spans) result.links.push_back(std::move(span));  // links only, see above
  });
  return result;
}

}  // namespace respite::core::markup
