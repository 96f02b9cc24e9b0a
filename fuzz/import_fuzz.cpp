// `fazhi import` without the disk: a text, .docx or saved web page read
// (encodings, libzip, the streaming XML reader, libxml2's HTML parser),
// structured into headings and paragraphs, its figures found, and the output
// files rendered.
#include "fuzz_input.h"
#include "import/figures.h"
#include "import/structure.h"
#include "import/text.h"
#include "import/write.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fazhi;
  ImportedText text;
  Message error;
  if (!ReadImportText(fuzz::Bytes(data, size), &text, &error, size && data[0] == 'P' ? "r.docx" : "r.txt")) {
    volatile size_t m = error.Render().size() + error.Render(Lang::kEn).size();
    (void)m;
    return 0;
  }
  StructuredReport report = StructureReport(text.text);
  std::vector<ImportedFigure> figures = FindFigures(report);
  ImportWriteOptions o;
  o.year = report.meta.year ? report.meta.year : 2024;
  o.date = "2025-03-01";
  o.title = report.meta.title.empty() ? "报告" : report.meta.title;
  o.publisher = report.meta.publisher;
  std::vector<ImportFile> files = RenderImport(report, figures, o);
  volatile size_t n = files.size();
  (void)n;
  return 0;
}
