// AppModel's views of reading content: a module's page (markup parsed, links resolved, the
// check-in with the answers given so far), a program's days, the about screen's pack credits and
// the support screen's regional resources. Split from app_model.cpp, which holds navigation,
// sessions and settings.
#include <algorithm>

#include "app/app_model.h"
#include "core/i18n.h"

#ifndef RESPITE_VERSION
#define RESPITE_VERSION "unknown"
#endif

namespace respite::app {

ui::ModuleView AppModel::module_view() const {
  ui::ModuleView view;
  if (route_.screen != Screen::Module) return view;
  const core::Pack* pack = catalog_.find_pack(route_.item.pack_id);
  const core::Item* item = catalog_.find(route_.item);
  if (pack == nullptr || item == nullptr || item->module.pages.empty()) return view;
  const std::string& locale = settings_.locale;
  const std::string& fallback = pack->default_locale;
  const int pages = static_cast<int>(item->module.pages.size());
  const int page = std::clamp(route_.page, 0, pages - 1);
  const core::ModulePage& spec = item->module.pages[static_cast<std::size_t>(page)];
  view.ref = route_.item;
  view.title = item->title.get(locale, fallback);
  view.page = page;
  view.pages = pages;
  view.page_title = spec.title.get(locale, fallback);
  view.body = core::markup::parse(spec.body.get(locale, fallback));
  if (item->duration) view.reading_seconds = core::millis_to_seconds(*item->duration);
  for (const core::markup::Span& link : view.body.links()) {
    ui::LinkView out;
    out.target = link.target;
    if (link.link == core::markup::LinkKind::Item) {
      const std::optional<core::ItemRef> ref = core::ItemRef::resolve(link.target, pack->id);
      if (ref && catalog_.find(*ref) != nullptr) {
        out.item = ref;
        const std::optional<ui::ItemCardView> card = card_for(*ref);
        const bool listed = std::any_of(view.linked.begin(), view.linked.end(),
                                        [&](const ui::ItemCardView& c) { return c.ref == *ref; });
        if (card && !listed) view.linked.push_back(*card);
      }
    }
    view.links.push_back(std::move(out));
  }
  for (const core::ModulePrompt& prompt : spec.prompts)
    view.prompts.push_back(prompt.text.get(locale, fallback));
  if (spec.checkin) {
    const core::Checkin& c = *spec.checkin;
    ui::CheckinView checkin;
    checkin.instrument = c.instrument.get(locale, fallback);
    const auto found = checkin_answers_.find(route_.item.to_string() + "#" + std::to_string(page));
    int score = 0;
    bool complete = !c.questions.empty();
    for (std::size_t q = 0; q < c.questions.size(); ++q) {
      const core::CheckinQuestion& question = c.questions[q];
      ui::CheckinQuestionView out;
      out.text = question.text.get(locale, fallback);
      out.type = question.type;
      out.min = question.min;
      out.max = question.max;
      out.min_label = question.min_label.get(locale, fallback);
      out.max_label = question.max_label.get(locale, fallback);
      for (const core::ChoiceOption& option : question.options)
        out.options.push_back(option.text.get(locale, fallback));
      if (found != checkin_answers_.end() && q < found->second.size()) out.answer = found->second[q];
      // An answer out of range (a pack changed under it) counts as unanswered.
      if (out.answer) {
        const int a = *out.answer;
        const bool valid = question.type == core::QuestionType::Scale
                               ? a >= question.min && a <= question.max
                               : a >= 0 && static_cast<std::size_t>(a) < question.options.size();
        if (!valid) out.answer.reset();
      }
      if (out.answer) {
        score += question.type == core::QuestionType::Scale
                     ? *out.answer
                     : question.options[static_cast<std::size_t>(*out.answer)].score;
      } else {
        complete = false;
      }
      checkin.questions.push_back(std::move(out));
    }
    if (complete) {
      checkin.score = score;
      if (const core::CheckinBand* band = c.band_for(score)) {
        checkin.message = band->message.get(locale, fallback);
        for (const std::string& written : band->suggest) {
          const std::optional<core::ItemRef> ref = core::ItemRef::resolve(written, pack->id);
          if (const std::optional<ui::ItemCardView> card = ref ? card_for(*ref) : std::nullopt) {
            checkin.suggestions.push_back(*card);
          }
        }
      }
    }
    view.checkin = std::move(checkin);
  }
  return view;
}

ui::ProgramView AppModel::program_view() const {
  ui::ProgramView view;
  if (route_.screen != Screen::Program) return view;
  const core::Pack* pack = catalog_.find_pack(route_.item.pack_id);
  const core::Item* item = catalog_.find(route_.item);
  if (pack == nullptr || item == nullptr) return view;
  const std::string& locale = settings_.locale;
  view.ref = route_.item;
  view.title = item->title.get(locale, pack->default_locale);
  view.summary = item->summary.get(locale, pack->default_locale);
  for (const core::ProgramDay& day : item->program.days) {
    ui::ProgramDayView out;
    out.day = day.day;
    out.note = day.note.get(locale, pack->default_locale);
    for (const std::string& written : day.items) {
      const std::optional<core::ItemRef> ref = core::ItemRef::resolve(written, pack->id);
      if (const std::optional<ui::ItemCardView> card = ref ? card_for(*ref) : std::nullopt)
        out.items.push_back(*card);
    }
    view.days.push_back(std::move(out));
  }
  return view;
}

ui::AboutView AppModel::about_view() const {
  ui::AboutView view;
  view.version = RESPITE_VERSION;
  for (const core::Pack& pack : catalog_.packs) {
    ui::PackCredit credit;
    credit.title = pack.title.get(settings_.locale, pack.default_locale);
    credit.version = pack.version;
    credit.items = static_cast<int>(pack.items.size());
    for (const core::Item& item : pack.items) credit.citations += static_cast<int>(item.evidence.size());
    view.packs.push_back(std::move(credit));
  }
  return view;
}

ui::SupportView AppModel::support_view() const {
  ui::SupportView view;
  view.region = settings_.support_region;
  if (!services_.support) return view;
  const std::string key = settings_.locale + "|" + settings_.support_region;
  if (!support_cache_ || support_cache_->first != key) {
    support_cache_.emplace(key, services_.support(settings_.locale, settings_.support_region));
  }
  const core::SupportResources& data = support_cache_->second;
  view.resources = data.resources;
  view.notice = data.notice;
  if (view.region.empty()) view.region = data.region;
  return view;
}

}  // namespace respite::app
