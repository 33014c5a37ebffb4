// The module reader (one page at a time: the page's light markup rendered as headings, paragraphs
// and lists with emphasis and links; reflection prompts with a field to answer them; an optional
// self-check) and the program overview (its days and the items of each). Pages turn with the
// buttons at the bottom or a horizontal swipe (not while a reflection is being written).
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <vector>

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

// Items the page points to, one card each; a tap starts the item.
void item_cards(const Ui& ui, const Column& col, const char* id, const std::vector<ItemCardView>& items,
                UiActions& actions) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ItemCardView& item = items[i];
    ImGui::PushID(static_cast<int>(i));
    at(col);
    if (item_card(ui, id, item.title, item.summary,
                  item.planned_seconds > 0 ? ui.duration(item.planned_seconds) : "", col.width,
                  item.startable, nullptr, 2, kind_icon(item.kind)) &&
        item.startable)
      emit_item(actions, ActionKind::StartItem, item.ref);
    ImGui::PopID();
    gap(ui, ui.theme.metrics.space_s);
  }
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
    item_cards(ui, col, "##suggestion", c.suggestions, actions);
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
  // Who keeps the answers: the profile (once every question is answered), or nobody.
  const char* footer = view.keeping == JournalKeeping::Profile ? "module.checkin_kept"
                       : view.keeping == JournalKeeping::Guest ? "module.checkin_guest"
                                                               : "module.checkin_private";
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr(footer), col.width);
  gap(ui, m.space_l);
}

// ---- Reflection ---------------------------------------------------------------------------

// Dear ImGui's multi-line field does not wrap lines. The field wraps them itself: a space where a
// line would pass the field's edge is shown as a line break (a "soft" break). A soft break takes
// the space's byte, so positions in what the person wrote and in what the field shows are the
// same, the caret never moves, and turning the breaks back into spaces gives the person's text.
std::size_t utf8_bytes(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

std::string soft_wrap(const std::string& text, const ImFont* font, float width) {
  std::string out = text;
  float line = 0.0f;
  std::size_t space = std::string::npos;  // the last space on the line
  float after_space = 0.0f;               // the line's width up to and including it
  std::size_t i = 0;
  while (i < out.size()) {
    if (out[i] == '\n') {
      line = 0.0f;
      space = std::string::npos;
      ++i;
      continue;
    }
    const std::size_t n = std::min(utf8_bytes(static_cast<unsigned char>(out[i])), out.size() - i);
    const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, out.data() + i, out.data() + i + n).x;
    if (out[i] == ' ') {
      line += w;  // a space may hang past the edge
      space = i;
      after_space = line;
    } else {
      if (line + w > width && space != std::string::npos) {
        out[space] = '\n';
        line -= after_space;  // what followed the space moves to the new line
        space = std::string::npos;
      }
      line += w;
    }
    i += n;
  }
  return out;
}

// What one field's edit needs: the text and the display before it, and the limit.
struct FieldEdit {
  const std::string* text = nullptr;     // what the person wrote (no soft breaks)
  const std::string* display = nullptr;  // soft_wrap(*text): what the field showed
  const ImFont* font = nullptr;
  float width = 0.0f;
  int max_chars = 0;
  bool ran = false;
  std::string result;  // the person's text after the edit
};

// Called by ImGui after each edit of the field: finds the soft breaks that survived the edit
// (before and after the changed span), turns them back into spaces, keeps the text to the limit
// (whatever is typed or pasted; the buffer is sized for the longest UTF-8, so the cut happens here,
// at a character boundary) and wraps the result again.
int on_field_edit(ImGuiInputTextCallbackData* data) {
  FieldEdit& e = *static_cast<FieldEdit*>(data->UserData);
  const std::string& before = *e.display;
  std::string now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  std::size_t head = 0;
  while (head < before.size() && head < now.size() && before[head] == now[head]) ++head;
  std::size_t tail = 0;
  while (tail < before.size() - head && tail < now.size() - head &&
         before[before.size() - 1 - tail] == now[now.size() - 1 - tail])
    ++tail;
  for (std::size_t i = 0; i < before.size() && i < e.text->size(); ++i) {
    if (before[i] != '\n' || (*e.text)[i] != ' ') continue;  // not a soft break
    std::size_t at = std::string::npos;
    if (i < head) {
      at = i;
    } else if (i >= before.size() - tail) {
      at = i + now.size() - before.size();
    }
    if (at < now.size() && now[at] == '\n') now[at] = ' ';
  }
  int chars = 0;
  for (std::size_t i = 0; i < now.size(); ++i) {
    if ((static_cast<unsigned char>(now[i]) & 0xC0) == 0x80) continue;
    if (chars == e.max_chars) {
      now.resize(i);
      break;
    }
    ++chars;
  }
  e.ran = true;
  e.result = now;
  const std::string shown = soft_wrap(now, e.font, e.width);
  if (shown != std::string(data->Buf, static_cast<std::size_t>(data->BufTextLen))) {
    // Same bytes or fewer (a cut), so the caret and selection stay where they were.
    std::memcpy(data->Buf, shown.data(), shown.size());
    data->Buf[shown.size()] = '\0';
    data->BufTextLen = static_cast<int>(shown.size());
    data->CursorPos = std::min(data->CursorPos, data->BufTextLen);
    data->SelectionStart = std::min(data->SelectionStart, data->BufTextLen);
    data->SelectionEnd = std::min(data->SelectionEnd, data->BufTextLen);
    data->BufDirty = true;
  }
  return 0;
}

