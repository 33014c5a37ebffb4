// The module reader (one page at a time: the page's light markup rendered as headings, paragraphs
// and lists with emphasis and links; reflection prompts; an optional self-check) and the program
// overview (its days and the items of each). Pages turn with the buttons at the bottom or a
// horizontal swipe.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/pacer.h"
#include "ui/screens.h"

namespace respite::ui {
namespace {

// ---- Rich text ----------------------------------------------------------------------------

struct Word {
  std::string text;
  ImFont* font = nullptr;
  ImU32 colour = 0;
  int link = -1;  // index into the document's links, or -1
  bool space_before = false;
};

struct LinkHit {
  int link = -1;
  ImVec2 min, max;  // screen pixels
};

std::vector<Word> words_of(const Ui& ui, const std::vector<core::markup::Span>& spans, ImFont* plain,
                           int& link_counter) {
  const Palette& p = ui.theme.palette;
  std::vector<Word> out;
  bool pending_space = false;
  for (const core::markup::Span& span : spans) {
    ImFont* font = plain;
    if (plain == ui.fonts.body) {
      if (span.strong) {
        font = ui.fonts.strong;
      } else if (span.emphasis) {
        font = ui.fonts.emphasis;
      }
    }
    const int link = span.link == core::markup::LinkKind::None ? -1 : link_counter++;
    const ImU32 colour = link >= 0 ? p.primary : p.text;
    std::size_t i = 0;
    const std::string& s = span.text;
    while (i < s.size()) {
      if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
        pending_space = true;
        ++i;
        continue;
      }
      std::size_t end = s.find_first_of(" \n\t", i);
      if (end == std::string::npos) end = s.size();
      Word w;
      w.text = s.substr(i, end - i);
      w.font = font;
      w.colour = colour;
      w.link = link;
      w.space_before = pending_space && !out.empty();
      pending_space = false;
      out.push_back(std::move(w));
      i = end;
    }
    // A web link shows where it goes, since it is never opened from the app.
    if (span.link == core::markup::LinkKind::Web && !span.target.empty()) {
      Word w;
      w.text = "(" + span.target + ")";
      w.font = ui.fonts.small;
      w.colour = p.text_muted;
      w.space_before = true;
      out.push_back(std::move(w));
    }
  }
  return out;
}

// Reading text gets air between its lines; headings stay tight.
float line_spacing(const Ui& ui, const ImFont* font) {
  const bool reading = font == ui.fonts.body || font == ui.fonts.strong || font == ui.fonts.emphasis;
  return reading ? 1.4f : 1.15f;
}

// Lays out and draws `words` from the cursor, wrapping at `width`; returns the link areas.
std::vector<LinkHit> flow_words(const Ui& ui, const std::vector<Word>& words, float x, float width) {
  const Theme& t = ui.theme;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float left = ImGui::GetWindowPos().x - ImGui::GetScrollX() + x;
  // Reading text gets air between its lines (1.4); headings stay tight.
  float line_h = 0.0f;
  for (const Word& w : words) line_h = std::max(line_h, w.font->FontSize);
  line_h = std::round(line_h * line_spacing(ui, words.empty() ? nullptr : words.front().font));
  float cx = left;
  float cy = origin.y;
  std::vector<LinkHit> hits;
  for (const Word& w : words) {
    const float space = w.space_before ? w.font->CalcTextSizeA(w.font->FontSize, FLT_MAX, 0.0f, " ").x : 0.0f;
    const float ww = w.font->CalcTextSizeA(w.font->FontSize, FLT_MAX, 0.0f, w.text.c_str()).x;
    float wx = cx + space;
    if (wx + ww > left + width && cx > left) {
      cx = left;
      cy += line_h;
      wx = cx;
    }
    // A word longer than the whole line (a URL) is drawn wrapped on its own lines.
    const float word_w = std::min(ww, width);
    const ImVec2 pos(std::floor(wx + 0.5f), std::floor(cy + (line_h - w.font->FontSize) / 2.0f + 0.5f));
    const float wrapped_h =
        w.font->CalcTextSizeA(w.font->FontSize, FLT_MAX, ww > width ? width : 0.0f, w.text.c_str()).y;
    draw->AddText(w.font, w.font->FontSize, pos, w.colour, w.text.c_str(), nullptr,
                  ww > width ? width : 0.0f);
    if (ui.audit != nullptr) {
      const ImVec2 size =
          w.font->CalcTextSizeA(w.font->FontSize, FLT_MAX, ww > width ? width : 0.0f, w.text.c_str());
      // A web address wider than the line is split on purpose (it has no spaces); anything else
      // split is a layout defect.
      const bool url = w.text.find('/') != std::string::npos || w.text.find('@') != std::string::npos;
      ui.audit->record(w.text, pos, ImVec2(pos.x + size.x, pos.y + size.y), ImVec2(left - 0.5f, -FLT_MAX),
                       ImVec2(left + width + 0.5f, FLT_MAX), ww > width && !url);
    }
    if (w.link >= 0) {
      const float underline = pos.y + w.font->FontSize - t.px(2.0f);
      draw->AddLine(ImVec2(pos.x, underline), ImVec2(pos.x + word_w, underline), w.colour, t.px(1.25f));
      if (!hits.empty() && hits.back().link == w.link &&
          std::fabs(hits.back().min.y - (pos.y - t.px(4.0f))) < 1.0f) {
        hits.back().max.x = pos.x + word_w;
      } else {
        hits.push_back(
            {w.link, ImVec2(pos.x, pos.y - t.px(4.0f)), ImVec2(pos.x + word_w, pos.y + line_h + t.px(4.0f))});
      }
    }
    if (ww > width) {
      cx = left;
      cy += wrapped_h;
    } else {
      cx = wx + ww;
    }
  }
  const float height = words.empty() ? 0.0f : cy + line_h - origin.y;
  ImGui::Dummy(ImVec2(width, height));
  return hits;
}

void block(const Ui& ui, const Column& col, const core::markup::Block& b, int& link_counter,
           std::vector<LinkHit>& hits) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  using core::markup::BlockKind;
  switch (b.kind) {
    case BlockKind::Heading1:
    case BlockKind::Heading2: {
      gap(ui, t.metrics.space_s);
      ImFont* font = b.kind == BlockKind::Heading1 ? ui.fonts.heading : ui.fonts.label;
      const std::vector<Word> words = words_of(ui, b.spans, font, link_counter);
      at(col);
      auto found = flow_words(ui, words, col.x, col.width);
      hits.insert(hits.end(), found.begin(), found.end());
      gap(ui, t.metrics.space_s);
      break;
    }
    case BlockKind::Paragraph: {
      const std::vector<Word> words = words_of(ui, b.spans, ui.fonts.body, link_counter);
      at(col);
      auto found = flow_words(ui, words, col.x, col.width);
      hits.insert(hits.end(), found.begin(), found.end());
      gap(ui, t.metrics.space_m);
      break;
    }
    case BlockKind::ListItem: {
      const float indent = std::round(ui.fonts.body->FontSize * 1.3f);
      const ImVec2 pos = ImGui::GetCursorScreenPos();
      const float bullet_x = ImGui::GetWindowPos().x - ImGui::GetScrollX() + col.x + indent * 0.4f;
      const float first_line = std::round(ui.fonts.body->FontSize * line_spacing(ui, ui.fonts.body));
      ImGui::GetWindowDrawList()->AddCircleFilled(
          ImVec2(bullet_x, pos.y + first_line / 2.0f + ui.fonts.body->FontSize * 0.05f),
          std::max(2.0f, ui.fonts.body->FontSize * 0.14f), p.primary, 12);
      const std::vector<Word> words = words_of(ui, b.spans, ui.fonts.body, link_counter);
      ImGui::SetCursorPosX(col.x + indent);
      auto found = flow_words(ui, words, col.x + indent, col.width - indent);
      hits.insert(hits.end(), found.begin(), found.end());
      gap(ui, t.metrics.space_s);
      break;
    }
  }
}

