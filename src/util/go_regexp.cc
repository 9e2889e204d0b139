// go_regexp.cc — the C interface of go_regexp.h over RE2 (see the header).
#include "util/go_regexp.h"

#include <re2/re2.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <string>

namespace {

// Go's regexp.Compile (syntax.Perl): UTF-8, leftmost-first (not longest)
// matching, Perl classes and \b, non-greedy operators, (?flags), ^ and $
// at text boundaries unless (?m); no POSIX-only syntax, no Latin-1.
RE2::Options go_options() {
    RE2::Options o;
    o.set_encoding(RE2::Options::EncodingUTF8);
    o.set_posix_syntax(false);
    o.set_longest_match(false);
    o.set_log_errors(false);
    o.set_literal(false);
    o.set_never_nl(false);
    o.set_dot_nl(false);
    o.set_never_capture(true);
    o.set_case_sensitive(true);
    o.set_max_mem(64 << 20);
    return o;
}

// a small cache: constraints repeat the same pattern for every node
std::map<std::string, std::unique_ptr<RE2>> *cache;

RE2 *compiled(const char *pattern, size_t len) {
    if (!cache)
        cache = new std::map<std::string, std::unique_ptr<RE2>>();
    std::string key(pattern, len);
    auto it = cache->find(key);
    if (it != cache->end())
        return it->second.get();
    if (cache->size() >= 256)
        cache->clear();
    std::unique_ptr<RE2> re(new RE2(re2::StringPiece(pattern, len), go_options()));
    RE2 *raw = re.get();
    (*cache)[key] = std::move(re);
    return raw;
}

char *copy_message(const std::string &text) {
    char *m = static_cast<char *>(std::malloc(text.size() + 1));
    if (m)
        std::memcpy(m, text.c_str(), text.size() + 1);
    return m;
}

// RE2 accepts \C (any byte); Go's parser refuses it
bool has_any_byte_escape(const char *pattern, size_t len) {
    for (size_t i = 0; i + 1 < len; i++)
        if (pattern[i] == '\\') {
            if (pattern[i + 1] == 'C')
                return true;
            i++;
        }
    return false;
}

const char any_byte_message[] = "invalid escape sequence: \\C";

} // namespace

extern "C" char *go_regexp_error(const char *pattern, size_t len) {
    try {
        if (has_any_byte_escape(pattern, len))
            return copy_message(any_byte_message);
        RE2 *re = compiled(pattern, len);
        if (re->ok())
            return nullptr;
        return copy_message(re->error());
    } catch (...) {
        return copy_message("the regular expression cannot be compiled (out of memory)");
    }
}

extern "C" int go_regexp_match(const char *pattern, size_t pattern_len, const char *subject,
                               size_t subject_len, char **error) {
    try {
        if (has_any_byte_escape(pattern, pattern_len)) {
            if (error)
                *error = copy_message(any_byte_message);
            return -1;
        }
        RE2 *re = compiled(pattern, pattern_len);
        if (!re->ok()) {
            if (error)
                *error = copy_message(re->error());
            return -1;
        }
        return RE2::PartialMatch(re2::StringPiece(subject, subject_len), *re) ? 1 : 0;
    } catch (...) {
        if (error)
            *error = copy_message("the regular expression cannot be compiled (out of memory)");
        return -1;
    }
}
