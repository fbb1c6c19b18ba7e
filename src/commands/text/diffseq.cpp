#include "commands/text/diffseq.h"

#include <algorithm>
#include <climits>

namespace burrow::text {
namespace {

struct Partition {
  int64_t xmid, ymid;
  bool lo_minimal, hi_minimal;
};

struct Context {
  const int64_t* xv;  // undiscarded classes of a
  const int64_t* yv;
  char* xchg;  // changed flags, indexed by real line (via realindex)
  char* ychg;
  const int64_t* xreal;
  const int64_t* yreal;
  int64_t* fdiag;
  int64_t* bdiag;
  int64_t too_expensive;
};

constexpr int64_t kSnakeLimit = 20;

void diag(int64_t xoff, int64_t xlim, int64_t yoff, int64_t ylim, bool find_minimal, Partition& part, Context& c) {
  int64_t* const fd = c.fdiag;
  int64_t* const bd = c.bdiag;
  const int64_t* xv = c.xv;
  const int64_t* yv = c.yv;
  const int64_t dmin = xoff - ylim;
  const int64_t dmax = xlim - yoff;
  const int64_t fmid = xoff - yoff;
  const int64_t bmid = xlim - ylim;
  int64_t fmin = fmid, fmax = fmid;
  int64_t bmin = bmid, bmax = bmid;
  const bool odd = (fmid - bmid) & 1;
  fd[fmid] = xoff;
  bd[bmid] = xlim;
  for (int64_t cost = 1;; ++cost) {
    if (fmin > dmin) fd[--fmin - 1] = -1;
    else ++fmin;
    if (fmax < dmax) fd[++fmax + 1] = -1;
    else --fmax;
    for (int64_t d = fmax; d >= fmin; d -= 2) {
      int64_t tlo = fd[d - 1], thi = fd[d + 1];
      int64_t x0 = tlo < thi ? thi : tlo + 1;
      int64_t x = x0, y = x0 - d;
      while (x < xlim && y < ylim && xv[x] == yv[y]) ++x, ++y;
      fd[d] = x;
      if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
        part = {x, y, true, true};
        return;
      }
    }
    if (bmin > dmin) bd[--bmin - 1] = INT64_MAX;
    else ++bmin;
    if (bmax < dmax) bd[++bmax + 1] = INT64_MAX;
    else --bmax;
    for (int64_t d = bmax; d >= bmin; d -= 2) {
      int64_t tlo = bd[d - 1], thi = bd[d + 1];
      int64_t x0 = tlo < thi ? tlo : thi - 1;
      int64_t x = x0, y = x0 - d;
      while (xoff < x && yoff < y && xv[x - 1] == yv[y - 1]) --x, --y;
      bd[d] = x;
      if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
        part = {x, y, true, true};
        return;
      }
    }
    if (find_minimal) continue;
    if (cost >= c.too_expensive) {
      int64_t fxybest = -1, fxbest = 0;
      for (int64_t d = fmax; d >= fmin; d -= 2) {
        int64_t x = std::min(fd[d], xlim);
        int64_t y = x - d;
        if (ylim < y) x = ylim + d, y = ylim;
        if (fxybest < x + y) fxybest = x + y, fxbest = x;
      }
      int64_t bxybest = INT64_MAX, bxbest = 0;
      for (int64_t d = bmax; d >= bmin; d -= 2) {
        int64_t x = std::max(xoff, bd[d]);
        int64_t y = x - d;
        if (y < yoff) x = yoff + d, y = yoff;
        if (x + y < bxybest) bxybest = x + y, bxbest = x;
      }
      if ((xlim + ylim) - bxybest < fxybest - (xoff + yoff))
        part = {fxbest, fxybest - fxbest, true, false};
      else
        part = {bxbest, bxybest - bxbest, false, true};
      return;
    }
  }
}

void compareseq(int64_t xoff, int64_t xlim, int64_t yoff, int64_t ylim, bool find_minimal, Context& c) {
  // Iterative on the right half to bound recursion depth somewhat.
  for (;;) {
    while (xoff < xlim && yoff < ylim && c.xv[xoff] == c.yv[yoff]) ++xoff, ++yoff;
    while (xoff < xlim && yoff < ylim && c.xv[xlim - 1] == c.yv[ylim - 1]) --xlim, --ylim;
    if (xoff == xlim) {
      for (; yoff < ylim; ++yoff) c.ychg[c.yreal[yoff]] = 1;
      return;
    }
    if (yoff == ylim) {
      for (; xoff < xlim; ++xoff) c.xchg[c.xreal[xoff]] = 1;
      return;
    }
    Partition part;
    diag(xoff, xlim, yoff, ylim, find_minimal, part, c);
    compareseq(xoff, part.xmid, yoff, part.ymid, part.lo_minimal, c);
    xoff = part.xmid;
    yoff = part.ymid;
    find_minimal = part.hi_minimal;
  }
}

