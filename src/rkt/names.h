/* names.h — rkt's name grammars and Nomad's name rules (pure functions).
 *
 * Contract: acname_error / acidentifier_error return NULL when the text is
 * valid, else rkt 1.30.0's exact error text (docs/rkt-driver.md §17.3).
 * rkt_volume_task_name gives S, the task name with every `_` turned into
 * `-` (docs/rkt-driver.md, notation). docker_port_name_ok says whether a port name has
 * the `<port>-<proto>` shape docker2aci gives converted ports. */
#ifndef RKTC_RKT_NAMES_H
#define RKTC_RKT_NAMES_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

const char *acname_error(const char *text);
const char *acidentifier_error(const char *text);
char *rkt_volume_task_name(struct arena *arena, const char *task);
bool docker_port_name_ok(const char *text);

#endif
