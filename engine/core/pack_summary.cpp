// See pack_summary.h. One line per fact, indented by nesting, so a diff points at what changed.
#include "core/pack_summary.h"

#include <sstream>

#include "core/json_number.h"
#include "core/pack_text.h"
#include "core/session_plan.h"

namespace respite::core {
namespace {

std::string seconds(Millis ms) {
  return json::format_seconds(ms) + " s";
}

// en="..." es="..." with newlines shown as \n.
std::string text(const LocalizedText& t) {
  std::string out;
  for (const auto& [locale, value] : t.all()) {
    std::string escaped;
    for (char c : value) {
      if (c == '\n') {
        escaped += "\\n";
      } else if (c == '"' || c == '\\') {
        escaped += '\\';
        escaped += c;
      } else {
        escaped += c;
      }
    }
    out += (out.empty() ? "" : " ") + locale + "=\"" + escaped + "\"";
  }
  return out.empty() ? "-" : out;
}

void describe_cue(std::ostream& out, const std::optional<Cue>& cue) {
  if (!cue) return;
  out << " cue(sound=" << (cue->sound.empty() ? "-" : cue->sound)
      << " haptic=" << (cue->haptic.empty() ? "-" : cue->haptic) << " caption: " << text(cue->caption) << ")";
}

void describe_phase(std::ostream& out, const PhaseSpec& phase) {
  out << to_string(phase.kind) << " " << seconds(phase.duration);
  if (phase.final_duration) out << " -> " << seconds(*phase.final_duration);
  describe_cue(out, phase.cue);
}

void describe_item(std::ostream& out, const std::string& pack_id, const Item& item) {
  out << "item " << item.id << " (" << to_string(item.kind) << ")\n";
  out << "  title: " << text(item.title) << "\n";
  if (!item.summary.empty()) out << "  summary: " << text(item.summary) << "\n";
  if (!item.tags.empty()) out << "  tags: " << pack_text::join(item.tags) << "\n";
  for (const Citation& c : item.evidence)
    out << "  evidence: \"" << c.text << "\"" << (c.url.empty() ? "" : " <" + c.url + ">") << "\n";
  for (const LocalizedText& c : item.cautions) out << "  caution: " << text(c) << "\n";
  if (item.minimum) out << "  minimum: " << seconds(*item.minimum) << "\n";
  if (item.duration) out << "  duration: " << seconds(*item.duration) << "\n";
  switch (item.kind) {
    case ItemKind::Breathing: {
      const BreathingSpec& b = item.breathing;
      out << "  pacer: " << to_string(b.style) << "\n";
      if (b.cycles) out << "  cycles: " << *b.cycles << "\n";
      if (b.total) out << "  requested: " << seconds(*b.total) << "\n";
      for (const PhaseSpec& phase : b.phases) {
        out << "  phase ";
        describe_phase(out, phase);
        out << "\n";
      }
      if (b.rounds) {
        out << "  rounds: " << b.rounds->count << ", retention ";
        describe_phase(out, b.rounds->retention);
        out << "\n";
      }
      break;
    }
    case ItemKind::MicroBreak:
      for (const MicroBreakStep& step : item.micro_break.steps) {
        out << "  step " << seconds(step.duration) << ": " << text(step.text) << "\n";
        if (!step.image.empty()) out << "    image: " << step.image << "\n";
        if (!step.audio.empty())
          out << "    audio: " << step.audio << " caption: " << text(step.caption) << "\n";
      }
      break;
    case ItemKind::Module:
      for (std::size_t p = 0; p < item.module.pages.size(); ++p) {
        const ModulePage& page = item.module.pages[p];
        out << "  page " << p + 1 << ": " << text(page.title) << "\n";
        out << "    body: " << text(page.body) << "\n";
        for (const ModulePrompt& prompt : page.prompts)
          out << "    prompt " << prompt.id << ": " << text(prompt.text) << "\n";
        if (page.checkin) {
          const Checkin& c = *page.checkin;
          out << "    checkin " << c.id << " (scores " << c.min_score() << " to " << c.max_score() << ")";
          if (!c.instrument.empty()) out << " instrument: " << text(c.instrument);
          out << "\n";
          for (const CheckinQuestion& q : c.questions) {
            out << "      question " << q.id << " " << (q.type == QuestionType::Scale ? "scale" : "choice");
            if (q.type == QuestionType::Scale) {
              out << " " << q.min << ".." << q.max;
              if (!q.min_label.empty()) out << " min_label: " << text(q.min_label);
              if (!q.max_label.empty()) out << " max_label: " << text(q.max_label);
            }
            out << ": " << text(q.text) << "\n";
            for (const ChoiceOption& o : q.options)
              out << "        option " << o.score << ": " << text(o.text) << "\n";
          }
          for (const CheckinBand& band : c.bands) {
            out << "      band " << band.min << ".." << band.max << ": " << text(band.message);
            if (!band.suggest.empty()) out << " suggest: " << pack_text::join(band.suggest);
            out << "\n";
          }
        }
      }
      break;
    case ItemKind::Program:
      for (const ProgramDay& day : item.program.days) {
        out << "  day " << day.day << ": " << pack_text::join(day.items);
        if (!day.note.empty()) out << " note: " << text(day.note);
        out << "\n";
      }
      break;
  }
  if (item.kind == ItemKind::Breathing || item.kind == ItemKind::MicroBreak) {
    const SessionPlan plan = make_plan(ItemRef{pack_id, item.id}, item, PlanSettings{});
    out << "  plan: " << seconds(plan.planned) << " in " << plan.phases.size() << " phases, complete after "
        << seconds(plan.minimum) << "\n";
  }
}

}  // namespace

std::string describe_pack(const Pack& pack) {
  std::ostringstream out;
  out << "pack " << pack.id << " " << pack.version << " (format " << pack.format_version << ")\n";
  out << "title: " << text(pack.title) << "\n";
  out << "default_locale: " << pack.default_locale << "\n";
  out << "locales: " << pack_text::join(pack.locales) << "\n";
  out << "default_item: " << (pack.default_item.empty() ? "-" : pack.default_item) << "\n";
  out << "files: " << pack_text::join(pack.files) << "\n";
  for (const auto& [path, asset] : pack.assets) {
    out << "asset " << path << ": " << to_string(asset.type) << ", " << asset.bytes << " bytes";
    if (asset.type == AssetType::Png) {
      out << ", " << asset.width << " x " << asset.height;
    } else {
      out << ", " << asset.channels << " ch, " << asset.sample_rate << " Hz, " << seconds(asset.duration);
    }
    out << "\n";
  }
  for (const Item& item : pack.items) describe_item(out, pack.id, item);
  return out.str();
}

std::map<std::string, std::size_t> count_items_by_kind(const Pack& pack) {
  std::map<std::string, std::size_t> counts;
  for (const Item& item : pack.items) ++counts[to_string(item.kind)];
  return counts;
}

}  // namespace respite::core
