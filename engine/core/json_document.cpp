// Positioned JSON parsing on top of RapidJSON's SAX reader; see json_document.h.
#include "core/json_document.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_set>

#include "core/byte_scan.h"

namespace respite::core::json {
namespace {

// Positions come from the reader's own stream. RapidJSON's string stream is "copy optimized": while
// it reads a string or a number it works on a local copy (kept in registers, which is most of its
// speed) and writes the position back only after the handler returned. So inside a handler the
// stream still points at the first character of the string (its opening quote) or the number just
// read; after a literal or an opening bracket it points just past it. TreeBuilder derives every
// value's offset from that, without re-scanning the text.
// The in-situ stream (below) decodes strings into the parse buffer itself instead of copying each
// one through the reader's stack first; it is copy optimized in the same way, so offsets are too.
using Stream = rapidjson::InsituStringStream;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_json_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Builds the positioned tree from SAX events; each value's offset comes from the stream's position
// in its handler (see Stream above).
class TreeBuilder {
 public:
  // `base` is the offset in `text` where `stream` starts (after a byte order mark).
  TreeBuilder(std::string_view text, Stream& stream, std::size_t base, const ParseLimits& limits,
              Arena& arena, ParseResult& out)
      : text_(text), stream_(stream), base_(base), limits_(limits), arena_(&arena), out_(out) {}

  bool Null() { return open_slot(Type::Null, tell() - 4) != nullptr; }
  bool Bool(bool b) {
    Value* v = open_slot(Type::Bool, tell() - (b ? 4 : 5));
    if (!v) return false;
    v->boolean = b;
    return true;
  }
  // Numbers arrive as text (kParseNumbersAsStringsFlag); these four are never called.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(std::int64_t) { return false; }
  bool Uint64(std::uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char* str, rapidjson::SizeType length, bool) {
    Value* v = open_slot(Type::Number, tell());
    if (!v) return false;
    v->text = std::string_view(str, length);
    return true;
  }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    Value* v = open_slot(Type::String, tell());
    if (!v) return false;
    v->text = std::string_view(str, length);
    return true;
  }
  bool StartObject() { return start_container(Type::Object); }
  bool StartArray() { return start_container(Type::Array); }
  bool EndObject(rapidjson::SizeType) { return end_container(); }
  bool EndArray(rapidjson::SizeType) { return end_container(); }

  bool Key(const char* str, rapidjson::SizeType length, bool) {
    Frame& frame = frames_.back();
    const std::size_t offset = tell();  // the key's opening quote
    const std::string_view key(str, length);
    Member member(arena_);
    member.key_offset = offset;
    if (frame.has_key(key)) {
      member.duplicate = true;
      const Member* first = frame.value->find_member(key);
      // Line numbers are only needed for this message, so the map is made on first use.
      if (!lines_) lines_.emplace(text_);
      const int first_line = first ? lines_->at(first->key_offset).line : 0;
      out_.issues.push_back({"E-DUPLICATE-KEY", offset, path_member(frame_path(frames_.size() - 1), key),
                             "the key \"" + std::string(key) +
                                 "\" appears twice in the same object (first on line " +
                                 std::to_string(first_line) + "); remove one of them"});
    }
    member.key = key;
    // Pack objects have a handful of members: one allocation up front instead of growing 1, 2, 4, 8
    // (each growth moves every member and its subtree's strings and vectors).
    if (frame.value->members.capacity() == 0) frame.value->members.reserve(8);
    frame.value->members.push_back(std::move(member));
    frame.key_pending = true;
    return true;
  }

  // Where the reader was when it stopped: the innermost open container, plus the key whose value
  // was being read.
  std::string error_path() const {
    if (frames_.empty()) return "$";
    const Frame& frame = frames_.back();
    if (frame.value->is(Type::Object) && frame.key_pending && !frame.value->members.empty()) {
      return path_member(frame_path(frames_.size() - 1), frame.value->members.back().key);
    }
    return frame_path(frames_.size() - 1);
  }

  bool stopped_by_limit() const { return stopped_by_limit_; }
  std::optional<Value> take_root() { return std::move(root_); }

 private:
  struct Frame {
    Value* value = nullptr;
    // Keys seen, for duplicate detection: small objects are searched directly (no copies); a large
    // one keeps a set, so a hostile object of thousands of keys stays linear.
    std::unordered_set<std::string_view> keys;
    bool has_key(std::string_view key) {
      const List<Member>& members = value->members;
      constexpr std::size_t kLinear = 32;
      if (members.size() < kLinear) {
        for (const Member& m : members) {
          if (m.key == key) return true;
        }
        return false;
      }
      if (keys.empty()) {
        for (const Member& m : members) keys.insert(m.key);
      }
      return !keys.insert(key).second;
    }
    bool key_pending = false;
  };

