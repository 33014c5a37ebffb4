// Writes a .respack archive deterministically: entries sorted by name, every timestamp fixed
// (1980-01-01 00:00, the earliest a zip can say), fixed permissions (a plain file, rw-r--r--),
// deflate at level 9. The same files give the same bytes on every machine and in every time zone,
// so a signature made on one machine verifies a rebuild on another.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace respite::core {

// The archive's bytes, or nullopt with `error` set.
std::optional<std::string> write_archive(const std::map<std::string, std::string>& files, std::string& error);

}  // namespace respite::core
