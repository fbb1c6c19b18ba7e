// Associative arrays (declare -A) that list their entries in bash's order.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace burrow::shell {

// Lookups go through a sorted map. Listing the entries (`${!a[@]}`,
// `${a[@]}`, `declare -p`) follows bash's hash table instead, because scripts
// print them in that order and agents compare the output with bash's: bash
// hashes a key with 32-bit FNV-1 into 1024 buckets (quadrupled whenever the
// table holds twice as many entries as buckets), puts a new entry at the head
// of its bucket, and walks the buckets in order. Each entry remembers when it
// was inserted, so that the table can be replayed.
class AssocMap {
 public:
  using Map = std::map<std::string, std::string>;
  using Entry = Map::value_type;

  std::string& operator[](const std::string& key) {
    auto [it, inserted] = values_.try_emplace(key);
    if (inserted) inserted_at_[key] = next_seq_++;
    return it->second;
  }
  Map::iterator find(const std::string& key) { return values_.find(key); }
  Map::const_iterator find(const std::string& key) const { return values_.find(key); }
  Map::iterator end() { return values_.end(); }
  Map::const_iterator end() const { return values_.end(); }
  size_t count(const std::string& key) const { return values_.count(key); }
  size_t erase(const std::string& key) {
    inserted_at_.erase(key);
    return values_.erase(key);
  }
  void clear() {
    values_.clear();
    inserted_at_.clear();
  }
  bool empty() const { return values_.empty(); }
  size_t size() const { return values_.size(); }

  // The entries in the order bash lists them.
  std::vector<const Entry*> in_bash_order() const;

 private:
  Map values_;
  std::map<std::string, uint64_t> inserted_at_;
  uint64_t next_seq_ = 0;
};

}  // namespace burrow::shell
