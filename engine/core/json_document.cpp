// Positioned JSON parsing on top of RapidJSON's SAX reader; see json_document.h.
#include "core/json_document.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <unordered_set>

namespace respite::core::json {
namespace {

// A RapidJSON input stream whose position stays live while the reader works. RapidJSON copies
// its own StringStream into a local variable while it reads a string or a number, so that
// stream's Tell() lags behind inside handler callbacks; this one is never copied (RapidJSON only
// copies streams whose StreamTraits ask for it).
class PositionedStream {
 public:
  using Ch = char;
  PositionedStream(std::string_view text, std::size_t start) : text_(text), pos_(start) {}
  Ch Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  Ch Take() { return pos_ < text_.size() ? text_[pos_++] : '\0'; }
  std::size_t Tell() const { return pos_; }
  // Write side: only used by in-situ parsing, which we never request.
  Ch* PutBegin() {
    assert(false);
    return nullptr;
  }
  void Put(Ch) { assert(false); }
  void Flush() { assert(false); }
  std::size_t PutEnd(Ch*) {
    assert(false);
    return 0;
  }

 private:
  std::string_view text_;
  std::size_t pos_;
};

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_json_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Builds the positioned tree from SAX events. RapidJSON calls a value's handler once the value
// has been read, so the value's first character is found by scanning forward from where the
// previous event ended, past whitespace and at most one ':' or ','.
class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, const PositionedStream& stream, const ParseLimits& limits,
              ParseResult& out)
      : text_(text), stream_(stream), limits_(limits), out_(out) {}

