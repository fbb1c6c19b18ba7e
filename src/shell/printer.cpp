// Prints commands back as source, following the layout of bash's
// `declare -f`: 4-space indentation, `;` after every command of a list but the
// last in a group, `then`/`do` placement as bash has it.
#include "shell/printer.h"

namespace burrow::shell {

std::string single_quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

namespace {

void print_parts_quoted(std::string& out, const std::vector<WordPart>& parts, bool in_dq);
std::string print_comsub(const List& l);


void print_part(std::string& out, const WordPart& p, bool in_dq) {
  switch (p.kind) {
    case WordPartKind::Literal:
      if (!p.quoted) {
        out += p.text;
      } else if (!p.source.empty()) {
        out += p.source;
      } else if (in_dq) {
        for (size_t i = 0; i < p.text.size(); ++i) {
          char c = p.text[i];
          if (c == '\\') {
            char n = i + 1 < p.text.size() ? p.text[i + 1] : '\0';
            // A backslash that was kept literally ("a\b") prints as typed.
            if (n != '\0' && n != '"' && n != '\\' && n != '$' && n != '`' && n != '\n') {
              out.push_back(c);
              continue;
            }
          }
          if (c == '"' || c == '\\' || c == '$' || c == '`') out.push_back('\\');
          out.push_back(c);
        }
      } else {
        for (char c : p.text) {
          out.push_back('\\');
          out.push_back(c);
        }
      }
      break;
    case WordPartKind::SingleQuoted: out += "'" + p.text + "'"; break;
    case WordPartKind::AnsiC: out += single_quote(p.text); break;
    case WordPartKind::DoubleQuoted:
    case WordPartKind::LocaleQuoted:
      out.push_back('"');
      print_parts_quoted(out, p.parts, true);
      out.push_back('"');
      break;
    case WordPartKind::Param: out += p.param ? p.param->raw : "$"; break;
    case WordPartKind::CommandSubst:
      if (p.backquote) {
        out += "`" + p.text + "`";
      } else {
        out += "$(" + (p.command ? print_comsub(*p.command) : "") + ")";
      }
      break;
    case WordPartKind::Arith: out += "$((" + p.arith_raw + "))"; break;
    case WordPartKind::ProcessSubst:
      out += p.process_output ? ">(" : "<(";
      out += p.command ? print_comsub(*p.command) : "";
      out += ")";
      break;
    case WordPartKind::Tilde: out += "~" + p.text; break;
  }
}

void print_parts_quoted(std::string& out, const std::vector<WordPart>& parts, bool in_dq) {
  for (const auto& p : parts) print_part(out, p, in_dq);
}

std::string indent_str(int n) { return std::string(static_cast<size_t>(n) * 4, ' '); }

std::string redirect_op(RedirOp op) {
  switch (op) {
    case RedirOp::In: return "<";
    case RedirOp::Out: return ">";
    case RedirOp::Append: return ">>";
    case RedirOp::Clobber: return ">|";
    case RedirOp::ReadWrite: return "<>";
    case RedirOp::DupIn: return "<&";
    case RedirOp::DupOut: return ">&";
    case RedirOp::OutErr: return "&>";
    case RedirOp::AppendOutErr: return "&>>";
    case RedirOp::HereDoc: return "<<";
    case RedirOp::HereDocStrip: return "<<-";
    case RedirOp::HereString: return "<<<";
  }
  return ">";
}

class Printer {
 public:
  explicit Printer(bool oneline, bool comsub = false) : oneline_(oneline), comsub_(comsub) {}
  std::string out;

  void word(const Word& w) {
    print_parts_quoted(out, w.parts, false);
  }

  void redirects(const std::vector<Redirect>& rs) {
    if (!rs.empty()) was_heredoc_ = false;  // as bash's print_redirection_list
    for (const auto& r : rs) {
      out.push_back(' ');
      redirect(r);
    }
  }

