// Small text rules of the pack format, shared by the validator, the archive reader and the CLI:
// the forms of ids, versions, language codes and pack-relative paths, "did you mean" suggestions,
// and the scan for invisible characters that could make a text read differently from what it says.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace respite::core::pack_text {

bool is_valid_id(std::string_view id);       // [a-z0-9][a-z0-9-]{1,63}
bool is_valid_tag(std::string_view tag);     // [a-z0-9][a-z0-9-]{0,31}
bool is_valid_version(std::string_view v);   // MAJOR.MINOR.PATCH, no leading zeros
bool is_valid_locale(std::string_view tag);  // [a-z]{2,3}(-[A-Za-z0-9]{2,8})*
bool is_web_address(std::string_view url);   // https:// or http://, no spaces or controls

// Compares two MAJOR.MINOR.PATCH versions (both valid): <0, 0, >0.
int compare_versions(std::string_view a, std::string_view b);

// Why `path` is not an acceptable pack-relative file path, or nullopt. Accepted: 1 to 255 bytes of
// [A-Za-z0-9._-] components separated by single "/"; no component starts with "." or "-"; so no
// absolute paths, drive letters, backslashes, ".." or hidden files.
std::optional<std::string> relative_path_problem(std::string_view path);

// Optimal string alignment distance, case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate `word` was most likely meant to be, if any is close.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

std::string join(const std::vector<std::string>& names, const char* separator = ", ");
std::string quoted_choices(const std::vector<std::string>& names);  // "\"a\", \"b\" or \"c\""

// Bidirectional formatting characters in UTF-8 `text`. Overrides (U+202D LRO, U+202E RLO) make
// characters display in an order other than the one they are stored in, which can make a text read
// as something else: the validator rejects them. Embeddings and isolates (U+202A-U+202C,
// U+2066-U+2069) have legitimate uses in mixed-direction text: it warns.
struct BidiScan {
  std::optional<std::string> override_char;  // "U+202E" of the first override found
  std::optional<std::string> other_char;     // the first embedding or isolate
};
BidiScan scan_bidi(std::string_view text);

// Control characters (other than tab and newline) in UTF-8 text: "U+0007", or nullopt.
std::optional<std::string> find_control_char(std::string_view text);

// False when neither scan_bidi nor find_control_char can find anything in UTF-8 `text` (a fast
// word-at-a-time pre-check; both scans run it too). Lets a caller that runs both skip them with
// one pass over ordinary prose instead of two.
bool may_hold_special(std::string_view text);

}  // namespace respite::core::pack_text
