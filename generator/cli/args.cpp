#include "cli/args.h"

#include "cli/messages.h"

namespace fazhi {

bool ParsedArgs::Has(const std::string& name) const {
  for (auto& [k, v] : options) {
    if (k == name) return true;
  }
  return false;
}

std::string ParsedArgs::Get(const std::string& name, const std::string& fallback) const {
  std::string value = fallback;
  for (auto& [k, v] : options) {
    if (k == name) value = v;
  }
  return value;
}

bool ParseArgs(const std::vector<std::string>& args, const std::vector<std::string>& valued,
               const std::vector<std::string>& flags, ParsedArgs* out, Message* error) {
  auto contains = [](const std::vector<std::string>& v, const std::string& s) {
    for (auto& x : v) {
      if (x == s) return true;
    }
    return false;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() < 2 || a.compare(0, 2, "--") != 0) {
      out->positional.push_back(a);
      continue;
    }
    size_t eq = a.find('=');
    std::string name = a.substr(0, eq);
    if (contains(flags, name) && eq == std::string::npos) {
      out->options.emplace_back(name, "");
    } else if (contains(valued, name)) {
      if (eq != std::string::npos) {
        out->options.emplace_back(name, a.substr(eq + 1));
      } else if (i + 1 < args.size()) {
        out->options.emplace_back(name, args[++i]);
      } else {
        *error = Message(msg::kOptionNeedsValue, name);
        return false;
      }
    } else {
      *error = Message(msg::kUnknownOption, name);
      return false;
    }
  }
  return true;
}

}  // namespace fazhi
