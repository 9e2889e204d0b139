/* go_regexp.h — Go's regexp package, as Nomad uses it, through RE2.
 *
 * Contract: patterns and subjects are byte strings with explicit lengths
 * (NUL bytes allowed). A pattern compiles exactly when Go's
 * regexp.Compile accepts it (RE2 syntax: Perl classes and flags, no
 * backreferences or possessive/nested repetition, repeat counts up to
 * 1000), and matching is an unanchored search like Regexp.MatchString,
 * in linear time whatever the pattern. Compiled patterns are cached per
 * process (a job applies the same few patterns to many nodes). Errors are
 * RE2's own message ("bad repetition operator: ++"), returned in *error
 * for the caller to free. Implemented in C++ over libre2 (go_regexp.cc);
 * never throws, never prints, never aborts (out of memory excepted). */
#ifndef RKTC_GO_REGEXP_H
#define RKTC_GO_REGEXP_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* NULL when the pattern compiles; else RE2's message (caller frees). */
char *go_regexp_error(const char *pattern, size_t len);
/* 1: subject matches, 0: it does not, -1: pattern does not compile
 * (*error set; error may be NULL when the caller does not want it). */
int go_regexp_match(const char *pattern, size_t pattern_len, const char *subject,
                    size_t subject_len, char **error);

#ifdef __cplusplus
}
#endif

#endif
