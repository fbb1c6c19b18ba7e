#include "shell/assoc.h"

#include <algorithm>

namespace burrow::shell {

namespace {

// bash's hash_string: FNV-1 over the key's bytes as (signed) chars.
uint32_t bash_hash(const std::string& key) {
  uint32_t h = 2166136261u;
  for (char c : key) {
    h *= 16777619u;
    h ^= static_cast<uint32_t>(static_cast<int>(static_cast<signed char>(c)));
  }
  return h;
}

constexpr size_t kInitialBuckets = 1024;

}  // namespace

std::vector<const AssocMap::Entry*> AssocMap::in_bash_order() const {
  struct Item {
    const Entry* entry;
    uint32_t hash;
    uint64_t seq;
  };
  std::vector<Item> items;
  items.reserve(values_.size());
  for (const Entry& e : values_) items.push_back({&e, bash_hash(e.first), inserted_at_.at(e.first)});
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.seq < b.seq; });

  std::vector<const Entry*> out;
  out.reserve(items.size());
  if (items.size() <= kInitialBuckets * 2) {
    // The table never grew: by bucket, newest first within a bucket.
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      size_t ba = a.hash & (kInitialBuckets - 1), bb = b.hash & (kInitialBuckets - 1);
      if (ba != bb) return ba < bb;
      return a.seq > b.seq;
    });
    for (const Item& it : items) out.push_back(it.entry);
    return out;
  }
  // Replay the insertions, growing the table as bash does; a rehash walks the
  // old buckets in order and pushes each entry onto the head of its new one.
  size_t nbuckets = kInitialBuckets;
  std::vector<std::vector<const Item*>> buckets(nbuckets);  // each bucket tail-first
  size_t count = 0;
  for (const Item& it : items) {
    if (count >= nbuckets * 2) {
      std::vector<std::vector<const Item*>> grown(nbuckets * 4);
      for (auto& bucket : buckets)
        for (auto b = bucket.rbegin(); b != bucket.rend(); ++b) grown[(*b)->hash & (nbuckets * 4 - 1)].push_back(*b);
      nbuckets *= 4;
      buckets = std::move(grown);
    }
    buckets[it.hash & (nbuckets - 1)].push_back(&it);
    ++count;
  }
  for (auto& bucket : buckets)
    for (auto b = bucket.rbegin(); b != bucket.rend(); ++b) out.push_back((*b)->entry);
  return out;
}

}  // namespace burrow::shell
