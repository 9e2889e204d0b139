/* build_facts.c — job facts for the targets (see build_facts.h). */
#include "cli/build_facts.h"
#include "util/arena.h"

#include <stdio.h>
#include <string.h>

struct dropped_list {
    struct arena *arena;
    struct target_job *job;
    size_t cap;
};

static void drop(struct dropped_list *d, const char *what, struct span span) {
    struct target_job *j = d->job;
    if (j->dropped_count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        j->dropped = arena_grow(d->arena, j->dropped, j->dropped_count, cap,
                                sizeof *j->dropped);
        d->cap = cap;
    }
    j->dropped[j->dropped_count++] = (struct target_dropped){what, span};
}

static void drop_list(struct dropped_list *d, const char *what,
                      const struct nomad_list *list) {
    for (size_t i = 0; i < list->count; i++)
        drop(d, what, *(const struct span *)list->items[i]);
}

/* The POSIX TZ footer of a TZif v2+ file: the text between the last two
 * newlines. */
static const char *zone_rule(struct arena *arena, const char *zone) {
    if (!zone || !*zone || strcmp(zone, "UTC") == 0 || strcmp(zone, "Local") == 0 ||
        zone[0] == '/' || strstr(zone, "..") || strlen(zone) > 200)
        return NULL;
    char path[256];
    snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static const long tail = 256;
    char buf[257];
    size_t n = 0;
    if (fseek(f, -tail, SEEK_END) != 0)
        rewind(f);
    n = fread(buf, 1, (size_t)tail, f);
    fclose(f);
    if (n < 2 || buf[n - 1] != '\n')
        return NULL;
    size_t end = n - 1, start = end;
    while (start > 0 && buf[start - 1] != '\n')
        start--;
    if (start == 0)
        return NULL;
    return arena_strndup(arena, buf + start, end - start);
}

void build_facts_from_job(struct arena *arena, const struct source *src,
                          const char *source_name, const struct nomad_job *job,
                          struct target_job *out) {
    memset(out, 0, sizeof *out);
    out->src = src;
    out->source_name = source_name;
    out->id = job->id.set ? job->id.text : "";
    out->type = job->type.set ? job->type.text : "service";
    out->span = job->span;
    if (job->periodic) {
        const struct nomad_periodic *p = job->periodic;
        out->periodic = true;
        out->periodic_span = p->span;
        out->cron = p->spec.set ? p->spec.text : "";
        out->cron_span = p->spec.set ? p->spec.span : p->span;
        out->time_zone = p->time_zone.set ? p->time_zone.text : "";
        out->time_zone_span = p->time_zone.set ? p->time_zone.span : p->span;
        out->prohibit_overlap = p->prohibit_overlap.set && p->prohibit_overlap.value;
        out->periodic_enabled = !p->enabled.set || p->enabled.value;
        out->time_zone_rule = zone_rule(arena, out->time_zone);
    }
    out->parameterized = job->parameterized != NULL;

    struct dropped_list d = {arena, out, 0};
    if (job->update)
        drop(&d, "the update stanza (rolling deployments)", job->update->span);
    if (job->migrate)
        drop(&d, "the migrate stanza", job->migrate->span);
    if (job->reschedule)
        drop(&d, "the reschedule stanza", job->reschedule->span);
    if (job->vault)
        drop(&d, "Vault tokens and policies", job->vault->span);
    drop_list(&d, "affinity (scheduling preference)", &job->affinities);
    drop_list(&d, "spread (scheduling preference)", &job->spreads);
    if (job->parameterized)
        drop(&d, "dispatch of a parameterized job (payloads and meta)",
             job->parameterized->span);

    size_t extra_cap = 0;
    for (size_t g = 0; g < job->groups.count; g++) {
        const struct nomad_group *group = job->groups.items[g];
        if (group->update)
            drop(&d, "the update stanza (rolling deployments)", group->update->span);
        if (group->migrate)
            drop(&d, "the migrate stanza", group->migrate->span);
        if (group->reschedule)
            drop(&d, "the reschedule stanza", group->reschedule->span);
        if (group->vault)
            drop(&d, "Vault tokens and policies", group->vault->span);
        drop_list(&d, "affinity (scheduling preference)", &group->affinities);
        drop_list(&d, "spread (scheduling preference)", &group->spreads);
        drop_list(&d, "service registration and checks (Consul)", &group->services);
        for (size_t v = 0; v < group->volumes.count; v++) {
            const struct nomad_volume *vol = group->volumes.items[v];
            if (vol->type.set && strcmp(vol->type.text, "csi") == 0)
                drop(&d, "CSI volumes", vol->span);
        }
        for (size_t t = 0; t < group->tasks.count; t++) {
            const struct nomad_task *task = group->tasks.items[t];
            if (task->driver.set && strcmp(task->driver.text, "rkt") != 0)
                continue;
            drop_list(&d, "service registration and checks (Consul)", &task->services);
            drop_list(&d, "templates (consul-template)", &task->templates);
            drop_list(&d, "artifacts (go-getter downloads)", &task->artifacts);
            drop_list(&d, "affinity (scheduling preference)", &task->affinities);
            if (task->vault && !task->vault_inherited)
                drop(&d, "Vault tokens and policies", task->vault->span);
            if (task->dispatch_payload)
                drop(&d, "dispatch payloads", task->dispatch_payload->span);
            if (task->shutdown_delay.ns > 0) {
                if (out->extra_count == extra_cap) {
                    extra_cap = extra_cap ? extra_cap * 2 : 4;
                    out->extras = arena_grow(arena, out->extras, out->extra_count,
                                             extra_cap, sizeof *out->extras);
                }
                out->extras[out->extra_count++] = (struct target_task_extra){
                    group->name.text, task->name.text, task->shutdown_delay.ns};
            }
        }
    }
}
