/* source.h — a loaded input: its bytes, its name, and a line index.
 *
 * Contract: source_load/source_from_memory copy the input into memory owned
 * by the source, followed by two NUL bytes (the input may itself contain
 * NULs: len is authoritative). Every later structure points back into a source with
 * spans (byte offsets, end exclusive). Lines and columns are 1-based; a
 * column counts characters (UTF-8 code points; an invalid byte counts as
 * one), like HashiCorp's HCL scanner. Inputs above SOURCE_MAX_BYTES are
 * refused with a message. */
#ifndef RKTC_SOURCE_H
#define RKTC_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#define SOURCE_MAX_BYTES ((size_t)256 * 1024 * 1024)

struct span {
    uint32_t start; /* byte offset of the first byte */
    uint32_t end;   /* byte offset after the last byte */
};

struct position {
    uint32_t line;   /* 1-based */
    uint32_t column; /* 1-based, in characters */
};

struct source {
    char *path;     /* as given on the command line ("-" shows as <stdin>) */
    char *text;     /* the bytes, NUL-terminated */
    size_t len;
    size_t line_count;
    /* where every SOURCE_LINE_STRIDE-th line starts (lines 0, 32, 64, ...,
     * 0-based): a sparse index, read through source_line_start and
     * source_line_of, so that a large input's index stays small */
    uint32_t *line_marks;
};

#define SOURCE_LINE_STRIDE 32

/* Reads path ("-" for stdin, shown as display_name when given). On failure
 * returns NULL and stores a message in *error (caller frees). */
struct source *source_load(const char *path, const char *display_name,
                           char **error);
struct source *source_from_memory(const char *name, const char *bytes,
                                  size_t len);
void source_free(struct source *src);

/* Byte offset where 0-based line starts (line < line_count). */
uint32_t source_line_start(const struct source *src, size_t line);
/* The 0-based line holding offset (offset <= len). */
size_t source_line_of(const struct source *src, uint32_t offset);

struct position source_position(const struct source *src, uint32_t offset);
/* The bytes of 1-based line (without its newline and a trailing \r). */
const char *source_line(const struct source *src, uint32_t line, size_t *len);

static inline struct span span_make(uint32_t start, uint32_t end) {
    struct span s = {start, end};
    return s;
}

#endif
