#include "core/manifest.h"

#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/messages.h"
#include "core/os_error.h"
#include "core/output_folder.h"

namespace fazhi {
namespace fs = std::filesystem;

std::string Sha256Hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * len, '0');
  for (unsigned int i = 0; i < len; ++i) {
    hex[2 * i] = kHex[md[i] >> 4];
    hex[2 * i + 1] = kHex[md[i] & 15];
  }
  return hex;
}

std::string ManifestLine(std::string_view sha256_hex, std::string_view path) {
  std::string escaped;
  bool escape = false;
  for (char c : path) {
    if (c == '\\') {
      escaped += "\\\\";
      escape = true;
    } else if (c == '\n') {
      escaped += "\\n";
      escape = true;
    } else {
      escaped += c;
    }
  }
  std::string line = escape ? "\\" : "";
  line.append(sha256_hex).append("  ").append(escaped).append("\n");
  return line;
}

bool ManifestSink::Put(const std::string& path, std::string bytes) {
  std::string hex = Sha256Hex(bytes);
  {
    std::lock_guard<std::mutex> lock(mu_);
    hashes_.insert_or_assign(path, std::move(hex));
  }
  return inner_->Put(path, std::move(bytes));
}

std::string ManifestSink::Text() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string text;
  for (const auto& [path, hex] : hashes_) text += ManifestLine(hex, path);
  return text;
}

size_t ManifestSink::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hashes_.size();
}

namespace {

fs::path Canonical(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::absolute(p) : c;
}

// True when `inner` is `outer` or lies inside it.
bool IsWithin(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin(), o = outer.begin();
  for (; o != outer.end(); ++i, ++o) {
    if (o->empty()) continue;  // trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

// Whether `text` is empty or looks like a manifest: its first line is
// "<64 hex>  path" (with sha256sum's leading backslash when escaped).
bool LooksLikeManifest(std::string_view text) {
  if (text.empty()) return true;
  if (text[0] == '\\') text.remove_prefix(1);
  if (text.size() < 67 || text.substr(64, 2) != "  ") return false;
  for (char c : text.substr(0, 64)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

bool CheckManifestPath(const fs::path& source_dir, const fs::path& output_dir, const fs::path& manifest,
                       Diagnostics* diags) {
  fs::path m = Canonical(manifest);
  std::string shown = manifest.string();
  for (const fs::path& folder : {output_dir, WorkFolderOf(output_dir)}) {
    if (IsWithin(m, Canonical(folder))) {
      diags->Error(shown, 0, 0, Message(msg::kManifestInsideOutput, folder.string()));
      return false;
    }
  }
  fs::path src = Canonical(source_dir);
  for (const char* input : {"content", "data", "layouts", "static", "themes"}) {
    if (IsWithin(m, src / input)) {
      diags->Error(shown, 0, 0, Message(msg::kManifestInsideInput, input));
      return false;
    }
  }
  std::error_code ec;
  if (fs::is_directory(m, ec)) {
    diags->Error(shown, 0, 0, Message(msg::kManifestNotOurs));
    return false;
  }
  if (fs::exists(m, ec)) {
    std::string head(256, '\0');
    std::FILE* f = std::fopen(m.c_str(), "rb");
    size_t n = f ? std::fread(head.data(), 1, head.size(), f) : 0;
    if (f) std::fclose(f);
    head.resize(n);
    if (!f || !LooksLikeManifest(head)) {
      diags->Error(shown, 0, 0, Message(msg::kManifestNotOurs));
      return false;
    }
  }
  return true;
}

PendingFile::PendingFile(fs::path path) : path_(std::move(path)) {
  tmp_ = path_;
  tmp_ += ".tmp-" + std::to_string(getpid());
}

PendingFile::~PendingFile() {
  if (written_) std::remove(tmp_.c_str());
}

bool PendingFile::Write(std::string_view text, Diagnostics* diags) {
  std::FILE* f = std::fopen(tmp_.c_str(), "wb");
  if (!f) {
    diags->Error(path_.string(), 0, 0, Message(msg::kManifestNotWritten, OsError(errno)));
    return false;
  }
  written_ = true;
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  int saved = errno;
  if (std::fclose(f) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (!ok) diags->Error(path_.string(), 0, 0, Message(msg::kManifestNotWritten, OsError(saved)));
  return ok;
}

bool PendingFile::Commit(Diagnostics* diags) {
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    diags->Error(path_.string(), 0, 0, Message(msg::kManifestNotMoved, OsError(errno)));
    return false;
  }
  written_ = false;
  return true;
}

}  // namespace fazhi