// Invisible buttons over the link areas; a tap on an item link opens the item.
void link_buttons(const Ui& ui, const ModuleView& view, const std::vector<LinkHit>& hits,
                  UiActions& actions) {
  const ImVec2 keep = ImGui::GetCursorPos();
  ImGui::PushID("##links");
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const LinkHit& hit = hits[i];
    if (hit.link < 0 || static_cast<std::size_t>(hit.link) >= view.links.size()) continue;
    const LinkView& link = view.links[static_cast<std::size_t>(hit.link)];
    if (!link.item) continue;
    ImGui::SetCursorScreenPos(hit.min);
    ImGui::PushID(static_cast<int>(i));
    if (tap_area(ui, "##link", ImVec2(std::max(1.0f, hit.max.x - hit.min.x), hit.max.y - hit.min.y), true,
                 nullptr, nullptr, true)) {
      emit_item(actions, ActionKind::StartItem, *link.item);
    }
    focus_ring(ui, ui.theme.px(4.0f));
    ImGui::PopID();
  }
  ImGui::PopID();
  ImGui::SetCursorPos(keep);
}

// ---- Check-in -----------------------------------------------------------------------------

void checkin(const Ui& ui, const Column& col, const ModuleView& view, const CheckinView& c,
             UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  section_heading(ui, col, ui.tr("module.checkin"));
  if (!c.instrument.empty()) {
    at(col);
    text_wrapped(ui, ui.fonts.small, p.text_muted, c.instrument, col.width);
    gap(ui, m.space_m);
  }
  const auto answer = [&](int question, int value) {
    UiAction action;
    action.kind = ActionKind::AnswerCheckin;
    action.item = view.ref;
    action.page = view.page;
    action.question = question;
    action.value = value;
    actions.push_back(action);
  };
  ImGui::PushID("##checkin");
  for (std::size_t q = 0; q < c.questions.size(); ++q) {
    const CheckinQuestionView& question = c.questions[q];
    ImGui::PushID(static_cast<int>(q));
    at(col);
    text_wrapped(ui, ui.fonts.label, p.text, question.text, col.width);
    gap(ui, m.space_s);
    if (question.type == core::QuestionType::Scale) {
      Flow flow(ui, col);
      for (int v = question.min; v <= question.max; ++v) {
        const std::string label = ui.number(v);
        flow.next(std::max(chip_width(ui, label), t.px(m.touch_min)));
        ImGui::PushID(v);
        if (chip(ui, "##scale", label, question.answer == v)) answer(static_cast<int>(q), v);
        ImGui::PopID();
      }
      flow.finish();
      if (!question.min_label.empty() || !question.max_label.empty()) {
        gap(ui, m.space_xs);
        at(col);
        text_wrapped(ui, ui.fonts.small, p.text_muted,
                     ui.trf("module.scale_labels", {{"min", ui.number(question.min)},
                                                    {"min_label", question.min_label},
                                                    {"max", ui.number(question.max)},
                                                    {"max_label", question.max_label}}),
                     col.width);
      }
    } else {
      std::vector<const char*> labels;
      for (const std::string& o : question.options) labels.push_back(o.c_str());
      int selected = question.answer.value_or(-1);
      at(col);
      if (choice_list(ui, "##choice", labels.data(), nullptr, static_cast<int>(labels.size()), selected,
                      col.width))
        answer(static_cast<int>(q), selected);
    }
    gap(ui, m.space_l);
    ImGui::PopID();
  }
  ImGui::PopID();
  if (c.score) {
    at(col);
    text_wrapped(ui, ui.fonts.label, p.text, ui.trf("module.score", {{"score", ui.number(*c.score)}}),
                 col.width);
    gap(ui, m.space_s);
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text, c.message, col.width);
    gap(ui, m.space_m);
    for (std::size_t i = 0; i < c.suggestions.size(); ++i) {
      const ItemCardView& item = c.suggestions[i];
      ImGui::PushID(static_cast<int>(i));
      at(col);
      if (item_card(ui, "##suggestion", item.title, item.summary,
                    item.planned_seconds > 0 ? ui.duration(item.planned_seconds) : "", col.width,
                    item.startable, nullptr, 2, kind_icon(item.kind)) &&
          item.startable)
        emit_item(actions, ActionKind::StartItem, item.ref);
      ImGui::PopID();
      gap(ui, m.space_s);
    }
    const std::string again = ui.tr("module.checkin_again") + "##again";
    at(col);
    if (button(ui, again.c_str(), ImVec2(button_width(ui, again.c_str(), ButtonStyle::Quiet), 0),
               ButtonStyle::Quiet)) {
      UiAction action;
      action.kind = ActionKind::ResetCheckin;
      action.item = view.ref;
      action.page = view.page;
      actions.push_back(action);
    }
    gap(ui, m.space_l);
  }
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("module.checkin_private"), col.width);
  gap(ui, m.space_l);
}

}  // namespace

