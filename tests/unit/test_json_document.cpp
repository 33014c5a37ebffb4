// Positioned JSON: line/column mapping (columns in code points), value and key offsets, duplicate
// keys, the nesting cap, UTF-8 checks, and exact number formatting.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "core/json_document.h"
#include "core/json_number.h"

using namespace respite::core;
using json::LineMap;

namespace {

std::string pos(const LineMap& map, std::size_t offset) {
  const auto p = map.at(offset);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

TEST_CASE("LineMap maps byte offsets to lines and code-point columns", "[unit][json]") {
  SECTION("ASCII, several lines") {
    const std::string text = "ab\ncd\n\nefg";
    const LineMap map(text);
    CHECK(pos(map, 0) == "1:1");
    CHECK(pos(map, 1) == "1:2");
    CHECK(pos(map, 2) == "1:3");  // the newline itself ends line 1
    CHECK(pos(map, 3) == "2:1");
    CHECK(pos(map, 6) == "3:1");
    CHECK(pos(map, 7) == "4:1");
    CHECK(pos(map, 9) == "4:3");
    CHECK(pos(map, 10) == "4:4");   // just past the end
    CHECK(pos(map, 999) == "4:4");  // clamped
  }
  SECTION("CRLF and lone CR end lines once") {
    const std::string text = "a\r\nb\rc";
    const LineMap map(text);
    CHECK(pos(map, 3) == "2:1");
    CHECK(pos(map, 5) == "3:1");
  }
  SECTION("multi-byte UTF-8 counts one column per code point") {
    // "é" is 2 bytes, "日" 3 bytes, "😀" 4 bytes.
    const std::string text = "x\n\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80z";
    const LineMap map(text);
    CHECK(pos(map, 2) == "2:1");   // é
    CHECK(pos(map, 4) == "2:2");   // 日
    CHECK(pos(map, 7) == "2:3");   // 😀
    CHECK(pos(map, 11) == "2:4");  // z
  }
  SECTION("a byte-order mark is not a column") {
    const std::string text = "\xEF\xBB\xBF{}";
    const LineMap map(text);
    CHECK(pos(map, 3) == "1:1");
    CHECK(pos(map, 4) == "1:2");
  }
}

TEST_CASE("parse records where every value and key starts", "[unit][json]") {
  const std::string text = "{\n  \"a\\\"b\" : [1, -2.50e1 ,\"x\"],\n  \"t\":true, \"n\" :null, \"o\": {}\n}";
  const json::ParseResult result = json::parse(text, json::ParseLimits{});
  REQUIRE(result.issues.empty());
  REQUIRE(result.root);
  const json::Value& root = *result.root;
  REQUIRE(root.is(json::Type::Object));
  REQUIRE(root.members.size() == 4);
  const LineMap map(text);

  const json::Member& list = root.members[0];
  CHECK(list.key == "a\"b");
  CHECK(pos(map, list.key_offset) == "2:3");
  REQUIRE(list.value.elements.size() == 3);
  CHECK(pos(map, list.value.offset) == "2:12");
  CHECK(pos(map, list.value.elements[0].offset) == "2:13");
  CHECK(pos(map, list.value.elements[1].offset) == "2:16");
  CHECK(list.value.elements[1].text == "-2.50e1");  // numbers keep their spelling
  CHECK(pos(map, list.value.elements[2].offset) == "2:25");
  CHECK(list.value.elements[2].text == "x");

  CHECK(pos(map, root.members[1].value.offset) == "3:7");
  CHECK(root.members[1].value.boolean);
  CHECK(pos(map, root.members[2].key_offset) == "3:13");
  CHECK(pos(map, root.members[2].value.offset) == "3:18");
  CHECK(root.members[2].value.is(json::Type::Null));
  CHECK(pos(map, root.members[3].value.offset) == "3:29");
  CHECK(root.find("t") == &root.members[1].value);
  CHECK(root.find("missing") == nullptr);
}

TEST_CASE("parse reports duplicate keys and keeps going", "[unit][json]") {
  const std::string text = "{\"a\": 1, \"b\": {\"a\": 2}, \"a\": 3}";
  const json::ParseResult result = json::parse(text, json::ParseLimits{});
  REQUIRE(result.root);
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].code == "E-DUPLICATE-KEY");
  CHECK(result.issues[0].offset == text.rfind("\"a\""));
  CHECK(result.issues[0].path == "$.a");
  CHECK(result.root->members.size() == 3);
  CHECK(result.root->members[2].duplicate);
  CHECK(result.root->find("a")->text == "1");  // the first one wins
}

TEST_CASE("parse caps nesting depth", "[unit][json]") {
  const auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  CHECK(json::parse(nested(32), json::ParseLimits{}).root.has_value());
  const json::ParseResult deep = json::parse(nested(33), json::ParseLimits{});
  CHECK_FALSE(deep.root.has_value());
  REQUIRE(deep.issues.size() == 1);
  CHECK(deep.issues[0].code == "E-DEPTH");
  CHECK(deep.issues[0].offset == 32);
  // Far deeper than any stack could take if the reader recursed without the cap.
  CHECK(json::parse(nested(200000), json::ParseLimits{}).issues.at(0).code == "E-DEPTH");
}

TEST_CASE("parse caps the number of values", "[unit][json]") {
  json::ParseLimits limits;
  limits.max_values = 4;
  CHECK(json::parse("[1, 2, 3]", limits).root.has_value());  // the list and three numbers
  const json::ParseResult over = json::parse("[1, 2, 3, 4]", limits);
  CHECK_FALSE(over.root.has_value());
  REQUIRE(over.issues.size() == 1);
  CHECK(over.issues[0].code == "E-LIMIT");
  CHECK(over.issues[0].offset == 10);
  CHECK(over.issues[0].path == "$");
}

