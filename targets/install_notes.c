#include "targets/install_notes.h"

#include "util/shell_quote.h"

#include <stdlib.h>
#include <string.h>

static const struct target_file *find(const struct target_output *files, const char *name) {
    for (size_t i = 0; i < files->count; i++)
        if (strcmp(files->files[i].name, name) == 0)
            return &files->files[i];
    return NULL;
}

static bool installable(const struct target_file *f) {
    if (!f || !f->data.data)
        return false;
    static const char mark[] = "\n[Install]\n";
    size_t m = sizeof mark - 1;
    for (size_t i = 0; i + m <= f->data.len; i++)
        if (memcmp(f->data.data + i, mark, m) == 0)
            return true;
    return false;
}

static bool has_suffix(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void systemd_notes(struct buf *out, const struct target_output *files,
                          const char *const *job_ids, size_t job_count) {
    buf_puts(out, "# Installing the systemd units rktc wrote in this directory.\n"
                  "# Run these commands as root, from this directory:\n\n");
    buf_puts(out, "cp --");
    for (size_t i = 0; i < files->count; i++) {
        const char *name = files->files[i].name;
        if (!has_suffix(name, ".service") && !has_suffix(name, ".target") &&
            !has_suffix(name, ".timer"))
            continue;
        buf_puts(out, " \\\n  ");
        shell_quote_str(out, name);
    }
    buf_puts(out, " \\\n  /etc/systemd/system/\nsystemctl daemon-reload\n");
    struct buf by_hand;
    buf_init(&by_hand);
    for (size_t j = 0; j < job_count; j++) {
        char *target = target_job_name(job_ids[j], ".target");
        char *timer = target_job_name(job_ids[j], ".timer");
        const struct target_file *tf = find(files, target), *mf = find(files, timer);
        const char *enable = installable(mf) ? timer : installable(tf) ? target : NULL;
        if (enable) {
            buf_puts(out, "systemctl enable --now ");
            shell_quote_str(out, enable);
            buf_putc(out, '\n');
        } else if (tf) {
            buf_puts(&by_hand, "#   systemctl start ");
            shell_quote_str(&by_hand, target);
            buf_putc(&by_hand, '\n');
        }
        free(target);
        free(timer);
    }
    if (by_hand.len) {
        buf_puts(out, "\n# Not started at boot (a parameterized job, or a periodic job whose\n"
                      "# launches are disabled); start them by hand when needed:\n");
        buf_add(out, by_hand.data, by_hand.len);
    }
    buf_free(&by_hand);
    buf_puts(out, "\n# Each job's .target starts every allocation of the job; `systemctl stop`\n"
                  "# on it stops them. Units of a job rktc builds again are replaced by\n"
                  "# copying them again and running `systemctl daemon-reload`.\n");
}

static void sh_notes(struct buf *out, const struct target_output *files) {
    buf_puts(out, "# Running the launchers rktc wrote in this directory.\n"
                  "# Each launcher runs one task's rkt commands once, in the foreground,\n"
                  "# and must run as root (rkt needs it). Start them with:\n\n");
    for (size_t i = 0; i < files->count; i++) {
        if (!files->files[i].executable)
            continue;
        buf_puts(out, "sudo ./");
        shell_quote_str(out, files->files[i].name);
        buf_putc(out, '\n');
    }
    buf_puts(out, "\n# They do not restart a task that exits: run them under a supervisor\n"
                  "# when they must keep running. SIGTERM or Ctrl-C stops the task.\n");
}

void install_notes(struct buf *out, const struct target_output *files, bool systemd,
                   const char *const *job_ids, size_t job_count) {
    if (systemd)
        systemd_notes(out, files, job_ids, job_count);
    else
        sh_notes(out, files);
}
