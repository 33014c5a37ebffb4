// AppModel's views of reading content: a module's page (markup parsed, links resolved, the
// reflection prompts with what the person wrote, the check-in with the answers given so far), a
// program's days, the about screen's pack credits and the support screen's regional resources;
// and the module reader's journal actions (app/journal.h). Split from app_model.cpp, which holds
// navigation, sessions and settings.
#include <algorithm>

#include "app/app_model.h"
#include "core/i18n.h"
#include "core/progress/ids.h"

#ifndef RESPITE_VERSION
#define RESPITE_VERSION "unknown"
#endif

namespace respite::app {
namespace {

const core::ModulePage* module_page(const core::Catalog& catalog, const core::ItemRef& ref, int page) {
  const core::Item* item = catalog.find(ref);
  if (item == nullptr || item->kind != core::ItemKind::Module || page < 0 ||
      static_cast<std::size_t>(page) >= item->module.pages.size())
    return nullptr;
  return &item->module.pages[static_cast<std::size_t>(page)];
}

// The answers that count (an answer out of range, left from a pack that changed under it, counts
// as unanswered) and, once every question has one, the score.
struct CheckinScore {
  std::vector<std::optional<int>> answers;  // one per question
  std::optional<int> score;
};

CheckinScore score_checkin(const core::Checkin& c, const std::vector<std::optional<int>>* given) {
  CheckinScore out;
  int score = 0;
  bool complete = !c.questions.empty();
  for (std::size_t q = 0; q < c.questions.size(); ++q) {
    const core::CheckinQuestion& question = c.questions[q];
    std::optional<int> answer = given != nullptr && q < given->size() ? (*given)[q] : std::nullopt;
    if (answer) {
      const int a = *answer;
      const bool valid = question.type == core::QuestionType::Scale
                             ? a >= question.min && a <= question.max
                             : a >= 0 && static_cast<std::size_t>(a) < question.options.size();
      if (!valid) answer.reset();
    }
    if (answer) {
      score += question.type == core::QuestionType::Scale
                   ? *answer
                   : question.options[static_cast<std::size_t>(*answer)].score;
    } else {
      complete = false;
    }
    out.answers.push_back(answer);
  }
  if (complete) out.score = score;
  return out;
}

}  // namespace

void AppModel::set_journal_owner(Storage* storage, bool guest, bool writes) {
  journal_.set_owner(storage, guest);
  journal_.set_writes(writes);
  if (route_.screen == Screen::Module) journal_.load(route_.item);
  touch();
}

void AppModel::apply_journal(const ui::UiAction& action) {
  using ui::ActionKind;
  const core::ModulePage* page = module_page(catalog_, action.item, action.page);
  if (page == nullptr) return;  // no such module page: nothing to hold or keep
  switch (action.kind) {
    case ActionKind::EditReflection:
    case ActionKind::SaveReflection: {
      if (action.question < 0 || static_cast<std::size_t>(action.question) >= page->prompts.size()) return;
      const std::string& prompt_id = page->prompts[static_cast<std::size_t>(action.question)].id;
      if (action.kind == ActionKind::EditReflection) {
        journal_.edit(action.item, prompt_id, action.text);
      } else {
        journal_.save(action.item, prompt_id);
      }
      break;
    }
    case ActionKind::ResetCheckin:
      journal_.reset(action.item, action.page);
      break;
    case ActionKind::AnswerCheckin: {
      if (!page->checkin || action.question < 0 ||
          static_cast<std::size_t>(action.question) >= page->checkin->questions.size())
        return;
      if (!journal_.answer(action.item, action.page, action.question, action.value)) return;
      // Every question answered: the result goes to the person's journal. Changing an answer
      // afterwards records the new result as a new entry (the newest counts); tapping the same
      // answer again records nothing.
      const core::Checkin& c = *page->checkin;
      const CheckinScore result = score_checkin(c, journal_.answers(action.item, action.page));
      if (!result.score) break;
      core::CheckinEntry entry;
      entry.entry_id = core::make_uuid_v4();
      entry.pack_id = action.item.pack_id;
      entry.item_id = action.item.item_id;
      entry.checkin_id = c.id;
      entry.score = *result.score;
      for (std::size_t q = 0; q < c.questions.size(); ++q)
        entry.answers.emplace_back(c.questions[q].id, *result.answers[q]);
      entry.at = clock_.utc_now();
      entry.utc_offset_minutes = clock_.zone_at(entry.at).offset_minutes;
      journal_.record(action.item, action.page, std::move(entry));
      break;
    }
    default:
      return;
  }
  touch();
}

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
  view.keeping = journal_.keeps()   ? ui::JournalKeeping::Profile
                 : journal_.guest() ? ui::JournalKeeping::Guest
                                    : ui::JournalKeeping::NotKept;
  view.journal_owner = journal_.generation();
  for (const core::ModulePrompt& prompt : spec.prompts) {
    const ModuleJournal::Reflection written = journal_.reflection(route_.item, prompt.id);
    ui::ReflectionView out;
    out.prompt = prompt.text.get(locale, fallback);
    out.text = written.text;
    out.length = static_cast<int>(written.chars);
    out.max_length = static_cast<int>(kMaxReflectionChars);
    out.saved = written.saved;
    out.saving = written.saving;
    out.failed = written.failed;
    out.can_save = written.can_save;
    view.reflections.push_back(std::move(out));
  }
  if (spec.checkin) {
    const core::Checkin& c = *spec.checkin;
    ui::CheckinView checkin;
    checkin.instrument = c.instrument.get(locale, fallback);
    const CheckinScore result = score_checkin(c, journal_.answers(route_.item, page));
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
      out.answer = result.answers[q];
      checkin.questions.push_back(std::move(out));
    }
    if (result.score) {
      const int score = *result.score;
      checkin.score = score;
      checkin.recorded = journal_.recorded(route_.item, page);
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
