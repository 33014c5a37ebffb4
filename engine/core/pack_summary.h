// A complete, canonical text description of a loaded pack: every field of the model, every text in
// every language, every asset with what it was checked to be. Tests pin it for each valid pack
// (load -> model -> summary) and compare a folder with its .respack; `pack info` uses the counts.
#pragma once

#include <map>
#include <string>

#include "core/content.h"

namespace respite::core {

// Everything but `source` (where it was loaded from).
std::string describe_pack(const Pack& pack);

// Items by kind, in the order breathing, micro_break, module, program (kinds with none included).
std::map<std::string, std::size_t> count_items_by_kind(const Pack& pack);

}  // namespace respite::core
