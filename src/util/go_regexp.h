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

enum go_regexp_status {
    GO_REGEXP_OK = 0,
    GO_REGEXP_REFUSED = -1,   /* Go's regexp.Compile refuses the pattern */
    GO_REGEXP_TOO_LARGE = -2, /* Go (1.14, Nomad 0.12's) compiles it, RE2 will not:
                               * nested repeats over 1000 in all, or a program
                               * over RE2's memory budget */
};

/* Whether the pattern compiles; on failure *error holds RE2's message
 * (caller frees; error may be NULL). */
enum go_regexp_status go_regexp_check(const char *pattern, size_t len, char **error);
/* 1: subject matches, 0: it does not; a go_regexp_status (< 0) when the
 * pattern does not compile, with *error as for go_regexp_check. */
int go_regexp_match(const char *pattern, size_t pattern_len, const char *subject,
                    size_t subject_len, char **error);

#ifdef __cplusplus
}
#endif

#endif
