/* version.h — rktc's version string, the one place it is written.
 *
 * Contract: RKTC_VERSION is the release (semantic version) that every
 * report and generated file names. No other header is needed for it, so
 * any layer may include this one. */
#ifndef RKTC_VERSION_H
#define RKTC_VERSION_H

#define RKTC_VERSION "0.1.0"

#endif
