#include "core/content.h"

#include <algorithm>

namespace respite::core {

void LocalizedText::set(std::string_view locale, std::string text) {
  const auto it = std::lower_bound(by_locale_.begin(), by_locale_.end(), locale,
                                   [](const Entry& e, std::string_view l) { return e.first < l; });
  if (it != by_locale_.end() && it->first == locale) {
    it->second = std::move(text);
  } else {
    by_locale_.emplace(it, std::string(locale), std::move(text));
  }
}

const std::string* LocalizedText::find(std::string_view locale) const {
  for (const Entry& entry : by_locale_) {
    if (entry.first == locale) return &entry.second;
  }
  return nullptr;
}

const std::string& LocalizedText::get(const std::string& locale, const std::string& fallback) const {
  static const std::string kEmpty;
  if (const std::string* text = find(locale)) return *text;
  const auto dash = locale.find('-');
  if (dash != std::string::npos) {
    if (const std::string* text = find(std::string_view(locale).substr(0, dash))) return *text;
  }
  if (const std::string* text = find(fallback)) return *text;
  return by_locale_.empty() ? kEmpty : by_locale_.front().second;
}

const char* to_string(PhaseKind kind) {
  switch (kind) {
    case PhaseKind::Inhale:
      return "inhale";
    case PhaseKind::HoldIn:
      return "hold_in";
    case PhaseKind::Exhale:
      return "exhale";
    case PhaseKind::HoldOut:
      return "hold_out";
    case PhaseKind::TopUp:
      return "top_up";
  }
  return "inhale";
}

std::optional<PhaseKind> phase_kind_from_string(const std::string& name) {
  for (PhaseKind kind :
       {PhaseKind::Inhale, PhaseKind::HoldIn, PhaseKind::Exhale, PhaseKind::HoldOut, PhaseKind::TopUp}) {
    if (name == to_string(kind)) return kind;
  }
  return std::nullopt;
}

const char* to_string(ItemKind kind) {
  switch (kind) {
    case ItemKind::Breathing:
      return "breathing";
    case ItemKind::MicroBreak:
      return "micro_break";
    case ItemKind::Module:
      return "module";
    case ItemKind::Program:
      return "program";
  }
  return "breathing";
}

std::optional<ItemKind> item_kind_from_string(const std::string& name) {
  for (ItemKind kind : {ItemKind::Breathing, ItemKind::MicroBreak, ItemKind::Module, ItemKind::Program}) {
    if (name == to_string(kind)) return kind;
  }
  return std::nullopt;
}

const char* to_string(PacerStyle style) {
  return style == PacerStyle::Box ? "box" : "circle";
}

std::optional<PacerStyle> pacer_style_from_string(const std::string& name) {
  if (name == "circle") return PacerStyle::Circle;
  if (name == "box") return PacerStyle::Box;
  return std::nullopt;
}

const char* to_string(AssetType type) {
  switch (type) {
    case AssetType::Png:
      return "png";
    case AssetType::Wav:
      return "wav";
    case AssetType::Ogg:
      return "ogg";
  }
  return "png";
}

Millis MicroBreakSpec::total() const {
  Millis sum{0};
  for (const MicroBreakStep& step : steps) sum += step.duration;
  return sum;
}

int CheckinQuestion::min_score() const {
  if (type == QuestionType::Scale) return min;
  int best = 0;
  for (std::size_t i = 0; i < options.size(); ++i)
    best = i == 0 ? options[i].score : std::min(best, options[i].score);
  return best;
}

int CheckinQuestion::max_score() const {
  if (type == QuestionType::Scale) return max;
  int best = 0;
  for (std::size_t i = 0; i < options.size(); ++i)
    best = i == 0 ? options[i].score : std::max(best, options[i].score);
  return best;
}

int Checkin::min_score() const {
  int sum = 0;
  for (const CheckinQuestion& q : questions) sum += q.min_score();
  return sum;
}

int Checkin::max_score() const {
  int sum = 0;
  for (const CheckinQuestion& q : questions) sum += q.max_score();
  return sum;
}

const CheckinBand* Checkin::band_for(int score) const {
  for (const CheckinBand& band : bands) {
    if (score >= band.min && score <= band.max) return &band;
  }
  return nullptr;
}

const Asset* Pack::asset(const std::string& path) const {
  const auto it = assets.find(path);
  return it == assets.end() ? nullptr : &it->second;
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

std::optional<ItemRef> ItemRef::resolve(const std::string& text, const std::string& own_pack) {
  if (text.find('/') == std::string::npos) {
    if (text.empty()) return std::nullopt;
    return ItemRef{own_pack, text};
  }
  return parse(text);
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
    if (!pack.default_item.empty() && pack.find(pack.default_item))
      return ItemRef{pack.id, pack.default_item};
  }
  return std::nullopt;
}

}  // namespace respite::core