void discard_confusing_lines(const std::vector<int64_t>* equivs, std::vector<char>* discarded, int64_t max_class) {
  std::vector<int64_t> count[2];
  for (int f = 0; f < 2; ++f) {
    count[f].assign(max_class + 1, 0);
    for (int64_t e : equivs[f]) ++count[f][e];
  }
  for (int f = 0; f < 2; ++f) {
    size_t end = equivs[f].size();
    std::vector<char>& discards = discarded[f];
    discards.assign(end, 0);
    const std::vector<int64_t>& counts = count[1 - f];
    size_t many = 5;
    size_t tem = end / 64;
    while ((tem = tem >> 2) > 0) many *= 2;
    for (size_t i = 0; i < end; ++i) {
      int64_t nmatch = counts[equivs[f][i]];
      if (nmatch == 0) discards[i] = 1;
      else if (static_cast<size_t>(nmatch) > many) discards[i] = 2;
    }
  }
  for (int f = 0; f < 2; ++f) {
    int64_t end = static_cast<int64_t>(equivs[f].size());
    char* discards = discarded[f].data();
    for (int64_t i = 0; i < end; ++i) {
      if (discards[i] == 2) {
        discards[i] = 0;
      } else if (discards[i] != 0) {
        int64_t j, length, provisional = 0;
        for (j = i; j < end; ++j) {
          if (discards[j] == 0) break;
          if (discards[j] == 2) ++provisional;
        }
        while (j > i && discards[j - 1] == 2) discards[--j] = 0, --provisional;
        length = j - i;
        if (provisional * 4 > length) {
          while (j > i)
            if (discards[--j] == 2) discards[j] = 0;
        } else {
          int64_t consec;
          int64_t minimum = 1;
          int64_t tem = length >> 2;
          while (0 < (tem >>= 2)) minimum <<= 1;
          minimum++;
          for (j = 0, consec = 0; j < length; ++j) {
            if (discards[i + j] != 2) consec = 0;
            else if (minimum == ++consec) j -= consec;
            else if (minimum < consec) discards[i + j] = 0;
          }
          for (j = 0, consec = 0; j < length; ++j) {
            if (j >= 8 && discards[i + j] == 1) break;
            if (discards[i + j] == 2) consec = 0, discards[i + j] = 0;
            else if (discards[i + j] == 0) consec = 0;
            else ++consec;
            if (consec == 3) break;
          }
          i += length - 1;
          for (j = 0, consec = 0; j < length; ++j) {
            if (j >= 8 && discards[i - j] == 1) break;
            if (discards[i - j] == 2) consec = 0, discards[i - j] = 0;
            else if (discards[i - j] == 0) consec = 0;
            else ++consec;
            if (consec == 3) break;
          }
        }
      }
    }
  }
}

// changed has one sentinel slot before and after the lines.
void shift_boundaries(const std::vector<int64_t>* equivs, char** changed_base) {
  for (int f = 0; f < 2; ++f) {
    char* changed = changed_base[f];
    char* other_changed = changed_base[1 - f];
    const int64_t* eq = equivs[f].data();
    int64_t i = 0, j = 0;
    int64_t i_end = static_cast<int64_t>(equivs[f].size());
    for (;;) {
      int64_t runlength, start, corresponding;
      while (i < i_end && !changed[i]) {
        while (other_changed[j++]) {
        }
        ++i;
      }
      if (i == i_end) break;
      start = i;
      while (changed[++i]) {
      }
      while (other_changed[j]) ++j;
      do {
        runlength = i - start;
        while (start && eq[start - 1] == eq[i - 1]) {
          changed[--start] = 1;
          changed[--i] = 0;
          while (changed[start - 1]) --start;
          while (other_changed[--j]) {
          }
        }
        corresponding = other_changed[j - 1] ? i : i_end;
        while (i != i_end && eq[start] == eq[i]) {
          changed[start++] = 0;
          changed[i++] = 1;
          while (changed[i]) ++i;
          while (other_changed[++j]) corresponding = i;
        }
      } while (runlength != i - start);
      while (corresponding < i) {
        changed[--start] = 1;
        changed[--i] = 0;
        while (other_changed[--j]) {
        }
      }
    }
  }
}

}  // namespace

void diff_sequences(const std::vector<int64_t>& a, const std::vector<int64_t>& b, bool minimal,
                    std::vector<char>& changed_a, std::vector<char>& changed_b) {
  const std::vector<int64_t> equivs[2] = {a, b};
  int64_t max_class = 0;
  for (int64_t e : a) max_class = std::max(max_class, e);
  for (int64_t e : b) max_class = std::max(max_class, e);
  // Sentinel slots at both ends of each changed vector.
  std::vector<char> chg[2];
  chg[0].assign(a.size() + 2, 0);
  chg[1].assign(b.size() + 2, 0);
  char* changed[2] = {chg[0].data() + 1, chg[1].data() + 1};

  std::vector<char> discarded[2];
  discard_confusing_lines(equivs, discarded, max_class);
  std::vector<int64_t> undiscarded[2], realindex[2];
  for (int f = 0; f < 2; ++f) {
    for (size_t i = 0; i < equivs[f].size(); ++i) {
      if (minimal || discarded[f][i] == 0) {
        undiscarded[f].push_back(equivs[f][i]);
        realindex[f].push_back(static_cast<int64_t>(i));
      } else {
        changed[f][i] = 1;
      }
    }
  }
  int64_t xn = static_cast<int64_t>(undiscarded[0].size());
  int64_t yn = static_cast<int64_t>(undiscarded[1].size());
  int64_t diags = xn + yn + 3;
  std::vector<int64_t> fdiag(2 * diags), bdiag(2 * diags);
  Context c;
  c.xv = undiscarded[0].data();
  c.yv = undiscarded[1].data();
  c.xchg = changed[0];
  c.ychg = changed[1];
  c.xreal = realindex[0].data();
  c.yreal = realindex[1].data();
  c.fdiag = fdiag.data() + yn + 1;
  c.bdiag = bdiag.data() + yn + 1;
  c.too_expensive = 1;
  for (int64_t d = diags; d != 0; d >>= 2) c.too_expensive <<= 1;
  c.too_expensive = std::max<int64_t>(4096, c.too_expensive);
  if (minimal) c.too_expensive = INT64_MAX;
  compareseq(0, xn, 0, yn, minimal, c);
  shift_boundaries(equivs, changed);
  changed_a.assign(changed[0], changed[0] + a.size());
  changed_b.assign(changed[1], changed[1] + b.size());
}

}  // namespace burrow::text