  bool Null() { return scalar(Type::Null); }
  bool Bool(bool b) {
    Value* v = open_slot(Type::Bool);
    if (!v) return false;
    v->boolean = b;
    return done();
  }
  // Numbers arrive as text (kParseNumbersAsStringsFlag); these four are never called.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(std::int64_t) { return false; }
  bool Uint64(std::uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char* str, rapidjson::SizeType length, bool) {
    Value* v = open_slot(Type::Number);
    if (!v) return false;
    v->text.assign(str, length);
    return done();
  }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    Value* v = open_slot(Type::String);
    if (!v) return false;
    v->text.assign(str, length);
    return done();
  }
  bool StartObject() { return start_container(Type::Object); }
  bool StartArray() { return start_container(Type::Array); }
  bool EndObject(rapidjson::SizeType) { return end_container(); }
  bool EndArray(rapidjson::SizeType) { return end_container(); }

  bool Key(const char* str, rapidjson::SizeType length, bool) {
    Frame& frame = frames_.back();
    const std::size_t offset = value_start();
    std::string key(str, length);
    Member member;
    member.key_offset = offset;
    if (frame.has_key(key)) {
      member.duplicate = true;
      const Member* first = frame.value->find_member(key);
      // Line numbers are only needed for this message, so the map is made on first use.
      if (!lines_) lines_.emplace(text_);
      const int first_line = first ? lines_->at(first->key_offset).line : 0;
      out_.issues.push_back({"E-DUPLICATE-KEY", offset, path_member(frame.path, key),
                             "the key \"" + key + "\" appears twice in the same object (first on line " +
                                 std::to_string(first_line) + "); remove one of them"});
    }
    member.key = std::move(key);
    frame.value->members.push_back(std::move(member));
    frame.key_pending = true;
    last_end_ = stream_.Tell();
    return true;
  }

  // Where the reader was when it stopped: the innermost open container, plus the key whose value
  // was being read.
  std::string error_path() const {
    if (frames_.empty()) return "$";
    const Frame& frame = frames_.back();
    if (frame.value->is(Type::Object) && frame.key_pending && !frame.value->members.empty()) {
      return path_member(frame.path, frame.value->members.back().key);
    }
    return frame.path;
  }

  bool stopped_by_limit() const { return stopped_by_limit_; }
  std::optional<Value> take_root() { return std::move(root_); }

 private:
  struct Frame {
    Value* value = nullptr;
    std::string path;
    // Keys seen, for duplicate detection: small objects are searched directly (no copies); a large
    // one keeps a set, so a hostile object of thousands of keys stays linear.
    std::unordered_set<std::string> keys;
    bool has_key(const std::string& key) {
      const std::vector<Member>& members = value->members;
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

  std::size_t value_start() const {
    std::size_t i = last_end_;
    while (i < text_.size() && is_json_space(text_[i])) ++i;
    if (i < text_.size() && (text_[i] == ':' || text_[i] == ',')) {
      ++i;
      while (i < text_.size() && is_json_space(text_[i])) ++i;
    }
    return i;
  }

  // The slot the next value goes into, with its path; nullptr (and an issue) past the value cap.
  Value* open_slot(Type type, std::string* path = nullptr) {
    if (++value_count_ > limits_.max_values) {
      stopped_by_limit_ = true;
      out_.issues.push_back({"E-LIMIT", value_start(), error_path(),
                             "the file holds more than " + std::to_string(limits_.max_values) +
                                 " values; a pack never needs this many (is the file damaged?)"});
      return nullptr;
    }
    Value* slot = nullptr;
    std::string slot_path = "$";
    if (frames_.empty()) {
      root_.emplace();
      slot = &*root_;
    } else {
      Frame& frame = frames_.back();
      if (frame.value->is(Type::Array)) {
        frame.value->elements.emplace_back();
        slot = &frame.value->elements.back();
        if (path) slot_path = path_index(frame.path, frame.value->elements.size() - 1);
      } else {
        slot = &frame.value->members.back().value;
        if (path) slot_path = path_member(frame.path, frame.value->members.back().key);
        frame.key_pending = false;
      }
    }
    slot->type = type;
    slot->offset = value_start();
    if (path) *path = std::move(slot_path);
    return slot;
  }

  bool scalar(Type type) {
    if (!open_slot(type)) return false;
    return done();
  }

  bool done() {
    last_end_ = stream_.Tell();
    return true;
  }

  bool start_container(Type type) {
    if (static_cast<int>(frames_.size()) >= limits_.max_depth) {
      stopped_by_limit_ = true;
      out_.issues.push_back({"E-DEPTH", stream_.Tell() - 1, error_path(),
                             "arrays and objects are nested more than " + std::to_string(limits_.max_depth) +
                                 " levels deep; a pack never needs this many (is the file damaged?)"});
      return false;
    }
    Frame frame;
    frame.value = open_slot(type, &frame.path);
    if (!frame.value) return false;
    frames_.push_back(std::move(frame));
    return done();
  }

  bool end_container() {
    frames_.pop_back();
    return done();
  }

  std::string_view text_;
  std::optional<LineMap> lines_;
  const PositionedStream& stream_;
  ParseLimits limits_;
  ParseResult& out_;
  std::optional<Value> root_;
  std::vector<Frame> frames_;
  std::size_t last_end_ = 0;
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
    while (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
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
  PositionedStream stream(text, start);
  TreeBuilder builder(text, stream, limits, result);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseValidateEncodingFlag;
  const rapidjson::ParseResult ok = reader.Parse<kFlags>(stream, builder);
  if (ok.IsError()) {
    if (!(ok.Code() == rapidjson::kParseErrorTermination && builder.stopped_by_limit())) {
      result.issues.push_back({"E-JSON", ok.Offset(), builder.error_path(),
                               std::string("invalid JSON: ") + rapidjson::GetParseError_En(ok.Code()) +
                                   syntax_hint(text, ok.Offset())});
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
      return value.text;
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

std::string path_member(const std::string& parent, std::string_view key) {
  if (is_identifier(key)) return parent + "." + std::string(key);
  std::string quoted = parent + "['";
  for (const char c : key) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "']";
}

std::string path_index(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

LineMap::LineMap(std::string_view text) : text_(text) {
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
