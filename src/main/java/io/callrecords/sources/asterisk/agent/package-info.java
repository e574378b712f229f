/**
 * The Asterisk agent ({@code ./callrecords connect asterisk}): a plain program beside the PBX, no Spring context, that
 * pushes CEL and queue_log to the service over HTTP. Named so that the command line may start it.
 */
@org.springframework.modulith.NamedInterface("asterisk-agent")
package io.callrecords.sources.asterisk.agent;