  void redirect(const Redirect& r) {
    if (!r.fd_var.empty()) out += "{" + r.fd_var + "}";
    bool dup = r.op == RedirOp::DupIn || r.op == RedirOp::DupOut;
    std::string t;
    bool numeric = dup && r.target.is_plain_literal(&t) && !t.empty() &&
                   t.find_first_not_of("0123456789") == std::string::npos;
    bool close = dup && t == "-";
    if (!r.fd_var.empty()) {
    } else if (r.fd >= 0) {
      // An explicit fd equal to the operator's default is not shown.
      bool default_fd = (r.fd == 0 && r.op == RedirOp::In) ||
                        (r.fd == 1 && (r.op == RedirOp::Out || r.op == RedirOp::Append ||
                                       r.op == RedirOp::Clobber));
      if (!default_fd) out += std::to_string(r.fd);
    }
    else if (numeric || close) out += r.op == RedirOp::DupIn ? "0" : "1";
    // bash prints both <&- and >&- as >&-.
    out += close ? ">&" : redirect_op(r.op);
    bool here = r.op == RedirOp::HereDoc || r.op == RedirOp::HereDocStrip;
    if (!dup && !here) out.push_back(' ');
    word(r.target);
    if (here) heredocs_.push_back(&r);
  }

  void flush_heredocs() {
    if (heredocs_.empty()) return;
    for (const Redirect* r : heredocs_) {
      out.push_back('\n');
      out += r->heredoc_body.raw;
      out += r->heredoc_delim;
    }
    heredocs_.clear();
    out.push_back('\n');
    was_heredoc_ = true;
  }

  void assignment(const Assignment& a) {
    out += a.name;
    if (a.has_index) out += "[" + a.index_raw + "]";
    out += a.append ? "+=" : "=";
    if (a.is_array) {
      out.push_back('(');
      bool first = true;
      for (const auto& e : a.elems) {
        if (!first) out.push_back(' ');
        first = false;
        if (e.has_key) out += "[" + e.key_raw + "]" + (e.append ? "+=" : "=");
        word(e.value);
      }
      out.push_back(')');
    } else {
      word(a.value);
    }
  }

  // `;` unless the text already ends a command.
  void semicolon() {
    if (!out.empty() && (out.back() == ';' || out.back() == '&' || out.back() == '\n')) return;
    out.push_back(';');
  }

  void newline(int ind) {
    if (oneline_) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      return;
    }
    out.push_back('\n');
    out += indent_str(ind);
  }

  // Mirrors bash: here-document bodies are printed at the next `;` (which is
  // then left out) or at the end of the enclosing construct, and a `;` right
  // after a construct that printed one is dropped as well.
  void list(const List& l, int ind) {
    for (size_t i = 0; i < l.items.size(); ++i) {
      const auto& it = l.items[i];
      and_or(it.and_or, ind);
      bool last = i + 1 == l.items.size();
      if (it.background) {
        out += " &";
        if (!heredocs_.empty()) {
          flush_heredocs();
          if (!last) newline(ind);
        } else if (!last) {
          out.push_back(' ');
        }
        continue;
      }
      if (last) break;
      if (!heredocs_.empty()) {
        flush_heredocs();
      } else if (was_heredoc_) {
        was_heredoc_ = false;
      } else if (comsub_ && it.newline) {
        newline(ind);
        continue;
      } else {
        out.push_back(';');
      }
      if (comsub_ && !it.newline) out.push_back(' ');
      else newline(ind);
    }
  }

  void and_or(const AndOr& a, int ind) {
    for (size_t i = 0; i < a.pipelines.size(); ++i) {
      if (i > 0) {
        out += a.ops[i - 1] == AndOrOp::And ? " && " : " || ";
        if (!heredocs_.empty()) {
          flush_heredocs();
          out.push_back(' ');
        }
      }
      pipeline(a.pipelines[i], ind);
    }
  }

  void pipeline(const Pipeline& p, int ind) {
    if (p.timed) out += p.time_posix ? "time -p " : "time ";
    if (p.negated) out += "! ";
    for (size_t i = 0; i < p.commands.size(); ++i) {
      if (i > 0) out += " | ";
      command(*p.commands[i], ind);
      if (i < p.pipe_stderr.size() && p.pipe_stderr[i]) out += " 2>&1";
    }
    if (p.commands.empty() && !out.empty() && out.back() == ' ') out.pop_back();
  }