// A prompt on a soft card, a roomy multi-line field under it, and (for a profile) Save with a
// quiet status. Returns true while the field has the keyboard.
bool reflection(const Ui& ui, const Column& col, const ModuleView& view, int index, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  const ReflectionView& r = view.reflections[static_cast<std::size_t>(index)];
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
  text_wrapped(ui, ui.fonts.body, p.text, r.prompt, inner.width);
  gap(ui, m.space_s);

  // The field: five lines of reading text, never shorter than two touch targets.
  ImFont* font = ui.fonts.body;
  const float line = std::round(font->FontSize * 1.25f);
  const ImVec2 padding(t.px(m.space_s) + t.px(m.space_xs), t.px(m.space_s) + t.px(m.space_xs));
  const float height = std::max(2.0f * t.px(m.touch_min), 5.0f * line + 2.0f * padding.y);
  const int max_chars = std::max(1, r.max_length);
  // Lines wrap inside the frame padding, clear of the scroll bar that appears on long answers.
  const float wrap_width = inner.width - 2.0f * padding.x - ImGui::GetStyle().ScrollbarSize;
  const std::string display = soft_wrap(r.text, font, wrap_width);
  std::vector<char> buffer(static_cast<std::size_t>(max_chars) * 4 + 1, '\0');
  std::memcpy(buffer.data(), display.data(), std::min(display.size(), buffer.size() - 1));
  ImGui::PushID(index);  // popped at the end of the card
  // A new person gets new fields: ImGui's edit state (and its undo steps) stays with the old ids.
  ImGui::PushID(view.journal_owner);
  ImGui::PushFont(font);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, padding);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, t.px(m.radius_small));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, t.outline_px());
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, font->FontSize * 0.25f));
  ImGui::PushStyleColor(ImGuiCol_FrameBg, to_vec4(p.surface));
  ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, to_vec4(p.surface));
  ImGui::PushStyleColor(ImGuiCol_FrameBgActive, to_vec4(p.surface));
  ImGui::PushStyleColor(ImGuiCol_Border, to_vec4(p.control));
  ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(p.text));
  ImGui::PushStyleColor(ImGuiCol_TextSelectedBg, to_vec4(p.primary_soft));
  at(inner);
  FieldEdit edit;
  edit.text = &r.text;
  edit.display = &display;
  edit.font = font;
  edit.width = wrap_width;
  edit.max_chars = max_chars;
  const bool changed =
      ImGui::InputTextMultiline("##reflection", buffer.data(), buffer.size(), ImVec2(inner.width, height),
                                ImGuiInputTextFlags_CallbackEdit, on_field_edit, &edit);
  const bool active = ImGui::IsItemActive();
  const ImVec2 field_min = ImGui::GetItemRectMin();
  const ImVec2 field_max = ImGui::GetItemRectMax();
  ImGui::PopStyleColor(6);
  ImGui::PopStyleVar(4);
  ImGui::PopFont();
  if (active) focus_ring(ui, t.px(m.radius_small));
  if (r.text.empty() && !active) {
    // A quiet hint in the empty field (ImGui's multi-line field has none of its own).
    draw->AddText(font, font->FontSize, ImVec2(field_min.x + padding.x, field_min.y + padding.y),
                  p.text_muted, ui.tr("module.reflect_hint").c_str(), nullptr,
                  field_max.x - field_min.x - 2.0f * padding.x);
  } else if (active) {
    // The field in use is outlined in the accent colour, like a selected control.
    draw->AddRect(field_min, field_max, p.primary, t.px(m.radius_small), 0, t.px(2.0f));
  }
  ImGui::PopID();  // the person's id
  if (changed) {
    UiAction action;
    action.kind = ActionKind::EditReflection;
    action.item = view.ref;
    action.page = view.page;
    action.question = index;
    if (edit.ran) {
      action.text = edit.result;
    } else {
      // Changed without an edit (ImGui's revert): soft breaks are where the text had spaces.
      action.text = buffer.data();
      for (std::size_t i = 0; i < action.text.size() && i < r.text.size(); ++i) {
        if (action.text[i] == '\n' && r.text[i] == ' ') action.text[i] = ' ';
      }
    }
    actions.push_back(action);
  }
  gap(ui, m.space_s);

  // How long it may be, shown only near the end.
  if (r.length * 10 >= r.max_length * 9) {
    at(inner);
    text_wrapped(
        ui, ui.fonts.small, p.on_soft,
        ui.trf("module.reflect_length", {{"count", ui.number(r.length)}, {"max", ui.number(r.max_length)}}),
        inner.width);
    gap(ui, m.space_xs);
  }

  if (view.keeping == JournalKeeping::Profile) {
    // Save on the right; what happened to the words on the left (under it when there is no room).
    const std::string save = ui.tr("module.reflect_save") + "##save";
    const float save_w = button_width(ui, save.c_str(), ButtonStyle::Secondary);
    const std::string status = r.saving   ? ui.tr("module.reflect_saving")
                               : r.failed ? ui.tr("module.reflect_failed")
                               : r.saved  ? ui.tr("module.reflect_saved")
                                          : ui.tr("module.reflect_private");
    const float spacing = t.px(m.space_s);
    const float icon = r.saved ? ui.fonts.small->FontSize * 1.2f : 0.0f;
    const float room = inner.width - save_w - spacing - icon;
    // Side by side while the status keeps to two lines beside the button; else stacked.
    const bool stacked = room < inner.width * 0.4f ||
                         text_size(ui.fonts.small, status, room).y > 2.5f * ui.fonts.small->FontSize;
    const float text_w = stacked ? inner.width - icon : room;
    const float y = ImGui::GetCursorPosY();
    // The button grows when its label is large (200 % text): the row takes its real height.
    const float button_h = button_height(ui, save.c_str(), stacked ? inner.width : save_w, t.px(m.touch_min),
                                         ButtonStyle::Secondary);
    const float status_h = text_size(ui.fonts.small, status, text_w).y;
    const float row_h = stacked ? status_h : std::max(button_h, status_h);
    const float status_y = stacked ? y : y + std::floor((row_h - status_h) / 2.0f);
    if (r.saved) {
      const ImVec2 origin = ImGui::GetWindowPos();
      draw_icon(draw, Icon::Check,
                ImVec2(origin.x - ImGui::GetScrollX() + inner.x + icon * 0.4f,
                       origin.y - ImGui::GetScrollY() + status_y + ui.fonts.small->FontSize * 0.6f),
                ui.fonts.small->FontSize, p.on_soft, t.px(1.75f));
    }
    ImGui::SetCursorPos(ImVec2(inner.x + icon, status_y));
    text_wrapped(ui, ui.fonts.small, r.failed ? p.text : p.on_soft, status, text_w);
    ImGui::SetCursorPos(
        stacked ? ImVec2(inner.x, y + status_h + spacing)
                : ImVec2(inner.x + inner.width - save_w, y + std::floor((row_h - button_h) / 2.0f)));
    if (button(ui, save.c_str(), ImVec2(stacked ? inner.width : save_w, button_h), ButtonStyle::Secondary,
               r.can_save)) {
      UiAction action;
      action.kind = ActionKind::SaveReflection;
      action.item = view.ref;
      action.page = view.page;
      action.question = index;
      actions.push_back(action);
    }
    ImGui::SetCursorPosY(stacked ? y + status_h + spacing + button_h : y + row_h);
  } else {
    // A guest, or a device without profiles: the words are for now only, and the card says so.
    at(inner);
    text_wrapped(
        ui, ui.fonts.small, p.on_soft,
        ui.tr(view.keeping == JournalKeeping::Guest ? "module.reflect_guest" : "module.reflect_not_kept"),
        inner.width);
  }
  gap(ui, m.space_m);
  const float bottom = ImGui::GetCursorScreenPos().y;
  draw->ChannelsSetCurrent(0);
  const float x = ImGui::GetWindowPos().x - ImGui::GetScrollX() + col.x;
  draw->AddRectFilled(ImVec2(x, top), ImVec2(x + col.width, bottom), p.primary_soft, t.px(m.radius));
  draw->ChannelsMerge();
  ImGui::PopID();  // the prompt's index
  gap(ui, m.space_m);
  return active;
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

  // Reflection prompts: a pause to think, on a soft card, with room to answer.
  bool writing = false;
  ImGui::PushID("##reflections");
  for (std::size_t i = 0; i < view.reflections.size(); ++i)
    writing = reflection(ui, col, view, static_cast<int>(i), actions) || writing;
  ImGui::PopID();
  if (view.checkin) {
    gap(ui, m.space_s);
    checkin(ui, col, view, *view.checkin, actions);
  }

  if (!view.linked.empty()) {
    section_heading(ui, col, ui.tr("module.try_these"));
    item_cards(ui, col, "##linked", view.linked, actions);
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
  // A drag while writing selects text; it never turns the page.
  int swiped = swipe(ui);
  if (writing) swiped = 0;
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
