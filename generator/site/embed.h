// Output for a district portal's CMS (站群): many departments publish into
// the district's 集约化 portal rather than their own site. With `--embed`,
// the build writes, beside the full site, each page's body — the inside of
// its <main> element, without the site's header, menus and footer — as an
// HTML fragment under embed/ (embed/reports/2024/index.html for
// /reports/2024/), and embed/feed.json listing every fragment with the
// page's metadata (title, url, date, source, kind, report year and unit),
// for the CMS to pull in. Deterministic: items sorted by url.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "core/output.h"
#include "core/site_model.h"

namespace fazhi {

/// Passes every file on to `inner` and keeps each HTML page's <main> body.
class EmbedSink : public OutputSink {
 public:
  explicit EmbedSink(OutputSink* inner) : inner_(inner) {}
  bool Put(const std::string& path, std::string bytes) override;

  /// Writes the fragments and embed/feed.json into the inner sink.
  bool Finish(const Site& site);

 private:
  struct Body {
    std::string title;     ///< the page's <title>, entities decoded
    std::string fragment;  ///< the inside of <main>
  };
  OutputSink* inner_;
  std::mutex mu_;
  std::map<std::string, Body> bodies_;  ///< by output path ("reports/2024/index.html")
};

/// The inside of the first <main …>…</main> of `html` ("" when none).
std::string MainFragment(const std::string& html);

}  // namespace fazhi