// ---- Module -------------------------------------------------------------------------------

void draw_module(const Ui& ui, const ModuleView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##module", true);
  const Column col = page_column(ui);
  TopBar bar;
  top_bar(ui, col, bar, actions);

  at(col);
  std::string where =
      ui.trf("module.page_of", {{"page", ui.number(view.page + 1)}, {"pages", ui.number(view.pages)}});
  text_wrapped(ui, ui.fonts.small, p.text_muted, view.title + " \xC2\xB7 " + where, col.width);
  gap(ui, m.space_xs);
  // Progress through the module: one segment per page.
  {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float x0 = ImGui::GetWindowPos().x - ImGui::GetScrollX() + col.x;
    const float spacing = t.px(4.0f);
    const float seg = (col.width - spacing * static_cast<float>(std::max(0, view.pages - 1))) /
                      static_cast<float>(std::max(1, view.pages));
    for (int i = 0; i < view.pages; ++i) {
      const float x = x0 + static_cast<float>(i) * (seg + spacing);
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, pos.y), ImVec2(x + seg, pos.y + t.px(4.0f)),
                                                i <= view.page ? p.primary : p.outline, t.px(2.0f));
    }
    ImGui::Dummy(ImVec2(col.width, t.px(4.0f)));
  }
  gap(ui, m.space_m);
  at(col);
  text_wrapped(ui, ui.fonts.title, p.text, view.page_title, col.width);
  gap(ui, m.space_m);

  int link_counter = 0;
  std::vector<LinkHit> hits;
  for (const core::markup::Block& b : view.body.blocks) block(ui, col, b, link_counter, hits);
  link_buttons(ui, view, hits, actions);

  for (std::size_t i = 0; i < view.prompts.size(); ++i) {
    // A reflection prompt: a pause to think, on a soft card.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float pad = t.px(m.space_m);
    const Column inner{col.x + pad, col.width - 2.0f * pad};
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const float top = ImGui::GetCursorScreenPos().y;
    gap(ui, m.space_m);
    at(inner);
    text_wrapped(ui, ui.fonts.small, p.on_soft, ui.tr("module.reflect"), inner.width);
    gap(ui, m.space_xs);
    at(inner);
    text_wrapped(ui, ui.fonts.body, p.text, view.prompts[i], inner.width);
    gap(ui, m.space_m);
    const float bottom = ImGui::GetCursorScreenPos().y;
    draw->ChannelsSetCurrent(0);
    const float x = ImGui::GetWindowPos().x - ImGui::GetScrollX() + col.x;
    draw->AddRectFilled(ImVec2(x, top), ImVec2(x + col.width, bottom), p.primary_soft, t.px(m.radius));
    draw->ChannelsMerge();
    gap(ui, m.space_m);
  }
  if (view.checkin) {
    gap(ui, m.space_s);
    checkin(ui, col, view, *view.checkin, actions);
  }

  if (!view.linked.empty()) {
    section_heading(ui, col, ui.tr("module.try_these"));
    for (std::size_t i = 0; i < view.linked.size(); ++i) {
      const ItemCardView& item = view.linked[i];
      ImGui::PushID(static_cast<int>(i));
      at(col);
      if (item_card(ui, "##linked", item.title, item.summary,
                    item.planned_seconds > 0 ? ui.duration(item.planned_seconds) : "", col.width,
                    item.startable, nullptr, 2, kind_icon(item.kind)) &&
          item.startable)
        emit_item(actions, ActionKind::StartItem, item.ref);
      ImGui::PopID();
      gap(ui, m.space_s);
    }
    gap(ui, m.space_m);
  }

  // Turning pages: buttons at the end, or a swipe anywhere.
  gap(ui, m.space_m);
  const float spacing = t.px(m.space_m);
  const float half = std::floor((col.width - spacing) / 2.0f);
  const std::string previous = ui.tr("module.previous") + "##previous";
  const bool last = view.page + 1 >= view.pages;
  const std::string next = ui.tr(last ? "module.finish" : "module.next") + "##next";
  const bool stacked = button_width(ui, previous.c_str(), ButtonStyle::Secondary, Icon::Back) > half ||
                       button_width(ui, next.c_str(), ButtonStyle::Primary, Icon::Forward) > half;
  const float y = ImGui::GetCursorPosY();
  const float w = stacked ? col.width : half;
  if (view.page > 0) {
    ImGui::SetCursorPos(ImVec2(col.x, y));
    if (button(ui, previous.c_str(), ImVec2(w, t.px(m.button_height)), ButtonStyle::Secondary, true,
               Icon::Back))
      emit_item(actions, ActionKind::OpenModulePage, view.ref, view.page - 1);
    if (stacked) gap(ui, m.space_s);
  }
  ImGui::SetCursorPos(
      ImVec2(stacked ? col.x : col.x + col.width - w, stacked && view.page > 0 ? ImGui::GetCursorPosY() : y));
  if (button(ui, next.c_str(), ImVec2(w, t.px(m.button_height)), ButtonStyle::Primary, true,
             last ? Icon::Check : Icon::Forward)) {
    if (last) {
      emit(actions, ActionKind::Back);
    } else {
      emit_item(actions, ActionKind::OpenModulePage, view.ref, view.page + 1);
    }
  }
  gap(ui, m.space_xl);
  const int swiped = swipe(ui);
  if (swiped < 0 && !last) emit_item(actions, ActionKind::OpenModulePage, view.ref, view.page + 1);
  if (swiped > 0 && view.page > 0) emit_item(actions, ActionKind::OpenModulePage, view.ref, view.page - 1);
  end_page(ui, true);
}

