#include "core/record.h"
#include <cstdio>
#include <map>

#include "core/manifest.h"
#include "core/messages.h"

namespace fazhi {
namespace {

// The formats a 政府信息公开 item is published in; the label is what a
// reader sees beside the link (“PDF，1.4 MB”).
const char* FormatOf(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return nullptr;
  std::string ext;
  for (char c : name.substr(dot + 1)) ext += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  static const std::map<std::string, const char*, std::less<>> kFormats = {
      {"pdf", "PDF"}, {"ofd", "OFD"},   {"doc", "Word"},   {"docx", "Word"},
      {"wps", "WPS"}, {"xls", "Excel"}, {"xlsx", "Excel"}, {"txt", "TXT"}};
  auto it = kFormats.find(ext);
  return it == kFormats.end() ? nullptr : it->second;
}

// `rel` joined to `dir`, ".." and "." resolved; false when it climbs above the root.
bool JoinInside(std::string_view dir, std::string_view rel, std::string* out) {
  std::vector<std::string> parts;
  bool ok = true;
  auto push = [&](std::string_view s) {
    size_t i = 0;
    while (i <= s.size()) {
      size_t j = s.find('/', i);
      if (j == std::string_view::npos) j = s.size();
      std::string_view part = s.substr(i, j - i);
      if (part == "..") {
        if (parts.empty())
          ok = false;
        else
          parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.emplace_back(part);
      }
      i = j + 1;
    }
  };
  push(dir);
  push(rel);
  out->clear();
  for (auto& p : parts) *out += (out->empty() ? "" : "/") + p;
  return ok;
}

}  // namespace

const std::vector<std::string_view>& RecordFrontMatterKeys() {
  static const std::vector<std::string_view> keys = {"index_no", "issuer",    "topic",      "doc_no",
                                                     "written",  "signature", "attachments"};
  return keys;
}

void ReadRecordMeta(const SourceFile& f, const FmNode& fm, RecordMeta* out, Diagnostics* diags) {
  FmString(f, fm, "index_no", &out->index_no, diags);
  FmString(f, fm, "issuer", &out->issuer, diags);
  FmString(f, fm, "topic", &out->topic, diags);
  FmString(f, fm, "doc_no", &out->doc_no, diags);
  FmDate(f, fm, "written", &out->written, diags);
  FmStringList(f, fm, "signature", &out->signature, diags);
  std::erase_if(out->signature, [](const std::string& s) { return s.empty(); });

  const FmNode* list = fm.Get("attachments");
  if (!list || list->kind == FmNode::Kind::kNull) return;
  std::vector<const FmNode*> items;
  if (list->is_list()) {
    for (const FmNode& item : list->items) items.push_back(&item);
  } else {
    items.push_back(list);
  }
  for (const FmNode* item : items) {
    Attachment a;
    const FmNode* file = nullptr;
    if (item->is_scalar()) {
      file = item;
    } else if (item->is_map()) {
      CheckKnownKeys(f, *item, {"file", "title"}, diags);
      file = item->Get("file");
      FmString(f, *item, "title", &a.title, diags);
    }
    if (!file || !file->is_scalar() || file->scalar.empty()) {
      const FmNode* at = file ? file : item;
      diags->Error(f.path, at->line, at->col, Message(msg::kAttachmentShape), f.text);
      continue;
    }
    a.file = file->scalar;
    a.line = file->line;
    a.col = file->col;
    out->attachments.push_back(std::move(a));
  }
}

bool ResolveAttachments(const SourceTree& tree, const SourceFile& f, RecordMeta* record, Diagnostics* diags) {
  size_t before = diags->error_count();
  const std::string dir = f.path.substr(0, f.path.rfind('/') + 1);  // "content/reports/"
  for (Attachment& a : record->attachments) {
    std::string path;
    if (!JoinInside(dir, a.file, &path) || !path.starts_with("content/") || a.file.starts_with('/')) {
      diags->Error(f.path, a.line, a.col, Message(msg::kAttachmentOutside, a.file), f.text);
      continue;
    }
    a.name = path.substr(path.rfind('/') + 1);
    const char* format = FormatOf(a.name);
    if (!format) {
      diags->Error(f.path, a.line, a.col, Message(msg::kAttachmentFormat, a.file), f.text);
      continue;
    }
    const SourceFile* file = tree.Find(path);
    if (!file) {
      diags->Error(f.path, a.line, a.col, Message(msg::kAttachmentMissing, a.file, path), f.text);
      continue;
    }
    a.source = path;
    a.format = format;
    a.size = file->text.size();
    a.sha256 = Sha256Hex(file->text);
    if (a.title.empty()) a.title = a.name;
  }
  return diags->error_count() == before;
}

std::string FormatFileSize(uint64_t bytes) {
  char buf[32];
  if (bytes < 1024) {
    std::snprintf(buf, sizeof buf, "%llu 字节", static_cast<unsigned long long>(bytes));
  } else if (bytes < 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return buf;
}

}  // namespace fazhi
