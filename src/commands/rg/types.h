// File types for rg's -t/-T: ripgrep's built-in definitions, changed by
// --type-clear and --type-add, listed by --type-list.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace burrow::rg {

struct BuiltinType {
  std::string_view name;
  std::string_view globs;  // comma-separated (no built-in glob holds a comma)
};

const std::vector<BuiltinType>& builtin_types();

class TypeDefs {
 public:
  TypeDefs();
  // Forgets a type's globs; unknown names are no error, as in ripgrep.
  void clear(const std::string& name);
  // "name:glob" or "name:include:other,..."; false for a malformed
  // definition or an include of an unknown type.
  bool add(std::string_view spec);
  // The globs of a type, or nullptr when there is no such type.
  const std::vector<std::string>* find(const std::string& name) const;
  // Whether a file name matches any glob of any type (-t all).
  bool any_matches(std::string_view base) const;
  // `rg --type-list`: "name: glob, glob" per type, by name, globs sorted.
  std::string list() const;

 private:
  std::map<std::string, std::vector<std::string>> defs_;
};

// Whether a file name matches one of these type globs.
bool type_globs_match(const std::vector<std::string>& globs, std::string_view base);

}  // namespace burrow::rg
