// A JSON tree that remembers where every value and key was written, so that a validator can point
// a person at the exact line and column of a mistake. Parsing uses RapidJSON's SAX reader (which
// reports syntax errors with byte offsets); this file only adds positions, duplicate-key detection,
// a nesting cap and UTF-8 checks. Byte offsets become line:column through LineMap.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace respite::core::json {

enum class Type { Null, Bool, Number, String, Array, Object };

struct Member;

struct Value {
  Type type = Type::Null;
  std::size_t offset = 0;  // byte offset of the value's first character
  bool boolean = false;
  // String: the decoded text. Number: the number exactly as written (e.g. "4.50", "-2", "1e3"),
  // so messages can quote it and nothing is lost to binary floating point before validation.
  std::string text;
  std::vector<Value> elements;  // Array
  std::vector<Member> members;  // Object, in document order (duplicates flagged, see Member)

  bool is(Type t) const { return type == t; }
  // The first member named `key`, or nullptr.
  const Value* find(std::string_view key) const;
  const Member* find_member(std::string_view key) const;
};

struct Member {
  std::string key;
  std::size_t key_offset = 0;  // byte offset of the key's opening quote
  bool duplicate = false;      // an earlier member of the same object has this key (reported by parse())
  Value value;
};

// A syntax or structure problem found while parsing. `code` is a stable diagnostic code.
struct ParseIssue {
  std::string code;  // "E-JSON", "E-UTF8", "E-DEPTH", "E-DUPLICATE-KEY"
  std::size_t offset = 0;
  std::string path;  // JSON path of the innermost value being read, e.g. "$.items[1]"
  std::string message;
};

struct ParseResult {
  std::optional<Value> root;  // absent when the text is not well-formed JSON
  std::vector<ParseIssue> issues;
};

// Caps that keep a hostile file from costing unbounded stack or memory.
struct ParseLimits {
  int max_depth = 32;                // nested arrays/objects ("E-DEPTH")
  std::size_t max_values = 250'000;  // values of any kind in the whole document ("E-LIMIT")
};

// Parses one JSON document (RFC 8259; no comments, no trailing commas, no NaN/Infinity). Going
// past a limit stops the parse. Invalid UTF-8 is reported before parsing. Duplicate keys are
// reported but do not stop the parse; the tree keeps both members.
ParseResult parse(std::string_view text, const ParseLimits& limits);

// Offset of the first byte that is not part of well-formed UTF-8 (overlong forms, surrogates and
// code points above U+10FFFF are rejected), or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// "the string \"abc\"", "-2", "an object", ... for "expected X, found Y" messages.
std::string describe(const Value& value);
const char* type_name(Type type);  // "a string", "a number", ...

// JSON path helpers: "$.items" / "$['odd key']" and "$.items[3]".
std::string path_member(const std::string& parent, std::string_view key);
std::string path_index(const std::string& parent, std::size_t index);

// Maps byte offsets in a text to 1-based line and column; columns count Unicode code points, so a
// caret under "é" or "日" lands where an editor shows it. Lines end at "\n", "\r\n" or a lone "\r".
class LineMap {
 public:
  explicit LineMap(std::string_view text);
  struct Position {
    int line = 1;
    int column = 1;
  };
  // Offsets past the end map to the position just after the last character.
  Position at(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace respite::core::json