  void body(const List& l, int ind) {
    newline(ind);
    list(l, ind);
  }

  void command(const Command& c, int ind) {
    switch (c.kind) {
      case CommandKind::Simple: {
        const auto& s = c.as<SimpleCommand>();
        bool first = true;
        for (const auto& a : s.assigns) {
          if (!first) out.push_back(' ');
          first = false;
          assignment(a);
        }
        for (const auto& w : s.words) {
          if (!first) out.push_back(' ');
          first = false;
          if (w.decl_assign && w.decl_assign->is_array) assignment(*w.decl_assign);
          else word(w);
        }
        if (!c.redirects.empty()) was_heredoc_ = false;
        for (const auto& r : c.redirects) {
          if (!first) out.push_back(' ');
          first = false;
          redirect(r);
        }
        return;
      }
      case CommandKind::Subshell:
        out += "( ";
        list(c.as<SubshellCommand>().body, ind);
        flush_heredocs();
        out += " )";
        break;
      case CommandKind::BraceGroup:
        if (comsub_ || oneline_) {  // inside $(...) bash keeps a group on one line
          out += "{ ";
          list(c.as<BraceGroup>().body, ind);
          flush_heredocs();
          semicolon();
          out += " }";
          break;
        }
        out += "{ ";
        body(c.as<BraceGroup>().body, ind + 1);
        flush_heredocs();
        newline(ind);
        out += "}";
        break;
      case CommandKind::If: {
        const auto& f = c.as<IfCommand>();
        if_chain(f, 0, ind);
        break;
      }
      case CommandKind::While: {
        const auto& w = c.as<WhileCommand>();
        out += w.until ? "until " : "while ";
        list(w.cond, ind);
        semicolon();
        out += " do";
        body(w.body, ind + 1);
        flush_heredocs();
        semicolon();
        newline(ind);
        out += "done";
        break;
      }
      case CommandKind::For:
      case CommandKind::Select: {
        const auto& f = c.as<ForCommand>();
        out += c.kind == CommandKind::For ? "for " : "select ";
        out += f.var;
        out += " in ";
        if (f.has_in) {
          for (size_t i = 0; i < f.items.size(); ++i) {
            if (i) out.push_back(' ');
            word(f.items[i]);
          }
        } else {
          out += "\"$@\"";
        }
        out += ";";
        newline(ind);
        out += "do";
        body(f.body, ind + 1);
        flush_heredocs();
        semicolon();
        newline(ind);
        out += "done";
        break;
      }
      case CommandKind::ArithFor: {
        const auto& f = c.as<ArithForCommand>();
        out += "for ((" + or_one(ltrim(f.init_raw)) + "; " + or_one(ltrim(f.cond_raw)) + "; " +
               or_one(ltrim(f.step_raw)) + "))";
        newline(ind);
        out += "do";
        body(f.body, ind + 1);
        flush_heredocs();
        semicolon();
        newline(ind);
        out += "done";
        break;
      }
      case CommandKind::Case: {
        const auto& k = c.as<CaseCommand>();
        out += "case ";
        word(k.subject);
        out += " in ";
        for (const auto& it : k.items) {
          newline(ind + 1);
          for (size_t i = 0; i < it.patterns.size(); ++i) {
            if (i) out += " | ";
            word(it.patterns[i]);
          }
          out += ")";
          if (it.body.empty()) {
            if (!oneline_) out.push_back('\n');
          } else {
            body(it.body, ind + 2);
            flush_heredocs();
          }
          newline(ind + 1);
          out += it.term == CaseTerm::Break ? ";;" : it.term == CaseTerm::FallThrough ? ";&" : ";;&";
        }
        newline(ind);
        out += "esac";
        break;
      }
      case CommandKind::FunctionDef: {
        const auto& f = c.as<FunctionDef>();
        out += "function " + f.name + " () ";
        function_body(f, ind);
        was_heredoc_ = false;
        return;
      }
      case CommandKind::Cond:
        out += "[[ ";
        if (c.as<CondCommand>().expr) cond(*c.as<CondCommand>().expr);
        out += " ]]";
        break;
      case CommandKind::Arith: out += "((" + c.as<ArithCommand>().raw + "))"; break;
      case CommandKind::Coproc: {
        const auto& k = c.as<CoprocCommand>();
        out += "coproc " + k.name + " ";
        if (k.body) command(*k.body, ind);
        break;
      }
    }
    redirects(c.redirects);
  }