// ---- Program ------------------------------------------------------------------------------

void draw_program(const Ui& ui, const ProgramView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##program", true);
  const Column col = page_column(ui);
  TopBar bar;
  bar.title = view.title.c_str();
  top_bar(ui, col, bar, actions);
  if (!view.summary.empty()) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text_muted, view.summary, col.width);
    gap(ui, m.space_l);
  }
  ImGui::PushID("##days");
  for (const ProgramDayView& day : view.days) {
    ImGui::PushID(day.day);
    section_heading(ui, col, ui.trf("program.day", {{"day", ui.number(day.day)}}));
    if (!day.note.empty()) {
      at(col);
      text_wrapped(ui, ui.fonts.body, p.text, day.note, col.width);
      gap(ui, m.space_s);
    }
    for (std::size_t i = 0; i < day.items.size(); ++i) {
      const ItemCardView& item = day.items[i];
      ImGui::PushID(static_cast<int>(i));
      at(col);
      if (item_card(ui, "##item", item.title, std::string(),
                    item.planned_seconds > 0 ? ui.duration(item.planned_seconds) : "", col.width,
                    item.startable, item.startable ? nullptr : ui.tr("library.not_available").c_str(), 0,
                    kind_icon(item.kind)) &&
          item.startable)
        emit_item(actions, ActionKind::StartItem, item.ref);
      ImGui::PopID();
      gap(ui, m.space_s);
    }
    gap(ui, m.space_m);
    ImGui::PopID();
  }
  ImGui::PopID();
  gap(ui, m.space_xl);
  end_page(ui, true);
}

}  // namespace respite::ui
