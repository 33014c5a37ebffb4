// The content commands of `respite` (docs/cli.md): `list` and `plan` (the `pack` commands are in
// commands_pack.cpp). They run the same loader and planner as the app, so what a script sees here
// is what a person sees on screen.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "core/content_paths.h"
#include "core/json_number.h"
#include "core/pack_loader.h"
#include "core/session_plan.h"

namespace respite::cli {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void write_string(JsonWriter& writer, const std::string& text) {
  writer.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}

// Seconds from whole milliseconds, written exactly ("4", "4.5", "0.125").
void write_seconds(JsonWriter& writer, core::Millis ms) {
  const std::string text = core::json::format_seconds(ms);
  writer.RawValue(text.c_str(), text.size(), rapidjson::kNumberType);
}

void print_json(const rapidjson::StringBuffer& buffer, std::ostream& out) {
  out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  out << '\n';
}

void print_diagnostics(const core::Diagnostics& diagnostics, std::ostream& err, bool errors_only) {
  for (const core::Diagnostic& d : diagnostics.items()) {
    if (errors_only && d.severity != core::Severity::Error) continue;
    err << d.format() << '\n';
  }
}

// The packs named with --pack, or the bundled ones. Broken packs are reported on `err` (errors
// only: `respite pack validate` is the place for the full list) and left out.
struct LoadedCatalog {
  core::Catalog catalog;
  bool ok = true;
};

std::optional<LoadedCatalog> load_catalog_for(const std::string& command, const ParsedArgs& parsed,
                                              std::ostream& err) {
  std::vector<std::string> paths = parsed.values("--pack");
  if (paths.empty()) {
    paths = default_pack_paths();
    if (paths.empty()) {
      err << "respite " << command << ": no packs found in '" << core::default_packs_dir()
          << "' (set RESPITE_PACKS_DIR or use --pack PATH)\n";
      return std::nullopt;
    }
  }
  core::CatalogLoadResult loaded = core::load_catalog(paths);
  print_diagnostics(loaded.diagnostics, err, true);
  LoadedCatalog result;
  result.ok = !loaded.diagnostics.has_errors();
  result.catalog = std::move(loaded.catalog);
  return result;
}

// "m:ss", rounded to the nearest second.
std::string clock_text(core::Millis ms) {
  const long long seconds = (ms.count() + 500) / 1000;
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld", seconds / 60, seconds % 60);
  return text;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

const std::vector<FlagSpec> kCatalogFlags = {
    {"--pack", true, true}, {"--json", false, false}, {"--locale", true, false}};

}  // namespace

std::vector<std::string> default_pack_paths() {
  return core::discover_packs(core::default_packs_dir());
}

int cmd_list(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_command("list", args, kCatalogFlags, err);
  if (!parsed) return kUsage;
  if (!parsed->positional().empty()) {
    err << "respite list: unexpected argument '" << parsed->positional().front()
        << "' (see 'respite help')\n";
    return kUsage;
  }
  const auto loaded = load_catalog_for("list", *parsed, err);
  if (!loaded) return kInvalid;
  const core::Catalog& catalog = loaded->catalog;

  struct Row {
    std::string id, pack, kind, title, summary;
    std::vector<std::string> tags;
    core::Millis planned{0};
  };
  std::vector<Row> rows;
  for (const core::Pack& pack : catalog.packs) {
    const std::string locale = parsed->value("--locale").value_or(pack.default_locale);
    core::PlanSettings settings;
    settings.locale = locale;
    settings.fallback_locale = pack.default_locale;
    for (const core::Item& item : pack.items) {
      const core::ItemRef ref{pack.id, item.id};
      rows.push_back(Row{ref.to_string(), pack.id, core::to_string(item.kind),
                         item.title.get(locale, pack.default_locale),
                         item.summary.get(locale, pack.default_locale), item.tags,
                         item.kind == core::ItemKind::Module ? item.duration.value_or(core::Millis(0))
                                                             : core::make_plan(ref, item, settings).planned});
    }
  }

  if (parsed->has("--json")) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.SetIndent(' ', 2);
    writer.StartObject();
    writer.Key("packs");
    writer.StartArray();
    for (const core::Pack& pack : catalog.packs) {
      const std::string locale = parsed->value("--locale").value_or(pack.default_locale);
      writer.StartObject();
      writer.Key("id");
      write_string(writer, pack.id);
      writer.Key("version");
      write_string(writer, pack.version);
      writer.Key("title");
      write_string(writer, pack.title.get(locale, pack.default_locale));
      writer.Key("source");
      write_string(writer, pack.source);
      writer.EndObject();
    }
    writer.EndArray();
    writer.Key("items");
    writer.StartArray();
    for (const Row& row : rows) {
      writer.StartObject();
      writer.Key("id");
      write_string(writer, row.id);
      writer.Key("pack");
      write_string(writer, row.pack);
      writer.Key("kind");
      write_string(writer, row.kind);
      writer.Key("title");
      write_string(writer, row.title);
      writer.Key("summary");
      write_string(writer, row.summary);
      writer.Key("tags");
      writer.StartArray();
      for (const std::string& tag : row.tags) write_string(writer, tag);
      writer.EndArray();
      writer.Key("planned_seconds");
      write_seconds(writer, row.planned);
      writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
    print_json(buffer, out);
  } else {
    std::size_t id_width = 4;
    std::size_t kind_width = 4;
    for (const Row& row : rows) {
      id_width = std::max(id_width, row.id.size());
      kind_width = std::max(kind_width, row.kind.size());
    }
    const auto pad = [](std::string text, std::size_t width) {
      text.resize(std::max(text.size(), width), ' ');
      return text;
    };
    out << pad("ITEM", id_width) << "  " << pad("KIND", kind_width) << "  "
        << " TIME"
        << "  TITLE\n";
    for (const Row& row : rows) {
      std::string time = clock_text(row.planned);
      time.insert(0, time.size() < 5 ? 5 - time.size() : 0, ' ');
      out << pad(row.id, id_width) << "  " << pad(row.kind, kind_width) << "  " << time << "  " << row.title
          << '\n';
    }
  }
  return loaded->ok ? kOk : kInvalid;
}

int cmd_plan(const Args& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_command("plan", args, kCatalogFlags, err);
  if (!parsed) return kUsage;
  if (parsed->positional().size() != 1) {
    err << "respite plan: expected one item id, PACK_ID/ITEM_ID (see 'respite help')\n";
    return kUsage;
  }
  const std::string& id = parsed->positional().front();
  const auto ref = core::ItemRef::parse(id);
  if (!ref) {
    err << "respite plan: '" << id << "' is not an item id; expected PACK_ID/ITEM_ID, like "
        << "clinician-essentials/two-minute-reset\n";
    return kUsage;
  }
  const auto loaded = load_catalog_for("plan", *parsed, err);
  if (!loaded) return kInvalid;
  const core::Pack* pack = loaded->catalog.find_pack(ref->pack_id);
  const core::Item* item = pack ? pack->find(ref->item_id) : nullptr;
  if (!item) {
    err << "respite plan: no item '" << id << "' in the loaded packs (see 'respite list')\n";
    return kInvalid;
  }
  core::PlanSettings settings;
  settings.locale = parsed->value("--locale").value_or(pack->default_locale);
  settings.fallback_locale = pack->default_locale;
  if (item->kind == core::ItemKind::Module || item->kind == core::ItemKind::Program) {
    err << "respite plan: '" << id << "' is a " << core::to_string(item->kind)
        << "; only breathing practices and micro-breaks have a timeline\n";
    return kInvalid;
  }
  const core::SessionPlan plan = core::make_plan(*ref, *item, settings);

  if (parsed->has("--json")) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.SetIndent(' ', 2);
    writer.StartObject();
    writer.Key("id");
    write_string(writer, plan.item);
    writer.Key("kind");
    writer.String(core::to_string(item->kind));
    writer.Key("planned_seconds");
    write_seconds(writer, plan.planned);
    writer.Key("minimum_seconds");
    write_seconds(writer, plan.minimum);
    writer.Key("pacer");
    writer.String(core::to_string(plan.style));
    writer.Key("phases");
    writer.StartArray();
    for (const core::PlannedPhase& phase : plan.phases) {
      writer.StartObject();
      writer.Key("kind");
      writer.String(phase.step >= 0 ? "step" : core::to_string(phase.kind));
      writer.Key("start");
      write_seconds(writer, phase.start);
      writer.Key("seconds");
      write_seconds(writer, phase.duration);
      if (phase.step >= 0) {
        writer.Key("step");
        writer.Int(phase.step);
      } else {
        writer.Key("cycle");
        writer.Int(phase.cycle);
      }
      if (phase.retention) {
        writer.Key("retention");
        writer.Bool(true);
      }
      writer.EndObject();
    }
    writer.EndArray();
    writer.Key("cues");
    writer.StartArray();
    for (const core::CueEvent& cue : plan.cues) {
      writer.StartObject();
      writer.Key("at");
      write_seconds(writer, cue.at);
      writer.Key("phase");
      writer.String(cue.is_end() ? "end"
                    : plan.phases[static_cast<std::size_t>(cue.phase_index)].step >= 0
                        ? "step"
                        : core::to_string(cue.phase));
      writer.Key("sound");
      write_string(writer, cue.sound);
      writer.Key("haptic");
      write_string(writer, cue.haptic);
      writer.Key("caption");
      write_string(writer, cue.caption);
      writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
    print_json(buffer, out);
    return kOk;
  }

  const int cycles = plan.phases.empty() ? 0 : plan.phases.back().cycle + 1;
  out << plan.item << ": " << item->title.get(settings.locale, settings.fallback_locale) << '\n'
      << "  " << plural(static_cast<std::size_t>(cycles), "cycle") << ", "
      << core::json::format_seconds(plan.planned) << " s (complete after "
      << core::json::format_seconds(plan.minimum) << " s), pacer " << core::to_string(plan.style) << '\n';
  for (const core::CueEvent& cue : plan.cues) {
    std::string at = core::json::format_seconds(cue.at);
    at.insert(0, at.size() < 8 ? 8 - at.size() : 0, ' ');
    if (cue.is_end()) {
      out << at << " s  end\n";
      continue;
    }
    const core::PlannedPhase& phase = plan.phases[static_cast<std::size_t>(cue.phase_index)];
    std::string kind =
        phase.step >= 0 ? "step " + std::to_string(phase.step + 1) : core::to_string(phase.kind);
    kind.resize(std::max<std::size_t>(kind.size(), 8), ' ');
    out << at << " s  " << kind << ' ' << core::json::format_seconds(phase.duration) << " s";
    if (!cue.caption.empty()) out << "  \"" << cue.caption << '"';
    out << '\n';
  }
  return kOk;
}

}  // namespace respite::cli