  void function_body(const FunctionDef& f, int ind) {
    newline(ind);
    if (!f.body) {
      out += "{ ";
      newline(ind);
      out += "}";
      return;
    }
    if (f.body->kind == CommandKind::BraceGroup) {
      command(*f.body, ind);
      return;
    }
    out += "{ ";
    newline(ind + 1);
    command(*f.body, ind + 1);
    newline(ind);
    out += "}";
  }

  void if_chain(const IfCommand& f, size_t i, int ind) {
    const auto& cl = f.clauses[i];
    out += "if ";
    list(cl.cond, ind);
    semicolon();
    out += " then";
    body(cl.body, ind + 1);
    flush_heredocs();
    semicolon();
    if (i + 1 < f.clauses.size()) {
      newline(ind);
      out += "else";
      newline(ind + 1);
      if_chain(f, i + 1, ind + 1);
      semicolon();
    } else if (f.has_else) {
      newline(ind);
      out += "else";
      body(f.else_body, ind + 1);
      flush_heredocs();
      semicolon();
    }
    newline(ind);
    out += "fi";
  }

  void cond(const CondExpr& e) {
    switch (e.kind) {
      case CondKind::Word:
        out += "-n ";
        word(e.left);
        break;
      case CondKind::Unary:
        out += e.op + " ";
        word(e.left);
        break;
      case CondKind::Binary:
        word(e.left);
        out += " " + e.op + " ";
        if (e.op == "=~") out += e.right.raw;
        else word(e.right);
        break;
      case CondKind::Not:
        out += "! ";
        if (e.lhs) cond(*e.lhs);
        break;
      case CondKind::And:
      case CondKind::Or:
        if (e.lhs) cond(*e.lhs);
        out += e.kind == CondKind::And ? " && " : " || ";
        if (e.rhs) cond(*e.rhs);
        break;
      case CondKind::Group:
        out += "( ";
        if (e.lhs) cond(*e.lhs);
        out += " )";
        break;
    }
  }

  static std::string or_one(std::string s) { return s.empty() ? "1" : s; }
  static std::string ltrim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\n");
    return b == std::string::npos ? "" : s.substr(b);
  }
  static std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\n");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t\n");
    return s.substr(b, e - b + 1);
  }

 private:
  bool oneline_;
  bool comsub_;
  bool was_heredoc_ = false;
  std::vector<const Redirect*> heredocs_;
};

// The body of $(...) as bash re-prints it: `;` separated commands stay on
// one line, newline separated ones on their own lines, from column 0.
std::string print_comsub(const List& l) {
  Printer p(false, true);
  p.list(l, 0);
  p.flush_heredocs();
  return p.out;
}

}  // namespace

std::string print_function(const FunctionDef& f) {
  Printer p(false);
  p.out = f.name + " () ";
  p.function_body(f, 0);
  return p.out;
}

std::string print_command(const Command& c, int indent) {
  Printer p(false);
  p.command(c, indent);
  p.flush_heredocs();
  return p.out;
}

std::string print_list(const List& l, int indent) {
  Printer p(false);
  p.list(l, indent);
  p.flush_heredocs();
  return p.out;
}

std::string print_command_oneline(const Command& c) {
  Printer p(true);
  p.command(c, 0);
  p.flush_heredocs();
  return p.out;
}

std::string print_list_oneline(const List& l) {
  Printer p(true);
  p.list(l, 0);
  p.flush_heredocs();
  return p.out;
}

std::string print_word(const Word& w) {
  Printer p(false);
  p.word(w);
  return p.out;
}

}  // namespace burrow::shell