TEST_CASE("parse reports syntax errors with RapidJSON's text at the offset", "[unit][json]") {
  const json::ParseResult result = json::parse("{\"a\": [1, 2,]}", json::ParseLimits{});
  CHECK_FALSE(result.root);
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].code == "E-JSON");
  CHECK(result.issues[0].offset == 12);
  CHECK(result.issues[0].path == "$.a");
  CHECK(result.issues[0].message.rfind("invalid JSON: Invalid value.", 0) == 0);
}

TEST_CASE("find_invalid_utf8 accepts well-formed UTF-8 only", "[unit][json]") {
  CHECK_FALSE(json::find_invalid_utf8("plain \xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\x80").has_value());
  CHECK(json::find_invalid_utf8("ab\xFF").value() == 2);
  CHECK(json::find_invalid_utf8("\xC0\xAF").value() == 0);          // overlong '/'
  CHECK(json::find_invalid_utf8("x\xED\xA0\x80").value() == 1);     // surrogate U+D800
  CHECK(json::find_invalid_utf8("\xF4\x90\x80\x80").value() == 0);  // above U+10FFFF
  CHECK(json::find_invalid_utf8("\xE6\x97").value() == 0);          // truncated
  CHECK(json::find_invalid_utf8("\x80").value() == 0);              // stray continuation byte
  const json::ParseResult result = json::parse("{\"a\": \"\xE6\x97\"}", json::ParseLimits{});
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].code == "E-UTF8");
  CHECK(result.issues[0].offset == 7);
}

TEST_CASE("describe and paths quote what a person wrote", "[unit][json]") {
  json::Value text;
  text.type = json::Type::String;
  const std::string long_text(50, 'a');  // a Value's text is a view: the string must outlive it
  text.text = long_text;
  CHECK(json::describe(text) == "the text \"" + std::string(40, 'a') + "...\"");
  text.text = "\xE6\x97\xA5";
  CHECK(json::describe(text) == "the text \"\xE6\x97\xA5\"");
  json::Value number;
  number.type = json::Type::Number;
  number.text = "-2";
  CHECK(json::describe(number) == "-2");
  CHECK(json::path_member("$", "items") == "$.items");
  CHECK(json::path_member("$", "odd key's") == "$['odd key\\'s']");
  CHECK(json::path_index("$.items", 3) == "$.items[3]");
}

TEST_CASE("format_seconds writes exact, shortest decimals", "[unit][json]") {
  CHECK(json::format_seconds(Millis(4000)) == "4");
  CHECK(json::format_seconds(Millis(4500)) == "4.5");
  CHECK(json::format_seconds(Millis(125)) == "0.125");
  CHECK(json::format_seconds(Millis(4499)) == "4.499");
  CHECK(json::format_seconds(Millis(10)) == "0.01");
  CHECK(json::format_seconds(Millis(0)) == "0");
  CHECK(json::format_seconds(Millis(-2000)) == "-2");
  CHECK(json::format_seconds(Millis(-1)) == "-0.001");
}

TEST_CASE("number_value reads JSON numbers without the C locale", "[unit][json]") {
  CHECK(json::number_value("4.5").value() == 4.5);
  CHECK(json::number_value("-2e1").value() == -20.0);
  CHECK_FALSE(json::number_value("4.5x").has_value());
  CHECK_FALSE(json::number_value("1e400").has_value());
}

TEST_CASE("a Path writes the same text as path_member and path_index, only when asked", "[unit][json]") {
  const json::Path root = "$.items";
  const json::Path item = root.index(3);
  const json::Path odd = item.member("it's odd");
  const json::Path steps = odd + ".steps";
  const json::Path step = steps.element(".list", 12);
  CHECK(item.str() == json::path_index("$.items", 3));
  CHECK(odd.str() == json::path_member(json::path_index("$.items", 3), "it's odd"));
  CHECK(step.str() == odd.str() + ".steps.list[12]");
  CHECK(root.member("title").str() == "$.items.title");
  std::string out = "x";
  item.append_to(out);
  CHECK(out == "x$.items[3]");
}

TEST_CASE("a parsed tree stays valid when its result is moved, and a copy owns its lists", "[unit][json]") {
  json::ParseResult moved;
  json::Value copy;
  {
    json::ParseResult parsed =
        json::parse(R"({"name": "a long enough string to leave small-string storage", "list": [1, 2, 3]})",
                    json::ParseLimits{});
    REQUIRE(parsed.root);
    moved = std::move(parsed);
  }
  REQUIRE(moved.root);
  CHECK(moved.root->find("name")->text == "a long enough string to leave small-string storage");
  CHECK(moved.root->find("list")->elements.size() == 3);
  CHECK(moved.storage->arena.bytes_reserved() > 0);  // the lists live in the parse's arena
  copy = *moved.root->find("list");
  CHECK(copy.elements.get_allocator().arena() == nullptr);  // a copy may outlive the arena
  CHECK(copy.elements[2].text == "3");
}

TEST_CASE("an arena hands out aligned memory and grows past its first block", "[unit][json]") {
  Arena arena(64);
  for (int i = 0; i < 100; ++i) {
    void* p = arena.allocate(24, 16);
    CHECK(reinterpret_cast<std::uintptr_t>(p) % 16 == 0);
  }
  CHECK(arena.bytes_reserved() >= 2400);
  void* big = arena.allocate(10'000, 8);
  CHECK(big != nullptr);
}
