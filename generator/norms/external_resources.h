// The output must load nothing from other hosts (a government site may not
// depend on a CDN, web font service or tracker). This module finds resources
// that a template, a stylesheet or content pulls from another host:
// <script src>, <link rel=stylesheet|preload|icon…|preconnect>, <img>/<source>
// src and srcset, <iframe>, <video>/<audio>, <object>, <embed>, a
// `background` attribute, <a ping>, CSS url() and @import (which covers
// @font-face), and Markdown images; each URL read as a browser reads it
// (character references, CSS escapes, backslashes). Ordinary <a href>
// links to other sites are fine. `[security] allow_hosts` in site.toml
// allow-lists hosts ("cdn.example.com" or "*.example.com").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/source_tree.h"

namespace fazhi {

enum class ResourceLang { kHtml, kCss, kMarkdown };

struct ExternalRef {
  size_t offset = 0;  ///< byte offset of the URL in the scanned text
  std::string url;
  const MessageText* what = nullptr;  ///< script, stylesheet, image, iframe, font or image in CSS, ...
};

/// Every resource reference in `text` whose URL names a host (http:, https:
/// or protocol-relative "//"), whatever the host; callers filter by host.
std::vector<ExternalRef> FindResourceRefs(std::string_view text, ResourceLang lang);

/// True when `url` loads from the site itself: no host, the site's own host
/// (`own_host`), or a host matched by `allow_hosts`.
bool IsAllowedResource(std::string_view url, std::string_view own_host,
                       const std::vector<std::string>& allow_hosts);

/// Scans the theme's and the site's templates and partials, static CSS/HTML
/// and content Markdown; reports each external resource as an error at its
/// position. Returns false when there was one.
/// Files are scanned on `jobs` threads (0 = all cores); the report does not depend on it.
bool CheckExternalResources(const SourceTree& tree, const Config& config, Diagnostics* diags, int jobs = 1);

/// The content-Markdown part of CheckExternalResources for one page (an edit).
bool CheckMarkdownResources(const SourceFile& page, const Config& config, Diagnostics* diags);

/// Scans one rendered HTML file (the net under the source scan: shortcodes
/// and data can add markup too). Errors are reported against `output_path`.
bool CheckRenderedHtml(std::string_view output_path, std::string_view html, const Config& config,
                       Diagnostics* diags);

}  // namespace fazhi
