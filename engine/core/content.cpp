#include "core/content.h"

namespace respite::core {

const std::string& LocalizedText::get(const std::string& locale, const std::string& fallback) const {
  static const std::string kEmpty;
  if (auto it = by_locale_.find(locale); it != by_locale_.end()) return it->second;
  const auto dash = locale.find('-');
  if (dash != std::string::npos) {
    if (auto it = by_locale_.find(locale.substr(0, dash)); it != by_locale_.end()) return it->second;
  }
  if (auto it = by_locale_.find(fallback); it != by_locale_.end()) return it->second;
  return by_locale_.empty() ? kEmpty : by_locale_.begin()->second;
}

const char* to_string(PhaseKind kind) {
  switch (kind) {
    case PhaseKind::Inhale: return "inhale";
    case PhaseKind::HoldIn: return "hold_in";
    case PhaseKind::Exhale: return "exhale";
    case PhaseKind::HoldOut: return "hold_out";
    case PhaseKind::TopUp: return "top_up";
  }
  return "inhale";
}

std::optional<PhaseKind> phase_kind_from_string(const std::string& name) {
  for (PhaseKind kind : {PhaseKind::Inhale, PhaseKind::HoldIn, PhaseKind::Exhale, PhaseKind::HoldOut,
                         PhaseKind::TopUp}) {
    if (name == to_string(kind)) return kind;
  }
  return std::nullopt;
}

const char* to_string(ItemKind kind) {
  switch (kind) {
    case ItemKind::Breathing: return "breathing";
    case ItemKind::MicroBreak: return "micro_break";
    case ItemKind::Module: return "module";
    case ItemKind::Program: return "program";
  }
  return "breathing";
}

const Item* Pack::find(const std::string& item_id) const {
  for (const Item& item : items) {
    if (item.id == item_id) return &item;
  }
  return nullptr;
}

std::optional<ItemRef> ItemRef::parse(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 >= text.size() ||
      text.find('/', slash + 1) != std::string::npos) {
    return std::nullopt;
  }
  return ItemRef{text.substr(0, slash), text.substr(slash + 1)};
}

const Pack* Catalog::find_pack(const std::string& pack_id) const {
  for (const Pack& pack : packs) {
    if (pack.id == pack_id) return &pack;
  }
  return nullptr;
}

const Item* Catalog::find(const ItemRef& ref) const {
  const Pack* pack = find_pack(ref.pack_id);
  return pack ? pack->find(ref.item_id) : nullptr;
}

std::optional<ItemRef> Catalog::home_default() const {
  for (const Pack& pack : packs) {
    if (!pack.default_item.empty() && pack.find(pack.default_item)) return ItemRef{pack.id, pack.default_item};
  }
  return std::nullopt;
}

}  // namespace respite::core
