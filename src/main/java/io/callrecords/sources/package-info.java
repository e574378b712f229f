/**
 * Sources (sources.md): what real phone systems send — FreeSWITCH CDRs, Asterisk CEL and queue_log, Hipcall's webhooks
 * and API — kept as it came, and translated by a pure function per source into the call-flow events of the calls
 * module. Each platform lives in its own subpackage; this package is the core they share.
 */
package io.callrecords.sources;