  // The JSON path of the container open at frames_[depth], built only when a message needs it
  // (almost never): while a container is open it is the last element or member of its parent.
  std::string frame_path(std::size_t depth) const {
    std::string path = "$";
    for (std::size_t i = 1; i <= depth && i < frames_.size(); ++i) {
      const Value& parent = *frames_[i - 1].value;
      path = parent.is(Type::Array) ? path_index(path, parent.elements.size() - 1)
                                    : path_member(path, parent.members.back().key);
    }
    return path;
  }

  // Where the reader's stream is, as an offset in the whole text.
  std::size_t tell() const { return base_ + stream_.Tell(); }

  // The slot for the next value, whose first character is at `offset`; nullptr (and an issue) past
  // the value cap.
  Value* open_slot(Type type, std::size_t offset) {
    if (++value_count_ > limits_.max_values) {
      stopped_by_limit_ = true;
      out_.issues.push_back({"E-LIMIT", offset, error_path(),
                             "the file holds more than " + std::to_string(limits_.max_values) +
                                 " values; a pack never needs this many (is the file damaged?)"});
      return nullptr;
    }
    Value* slot = nullptr;
    if (frames_.empty()) {
      root_.emplace(arena_);
      slot = &*root_;
    } else {
      Frame& frame = frames_.back();
      if (frame.value->is(Type::Array)) {
        if (frame.value->elements.capacity() == 0) frame.value->elements.reserve(4);
        frame.value->elements.emplace_back(arena_);
        slot = &frame.value->elements.back();
      } else {
        slot = &frame.value->members.back().value;
        frame.key_pending = false;
      }
    }
    slot->type = type;
    slot->offset = offset;
    return slot;
  }

  bool start_container(Type type) {
    if (static_cast<int>(frames_.size()) >= limits_.max_depth) {
      stopped_by_limit_ = true;
      out_.issues.push_back({"E-DEPTH", tell() - 1, error_path(),
                             "arrays and objects are nested more than " + std::to_string(limits_.max_depth) +
                                 " levels deep; a pack never needs this many (is the file damaged?)"});
      return false;
    }
    Frame frame;
    frame.value = open_slot(type, tell() - 1);  // the bracket was just read
    if (!frame.value) return false;
    frames_.push_back(std::move(frame));
    return true;
  }

  bool end_container() {
    frames_.pop_back();
    return true;
  }

  std::string_view text_;
  std::optional<LineMap> lines_;
  Stream& stream_;  // not const: the in-situ stream's Tell() is not a const member
  std::size_t base_;
  ParseLimits limits_;
  Arena* arena_;
  ParseResult& out_;
  std::optional<Value> root_;
  std::vector<Frame> frames_;
  std::size_t value_count_ = 0;
  bool stopped_by_limit_ = false;
};

// Length of the UTF-8 sequence starting at text[i], or 0 if it is malformed.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint32_t cp = 0;
  std::uint32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    cp = lead & 0x1Fu;
    min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    cp = lead & 0x0Fu;
    min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    cp = lead & 0x07u;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

// A plain-words hint for the syntax mistakes people make most when they edit JSON by hand.
std::string syntax_hint(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return "";
  const char c = text[offset];
  if (c == '/') return " (comments are not allowed in JSON)";
  if (c == '\'') return " (JSON text uses double quotes \")";
  if (text.substr(offset, 3) == "NaN" || text.substr(offset, 8) == "Infinity" ||
      text.substr(offset, 9) == "-Infinity") {
    return " (JSON has no NaN or Infinity; write a number)";
  }
  if (c == ']' || c == '}') {
    std::size_t i = offset;
    while (i > 0 && is_json_space(text[i - 1])) --i;
    if (i > 0 && text[i - 1] == ',')
      return " (remove the comma before it: JSON allows no comma after the last entry)";
  }
  return "";
}

bool is_identifier(std::string_view key) {
  if (key.empty()) return false;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    const bool digit = c >= '0' && c <= '9';
    if (!(alpha || (digit && i > 0))) return false;
  }
  return true;
}

}  // namespace

const Member* Value::find_member(std::string_view key) const {
  for (const Member& member : members) {
    if (member.key == key) return &member;
  }
  return nullptr;
}

