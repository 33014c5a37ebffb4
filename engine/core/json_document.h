// A JSON tree that remembers where every value and key was written, so that a validator can point
// a person at the exact line and column of a mistake. Parsing uses RapidJSON's SAX reader (which
// reports syntax errors with byte offsets); this file only adds positions, duplicate-key detection,
// a nesting cap and UTF-8 checks. Byte offsets become line:column through LineMap.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/arena.h"

namespace respite::core::json {

enum class Type { Null, Bool, Number, String, Array, Object };

struct Member;

// A tree's lists live in its parse's arena (ParseResult::storage); a Value made any other way, or
// copied, uses the heap.
template <typename T>
using List = std::vector<T, ArenaAllocator<T>>;

struct Value {
  Type type = Type::Null;
  std::size_t offset = 0;  // byte offset of the value's first character
  bool boolean = false;
  // String: the decoded text. Number: the number exactly as written (e.g. "4.50", "-2", "1e3"),
  // so messages can quote it and nothing is lost to binary floating point before validation.
  // A view into the ParseResult's buffer: valid while that buffer lives.
  std::string_view text;
  List<Value> elements;  // Array
  List<Member> members;  // Object, in document order (duplicates flagged, see Member)

  Value() = default;
  explicit Value(Arena* arena)
      : elements(ArenaAllocator<Value>(arena)), members(ArenaAllocator<Member>(arena)) {}

  bool is(Type t) const { return type == t; }
  // The first member named `key`, or nullptr.
  const Value* find(std::string_view key) const;
  const Member* find_member(std::string_view key) const;
};

struct Member {
  std::string_view key;        // into the ParseResult's buffer, like Value::text
  std::size_t key_offset = 0;  // byte offset of the key's opening quote
  bool duplicate = false;      // an earlier member of the same object has this key (reported by parse())
  Value value;

  Member() = default;
  explicit Member(Arena* arena) : value(arena) {}
};

// A syntax or structure problem found while parsing. `code` is a stable diagnostic code.
struct ParseIssue {
  std::string code;  // "E-JSON", "E-UTF8", "E-DEPTH", "E-DUPLICATE-KEY"
  std::size_t offset = 0;
  std::string path;  // JSON path of the innermost value being read, e.g. "$.items[1]"
  std::string message;
};

// What a parsed tree points into: the decoded strings, keys and numbers (parsed in place: one
// buffer instead of a string per value) and the memory of its lists.
struct Storage {
  std::string text;
  Arena arena;
};

struct ParseResult {
  // Keep it as long as the tree (moving it keeps the tree valid). Declared first, so that it
  // outlives `root` here.
  std::unique_ptr<Storage> storage;
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
void append_member(std::string& path, std::string_view key);
void append_index(std::string& path, std::size_t index);

// A JSON path that is written out only when a message needs it. A validator passes one down to
// every value it reads; almost none of them ever get a diagnostic, so building the text on the way
// down would cost a string per value for nothing. A Path points at its parent and at the key text,
// so it must not outlive either: make child paths from named paths (the rvalue overloads are
// deleted so that a child of a temporary cannot be kept by mistake).
class Path {
 public:
  // The start of a path, like "$" or "$.items" (a string literal: it is not copied).
  Path(const char* root) : Path(nullptr, Step::Literal, root, 0) {}  // NOLINT: implicit on purpose

  // A literal step written as is, like ".kind" (a string literal, or a string that outlives it).
  Path operator+(const char* suffix) const& { return Path(this, Step::Literal, suffix, 0); }
  Path operator+(const char*) && = delete;
  // A member by its key: ".key" or "['odd key']", as path_member() writes it.
  Path member(std::string_view key) const& { return Path(this, Step::Member, key, 0); }
  Path member(std::string_view) && = delete;
  Path index(std::size_t i) const& { return Path(this, Step::Index, {}, i); }
  Path index(std::size_t) && = delete;
  // An element of a list field in one step: element(".steps", 2) is ".steps[2]".
  Path element(const char* list, std::size_t i) const& { return Path(this, Step::Element, list, i); }
  Path element(const char*, std::size_t) && = delete;

  std::string str() const;
  void append_to(std::string& out) const;

 private:
  enum class Step { Literal, Member, Index, Element };
  Path(const Path* parent, Step step, std::string_view text, std::size_t index)
      : parent_(parent), step_(step), text_(text), index_(index) {}
  const Path* parent_;
  Step step_;
  std::string_view text_;
  std::size_t index_;
};

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
