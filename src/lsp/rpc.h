/* rpc.h — JSON-RPC 2.0 over the Language Server Protocol's base protocol:
 * Content-Length framing, message classification and writing.
 *
 * Contract: an rpc_reader is a push parser: the caller feeds it bytes as
 * they arrive (any split, any number of messages at once) and takes the
 * complete messages with rpc_reader_next. Header lines end with CRLF (a
 * bare LF is accepted too); header names are case-insensitive; the
 * Content-Length header is required, other headers (Content-Type) are
 * ignored. A header block longer than RPC_MAX_HEADER or without a valid
 * Content-Length is a framing error: it is dropped up to its end and
 * reported once (RPC_BAD_HEADER), and reading resumes at the next header.
 * A body longer than the reader's limit is not held: its bytes are
 * discarded as they arrive and, once it is complete, reported as
 * RPC_TOO_LARGE with its first RPC_SNIFF_BYTES bytes (so the caller can
 * still tell which document or request it was). Memory is bounded by the
 * limit plus one read. Never prints.
 *
 * rpc_parse reads one body as a JSON-RPC message (request, notification or
 * response) and sets error_code (-32700 parse error, -32600 invalid
 * request) when it is none of them; rpc_message_free releases it.
 * rpc_frame appends one framed message to a buffer; rpc_write_all writes
 * bytes to a file descriptor, retrying short writes and EINTR, and
 * returns false when the peer is gone (EPIPE) or the write fails. */
#ifndef RKTC_LSP_RPC_H
#define RKTC_LSP_RPC_H

#include "json/json.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

#define RPC_MAX_HEADER 8192
#define RPC_SNIFF_BYTES 4096

/* JSON-RPC and LSP error codes */
#define RPC_PARSE_ERROR (-32700)
#define RPC_INVALID_REQUEST (-32600)
#define RPC_METHOD_NOT_FOUND (-32601)
#define RPC_INVALID_PARAMS (-32602)
#define RPC_INTERNAL_ERROR (-32603)
#define RPC_SERVER_NOT_INITIALIZED (-32002)
#define RPC_REQUEST_FAILED (-32803)

enum rpc_event {
    RPC_NEED_MORE,  /* no complete message buffered */
    RPC_MESSAGE,    /* *body holds one message */
    RPC_TOO_LARGE,  /* a body over the limit was skipped; *body is its start */
    RPC_BAD_HEADER, /* a header block was malformed and dropped */
};

struct rpc_reader {
    struct buf in;       /* bytes received and not yet consumed ... */
    size_t pos;          /* ... from here */
    size_t max_body;
    size_t skip;         /* bytes of an oversized body still to discard */
    size_t skipped;      /* the whole oversized body's length */
    struct buf sniff;    /* its first bytes */
    bool too_large_done; /* the oversized body is complete: report it */
};

void rpc_reader_init(struct rpc_reader *r, size_t max_body);
void rpc_reader_free(struct rpc_reader *r);
void rpc_reader_feed(struct rpc_reader *r, const char *data, size_t len);
/* The next event. For RPC_MESSAGE and RPC_TOO_LARGE, *body and *len stay
 * valid until the next call of rpc_reader_feed or rpc_reader_next. */
enum rpc_event rpc_reader_next(struct rpc_reader *r, const char **body, size_t *len);
/* Bytes held (for tests of the memory bound). */
size_t rpc_reader_held(const struct rpc_reader *r);

enum rpc_kind { RPC_REQUEST, RPC_NOTIFICATION, RPC_RESPONSE, RPC_INVALID };

struct rpc_message {
    enum rpc_kind kind;
    const char *method;              /* requests and notifications */
    const struct json_value *id;     /* requests and responses; NULL otherwise */
    const struct json_value *params; /* NULL when absent */
    int error_code;                  /* RPC_INVALID: why */
    const char *error_message;
    struct arena *arena;             /* owns the tree */
    struct source *src;              /* the body */
};

void rpc_parse(const char *body, size_t len, struct rpc_message *out);
void rpc_message_free(struct rpc_message *m);

/* JSON writers (always valid UTF-8; NULs escaped). */
void rpc_json_string(struct buf *out, const char *text, size_t len);
/* The id as JSON (a number's text or a string), or null. */
void rpc_json_id(struct buf *out, const struct json_value *id);

/* Appends "Content-Length: N\r\n\r\n" and the body. */
void rpc_frame(struct buf *out, const char *body, size_t len);
/* A response {"jsonrpc":"2.0","id":ID,"result":RESULT} (result is JSON). */
void rpc_result(struct buf *out, const struct json_value *id, const char *result);
/* An error response; id NULL writes null. */
void rpc_error(struct buf *out, const struct json_value *id, int code, const char *message);
/* A notification; params is JSON. */
void rpc_notify(struct buf *out, const char *method, const char *params);

bool rpc_write_all(int fd, const char *data, size_t len);

#endif