const Value* Value::find(std::string_view key) const {
  const Member* member = find_member(key);
  return member ? &member->value : nullptr;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Runs of ASCII, the bulk of any pack, are skipped eight bytes at a time.
    while (i + 8 <= text.size() && (byte_scan::load(text.data() + i) & byte_scan::kHigh) == 0) i += 8;
    if (i >= text.size()) break;
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

ParseResult parse(std::string_view text, const ParseLimits& limits) {
  ParseResult result;
  if (const auto bad = find_invalid_utf8(text)) {
    static const char* kHex = "0123456789abcdef";
    const auto b = static_cast<unsigned char>(text[*bad]);
    result.issues.push_back({"E-UTF8", *bad, "$",
                             std::string("the file is not valid UTF-8: unexpected byte 0x") + kHex[b >> 4] +
                                 kHex[b & 0xF] + "; save it as UTF-8 in your editor"});
    return result;
  }
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    result.issues.push_back(
        {"E-JSON", nul, "$",
         "invalid JSON: a NUL byte is not allowed in JSON text (is this a binary file?)"});
    return result;
  }
  const std::size_t start = text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  // RapidJSON's fast stream reads up to a NUL; the text has none (checked above), so a terminated
  // copy ends exactly where the text does. Strings are decoded into this copy in place, and the
  // tree's views point into it, so it moves into the result.
  result.storage = std::make_unique<Storage>();
  result.storage->text = std::string(text.substr(start));
  Stream stream(result.storage->text.data());
  TreeBuilder builder(text, stream, start, limits, result.storage->arena, result);
  rapidjson::Reader reader;
  // No kParseValidateEncodingFlag: find_invalid_utf8 above already rejected every malformed byte,
  // with its own message, so RapidJSON's per-character check could never fire and only cost time
  // (a third of the whole parse). Escaped surrogates (\uD800) are still checked by RapidJSON.
  // kParseInsituFlag: the buffer is our own copy, so strings may be decoded in place; a decoded
  // string never overwrites an earlier one, so every view the tree keeps stays valid.
  constexpr unsigned kFlags = rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseInsituFlag;
  const rapidjson::ParseResult ok = reader.Parse<kFlags>(stream, builder);
  if (ok.IsError()) {
    if (!(ok.Code() == rapidjson::kParseErrorTermination && builder.stopped_by_limit())) {
      const std::size_t offset = start + ok.Offset();
      result.issues.push_back({"E-JSON", offset, builder.error_path(),
                               std::string("invalid JSON: ") + rapidjson::GetParseError_En(ok.Code()) +
                                   syntax_hint(text, offset)});
    }
    return result;
  }
  result.root = builder.take_root();
  return result;
}

const char* type_name(Type type) {
  switch (type) {
    case Type::Null:
      return "null";
    case Type::Bool:
      return "true or false";
    case Type::Number:
      return "a number";
    case Type::String:
      return "a string";
    case Type::Array:
      return "a list [...]";
    case Type::Object:
      return "an object {...}";
  }
  return "a value";
}

std::string describe(const Value& value) {
  switch (value.type) {
    case Type::Null:
      return "null";
    case Type::Bool:
      return value.boolean ? "true" : "false";
    case Type::Number:
      return std::string(value.text);
    case Type::String: {
      // Quote at most 40 code points, on a code point boundary, with control characters blanked.
      constexpr std::size_t kMaxCodePoints = 40;
      std::string shown;
      std::size_t code_points = 0;
      bool cut = false;
      for (const char c : value.text) {
        const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
        if (!continuation && ++code_points > kMaxCodePoints) {
          cut = true;
          break;
        }
        shown += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
      }
      return "the text \"" + shown + (cut ? "...\"" : "\"");
    }
    case Type::Array:
      return value.elements.empty() ? "an empty list []" : "a list [...]";
    case Type::Object:
      return value.members.empty() ? "an empty object {}" : "an object {...}";
  }
  return "a value";
}

void append_member(std::string& path, std::string_view key) {
  if (is_identifier(key)) {
    path += '.';
    path += key;
    return;
  }
  path += "['";
  for (const char c : key) {
    if (c == '\'' || c == '\\') path += '\\';
    path += c;
  }
  path += "']";
}

void append_index(std::string& path, std::size_t index) {
  path += '[';
  path += std::to_string(index);
  path += ']';
}

std::string path_member(const std::string& parent, std::string_view key) {
  std::string path = parent;
  append_member(path, key);
  return path;
}

std::string path_index(const std::string& parent, std::size_t index) {
  std::string path = parent;
  append_index(path, index);
  return path;
}

void Path::append_to(std::string& out) const {
  if (parent_) parent_->append_to(out);
  switch (step_) {
    case Step::Literal:
      out += text_;
      break;
    case Step::Member:
      append_member(out, text_);
      break;
    case Step::Index:
      append_index(out, index_);
      break;
    case Step::Element:
      out += text_;
      append_index(out, index_);
      break;
  }
}

std::string Path::str() const {
  std::string out;
  append_to(out);
  return out;
}

LineMap::LineMap(std::string_view text) : text_(text) {
  line_starts_.reserve(text.size() / 32 + 1);  // pack files average 30-60 bytes a line
  line_starts_.push_back(text.substr(0, kBom.size()) == kBom ? kBom.size() : 0);
  if (text.find('\r') == std::string_view::npos) {  // the usual case: "\n" line ends only
    for (const char *at = text.data(), *end = text.data() + text.size();
         (at = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)))) !=
         nullptr;) {
      ++at;
      line_starts_.push_back(static_cast<std::size_t>(at - text.data()));
    }
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
}

LineMap::Position LineMap::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  if (it != line_starts_.begin()) --it;
  const std::size_t line_start = std::min(*it, offset);
  int column = 1;
  for (std::size_t i = line_start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return Position{static_cast<int>(it - line_starts_.begin()) + 1, column};
}

}  // namespace respite::core::json
