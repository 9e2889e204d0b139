/* server.h — `rktc lsp`: the language server's state and loop.
 *
 * Contract: a server holds the open documents (their latest full text and
 * version) and the findings of each document's last check. Messages go in
 * one at a time (lsp_server_step, from a reader); everything the
 * server answers or publishes is appended, framed, to the caller's buffer.
 * Document changes only mark a document stale; lsp_server_flush checks the
 * stale ones and publishes their findings. The loop calls it once
 * debounce_ms have passed since the first unchecked edit and no message is
 * waiting (every one that arrived is handled first), so a
 * burst of edits is checked once, at its last version (and at the latest a
 * second plus four debounce periods after the first unchecked edit, for a
 * client that never pauses); hover and code action requests check a stale
 * document first.
 * A check is `rktc check` on the in-memory text (check_run_source) with
 * the configuration `check` would use for the document's path. With
 * options.isolate each check runs in a child process with a time limit, so
 * a crash, an exhausted memory or a hang in the checker becomes one RKC030
 * finding on that document and the server goes on.
 * lsp_serve runs the whole protocol on two file descriptors until `exit`,
 * end of input or a closed output, and returns the exit status (0 after
 * shutdown and exit, 1 otherwise). Only lsp_serve does I/O. */
#ifndef RKTC_LSP_SERVER_H
#define RKTC_LSP_SERVER_H

#include "lsp/rpc.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

struct lsp_options {
    int debounce_ms;      /* wait this long after an edit before checking */
    int check_timeout_ms; /* isolate: a check running longer is killed */
    size_t max_message;   /* bodies above this are refused */
    bool isolate;         /* check in a child process */
};

/* The defaults: 150 ms, 20 s, 64 MiB, isolated. */
void lsp_options_default(struct lsp_options *o);

struct lsp_server;

struct lsp_server *lsp_server_new(const struct lsp_options *options);
void lsp_server_free(struct lsp_server *s);
/* Takes the reader's next event and handles it; false when no complete
 * message is buffered. */
bool lsp_server_step(struct lsp_server *s, struct rpc_reader *r, struct buf *out);
/* Handles one message body. */
void lsp_server_message(struct lsp_server *s, const char *body, size_t len, struct buf *out);
/* Checks every stale document and publishes its findings. */
void lsp_server_flush(struct lsp_server *s, struct buf *out);
/* True when a document waits for its check. */
bool lsp_server_stale(const struct lsp_server *s);
/* True after `exit`; *status is the process status it asks for. */
bool lsp_server_exited(const struct lsp_server *s, int *status);
/* True after `shutdown`. */
bool lsp_server_shut_down(const struct lsp_server *s);
/* Number of open documents. */
size_t lsp_server_documents(const struct lsp_server *s);

int lsp_serve(int in_fd, int out_fd, const struct lsp_options *options);

#endif
